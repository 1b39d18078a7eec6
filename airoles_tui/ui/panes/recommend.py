"""The Recommender pane: the article's rules as a form, with their workings laid open.

Left, the form (background, interests, years); right, one list that the arrows walk through:
the article's answer, every role that scored with what each reason added, the ties, where the
person's years put them in each pay range, and the article's pathway for their background.
Enter on a role opens its card; on the pathway, the pathway itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...catalog.provenance import OURS_TAG
from ...catalog.records import Catalog
from ...recommend.scoring import (
    MAX_YEARS,
    PAY_ASSUMPTION,
    Recommendation,
    Scored,
    bands_legend,
    parse_years,
    pathway_for,
    pathway_match_is_ours,
    pay_range,
    recommend,
    seniority_band,
    unscored,
)
from ...recommend.seniority import CHANGE_NOTE, RULE, Placement, band_line, place
from ..app_api import app_of
from ..widgets.fields import Input
from ..widgets.text import HEADING, MUTED, literal, visible
from .base import Pane

if TYPE_CHECKING:
    from ..app_api import TypedApp

INDENT = 4  # the rank or "+3" column of the results, so wrapped lines hang under the text


class YearsValidator(Validator):
    """Whole years 0–50; empty means "not given yet", which is allowed."""

    def validate(self, value: str) -> ValidationResult:
        if not value.strip():
            return self.success()
        try:
            parse_years(value)
        except ValueError as exc:
            return self.failure(str(exc))
        return self.success()


class ChoiceList(OptionList):
    """A short list of choices whose state is in the text ("(*)", "[x]"), never colour alone."""

    BINDINGS = [
        Binding("space", "select", "Tick", show=False, id="recommend.tick"),
        Binding("j", "cursor_down", "Down", show=False, id="recommend.down"),
        Binding("k", "cursor_up", "Up", show=False, id="recommend.up"),
    ]


class Form(VerticalScroll, can_focus=False):
    """Scrolls when the terminal is short; focus goes to its fields, never to itself."""


class RecommendPane(Pane):
    DEFAULT_CSS = "RecommendPane { layout: horizontal; }"  # the form beside the results

    BINDINGS = [
        Binding("m", "matrix", "Skills matrix", id="recommend.matrix"),
        Binding("y", "focus_years", "Years", id="recommend.years"),
    ]

    def __init__(self, catalog: Catalog, **kwargs) -> None:
        super().__init__(catalog, **kwargs)
        self.rules = catalog.recommender
        self.background = self.rules.backgrounds[0].id if self.rules.backgrounds else ""
        self.interests: list[str] = []
        self.years: int | None = None  # in the background's field
        self.target_years: int | None = None  # already doing the target kind of work
        self.result: Recommendation | None = None
        self._built = False

    def _build(self) -> list[Widget]:
        form = Form(
            Static(literal("Background", "bold"), classes="rec-label"),
            ChoiceList(*self._background_options(), id="rec-background", compact=True),
            Static(literal("Interests (space ticks)", "bold"), classes="rec-label"),
            ChoiceList(*self._interest_options(), id="rec-interests", compact=True),
            Static(literal(f"Years in your field (0–{MAX_YEARS})", "bold"), classes="rec-label"),
            Input(placeholder="e.g. 5", id="rec-years", compact=True,
                  validators=[YearsValidator()], validate_on=["changed", "submitted"]),
            Static(id="rec-years-status"),
            Static(literal("Years doing the target work", "bold"), classes="rec-label"),
            Input(placeholder="0", id="rec-target-years", compact=True,
                  validators=[YearsValidator()], validate_on=["changed", "submitted"]),
            Static(id="rec-target-years-status"),
            # No "m: skills matrix" hint line any more: the footer shows m, and with the
            # second years field a hint made the form taller than 80x24 leaves it, so it
            # scrolled (and where it stood depended on when focus landed).
            id="rec-form")
        return [form, OptionList(id="rec-results")]

    @property
    def built(self) -> bool:
        return self._built

    async def build(self) -> None:
        """The form and results are made the first time the pane is shown, so the pane
        costs a session that never visits it nothing."""
        if self._built:
            return
        self._built = True
        await self.mount_all(self._build())
        ids = [b.id for b in self.rules.backgrounds]
        background = self.query_one("#rec-background", ChoiceList)
        if self.background in ids:
            background.highlighted = ids.index(self.background)
        self.query_one("#rec-interests", ChoiceList).highlighted = 0
        self._refresh()
        if self.app.focused is None or self.app.focused not in self.query("*"):
            background.focus()

    # -- the form -----------------------------------------------------------------------

    def _background_options(self) -> list[Option]:
        return [Option(literal(f"({'*' if b.id == self.background else ' '}) {b.label}"),
                       id=b.id) for b in self.rules.backgrounds]

    def _interest_options(self) -> list[Option]:
        return [Option(literal(f"[{'x' if i.id in self.interests else ' '}] {i.label}"),
                       id=i.id) for i in self.rules.interests]

    def _redraw(self, widget_id: str, options: list[Option]) -> None:
        choices = self.query_one(widget_id, ChoiceList)
        at = choices.highlighted
        choices.set_options(options)
        choices.highlighted = at

    @on(OptionList.OptionHighlighted, "#rec-background")
    @on(OptionList.OptionSelected, "#rec-background")
    def _background(self, event: OptionList.OptionHighlighted) -> None:
        # A radio list: moving onto a background chooses it.
        if event.option.id and event.option.id != self.background:
            self.background = event.option.id
            self._redraw("#rec-background", self._background_options())
            self._refresh()

    @on(OptionList.OptionSelected, "#rec-interests")
    def _interest(self, event: OptionList.OptionSelected) -> None:
        # Kept in the order ticked: like the article's list argument, it breaks ties.
        ident = event.option.id or ""
        if ident in self.interests:
            self.interests.remove(ident)
        else:
            self.interests.append(ident)
        self._redraw("#rec-interests", self._interest_options())
        self._refresh()

    @on(Input.Changed, "#rec-years")
    @on(Input.Changed, "#rec-target-years")
    def _years(self, event: Input.Changed) -> None:
        field = event.input.id or ""
        status = self.query_one(f"#{field}-status", Static)
        result = event.validation_result
        years: int | None = None
        if result is not None and not result.is_valid:
            status.update(Content.assemble(("Refused: ", "bold"),
                                           literal("; ".join(result.failure_descriptions))))
        elif event.value.strip():
            years = parse_years(event.value)
            band = seniority_band(years)
            # The level the years are worth where they were spent; the band each role
            # would start at is on its line in the results (transferable years).
            status.update(literal(f"{band.label} level there ({band.span()} years)"
                                  if field == "rec-years" else "these count in full"))
        else:
            status.update("")
        if field == "rec-years":
            self.years = years
        else:
            self.target_years = years
        self._refresh()

    @on(Input.Submitted, "#rec-years")
    @on(Input.Submitted, "#rec-target-years")
    def _years_done(self) -> None:
        self.query_one("#rec-results", OptionList).focus()

    def action_focus_years(self) -> None:
        # Focus now, not via focus()'s call_later: over SSH "y7" often arrives in one read,
        # and the 7 must land in the field (as FilterBar.open does for "/air").
        self.screen.set_focus(self.query_one("#rec-years", Input))

    # -- the results --------------------------------------------------------------------

    def _refresh(self) -> None:
        self.result = recommend(self.rules, self.background, self.interests)
        results = self.query_one("#rec-results", OptionList)
        keep = results.highlighted_option.id if results.highlighted_option else None
        results.set_options(self._options(self.result))
        ids = [o.id for o in results.options]
        results.highlighted = ids.index(keep) if keep and keep in ids else next(
            (n for n, o in enumerate(results.options) if not o.disabled), None)

    def _role_name(self, role_id: str) -> str:
        role = self.catalog.role(role_id)
        return role.name if role else role_id

    def _options(self, rec: Recommendation) -> list[Option]:
        interests = ", ".join(rec.interests) if rec.interests else "no interests ticked"
        options = [
            _heading(f"The article's answer: top {rec.top_n}"),
            *[Option(self._top_prompt(s), id=f"top:{s.role}") for s in rec.top],
            _heading("Every role that scored, and why"),
            Option(literal(f"{self.rules.base_score} points per role of your background, "
                           f"{self.rules.interest_bonus} per matching interest "
                           f"({interests}). Equal scores keep the order the rules met them.",
                           MUTED), disabled=True),
        ]
        for s in rec.ranking:
            if s.rank == rec.top_n + 1:
                options.append(Option(literal(f"- beyond the article's top {rec.top_n} -",
                                              MUTED), disabled=True))
            options.append(Option(self._scored_prompt(rec, s), id=f"all:{s.role}"))
        cut = rec.tie_at_cut()
        if cut:
            names = ", ".join(self._role_name(s.role) for s in cut)
            them = "them" if len(cut) > 1 else "it"
            options.append(Option(literal(
                f"Tie at the cut: {names} scored {cut[0].score} like "
                f"{self._role_name(rec.top[-1].role)}, and {'miss' if len(cut) > 1 else 'misses'}"
                f" the top {rec.top_n} only because the rules met {them} later.", "bold"),
                disabled=True))
        missed = unscored(self.catalog, rec)
        if missed:
            options.append(Option(literal(
                "No points from these answers: " + ", ".join(map(self._role_name, missed))
                + ".", MUTED), disabled=True))
        options.append(_heading("Your years, and where you would start"))
        options.append(Option(self._years_prompt(rec), id="years"))
        pathway = pathway_for(self.catalog, rec.background)
        if pathway is not None:
            ours = pathway_match_is_ours(self.catalog, rec.background, pathway)
            options.append(_heading("The article's pathway for your background"
                                    + (f"  {OURS_TAG}: the match" if ours else "")))
            lines = [literal(pathway.name, "bold"), *(
                literal(f"\n- {step}") for step in pathway.steps)]
            options.append(Option(Content.assemble(*lines), id=f"pathway:{pathway.id}"))
        return options

    def placement(self, role_id: str) -> Placement | None:
        """Where this person would likely start in the role; None until years are typed."""
        if self.years is None and self.target_years is None:
            return None
        return place(self.rules, self.background, role_id, self.years or 0,
                     self.target_years or 0)

    def _skills(self, role_id: str) -> str:
        """" · skills 4/9" once the person has marked any of the role's key skills."""
        store = getattr(self.app, "progress", None)
        role = self.catalog.role(role_id)
        if store is None or role is None or not store.progress.marks:
            return ""
        count = store.count(role)
        return f" · skills {count.label()}" if count.marked else ""

    def progress_changed(self, role_id: str) -> None:
        if self._built:  # the scores' "skills 4/9"
            self._refresh()

    def _top_prompt(self, s: Scored) -> Table:
        rows = [(f"{s.rank}.", self._role_name(s.role) + self._skills(s.role), "bold"),
                ("", s.reason, "")]
        rows.append(("", pay_range(self.catalog, s.role), "dim"))
        placed = self.placement(s.role)
        if placed is not None:
            rows.append(("", band_line(self.catalog, placed, why=False), ""))
        return _hanging(rows)

    def _scored_prompt(self, rec: Recommendation, s: Scored) -> Table:
        tied = rec.tied_with(s.role)
        head = f"{self._role_name(s.role)}: {s.score} points{self._skills(s.role)}"
        if tied:
            head += ", tied with " + ", ".join(self._role_name(t.role) for t in tied)
        rows = [(f"{s.rank}.", head, "bold")]
        rows += [(f"+{points}", reason, "")
                 for points, reason in zip(s.points, s.reasons, strict=True)]
        return _hanging(rows)

    def _years_prompt(self, rec: Recommendation) -> Content:
        legend = f"Bands: {bands_legend()}."
        placed = [p for p in map(self.placement, (s.role for s in rec.top)) if p is not None]
        if not placed:
            return Content.assemble(
                literal("Type your years (y) to see where you would likely start in each "
                        "pay range above.", "bold"), literal(f"\n{legend}\n{RULE}", MUTED))
        field, target, current = self.years or 0, self.target_years or 0, placed[0].current
        lines = [literal(f"{field} years in your field, {target} doing the target work: "
                         f"you leave at the {current.label} band ({current.span()} years)",
                         "bold")]
        if any(p.below_current for p in placed):
            lines.append(literal(f"\n{CHANGE_NOTE}", "bold"))
        lines.append(literal(f"\n{RULE}\n{legend}\n{PAY_ASSUMPTION}", MUTED))
        return Content.assemble(*lines)

    @on(OptionList.OptionSelected, "#rec-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        kind, _, ident = (event.option.id or "").partition(":")
        if kind in ("top", "all"):
            app_of(self).show_role(ident)
        elif kind == "years":
            self.action_focus_years()
        elif kind == "pathway":  # the option's id is the document's key
            app_of(self).show_document(f"{kind}:{ident}")

    # -- the skills matrix --------------------------------------------------------------

    def action_matrix(self) -> None:
        from ..screens.skills_matrix import SkillsMatrixScreen

        # The app keeps the matrix (ui/matrix_keeper): closing the screen loses nothing.
        self.app.push_screen(SkillsMatrixScreen(self.catalog, app_of(self).matrix_keeper))


def open_skills_matrix(app: TypedApp) -> None:
    """From anywhere (the command palette): the Recommender pane, then its matrix."""
    # The pane may not be made yet (panes are made on first visit): shown, then opened.
    app.show_pane_then("recommender", lambda: app.query_one(RecommendPane).action_matrix())


def _hanging(rows: list[tuple[str, str, str]]) -> Table:
    """Rows of (margin, text, style): text wraps under itself, not under the margin."""
    grid = Table.grid(padding=0)
    grid.add_column(width=INDENT, no_wrap=True)
    grid.add_column(ratio=1)
    for margin, text, style in rows:
        grid.add_row(Text(visible(margin), style=style), Text(visible(text), style=style))
    return grid


def _heading(text: str) -> Option:
    return Option(literal(text, HEADING), disabled=True)
