"""The Case studies pane: the article's reference library in one list, beside the reader.

Sections: the four case studies, then the team structures, career pathways, eras of AI roles
and exercises. Moving through the list shows each document at once; enter moves into the
reader, whose links lead to roles and other documents (esc comes back).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from ...catalog import library
from ...catalog.library import Entry
from ...catalog.records import Catalog
from ..app_api import app_of
from ..screens.reader import Reader
from ..widgets.filter_bar import FilterBar
from ..widgets.text import MUTED, literal
from .base import Pane

HEADER_PREFIX = "section:"


@dataclass(frozen=True)
class DocPlace:
    """Where the reader is; two places are the same document whatever the scroll."""

    key: str
    scroll_y: int = field(default=0, compare=False)


class DocList(OptionList):
    """Section headings are disabled options, so the cursor skips them."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="cases.down"),
        Binding("k", "cursor_up", "Up", show=False, id="cases.up"),
    ]

    # Set by the pane: called with the highlighted option's id as the cursor lands on it.
    follow: Callable[[str], None] | None = None

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        # The reader follows in the same frame as the cursor; the OptionHighlighted message
        # arrives only after the list has been painted, a frame (and a repaint) later.
        if self.follow is not None and highlighted is not None:
            option = self.options[highlighted]
            if not option.disabled and option.id:
                self.follow(option.id)


def _prompt(entry: Entry) -> Content:
    if entry.kind == "case":
        # The list gives the short title ("Scale AI"); the reader the whole one.
        short = entry.title.split(": ")[0]
        return Content.assemble(literal(short), "\n", literal(entry.subtitle, MUTED))
    if entry.kind in ("era", "exercise"):
        return Content.assemble(literal(entry.subtitle + " ", MUTED), literal(entry.title))
    return literal(entry.title)


class CasesPane(Pane):
    """List and reader. Owns the `/` filter of the document list; its location is the document
    shown and how far it is read."""

    BINDINGS = [
        Binding("slash", "filter", "Filter", id="cases.filter"),
    ]

    def __init__(self, catalog: Catalog, **kwargs) -> None:
        super().__init__(catalog, **kwargs)
        self.entries = library.entries(catalog)
        self._shown: str | None = None

    def compose(self) -> ComposeResult:
        yield FilterBar("Filter by title, tag or text…", id="cases-filter", on_change=self._fill)
        with Horizontal(id="cases-body"):
            with Vertical(id="cases-side"):
                yield DocList(id="cases-list")
                yield Static(id="cases-status")
            yield Reader(id="reader")

    def on_mount(self) -> None:
        self.query_one(DocList).follow = self._show_key
        self._fill("")

    # -- the list ------------------------------------------------------------------------

    def _fill(self, query: str) -> None:
        found = library.matching(self.entries, query) if query else self.entries
        doc_list = self.query_one(DocList)
        doc_list.clear_options()
        options: list[Option] = []
        for kind, heading, _ in library.SECTIONS:
            members = [e for e in found if e.kind == kind]
            if not members:
                continue
            options.append(Option(literal(f"{heading} ({len(members)})", "bold"),
                                  id=HEADER_PREFIX + kind, disabled=True))
            options.extend(Option(_prompt(e), id=e.key) for e in members)
        doc_list.add_options(options)
        status = self.query_one("#cases-status", Static)
        total = len(self.entries)
        if query:
            # The query is in the filter field above: not repeated, so the line fits.
            status.update(literal(f"{len(found)} of {total} match" if found
                                  else "Nothing matches · esc clears"))
        else:
            status.update(literal(f"{total} documents · / filter"))
        if found:
            doc_list.highlighted = 1  # 0 is the first section's heading
        else:
            self._show(None, "Nothing matches the filter.")

    @on(OptionList.OptionHighlighted, "#cases-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(library.find(self.entries, event.option.id or ""))

    @on(OptionList.OptionSelected, "#cases-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one(Reader).focus_body()

    def _show_key(self, key: str) -> None:
        self._show(library.find(self.entries, key))

    def _show(self, entry: Entry | None, message: str = "") -> None:
        key = entry.key if entry else None
        if key is not None and key == self._shown:
            return
        self._shown = key
        self.query_one(Reader).show(entry, message)

    @property
    def current(self) -> Entry | None:
        return library.find(self.entries, self._shown) if self._shown else None

    def open(self, key: str) -> bool:
        """Show the document ``key`` in the reader and focus it (clearing a filter that hides
        it); False if the catalog has no such document."""
        if library.find(self.entries, key) is None:
            return False
        doc_list = self.query_one(DocList)
        try:
            index = doc_list.get_option_index(key)
        except OptionDoesNotExist:
            self.query_one(FilterBar).reset()
            self._fill("")
            index = doc_list.get_option_index(key)
        doc_list.highlighted = index
        self._show(library.find(self.entries, key))
        self.query_one(Reader).focus_body()
        return True

    # -- Pane: where the back stack brings the user ----------------------------------------

    def location(self) -> DocPlace | None:
        if self._shown is None:
            return None
        return DocPlace(self._shown, round(self.query_one(Reader).body_scroll_y))

    def restore(self, state: DocPlace) -> None:
        if self.open(state.key):
            self.query_one(Reader).scroll_to_line(state.scroll_y)

    # -- the reader's requests -------------------------------------------------------------

    @on(Reader.Follow)
    def _follow(self, event: Reader.Follow) -> None:
        link = event.link
        if link.kind == "role":
            app_of(self).show_role(link.id)
        else:
            app_of(self).show_document(link.key)

    @on(Reader.Back)
    def _back(self) -> None:
        navigator = getattr(self.app, "navigator", None)
        if navigator is not None and navigator.arrived_here():
            navigator.back()
        else:
            self.query_one(DocList).focus()

    # -- the filter ------------------------------------------------------------------------

    def action_filter(self) -> None:
        self.query_one(FilterBar).open()

    @on(FilterBar.Done, "#cases-filter")
    @on(FilterBar.Cleared, "#cases-filter")  # emptying the field has refilled the list
    def _back_to_list(self) -> None:
        self.query_one(DocList).focus()
