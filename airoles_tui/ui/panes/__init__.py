"""The panes, one module each; PANES is their order (the tabs and the 1..n keys).

A pane is a :class:`~.base.Pane` subclass in a module of its own and one line below. The line
names the class as ``"module:Class"`` rather than importing it: a pane's module is imported
when the pane is first made, so the panes not on the first screen cost its frame nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from ...catalog.records import Catalog
from .base import Pane


@dataclass(frozen=True)
class PaneSpec:
    """One tab: ``id`` (the tab's, and what ``show_pane`` takes), ``title`` (the tab's label,
    the number key's description) and ``where``: the Pane subclass as ``"module:Class"``,
    relative to this package or absolute."""

    id: str
    title: str
    where: str

    @property
    def widget_id(self) -> str:
        return f"{self.id}-pane"

    def pane_class(self) -> type[Pane]:
        module, _, name = self.where.partition(":")
        found = vars(import_module(module, __name__)).get(name)
        if not (isinstance(found, type) and issubclass(found, Pane)):
            raise TypeError(f"pane {self.id!r}: {self.where} is not a Pane subclass")
        return found

    def make(self, catalog: Catalog) -> Pane:
        return self.pane_class()(catalog, id=self.widget_id)


PANES: list[PaneSpec] = [
    PaneSpec("roles", "Roles", ".roles:RolesPane"),
    PaneSpec("cases", "Case studies", ".cases:CasesPane"),
    PaneSpec("recommender", "Recommender", ".recommend:RecommendPane"),
    PaneSpec("org", "Org designer", ".org:OrgPane"),
]
