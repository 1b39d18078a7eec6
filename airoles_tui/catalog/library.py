"""The reference library: every readable document of the catalog, and the links between them.

Case studies, team structures, pathways, eras and exercises each have their own shape, but the
Case studies pane, the command palette and the cross-reference check all want the same thing
from them: a stable key, a title, the text a filter searches and the links a reader can follow.
Roles get links too (``role_links``), so the reader and the role card point both ways.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .provenance import OURS_TAG, is_ours
from .records import CaseStudy, Catalog, Era, Exercise, Pathway, Role, TeamStructure

Record = CaseStudy | TeamStructure | Pathway | Era | Exercise

# (kind, section heading, what one of them is called), in the order the pane lists them.
SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("case", "Case studies", "Case study"),
    ("team", "Team structures", "Team structure"),
    ("pathway", "Career pathways", "Pathway"),
    ("era", "History of AI roles", "Era"),
    ("exercise", "Exercises", "Exercise"),
)
KIND_NAMES = {kind: name for kind, _, name in SECTIONS} | {"role": "Role"}


@dataclass(frozen=True, slots=True)
class Link:
    """A reference a reader can follow: to a role (``kind == "role"``) or to a document."""

    kind: str
    id: str
    title: str
    ours: bool = False  # the link is our inference, not the article's (provenance.py)

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.id}"

    def describe(self) -> str:
        tag = f"  {OURS_TAG}" if self.ours else ""
        return f"{KIND_NAMES.get(self.kind, self.kind)}: {self.title}{tag}"


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str
    id: str
    title: str
    subtitle: str
    search_text: str
    links: tuple[Link, ...]
    record: Record

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.id}"


def doc_key(kind: str, ident: str) -> str:
    return f"{kind}:{ident}"


def entries(catalog: Catalog) -> list[Entry]:
    """Every document, grouped by section in ``SECTIONS`` order, each in catalog order."""
    out = [_case(catalog, c) for c in catalog.case_studies]
    out += [_team(catalog, t) for t in catalog.team_structures]
    out += [_pathway(catalog, p) for p in catalog.pathways]
    out += [_era(catalog, e) for e in catalog.eras]
    out += [_exercise(e) for e in catalog.exercises]
    return out


def find(items: Iterable[Entry], key: str) -> Entry | None:
    return next((e for e in items if e.key == key), None)


def matching(items: Iterable[Entry], query: str) -> list[Entry]:
    """Entries containing every word of ``query`` (any order, any case) in their text."""
    words = query.lower().split()
    return [e for e in items if all(w in e.search_text for w in words)]


def role_links(catalog: Catalog, role: Role) -> list[Link]:
    """Where a role leads: its neighbours, and every document that names it."""
    links = [_role_link(catalog, c.role) for c in role.differs_from]
    links += [Link("case", c.id, c.title, is_ours(c, "roles"))
              for c in catalog.case_studies if role.id in c.roles]
    links += [Link("team", t.id, t.name, is_ours(t, "roles"))
              for t in catalog.team_structures if role.id in t.roles]
    links += [Link("pathway", p.id, p.name, is_ours(p, "targets"))
              for p in catalog.pathways if role.id in p.targets]
    links += [Link("era", e.id, f"{e.name} ({e.span()})", is_ours(e, "roles_emerged"))
              for e in catalog.eras if role.id in e.roles_emerged]
    return _unique(links)


# -- one builder per kind ------------------------------------------------------------------


def _role_link(catalog: Catalog, role_id: str, ours: bool = False) -> Link:
    role = catalog.role(role_id)
    return Link("role", role_id, role.name if role else role_id, ours)


def _unique(links: Iterable[Link]) -> list[Link]:
    seen: set[str] = set()
    out = []
    for link in links:
        if link.key not in seen:
            seen.add(link.key)
            out.append(link)
    return out


def _text(*parts: str | Iterable[str]) -> str:
    flat: list[str] = []
    for part in parts:
        if isinstance(part, str):
            flat.append(part)
        else:
            flat.extend(part)
    return " ".join(p for p in flat if p).lower()


def _titles(links: Iterable[Link]) -> list[str]:
    return [link.title for link in links]


def _case(catalog: Catalog, c: CaseStudy) -> Entry:
    links = _unique([_role_link(catalog, r, is_ours(c, "roles")) for r in c.roles]
                    + [Link("team", t, _team_name(catalog, t), is_ours(c, "team_structures"))
                       for t in c.team_structures])
    return Entry("case", c.id, c.title, " · ".join(c.tags),
                 _text(c.title, c.period, c.tags, c.summary, c.body, c.organisations,
                       c.key_facts, c.lessons, _titles(links)),
                 tuple(links), c)


def _team_name(catalog: Catalog, team_id: str) -> str:
    team = catalog.team_structure(team_id)
    return team.name if team else team_id


def _team(catalog: Catalog, t: TeamStructure) -> Entry:
    links = _unique([_role_link(catalog, r, is_ours(t, "roles")) for r in t.roles]
                    + [Link("case", c.id, c.title, is_ours(c, "team_structures"))
                       for c in catalog.case_studies if t.id in c.team_structures])
    return Entry("team", t.id, t.name, t.fits_when,
                 _text(t.name, t.summary, t.description, t.fits_when, t.strengths, t.risks,
                       t.examples, _titles(links)),
                 tuple(links), t)


def _pathway(catalog: Catalog, p: Pathway) -> Entry:
    links = _unique(_role_link(catalog, r, is_ours(p, "targets")) for r in p.targets)
    return Entry("pathway", p.id, p.name, p.origin,
                 _text(p.name, p.origin, p.summary, p.description, p.steps, p.resources,
                       p.advantage, _titles(links)),
                 tuple(links), p)


def _era(catalog: Catalog, e: Era) -> Entry:
    links = _unique(_role_link(catalog, r, is_ours(e, "roles_emerged")) for r in e.roles_emerged)
    return Entry("era", e.id, e.name, e.span(),
                 _text(e.name, e.span(), e.summary, e.description, e.role_names, e.people,
                       [ev.text for ev in e.events], _titles(links)),
                 tuple(links), e)


def _exercise(e: Exercise) -> Entry:
    return Entry("exercise", e.id, e.title, e.level,
                 _text(e.level, e.title, e.task, e.steps, e.questions), (), e)


def references(catalog: Catalog) -> Iterator[tuple[str, str, str]]:
    """Every cross-reference the catalog makes, as (where, kind, target id).

    The loader refuses a catalog whose references do not resolve; this lists them so a test can
    check that the UI offers each one as a link.
    """
    for r in catalog.roles:
        for c in r.differs_from:
            yield f"role {r.id} differs_from", "role", c.role
    for cs in catalog.case_studies:
        for rid in cs.roles:
            yield f"case study {cs.id} roles", "role", rid
        for tid in cs.team_structures:
            yield f"case study {cs.id} team_structures", "team", tid
    for t in catalog.team_structures:
        for rid in t.roles:
            yield f"team structure {t.id} roles", "role", rid
    for p in catalog.pathways:
        for rid in p.targets:
            yield f"pathway {p.id} targets", "role", rid
    for e in catalog.eras:
        for rid in e.roles_emerged:
            yield f"era {e.id} roles_emerged", "role", rid
