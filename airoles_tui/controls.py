"""Control characters from data shown as visible stand-ins: the one sanitiser on every road
from a file to a terminal (the TUI's widgets, notifications, and headless output alike).

A plan title holding ``ESC ] 52 ;`` would set the user's clipboard, ``ESC [ 2 J`` clear the
screen, and U+009B (the one-character CSI) acts like ESC [ on many terminals. C0 controls
(except tab and newline, which text legitimately holds) and DEL become their Unicode control
pictures (``␛``); C1 controls (U+0080-U+009F), which have no pictures, become ``⍰`` plus
their code in hex (``⍰9B``) so the user still sees exactly what is there.
"""

from __future__ import annotations

import json
import re
from typing import Any

_MAP = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A)}
_MAP[0x7F] = "\u2421"
_MAP.update({c: f"\u2370{c:02X}" for c in range(0x80, 0xA0)})

_ANY = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ANY_LINE = re.compile("[\x00-\x1f\x7f-\x9f]")  # also tab and newline


def visible(text: str) -> str:
    """``text`` with every C0/C1 control (but tab and newline) replaced by a visible stand-in."""
    return text.translate(_MAP) if _ANY.search(text) else text


def visible_line(text: str) -> str:
    """Like ``visible``, and tab and newline too: for a one-line field or a message line."""
    if not _ANY_LINE.search(text):
        return text
    return text.translate({**_MAP, 0x09: "\u2409", 0x0A: "\u2424"})


def has_controls(text: str) -> bool:
    return _ANY.search(text) is not None


_RAW_IN_JSON = re.compile("[\x7f-\x9f]")


def json_text(value: Any, indent: int | None = 2) -> str:
    """``value`` as JSON text holding no raw control character: json escapes C0 itself, and
    DEL and C1 are escaped here (``\\u009b``), so the data a program reads stays exact."""
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
