"""airoles-tui: the AI/ML career landscape as a keyboard-first terminal app."""

__version__ = "0.1.0"
