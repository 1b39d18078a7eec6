"""Input and TextArea that never hold a control character: the app's only editable fields.

Stock fields render their value as it is, so a plan title holding ``ESC ] 52 ;`` set the
user's clipboard when shown in the designer, and ``ESC [ 2 J`` cleared the screen. These
drop-in subclasses (same names, same messages) pass every value through the one sanitiser
(``controls.visible``) as it enters the field: set by the app, typed or pasted. The field
then shows what the text really holds (``␛``, ``⍰9B``), and cursor columns stay right because
the value itself has no zero-width control left to miscount.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Input as _Input
from textual.widgets import TextArea as _TextArea

from ...controls import has_controls, visible

if TYPE_CHECKING:
    from textual.widgets.text_area import Edit


class Input(_Input):
    def validate_value(self, value: str) -> str:  # Textual's reactive validation hook
        return visible(value)


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
