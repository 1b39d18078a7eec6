"""The App: its panes, global keys, palette and theme. Panes do the work."""

from __future__ import annotations

import argparse
import gc
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import events, on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.css.query import NoMatches
from textual.timer import Timer
from textual.widget import MountError, Widget
from textual.widgets import Input, TabbedContent, TabPane

from ..catalog.records import Catalog
from ..paths import default_plans_dir, matrices_dir, styles_dir
from .lifecycle import Lifecycle
from .navigation import Navigator
from .palette import AppCommands, DocumentCommands, LearningPlanCommands, RoleCommands
from .panes import PANES, PaneSpec
from .panes.base import Pane
from .panes.roles import RolesPane
from .plan_commands import PlanCommands
from .screens.base import AppScreen
from .textual_compat import install as install_textual_patches
from .textual_compat import turned_off
from .textual_compat.hidden_panes import forget_rendering, forget_text_widths
from .textual_compat.screen_diff import DiffingApp
from .theme import remember, starting_theme
from .widgets.footer import OrderedFooter, keys_footer
from .widgets.size_notice import SizeNotice
from .widgets.text import visible

if TYPE_CHECKING:
    from ..documents.loaded import Loaded
    from ..plan.model import OrgPlan
    from .matrix_keeper import MatrixKeeper
    from ..recommend.progress import ProgressStore
    from .app_api import AppApi, TypedApp
    from .panes.org import OrgPane

install_textual_patches()  # before any widget draws a line


# The keys a footer at 80 columns must not cut off, most important first: going back after
# a link, then the designer's own (add, edit, its three views, save).
FOOTER_FIRST = ("app.back", "org.add", "org.edit", "org.plan", "org.growth", "org.analysis",
                "org.save", "org.leave", "org.next-hire")
COLLECT_AFTER_SWITCH = 0.25  # seconds after the last pane switch: see _collect_soon


def pane_keys(panes: list[PaneSpec]) -> list[BindingType]:
    """``1``..``n``: one key per tab, in the order of ``panes``."""
    return [Binding(str(n), f"show_pane('{p.id}')", p.title, show=False, id=f"app.pane-{n}")
            for n, p in enumerate(panes, start=1)]


