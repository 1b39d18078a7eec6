"""The yardstick: the smallest useful Textual app (a tree of 12 items and a footer).

The benchmark runs it beside airoles-tui, with the same Textual, in the same pty, so every
figure it prints is a ratio to what Textual itself costs rather than an absolute that drifts
with the machine.
"""

from __future__ import annotations

import os

os.environ.setdefault("ESCDELAY", "25")

from textual.app import App, ComposeResult  # noqa: E402
from textual.binding import Binding  # noqa: E402
from textual.widgets import Footer, Tree  # noqa: E402

READY = "Minimal"


class MinimalApp(App[None]):
    TITLE = READY
    BINDINGS = [Binding("q", "quit", "Quit", id="quit")]

    def compose(self) -> ComposeResult:
        tree: Tree[None] = Tree(READY)
        for family in range(3):
            node = tree.root.add(f"Family {family + 1}", expand=True)
            for item in range(4):
                node.add_leaf(f"Item {family * 4 + item + 1}")
        tree.root.expand()
        yield tree
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Tree).focus()


if __name__ == "__main__":
    MinimalApp().run()
