"""The panes, one module each; PANES is their order (the tabs and the 1..4 keys)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.widget import Widget

from ...catalog.records import Catalog
from .roles import RolesPane


@dataclass(frozen=True)
class Pane:
    id: str
    title: str
    make: Callable[[Catalog], Widget]


def _cases(catalog: Catalog) -> Widget:
    from .cases import CasesPane

    return CasesPane(catalog, id="cases-pane")


def _recommender(catalog: Catalog) -> Widget:
    from .recommend import RecommendPane

    return RecommendPane(catalog, id="recommend-pane")


def _org(catalog: Catalog) -> Widget:
    from .org import OrgPane

    return OrgPane(catalog, id="org-pane")


# The tabs, in order; `1`..`4` follow this list. A pane's module is imported when the pane is
# made, so the ones not on the first screen cost its frame nothing (~0.1 s of imports).
PANES: list[Pane] = [
    Pane("roles", "Roles", lambda c: RolesPane(c, id="roles-pane")),
    Pane("cases", "Case studies", _cases),
    Pane("recommender", "Recommender", _recommender),
    Pane("org", "Org designer", _org),
]
