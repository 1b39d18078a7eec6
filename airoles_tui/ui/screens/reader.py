"""The reader: one document of the reference library as formatted text, and the links it makes.

Documents are built with ``Doc`` (literal text in a handful of styles), not the Markdown
widget: a case study renders in well under a millisecond and catalog text can never be markup.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...catalog.library import Entry, Link
from ...catalog.provenance import Marks, is_ours
from ...catalog.records import CaseStudy, Era, Exercise, Pathway, TeamStructure
from ..widgets.doc_view import DocView
from ..widgets.provenance import sign
from ..widgets.text import MUTED, Doc, literal
from .base import AppModalScreen

EMPHASIS = "italic"


def render_entry(entry: Entry) -> Content:
    """The document for any library entry, ending with its provenance."""
    record = entry.record
    ours = Marks(record)
    if isinstance(record, CaseStudy):
        doc = _case(record, ours)
    elif isinstance(record, TeamStructure):
        doc = _team(record, ours)
    elif isinstance(record, Pathway):
        doc = _pathway(record, ours)
    elif isinstance(record, Era):
        doc = _era(record, entry, ours)
    elif isinstance(record, Exercise):
        doc = _exercise(record, ours)
    else:
        raise TypeError(f"no reader for {type(record).__name__}")
    ours.used = ours.used or any(link.ours for link in entry.links)  # marked in the list
    return sign(doc, ours).build()


def _case(c: CaseStudy, ours: Marks) -> Doc:
    doc = Doc().title(c.title, ours.text("period", c.period))
    doc.para("Tags: " + " · ".join(c.tags), MUTED)
    doc.para(ours.text("summary", c.summary), EMPHASIS)
    doc.heading(ours.heading("body", "The story")).paras(c.body)
    doc.section(ours.heading("key_facts", "Key facts"), c.key_facts)
    doc.section(ours.heading("lessons", "Lessons"), c.lessons)
    doc.section(ours.heading("organisations", "Organisations"), ", ".join(c.organisations))
    return doc


def _team(t: TeamStructure, ours: Marks) -> Doc:
    doc = Doc().title(f"{t.number}. {t.name}", "team structure")
    doc.para(ours.text("summary", t.summary), EMPHASIS)
    doc.heading(ours.heading("fits_when", "When it fits")).para(t.fits_when)
    if t.max_practitioners:
        doc.para(ours.text("max_practitioners",
                           f"Rule of thumb: at most {t.max_practitioners} ML practitioners."),
                 MUTED)
    doc.section(ours.heading("description", "How it works"), t.description)
    doc.section(ours.heading("strengths", "Strengths"), t.strengths)
    doc.section(ours.heading("risks", "Risks"), t.risks)
    doc.section(ours.heading("examples", "Who works this way"), ", ".join(t.examples))
    return doc


def _steps(doc: Doc, heading: str, steps: tuple[str, ...]) -> None:
    """Numbered, unless the article already lettered them ("(a) ...")."""
    if not steps:
        return
    doc.heading(heading)
    if all(s.startswith("(") for s in steps):
        doc.bullets(steps)
    else:
        for n, step in enumerate(steps, start=1):
            doc.para(f"{n}. {step}")


def _pathway(p: Pathway, ours: Marks) -> Doc:
    doc = Doc().title(p.name, f"from {p.origin}")
    doc.para(ours.text("summary", p.summary), EMPHASIS)
    doc.section(ours.heading("description", "The route"), p.description)
    _steps(doc, ours.heading("steps", "Steps"), p.steps)
    doc.section(ours.heading("resources", "Resources"), p.resources)
    doc.section(ours.heading("advantage", "Your advantage"), p.advantage)
    return doc


def _era(e: Era, entry: Entry, ours: Marks) -> Doc:
    doc = Doc().title(e.name, e.span())
    if is_ours(e, "name"):
        doc.para(ours.text("name", f"the name \u201c{e.name}\u201d"), MUTED)
    doc.para(ours.text("summary", e.summary), EMPHASIS)
    doc.section(ours.heading("description", "What changed"), e.description)
    if e.events:
        doc.heading(ours.heading("events", "Milestones"))
        for event in e.events:
            doc.field(str(event.year), event.text)
    emerged = [link.title for link in entry.links if link.kind == "role"]
    doc.section(ours.heading("roles_emerged", "Roles that took shape"), [*e.role_names, *emerged])
    doc.section(ours.heading("people", "People"), ", ".join(e.people))
    return doc


def _exercise(e: Exercise, ours: Marks) -> Doc:
    doc = Doc().title(e.title, f"{e.level} exercise")
    doc.heading(ours.heading("task", "Task")).para(e.task)
    _steps(doc, ours.heading("steps", "Steps"), e.steps)
    doc.section(ours.heading("questions", "Questions to answer"), e.questions)
    return doc


class ReaderBody(DocView):
    """The document itself: arrows, j/k, page keys, home/end scroll it. A DocView, so moving
    through the list repaints only the lines that differ."""

    BINDINGS = [
        Binding("j", "scroll_down", "Scroll down", show=False, id="reader.down"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="reader.up"),
        Binding("space", "page_down", "Page down", show=False, id="reader.page"),
        Binding("l", "links", "Links", id="reader.links"),
        Binding("escape", "back", "Back", id="reader.back"),
    ]

    def action_links(self) -> None:
        self.post_message(Reader.FocusLinks())

    def action_back(self) -> None:
        self.post_message(Reader.Back())


class LinkList(OptionList):
    """The roles and documents the open document names; enter follows one."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="links.down"),
        Binding("k", "cursor_up", "Up", show=False, id="links.up"),
        Binding("escape", "back", "Back", id="links.back"),
    ]

    def action_back(self) -> None:
        self.post_message(Reader.Back())


