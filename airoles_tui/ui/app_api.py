"""What panes, screens and palette commands ask of the app beyond Textual's App.

They reach the app as ``self.app``, which Textual types as a plain ``App``. ``app_of(node)``
gives it this module's type instead, without importing ui/app.py: the app imports the panes,
so the panes importing the app would be an import circle (tests/unit/test_architecture.py).
ui/app.py has mypy check that AiRolesApp offers everything named here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from textual.app import App

    from ..catalog.records import Catalog
    from ..documents.loaded import Loaded
    from ..plan.model import OrgPlan
    from ..recommend.progress import ProgressStore
    from .matrix_keeper import MatrixKeeper
    from .navigation import Navigator
    from .panes import PaneSpec


class AppApi(Protocol):
    catalog: Catalog
    plans_dir: Path | None  # None: the user's data dir (paths.default_plans_dir)
    initial_plan: Loaded[OrgPlan] | None  # from `airoles-tui open FILE`
    navigator: Navigator

    @property
    def PANES(self) -> list[PaneSpec]:
        """The tabs, in order (ui/panes.PANES, or a test app's own list)."""

    @property
    def progress(self) -> ProgressStore: ...

    @property
    def matrix_keeper(self) -> MatrixKeeper: ...

    def show_role(self, role_id: str) -> None: ...

    def show_document(self, key: str) -> None: ...

    def open_skills(self, role_id: str) -> None: ...

    def open_learning_plan(self, role_id: str) -> None: ...

    def action_show_pane(self, pane_id: str) -> None: ...

    def show_pane_then(self, pane_id: str, then: Callable[[], object] | None = None) -> None:
        ...

    def in_designer(self, use: Callable[[Any], object], *, show: bool = True) -> None:
        """``use(designer)`` once the designer (ui/panes/org.OrgPane) exists; typed Any
        here, as naming the pane would import it."""

    def action_comparison(self) -> None: ...

    def action_pay_chart(self) -> None: ...

    def action_help(self) -> None: ...


class InApp(Protocol):
    """A widget, screen or palette provider: anything that has the running app."""

    @property
    def app(self) -> App[object]: ...


if TYPE_CHECKING:
    class TypedApp(App[int], AppApi):
        """Textual's App and AppApi in one type (for mypy only: the two metaclasses do
        not mix at run time)."""


def app_of(node: InApp) -> TypedApp:
    """``node.app`` as this app. Widgets mounted in a test's own small App get that App:
    the few attributes such a test may lack are read with getattr where they are used."""
    return cast("TypedApp", node.app)
