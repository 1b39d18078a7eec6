"""The Org designer pane: plan the AI team, see cost, runway and advice, save, never lose it.

The pane shows and edits the open plan. Its file work (save, conflicts, open, recovery
copies, export, what to ask before quitting) is decided by plan/session.PlanSession; the pane
turns those decisions into dialogs, through ui/document_flow as the skills matrix does. Every
edit marks the plan unsaved and schedules a recovery copy within half a second (a one-shot
timer, so an idle designer costs nothing).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.widget import MountError
from textual.widgets import OptionList, Static

from ...catalog.records import Catalog
from ...paths import default_plans_dir
from ...plan.analysis import Analysis, analyse
from ...plan.document import PlanDocument
from ...documents.loaded import Loaded
from ...plan.limits import describe
from ...plan.model import OrgPlan, money
from ...plan.session import Opened, PlanSession, Problems, Question, Saved
from ...documents.stamp import Stamp
from ..app_api import app_of
from ..document_flow import (
    RecoveryCopies,
    offer_recovery,
    resolve_unsaved,
    save_document,
    show_problems,
)
from ..key_groups import Step
from ..widgets.text import literal, visible
from .base import Pane
from .hire_editor import HireEditor, HireList, hire_line, hire_options, list_columns

SIDE_WIDTH = 34  # the hire list's width below WIDE columns
SUMMARY_ROOM = 80  # the summary line's width before the pane is laid out
WIDE = 110
# The file dialogs and the plan's screens (ui/dialogs, ui/org_screens) are imported by the
# actions that open them: most sessions open none (~0.15 MiB).


class OrgPane(Pane):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="org.save"),
        # Most terminals send ctrl+shift+s as ctrl+s: alt+s (or the palette) always works.
        Binding("alt+s,ctrl+shift+s", "save_as", "Save as", key_display="alt+s",
                id="org.save-as"),
        Binding("ctrl+o", "open", "Open", id="org.open"),
        Binding("e", "edit_plan", "Details", id="org.plan"),
        Binding("g", "growth", "Growth", id="org.growth"),
        Binding("v", "analysis", "Analysis", id="org.analysis"),
        # The plan's pictures (ui/screens/plan_views); the same keys switch between them there.
        Binding("h", "plan_view('timeline')", "Timeline", id="org.timeline"),
        Binding("b", "plan_view('burn')", "Burn", id="org.burn"),
        Binding("o", "plan_view('org')", "Org chart", id="org.chart"),
    ]

    # The help screen's "Build a plan", first on the designer's help: each step names the
    # binding whose key it takes, so the keys shown are the keys that work.
    HELP_STEPS = (
        Step("org.plan", "company, funding, team structure (esc closes)"),
        Step("org.add", "a hire; its form opens on the role"),
        Step("", "the role's name picks it; enter: the next field"),
        Step("", "seniority, start month, team, 90-day deliverable, why"),
        Step("org.next-hire", "a copy of this hire, straight into its form"),
        Step("org.leave", "[ ] move the hire, s sorts by start month"),
        Step("org.growth", "the plan at 50 hires"),
        Step("org.analysis", "cost, runway and the article's notes"),
        Step("org.save", "into the plans folder"),
    )

    def __init__(self, catalog: Catalog, **kwargs) -> None:
        super().__init__(catalog, **kwargs)
        # The open plan and its files: every save, open, restore and quit decision.
        self.session = PlanSession(catalog, default_plans_dir())
        self.selected: int | None = None
        self.copies = RecoveryCopies(self, self.session)  # the recovery copy, as edits come
        self._edit_checkpointed = False
        self._reopen_after_offer = False  # launch's last plan waits for the recovery answer
        self._form_shown = asyncio.Event()
        self._enter_when_shown = False  # an enter on the list came before the form
        self._columns: tuple[str, ...] = ()  # the hire list's extra columns at this width
        self.analysis: Analysis = analyse(self.doc.plan, catalog)

    def compose(self) -> ComposeResult:
        yield Static(id="org-header")
        yield Static(id="org-summary")
        with Horizontal(id="org-body"):
            with Vertical(id="org-side"):
                yield HireList(id="org-hires")
                yield Static(id="org-hint")
            # The form (HireEditor) is most of the pane's cost: it is mounted after the
            # first frame is out, by _mount_editor.

    def on_mount(self) -> None:
        self.session.use_folder(Path(getattr(self.app, "plans_dir", None)
                                     or default_plans_dir()))
        initial: Loaded[OrgPlan] | None = getattr(self.app, "initial_plan", None)
        if initial is not None:
            self._load(initial.document, initial.path, initial.stamp)
            # Focused now, not a call later: a key read as the first frame shows (`open FILE`,
            # then `d` at once) would go to the tabs and be lost.
            self.screen.set_focus(self.query_one(HireList))
            # Other panes focus their lists on mount, which would pull their tab forward.
            self.call_after_refresh(app_of(self).action_show_pane, "org")
        elif self.session.recovery_offer() is None:  # a recovery copy is offered first
            self._reopen_last()
        else:
            self._reopen_after_offer = True
            self._refresh_all(select=0)
        self.call_after_refresh(self._mount_editor)
        self.call_after_refresh(self._offer_recovery)

    def _reopen_last(self) -> None:
        """The plan opened or saved last, as launch finds it; else the blank plan stays."""
        opened = self.session.reopen_last()
        if opened is None:
            self._refresh_all(select=0)
        else:
            self._opened(opened)

    @property
    def doc(self) -> PlanDocument:
        """The open plan, which the pane shows and edits (the session owns it)."""
        return self.session.doc

    @property
    def plans_dir(self) -> Path:
        return self.session.plans_dir

    @property
    def recovery_path(self) -> Path:
        return self.session.recovery_path

    @property
    def built(self) -> bool:
        """Whether the form is there: the app builds a pane before showing it, so a first
        visit draws the whole pane in one frame rather than the list, then the form."""
        return self._editor() is not None

    async def build(self) -> None:
        await self._mount_editor()
        try:  # and has shown the selection (or its "no hire" hint) once
            await asyncio.wait_for(self._form_shown.wait(), 0.5)
        except asyncio.TimeoutError:
            pass

    async def _mount_editor(self) -> None:
        # textual.lazy.Lazy does this too, but raises if the app is already closing (q
        # pressed before the first refresh): here that is simply nothing to do.
        if not self.is_attached or self._editor() is not None:
            return
        try:
            await self.query_one("#org-body").mount(HireEditor(self.catalog, id="org-editor"))
        except (MountError, NoMatches):  # closing, or not composed yet: nothing to do
            pass

    def on_unmount(self) -> None:
        self.copies.stop()
        self.session.close()

    # -- showing the plan ----------------------------------------------------------------

    def on_resize(self, event) -> None:
        # The list keeps 34 cells at 80 columns (the form needs the rest); a wider terminal
        # gives it half the width, and columns (seniority, cost, team, title) as they fit.
        side = SIDE_WIDTH if event.size.width < WIDE else min(event.size.width * 45 // 100, 84)
        try:
            self.query_one("#org-side").styles.width = side
        except NoMatches:  # resized while being composed: the next resize lays it out
            return
        self._refresh_text()  # the summary's first note shows where the width allows
        columns = list_columns(side)
        if columns != self._columns:
            # The list's lines only: the form and the selection stay as they are.
            self._columns = columns
            self._list_options()
            if self.selected is not None:
                self.query_one(HireList).highlighted = self.selected

    def _list_options(self) -> None:
        self.query_one(HireList).set_options(hire_options(
            self.doc.plan.hires, self.catalog, self._columns,
            [c.annual_usd for c in self.analysis.costs]))

    def _refresh_all(self, select: int | None = None) -> None:
        hires = self.doc.plan.hires
        hire_list = self.query_one(HireList)
        self.analysis = analyse(self.doc.plan, self.catalog)
        self._list_options()
        if hires:
            index = min(select if select is not None else 0, len(hires) - 1)
            self.selected = index
            hire_list.highlighted = index
        else:
            self.selected = None
        self._show_selected()
        self._refresh_text()

    def _refresh_text(self) -> None:
        plan = self.doc.plan
        structure = self.catalog.team_structure(plan.structure)
        structure_name = (structure.name.split(" (")[0] if structure
                          else (plan.structure or "no structure chosen"))
        state = "unsaved changes" if self.doc.dirty else "saved"
        where = f" ({self.doc.path.name})" if self.doc.path else ""
        if self.doc.path is None and not self.doc.dirty:
            state = "not saved yet"
        head = (f"{plan.name} · {structure_name} · {state}{where}\n"
                f"{money(plan.funding_usd)} raised · {plan.company or '(company)'} · "
                f"{plan.product or '(product)'}")
        self.query_one("#org-header", Static).update(literal(head))
        self.query_one("#org-summary", Static).update(literal(self._summary()))
        self.query_one("#org-hint", Static).update(literal(self._hint()))

    def _summary(self) -> str:
        """The figures, and the first note in words when the line has room for it: never a
        note cut off in "…" (v shows them all)."""
        summary = self.analysis.summary()
        if not self.analysis.advice:
            return summary + " (v: details)"
        line = f"{summary} (v): {self.analysis.advice[0].message}"
        room = (self.size.width or SUMMARY_ROOM) - 2  # the line's padding
        return line if cell_len(line) <= room else f"{summary} (v shows them)"

    def _hint(self) -> str:
        """The line under the list: what its marks mean, or what to do next. It wraps in the
        34-cell side panel rather than ending in "…"."""
        hires = self.doc.plan.hires
        if not hires:
            return "No hires yet: a adds one, ctrl+o opens the worked example"
        late = next((i for i in range(1, len(hires)) if hires[i].start < hires[i - 1].start),
                    None)
        if late is not None:
            return (f"⚠ hire {late + 1} starts before hire {late}: s sorts by start month")
        return "! unknown role  ? no 90-day plan"

    def _show_selected(self) -> None:
        editor = self._editor()
        if editor is None:
            return  # not mounted yet; it shows the selection when it is (_editor_ready)
        if self.selected is None:
            editor.show(None, None)
            return
        editor.show(self.doc.plan.hires[self.selected], self.analysis.costs[self.selected])

    def _changed(self, *, line: int | None = None, structure: bool = False,
                 select: int | None = None) -> None:
        """After an edit: refresh what depends on it and schedule the recovery copy."""
        self.doc.touch()
        if structure:
            self._refresh_all(select=select)
        else:
            self.analysis = analyse(self.doc.plan, self.catalog)
            if line is not None:
                self.query_one(HireList).replace_option_prompt_at_index(
                    line, hire_line(line, self.doc.plan.hires[line], self.catalog,
                                    self._columns, self.analysis.costs[line].annual_usd))
                if (editor := self._editor()) is not None and line == self.selected:
                    editor.show_cost(self.analysis.costs[line])
            self._refresh_text()
        self.copies.schedule()

    # -- the list and the form -------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#org-hires")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # A refresh of the list sends highlights on its way (the first option, then the one
        # chosen): only the highlight the list holds now selects a hire.
        if event.option_index != event.option_list.highlighted:
            return
        if event.option_index != self.selected:
            self.selected = event.option_index
            self._edit_checkpointed = False
            self._show_selected()

    @on(OptionList.OptionSelected, "#org-hires")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if (editor := self._editor()) is not None:
            editor.enter()
        else:  # read before the form was mounted (`open FILE`, then enter at once)
            self._enter_when_shown = True

    @on(HireList.Command)
    def _command(self, event: HireList.Command) -> None:
        doc = self.doc
        if event.name == "add":
            self._add_and_edit()
        elif event.name == "duplicate" and self.selected is not None:
            index = doc.duplicate_hire(self.selected)
            self._changed(structure=True, select=index)
            self.notify(f"Duplicated {self._hire_name(self.selected - 1)}: u undoes",
                        markup=False)
        elif event.name == "delete" and self.selected is not None:
            name = self._hire_name(self.selected)
            index = doc.delete_hire(self.selected)
            self._changed(structure=True, select=index)
            self.notify(f"Deleted {name}: u undoes", markup=False)
        elif event.name == "undo":
            undone = doc.undo()
            if undone is None:
                self.notify("Nothing to undo", markup=False)
                return
            what, select = undone
            self._changed(structure=True, select=max(select, 0))
            self.notify(f"Undid: {what}", markup=False)
        elif event.name in ("up", "down") and self.selected is not None:
            index = doc.move_hire(self.selected, -1 if event.name == "up" else 1)
            if index != self.selected:
                self._changed(structure=True, select=index)
        elif event.name in ("shift_later", "shift_earlier") and self.selected is not None:
            months = 1 if event.name == "shift_later" else -1
            if doc.shift_starts(self.selected, months):
                self._changed(structure=True, select=self.selected)
            else:
                self.notify(f"Not moved: every start from hire {self.selected + 1} on must "
                            f"stay a month {describe('start')}", severity="warning",
                            markup=False)
        elif event.name == "order":
            if doc.order_by_start():
                self._changed(structure=True, select=0)
                self.notify("Hires ordered by start month: u undoes", markup=False)
            else:
                self.notify("Already in start-month order", markup=False)

    def _add_and_edit(self) -> None:
        role = self.catalog.roles[0].id if self.catalog.roles else "role"
        index = self.doc.add_hire(self.selected, role)
        self._edit_checkpointed = False
        self._changed(structure=True, select=index)
        if (editor := self._editor()) is not None:
            editor.enter()

    @on(HireEditor.NextHire)
    def _next_hire(self) -> None:
        self._add_and_edit()

    def _hire_name(self, index: int) -> str:
        hire = self.doc.plan.hires[index]
        role = self.catalog.role(hire.role)
        return f"hire {index + 1} ({role.name if role else hire.role})"

    def _editor(self) -> HireEditor | None:
        return next(iter(self.query(HireEditor)), None)

    @on(HireEditor.Ready)
    def _editor_ready(self) -> None:
        # After a refresh: the form's Selects pick their first option when they mount, and
        # that must happen before a hire is loaded into them, not after.
        def show() -> None:
            self._show_selected()
            self._form_shown.set()
            if self._enter_when_shown and (editor := self._editor()) is not None:
                self._enter_when_shown = False
                editor.enter()

        self.call_after_refresh(show)

    @on(HireEditor.Changed)
    def _field(self, event: HireEditor.Changed) -> None:
        # The hire the change was typed for, wherever it is now; none if it is gone (deleted,
        # or the plan replaced or undone meanwhile: undo restores copies).
        index = next((i for i, h in enumerate(self.doc.plan.hires) if h is event.hire), None)
        if index is None:
            return
        hire = self.doc.plan.hires[index]
        if getattr(hire, event.field) == event.value:
            return
        if not self._edit_checkpointed or index != self.selected:
            self.doc.checkpoint(f"edits to hire {index + 1}", index)
            self._edit_checkpointed = index == self.selected
        setattr(hire, event.field, event.value)
        self._changed(line=index)

    @on(HireEditor.Leave)
    def _leave(self) -> None:
        self._edit_checkpointed = False
        self.query_one(HireList).focus()

    def focus_list(self) -> None:
        self.query_one(HireList).focus()

    # -- header, growth, analysis ----------------------------------------------------------

    def _apply(self, key: str, value: object) -> None:
        plan = self.doc.plan
        if key.startswith("growth."):
            field = key.removeprefix("growth.")
            if field == "headcount":  # (role id, count): GrowthScreen's one headcount field
                assert isinstance(value, tuple), value
                role, count = value
                if plan.growth.headcount.get(role, 0) == count:
                    return
                if count:
                    plan.growth.headcount[role] = count
                else:
                    plan.growth.headcount.pop(role, None)
            elif _unchanged(getattr(plan.growth, field), value):
                return
            else:
                setattr(plan.growth, field, value)
        elif _unchanged(getattr(plan, key), value):
            return
        else:
            setattr(plan, key, value)
        self._changed()

    def action_edit_plan(self) -> None:
        from ..screens.plan import PlanHeaderScreen

        self.doc.checkpoint("plan details", self.selected or 0)
        self.app.push_screen(PlanHeaderScreen(self.doc.plan, self.catalog, self._apply),
                             lambda _: self._refresh_all(select=self.selected))

    def action_growth(self) -> None:
        from ..screens.plan import GrowthScreen

        self.doc.checkpoint("growth stage", self.selected or 0)
        plan = self.doc.plan
        if not plan.growth.headcount and plan.hires:
            # Start from the plan as it stands: growing to 50 is changing these counts.
            for hire in plan.hires:
                plan.growth.headcount[hire.role] = plan.growth.headcount.get(hire.role, 0) + 1
            plan.growth.structure = plan.growth.structure or plan.structure
            self._changed()
        self.app.push_screen(GrowthScreen(self.doc.plan, self.catalog, self._apply),
                             lambda _: self._refresh_text())

    def action_analysis(self) -> None:
        from ..screens.plan import AnalysisScreen, analysis_doc

        self.app.push_screen(AnalysisScreen(analysis_doc(self.doc.plan, self.analysis,
                                                         self.catalog)))

    def action_plan_view(self, kind: str) -> None:
        from ..screens.plan_views import PlanViewScreen

        self.app.push_screen(PlanViewScreen(kind, self.doc.plan.copy(), self.analysis,
                                            self.catalog))

    # -- recovery --------------------------------------------------------------------------

    def save_recovery(self, durable: bool = False) -> bool:
        """Write (or, for a clean plan, remove) this session's recovery copy."""
        return self.copies.save(durable=durable)

    @work(group="org-recovery", exclusive=True)
    async def _offer_recovery(self) -> None:
        await offer_recovery(self.app, self.session, self._restored)
        if self._reopen_after_offer:  # recovery came first; now the plan the user had open
            self._reopen_after_offer = False
            if self._untouched_launch():
                self._reopen_last()

    def _restored(self, opened: Opened) -> None:
        self._opened(opened)
        self.app.call_later(app_of(self).action_show_pane, "org")

    # -- opening and saving ----------------------------------------------------------------

    def _untouched_launch(self) -> bool:
        """Still the blank plan the pane started with: no plan given on the command line and
        none opened or typed since (the recovery question is modal, but says so here)."""
        return (getattr(self.app, "initial_plan", None) is None and self.doc.path is None
                and not self.doc.dirty)

    def _load(self, plan: OrgPlan, path: Path | None, stamp: Stamp | None,
              *, dirty: bool = False) -> None:
        self._opened(self.session.load(plan, path, stamp, dirty=dirty))

    def _opened(self, opened: Opened) -> None:
        """Show the plan the session has just opened (loaded, restored, new, duplicated)."""
        self._edit_checkpointed = False
        self._refresh_all(select=0)
        if opened.warning:
            self.notify(opened.warning, severity="warning", timeout=8, markup=False)

    async def _problems(self, problems: Problems) -> None:
        await show_problems(self.app, problems)

    async def _resolve_unsaved(self, verb: str) -> bool:
        """True when it is fine to drop the current plan (saved, discarded or clean)."""
        resolved = await resolve_unsaved(self.app, self.session, verb)
        self._refresh_text()  # saved, perhaps: the header says so
        return resolved

    async def _save_flow(self, save_as: bool = False) -> bool:
        saved = await save_document(self.app, self.session, save_as)
        self._refresh_text()
        return saved

    @work(group="org-flow", exclusive=True)
    async def action_save(self) -> None:
        await self._save_flow()

    @work(group="org-flow", exclusive=True)
    async def action_save_as(self) -> None:
        await self._save_flow(save_as=True)

    @work(group="org-flow", exclusive=True)
    async def action_open(self) -> None:
        from ..screens.dialogs import NEW_BLANK, OpenPlanScreen

        if not await self._resolve_unsaved("open another plan"):
            return
        examples, own = self.session.listing()
        choice = await self.app.push_screen_wait(OpenPlanScreen(
            examples, own, str(self.plans_dir), recent=self.session.recent(),
            catalog=self.catalog))
        if choice is None:
            return
        if choice == NEW_BLANK:
            self._opened(self.session.new_blank())
            return
        await self.open_path(Path(choice.partition(":")[2]),
                             template=choice.startswith("example:"))

    async def open_path(self, path: Path, *, template: bool = False) -> bool:
        opened = self.session.open(path, template=template)
        if isinstance(opened, Problems):
            await self._problems(opened)
            return False
        self._opened(opened)
        if template:
            self.notify("Example opened: ctrl+s saves it as your own plan", markup=False)
        return True

    @work(group="org-flow", exclusive=True)
    async def action_compare_plans(self) -> None:
        from ..plan_scenarios import compare_plans

        await compare_plans(self)

    @work(group="org-flow", exclusive=True)
    async def action_duplicate_plan(self) -> None:
        from ..plan_scenarios import duplicate_plan

        await duplicate_plan(self)

    @work(group="org-flow", exclusive=True)
    async def request_quit(self) -> None:
        if await self._resolve_unsaved("quit"):
            self.app.exit()

    # -- export ----------------------------------------------------------------------------

    @work(group="org-flow", exclusive=True)
    async def export(self, fmt: str) -> None:
        from ..screens.dialogs import Choice, ChoiceScreen

        outcome = self.session.export(fmt)
        if isinstance(outcome, Question):
            answer = await self.app.push_screen_wait(ChoiceScreen(
                outcome.title, outcome.text,
                [Choice("c", "Cancel", "cancel"), Choice("o", "Overwrite", "overwrite")],
                cancel_value="cancel"))
            if answer != "overwrite":
                return
            outcome = self.session.export(fmt, force=True)
        if isinstance(outcome, Problems):
            self.notify(outcome.problems[0], severity="error", markup=False)
        elif isinstance(outcome, Saved):
            self.notify(f"Exported {outcome.path}", markup=False)


def _unchanged(current: object, shown: object) -> bool:
    """A field shows text with its control characters made visible (ui/widgets/fields): that
    form of the plan's own text is no edit, and the file keeps the text as it was."""
    return current == shown or (isinstance(current, str) and visible(current) == shown)