class Reader(Vertical):
    """A document above the list of what it links to."""

    class Follow(Message):
        def __init__(self, link: Link) -> None:
            super().__init__()
            self.link = link

    class Back(Message):
        """Esc in the reader: the pane decides between history and its list."""

    class FocusLinks(Message):
        pass

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.entry: Entry | None = None
        self._links_shown = False
        self._links_title = ""

    def compose(self) -> ComposeResult:
        yield ReaderBody(id="reader-body", gutter=1)
        yield Static(id="reader-links-title")
        yield LinkList(id="reader-links")

    def show(self, entry: Entry | None, message: str = "") -> None:
        """Show ``entry`` from its top (or ``message`` when there is nothing to show)."""
        old_links = self.entry.links if self.entry else ()
        self.entry = entry
        self.query_one(ReaderBody).show(render_entry(entry) if entry else literal(message))
        entry_links = entry.links if entry else ()
        if entry_links == old_links and self._links_shown:
            return
        # The link area keeps its height (the list scrolls beyond LINK_ROWS), so moving
        # through the library repaints a few lines instead of re-laying the reader.
        links = self.query_one(LinkList)
        links.set_options(Option(literal(link.describe()), id=link.key) for link in entry_links)
        if entry_links:
            links.highlighted = 0
        self._links_shown = True
        title = self.query_one("#reader-links-title", Static)
        text = (f"Named here ({len(entry_links)}): l or tab, then enter" if entry_links
                else "Nothing else in the catalog is named here.")
        if text != self._links_title:
            self._links_title = text
            title.update(literal(text))

    @property
    def body_scroll_y(self) -> float:
        return self.query_one(ReaderBody).scroll_y

    def scroll_to_line(self, y: float) -> None:
        self.query_one(ReaderBody).scroll_to(y=y, animate=False, immediate=True)

    def focus_body(self) -> None:
        self.query_one(ReaderBody).focus()

    @on(FocusLinks)
    def _focus_links(self, event: Message) -> None:
        event.stop()
        links = self.query_one(LinkList)
        if links.option_count:
            links.focus()
        else:
            self.app.bell()

    @on(OptionList.OptionSelected, "#reader-links")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.entry is None:
            return
        link = next((lk for lk in self.entry.links if lk.key == event.option.id), None)
        if link is not None:
            self.post_message(self.Follow(link))


class LinksScreen(AppModalScreen[Link | None]):
    """A short pick-list of links (a role's related documents); dismisses with the choice."""

    DEFAULT_CSS = """
    LinksScreen { align: center middle; }
    LinksScreen > Vertical {
        width: 72; max-width: 100%; height: auto; max-height: 90%;
        border: round $accent; background: $panel; padding: 0 1;
    }
    LinksScreen OptionList { border: none; padding: 0; height: auto; max-height: 16; }
    """
    BINDINGS = [
        Binding("escape,q", "close", "Close", id="links.close"),
        Binding("j", "cursor('down')", "Down", show=False, id="links.pick-down"),
        Binding("k", "cursor('up')", "Up", show=False, id="links.pick-up"),
    ]

    def __init__(self, title: str, links: list[Link]) -> None:
        super().__init__()
        self.title_text = title
        self.links = links

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content.assemble(literal(self.title_text, "bold"),
                                          literal("  enter goes, esc closes", MUTED)))
            yield OptionList(*(Option(literal(link.describe()), id=link.key)
                               for link in self.links), id="links-pick")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def action_cursor(self, direction: str) -> None:
        options = self.query_one(OptionList)
        options.action_cursor_down() if direction == "down" else options.action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected, "#links-pick")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(next((lk for lk in self.links if lk.key == event.option.id), None))