class AiRolesApp(DiffingApp[int]):
    TITLE = "airoles-tui"
    CSS_PATH = [str(styles_dir() / "app.tcss"), str(styles_dir() / "roles.tcss"),
                str(styles_dir() / "cases.tcss"), str(styles_dir() / "recommend.tcss"),
                str(styles_dir() / "org.tcss")]
    COMMANDS = App.COMMANDS | {RoleCommands, DocumentCommands, AppCommands, PlanCommands,
                               LearningPlanCommands}
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark,f1", "help", "Help", key_display="?", id="app.help"),
        Binding("t", "comparison", "Table", id="app.table"),
        Binding("p", "pay_chart", "Pay", id="app.pay-chart"),
        # Not priority: the reader, a card or a filter field gets esc / backspace first.
        Binding("escape,backspace,alt+left", "back", "Back", key_display="esc",
                id="app.back"),
        # As in vim, less and htop: line noise or a `write` from another user over ssh
        # leaves junk on the screen, and ctrl+l draws all of it again.
        Binding("ctrl+l", "redraw", "Redraw the screen", show=False, priority=True,
                id="app.redraw"),
        *pane_keys(PANES),
    ]
    # The tabs, in order (ui/panes): a subclass with other panes gets their number keys.
    PANES: ClassVar[list[PaneSpec]] = PANES

    def __init_subclass__(cls, *args: Any, **kwargs: Any) -> None:
        if "PANES" in vars(cls) and "BINDINGS" not in vars(cls):
            cls.BINDINGS = pane_keys(cls.PANES)  # merged over the app's own by Textual
        super().__init_subclass__(*args, **kwargs)

    def __init__(self, catalog: Catalog, *, start_pane: str = "roles",
                 theme: str | None = None, plans_dir: Path | None = None,
                 initial_plan: Loaded[OrgPlan] | None = None, lazy_panes: bool | None = None) -> None:
        super().__init__()
        self.lazy_panes = lazy_panes  # None: made on first visit in a terminal, not headless
        # Over SSH an animation is a stream of frames for nothing: the tab underline's slide
        # alone kept a pane switch writing for a long while.
        self.animation_level = "none"
        self.plans_dir = plans_dir  # None: the user's data dir (paths.default_plans_dir)
        self.initial_plan = initial_plan  # from `airoles-tui open FILE`
        if theme:
            self.set_reactive(App.theme, theme)  # before the first frame, without saving it
            # set_reactive skips the watcher: the variables the stylesheet and Content styles
            # ("$accent" in a Content) resolve against are still the default theme's.
            self.stylesheet.set_variables(self.get_css_variables())
        self.catalog = catalog
        self.start_pane = start_pane
        self._chosen_pane = start_pane  # the pane shown, or to show once it is made
        self.navigator = Navigator(self)
        self._collect_timer: Timer | None = None
        self._progress: ProgressStore | None = None
        self._matrix_keeper: MatrixKeeper | None = None

    @property
    def progress(self) -> ProgressStore:
        """The user's skill marks, read on first use (the tree's first fill)."""
        if self._progress is None:
            from ..recommend.progress import ProgressStore

            self._progress = ProgressStore()
        return self._progress

    @property
    def matrix_keeper(self) -> MatrixKeeper:
        """The skills matrix being edited, its file and recovery copy, made on first use."""
        if self._matrix_keeper is None:
            from .matrix_keeper import MatrixKeeper
            from .panes.recommend import open_skills_matrix

            me = cast("TypedApp", self)  # what open_skills_matrix asks of an app
            self._matrix_keeper = MatrixKeeper(self, self.catalog,
                                               lambda: open_skills_matrix(me))
        return self._matrix_keeper

    def progress_changed(self, role_id: str) -> None:
        """A skill was marked: the tree's "4/9", the card and the recommender follow."""
        for pane in self.panes():
            pane.progress_changed(role_id)

    def open_skills(self, role_id: str) -> None:
        """The key skills of a role, to mark have / learning / skip."""
        from .screens.skills import SkillsScreen

        role = self.catalog.role(role_id)
        if role is not None:
            self.push_screen(SkillsScreen(role, self.progress),
                             lambda _: self.progress_changed(role_id))

    def open_learning_plan(self, role_id: str) -> None:
        """The learning plan for a role: for the background chosen in the Recommender, if
        the person has been there, else every pathway the article gives into the role."""
        from ..recommend.learning import learning_plan
        from .screens.learning_plan import LearningPlanScreen

        role = self.catalog.role(role_id)
        if role is None:
            return
        background = ""
        recommender = self.pane("recommender")
        if recommender is not None and recommender.built:
            from .panes.recommend import RecommendPane  # made, so imported already

            if isinstance(recommender, RecommendPane):
                background = recommender.background
        plan = learning_plan(self.catalog, self.progress.progress, role, background)
        self.push_screen(LearningPlanScreen(self.catalog, plan))

    def get_default_screen(self) -> AppScreen:
        return AppScreen(id="_default")

    def on_mount(self) -> None:
        if not self.is_headless:  # SIGHUP, SIGTERM or a vanished terminal: save, then exit
            Lifecycle(self, self.save_unsaved).install()
        # A process resumed in the foreground (fg after ctrl+z) finds the screen as the shell
        # left it: nothing on it can be vouched for.
        self.app_resume_signal.subscribe(self, lambda _app: self.invalidate_screen(),
                                         immediate=True)
        if self._progress is not None and self._progress.problem:
            self.notify(self._progress.problem, title="Skill marks", severity="error",
                        timeout=30, markup=False)

    def pane(self, pane_id: str) -> Pane | None:
        """The pane of the tab ``pane_id``, or None while it is not made (or the app is not
        composed yet, or closing). Whatever screen is on top."""
        if not self.screen_stack:
            return None
        try:
            tab = self.screen_stack[0].query_one("#panes", TabbedContent).get_pane(pane_id)
        except (NoMatches, ValueError):
            return None
        return next((w for w in tab.children if isinstance(w, Pane)), None)

    def panes(self) -> list[Pane]:
        """The panes made so far, in tab order."""
        return [p for p in (self.pane(spec.id) for spec in self.PANES) if p is not None]

    def org_pane(self) -> OrgPane | None:
        """The designer, if it has been made (without importing it to look)."""
        pane = self.pane("org")
        if pane is None:
            return None
        from .panes.org import OrgPane  # made, so imported already

        return pane if isinstance(pane, OrgPane) else None

    def in_designer(self, use: Callable[[OrgPane], object], *, show: bool = True) -> None:
        """Run ``use(designer)`` once the designer exists: made on first use, and (``show``)
        built and shown first, so a command from the palette acts in the pane the user sees."""
        def run() -> None:
            org = self.org_pane()
            if org is not None:
                use(org)

        if show:
            self.show_pane_then("org", run)
        else:
            self.when_made("org", run)

    def save_unsaved(self) -> None:
        """Put unsaved work somewhere safe now (the process may be about to end)."""
        org = self.org_pane()
        if org is not None:
            org.save_recovery(durable=True)
        if self._matrix_keeper is not None:
            self._matrix_keeper.keep()
        self.save_marks()

    def save_marks(self) -> None:
        """Skill marks are written as made; this makes them durable and retries a failed
        write (SIGHUP, SIGTERM and the end of the session)."""
        if self._progress is not None:
            from ..files import WriteError

            try:
                self._progress.flush()
            except WriteError:
                pass  # shown when the mark was made; nothing more can be done on the way out

    async def action_quit(self) -> None:
        org = self.org_pane()
        if org is None:
            self.exit()
        else:
            org.request_quit()  # asks first when the plan has unsaved changes

    def watch_theme(self, name: str) -> None:
        remember(self, name)  # chosen from the palette: start with it next time

    def compose(self) -> ComposeResult:
        # Panes are made on first visit: a session that only browses roles never pays for
        # the others. Headless runs (Pilot tests, which query
        # panes at once) make everything up front unless asked not to.
        lazy = not self.is_headless if self.lazy_panes is None else self.lazy_panes
        self._unmade: dict[str, PaneSpec] = {}
        self._first_frame_seen = False
        with TabbedContent(initial=self.start_pane, id="panes"):
            for n, spec in enumerate(self.PANES, start=1):
                with TabPane(f"{n} {spec.title}", id=spec.id):
                    if spec.id == self.start_pane or not lazy:
                        yield spec.make(self.catalog)
                    else:
                        self._unmade[spec.id] = spec
        yield SizeNotice()
        yield keys_footer(first=FOOTER_FIRST)

    @on(OrderedFooter.KeysShown)
    def _first_keys_shown(self, event: OrderedFooter.KeysShown) -> None:
        """The footer fills in its keys after the screen's first refresh: the first screen
        is whole once the refresh after they are mounted is out."""
        if not self._first_frame_seen:
            self._first_frame_seen = True
            self.call_after_refresh(self._after_first_frame)

    async def _after_first_frame(self) -> None:
        self._offer_matrix_copy()
        if "org" in self._unmade and self._recovery_waiting():
            # A session that ended without saving left a plan: the designer offers it now.
            try:
                tabs = self.query_one("#panes", TabbedContent)
                self._chosen_pane = tabs.active
                org = self._unmade.pop("org").make(self.catalog)
                # Disabled while mounting: a pane focusing its list on mount would take the
                # focus (and the tab) from where the user is by now.
                org.disabled = True
                await self.query_one("TabPane#org", TabPane).mount(org)
            except (MountError, NoMatches):  # closing already (q or a hang-up)
                return
            self.call_after_refresh(self._enable, org)
        # Start-up made most objects this process will have; frozen, the collector stops
        # walking them in every full collection (long pauses in the middle of a keystroke).
        # It ran with the collector off (cli.main): the one collection first keeps start-up's
        # garbage out of the frozen set.
        gc.collect()
        gc.freeze()
        gc.enable()

    def _offer_matrix_copy(self) -> None:
        """A session that ended with an unsaved skills matrix left a copy: offered now, as
        the designer offers a plan's (its dialog may come first; each waits for its own
        answer)."""
        # paths, not the matrix's modules: a session that never made a matrix loads none
        if not matrices_dir().is_dir():
            return
        keeper = self.matrix_keeper
        if keeper.copies_waiting():
            self.run_worker(keeper.offer_recovery(), group="matrix-recovery", exclusive=True)

    def _recovery_waiting(self) -> bool:
        plans_dir = self.plans_dir or default_plans_dir()
        if not plans_dir.is_dir():  # never used the designer: no need to load its files code
            return False
        from ..plan.recovery import pending_recoveries

        return bool(pending_recoveries(plans_dir))

    def _enable(self, widget: Widget) -> None:
        widget.disabled = False  # its focus calls were refused: ready for the user now
        if self.screen is self.screen_stack[0]:  # into the list of a pane chosen meanwhile
            self.action_show_pane(self._chosen_pane)

    async def _make_pane(self, pane_id: str) -> Pane | None:
        """The pane, made now if it was not: None if the app is closing."""
        spec = self._unmade.pop(pane_id, None)
        if spec is not None:
            try:
                await self.query_one(f"TabPane#{pane_id}", TabPane).mount(
                    spec.make(self.catalog))
            except (MountError, NoMatches):  # closing already
                return None
        return self.pane(pane_id)

    def when_made(self, pane_id: str, then: Callable[[], object]) -> None:
        """Run ``then`` once the pane exists: now, or after making it on first use."""
        if pane_id not in self._unmade:
            then()
            return

        async def make_then() -> None:
            if await self._make_pane(pane_id) is not None:  # not if closing meanwhile
                then()

        self.call_next(make_then)

    def on_resize(self, event: events.Resize) -> None:
        self.invalidate_screen()  # the terminal may have reflowed or cleared its cells
        self.query_one(SizeNotice).fit(event.size)

    def on_key(self, event: events.Key) -> None:
        """Type-ahead: keys that left for the old focus before a field took it land in it.

        Textual routes each key to the widget focused when the key is read, so "/air" in one
        read (a fast typist over SSH) sends "air" to the list, not to the filter `/` opens.
        Such keys bubble back up here unused; an Input focused now is where they belong.
        """
        focused = self.focused
        if isinstance(focused, Input) and event.is_printable and event.character:
            focused.insert_text_at_cursor(event.character)
            event.stop()

    def action_show_pane(self, pane_id: str) -> None:
        self.show_pane_then(pane_id)

    def show_pane_then(self, pane_id: str, then: Callable[[], object] | None = None) -> None:
        """Show a pane, and then run ``then`` (e.g. open something in it). A pane is made
        (and built) before it is shown: shown first, it would draw a blank frame, then
        itself."""
        self._chosen_pane = pane_id
        pane = self.pane(pane_id)
        if pane is None or not pane.built:
            self.call_next(self._prepare_then_show, pane_id, then)
            return
        self._show(pane_id)
        if then is not None:
            then()

    async def _prepare_then_show(self, pane_id: str,
                                 then: Callable[[], object] | None = None) -> None:
        try:
            pane = await self._make_pane(pane_id)
            if pane is None:  # closing, or no such pane
                return
            if not pane.built:
                await pane.build()
            if self._chosen_pane != pane_id:  # another pane was chosen meanwhile
                return
            self._show(pane_id)  # even if the build fell short: no second attempt
        except NoMatches:  # the app is closing: its widgets are gone
            return
        if then is not None:
            then()

    def _show(self, pane_id: str) -> None:
        tabs = self.query_one("#panes", TabbedContent)
        pane = tabs.get_pane(pane_id)
        if tabs.active != pane_id:  # drops the pane left before the shown one renders
            self._forget_hidden(keep=pane_id)
            self._collect_soon()
        tabs.active = pane_id
        # Land in the pane's main list, so the arrows work at once. Focused now, not by
        # focus() (one message later): a key typed with the pane's number, in the same read,
        # is queued already and would go to the pane left.
        focusable = [w for w in pane.query("*") if w.focusable and w.display]
        if focusable and (self.focused is None or self.focused not in pane.query("*")):
            pane.screen.set_focus(focusable[0])

    def _collect_soon(self) -> None:
        """A pane switch is the app's biggest churn: the footer is rebuilt and the pane's
        widgets restyled, which leaves cyclic garbage (widgets point at their parents) that
        collections. One collection shortly after the last switch (while the user reads
        the pane) lets the next pane reuse that memory; tests/bench/run.py --patches weighs
        it. Nothing runs while the app is idle otherwise."""
        if turned_off("collect_after_switch"):  # the benchmark weighs it this way
            return
        if self._collect_timer is not None:
            self._collect_timer.stop()
        self._collect_timer = self.set_timer(COLLECT_AFTER_SWITCH, self._collect)

    def _collect(self) -> None:
        self._collect_timer = None
        gc.collect()

    def _forget_hidden(self, keep: str) -> None:
        for tab_pane in self.query("#panes TabPane"):
            if tab_pane.id != keep:
                forget_rendering(tab_pane)
        forget_text_widths()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        pane_id = event.pane.id or ""
        if pane_id == self._chosen_pane:
            return  # shown by _show, which let go of the pane left already
        # A click on a tab: the pane left lets go of its lines, and a pane not made (or not
        # built) yet is made and built.
        self._chosen_pane = pane_id
        self._forget_hidden(keep=pane_id)
        pane = self.pane(pane_id)
        if pane is None or not pane.built:
            self.show_pane_then(pane_id)

    def action_help(self) -> None:
        from .screens.help import HelpScreen, binding_rows, declared_bindings, recipe

        if isinstance(self.screen, HelpScreen):
            return
        steps: list[tuple[str, str]] = []
        if self.screen is self.screen_stack[0]:  # a pane's recipe (HELP_STEPS), if it has one
            pane = self.pane(self.query_one("#panes", TabbedContent).active)
            if pane is not None and pane.HELP_STEPS:
                steps = recipe(pane.HELP_STEPS,
                               declared_bindings(pane.walk_children(with_self=True)),
                               self.get_key_display)
        self.push_screen(HelpScreen(binding_rows(self.screen), self._screen_title(), steps))

    def _screen_title(self) -> str:
        from .screens.table import ComparisonScreen

        if isinstance(self.screen, ComparisonScreen):
            return "Roles compared"
        title = getattr(self.screen, "HELP_TITLE", "")
        if title:
            return str(title)
        tabs = self.query_one("#panes", TabbedContent)
        return next((p.title for p in self.PANES if p.id == tabs.active), "airoles-tui")

    def action_comparison(self) -> None:
        from .screens.table import ComparisonScreen

        def opened(role_id: str | None) -> None:
            if role_id:
                self.show_role(role_id)

        self.push_screen(ComparisonScreen(self.catalog), opened)

    def show_role(self, role_id: str) -> None:
        """Open a role's card in the Roles pane (used by the table, palette and other panes);
        esc comes back to where the user was."""
        def go() -> None:
            self.action_show_pane("roles")
            self.query_one(RolesPane).show_role(role_id)

        self.when_made("roles", lambda: self.navigator.follow(go))

    def show_document(self, key: str) -> None:
        """Open a case study, team structure, pathway, era or exercise ("case:scale-ai")."""
        def go() -> None:
            from .panes.cases import CasesPane  # made by now: when_made

            self.action_show_pane("cases")
            self.query_one(CasesPane).open(key)

        self.when_made("cases", lambda: self.navigator.follow(go))

    async def action_back(self) -> None:  # async as App's, which it replaces
        self.navigator.back()

    def notify(self, message: str, *, title: str = "", **kwargs) -> None:
        """Every notification (widgets' ``self.notify`` lands here too) quotes file names and
        plan text: shown with their control characters visible."""
        super().notify(visible(message), title=visible(title), **kwargs)

    def action_redraw(self) -> None:
        self.invalidate_screen()
        self.screen.refresh()  # every cell, whatever the terminal shows now

    def action_pay_chart(self) -> None:
        from .screens.pay_chart import PayChartScreen

        def opened(role_id: str | None) -> None:
            if role_id:
                self.show_role(role_id)

        if not isinstance(self.screen, PayChartScreen):
            self.push_screen(PayChartScreen(self.catalog), opened)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            # Off the footer, and esc passes on, when there is no way back from this pane.
            return self.navigator.can_go_back()
        return True


if TYPE_CHECKING:  # mypy checks that the app offers what panes ask of it (app_api.app_of)
    _offers: type[AppApi] = AiRolesApp


def run_app(args: argparse.Namespace, catalog: Catalog) -> int:
    initial = getattr(args, "initial_plan", None)
    app = AiRolesApp(catalog, theme=starting_theme(args.theme),
                     plans_dir=getattr(args, "plans_dir", None), initial_plan=initial,
                     start_pane="org" if initial is not None else "roles")
    app.run(mouse=not args.no_mouse)
    # A skills matrix left unsaved at a quit stays in its recovery copy (written now, if its
    # timer had not run yet), to be offered at the next start; skill marks made durable.
    app.save_unsaved()
    return app.return_code or 0
