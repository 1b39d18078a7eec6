"""The designer's multi-line field: a TextArea that never holds a control character (see
widgets/fields, which has the Input; apart so a session without the designer never loads
Textual's TextArea)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import TextArea as _TextArea

from ...controls import has_controls, visible

if TYPE_CHECKING:
    from textual.widgets.text_area import Edit


class TextArea(_TextArea):
    def __init__(self, text: str = "", **kwargs) -> None:
        super().__init__(visible(text), **kwargs)

    def load_text(self, text: str) -> None:
        super().load_text(visible(text))

    def edit(self, edit: Edit):
        """Every change (typing, paste, replace, insert) is an Edit: its text made visible."""
        if has_controls(edit.text):
            edit.text = visible(edit.text)
        return super().edit(edit)
