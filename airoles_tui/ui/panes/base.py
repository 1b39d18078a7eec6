"""What a pane is to the app: the whole contract between a tab's content and ui/app.py.

The app makes a pane on its first visit (``PaneSpec`` in this package names its class without
importing it), lets it finish itself before it is shown, asks where it is when the user follows
a link and gives that place back on esc, and tells it when skill marks change. It calls
nothing else on a pane and looks for no attribute by name, so adding a pane is a module with
a ``Pane`` subclass and one line in ``PANES``.

The keys a pane offers are its ``BINDINGS`` (each with ``id=`` and a description, the id
placed in a group of ui/key_groups): Textual shows them in the footer and the help screen
while the focus is inside the pane, and ``HELP_STEPS`` can put a recipe first on its help.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any, ClassVar

from textual.widget import Widget

from ...catalog.records import Catalog
from ..key_groups import Step


class Pane(Widget):
    """A tab's content: it fills the tab and lays its parts out top to bottom (a subclass
    may say ``layout: horizontal`` in its DEFAULT_CSS). Textual reads a widget's default
    CSS along its first base only, so a pane subclasses Pane alone, not Pane and Vertical."""

    DEFAULT_CSS = """
    Pane { width: 1fr; height: 1fr; layout: vertical; overflow: hidden hidden; }
    """

    # How to get the pane's job done, first on its help screen: steps that each name the
    # binding whose key they use (the keys shown are then the keys that work).
    HELP_STEPS: ClassVar[tuple[Step, ...]] = ()

    def __init__(self, catalog: Catalog, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.catalog = catalog

    @property
    def built(self) -> bool:
        """Whether showing the pane now draws all of it. A pane that mounts a costly part
        late (after the first frame, or on its first visit) says False until it has; the
        app then awaits :meth:`build` before showing it, so a first visit is one complete
        frame instead of a partial pane and then the rest."""
        return True

    async def build(self) -> None:
        """Finish the pane; awaited by the app before the pane is first shown while
        :attr:`built` is False. Must be safe to call again (a second visit, a click on the
        tab while the first build runs)."""

    def location(self) -> Hashable | None:
        """What the pane shows now, in a form :meth:`restore` takes back, or None for
        nothing in particular (going back then restores the pane and its focus only). Two
        locations that compare equal are one place: a link that leads where the user
        already is records no step of history."""
        return None

    def restore(self, state: Any) -> None:
        """Show again a place this pane's :meth:`location` gave (the back key)."""

    def progress_changed(self, role_id: str) -> None:
        """The user marked a key skill of ``role_id``: a pane that shows marks follows."""
