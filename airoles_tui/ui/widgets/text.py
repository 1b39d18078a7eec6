"""The one way catalog and user text reaches the screen: as literal Content, never markup.

Plain strings handed to Static, Label, Tree or notify are parsed as markup, so a skill named
``[bold]`` or a deliverable with ``[/]`` would restyle the screen or raise MarkupError.
Everything the app shows from data goes through ``literal`` or ``Doc``.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.content import Content

from ...controls import visible  # noqa: F401 - re-exported: the widgets' way to it

HEADING = "bold $accent"
LABEL = "bold"
MUTED = "$text-muted"
BULLET = "• "


def as_markup(text: str) -> str:
    """Markup that parses back to exactly ``text``, for the few APIs that insist on parsing a
    str themselves (the command palette's help line). Escaping each ``[`` is enough: checked
    against textual's parser over random strings of brackets, slashes, backslashes and ``$``;
    ``textual.markup.escape`` is not (it doubles backslashes and drops ``[$x]``)."""
    return visible(text).replace("[", "\\[")


def literal(text: str, style: str = "") -> Content:
    """Text exactly as written, optionally in one style."""
    return Content.styled(visible(text), style) if style else Content(visible(text))


def label(text: str, style: str = "") -> Text:
    """Literal text for widgets that still take Rich renderables (Tree labels)."""
    return Text(visible(text), style=style, no_wrap=True, end="")


class Doc:
    """Builds a formatted document (headings, labelled fields, lists) as literal Content.

    Cheaper than the Markdown widget by orders of magnitude, and safe by construction: only
    the styles chosen here are ever applied, never anything found inside the text.
    """

    def __init__(self) -> None:
        self._parts: list[str | tuple[str, str]] = []

    def _add(self, text: str, style: str = "") -> None:
        self._parts.append((visible(text), style) if style else visible(text))

    def _gap(self) -> None:
        if self._parts:
            self._parts.append("\n")

    def title(self, text: str, subtitle: str = "") -> Doc:
        self._add(text, "bold reverse")
        if subtitle:
            self._add("  ")
            self._add(subtitle, MUTED)
        self._parts.append("\n")
        return self

    def heading(self, text: str) -> Doc:
        self._gap()
        self._add(text, HEADING)
        self._parts.append("\n")
        return self

    def para(self, text: str, style: str = "") -> Doc:
        if text:
            self._add(text, style)
            self._parts.append("\n")
        return self

    def paras(self, items: Iterable[str], style: str = "") -> Doc:
        """Running text: paragraphs with a blank line between them."""
        for n, item in enumerate(i for i in items if i):
            if n:
                self._parts.append("\n")
            self.para(item, style)
        return self

    def field(self, label: str, value: str) -> Doc:
        if value:
            self._add(f"{label}: ", LABEL)
            self._add(value)
            self._parts.append("\n")
        return self

    def bullets(self, items: Iterable[str], marker: str = BULLET) -> Doc:
        for item in items:
            self._add(marker)
            self._add(item)
            self._parts.append("\n")
        return self

    def section(self, heading: str, body: str | Iterable[str]) -> Doc:
        """A heading and its body; skipped entirely when the body is empty."""
        items = [body] if isinstance(body, str) else list(body)
        items = [i for i in items if i]
        if not items:
            return self
        self.heading(heading)
        if isinstance(body, str):
            return self.para(body)
        return self.bullets(items)

    def build(self) -> Content:
        return Content.assemble(*self._parts).rstrip()
