"""Input and TextArea (widgets/text_area) that never hold a control character: the app's
only editable fields.

Stock fields render their value as it is, so a plan title holding ``ESC ] 52 ;`` set the
user's clipboard when shown in the designer, and ``ESC [ 2 J`` cleared the screen. These
drop-in subclasses (same names, same messages) pass every value through the one sanitiser
(``controls.visible``) as it enters the field: set by the app, typed or pasted. The field
then shows what the text really holds (``␛``, ``⍰9B``), and cursor columns stay right because
the value itself has no zero-width control left to miscount.

TextArea lives in a module of its own: Textual's TextArea is 11 modules and 0.6 MiB, and the
roles pane's filter (an Input) would load it into every session that never opens the designer.
"""

from __future__ import annotations

from textual.widgets import Input as _Input

from ...controls import visible


class Input(_Input):
    def validate_value(self, value: str) -> str:  # Textual's reactive validation hook
        return visible(value)
