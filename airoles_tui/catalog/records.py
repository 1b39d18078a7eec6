"""The catalog's records: everything the article says, as frozen values.

The UI, the recommender and the org designer only ever see these types, never TOML, so a
company's own catalog (``--data-dir``) works everywhere once it loads.

The records are NamedTuples, not frozen dataclasses: every command imports this module, and
making thirteen slotted dataclasses cost ~10 ms of each start (`validate`'s budget is 0.1 s);
a NamedTuple is as immutable, lighter per object and ~8x quicker to define.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import NamedTuple


class Compensation(NamedTuple):
    """A 2026 pay range in US dollars per year.

    ``open_ended`` records the article's "+" (``$200K–$500K+``); ``basis`` says what the figure
    counts (total compensation, base) because the article mixes the two.
    """

    min_usd: int
    max_usd: int
    open_ended: bool = False
    basis: str = ""
    notes: tuple[str, ...] = ()

    def label(self) -> str:
        plus = "+" if self.open_ended else ""
        return f"${self.min_usd // 1000}K–${self.max_usd // 1000}K{plus}"

    def line(self, basis: str | None = None) -> str:
        """The range in words, as the card shows it; ``basis`` replaces the record's (to
        carry a mark)."""
        plus = "+" if self.open_ended else ""
        line = f"${self.min_usd:,} – ${self.max_usd:,}{plus} a year"
        basis = self.basis if basis is None else basis
        return f"{line} ({basis})" if basis else line


class Contrast(NamedTuple):
    """How a role differs from a neighbouring one (the article's "How it differs from …")."""

    role: str
    text: str


class Family(NamedTuple):
    id: str
    name: str
    summary: str
    order: int
    source: str = ""  # the article section this entry restates
    ours: tuple[str, ...] = ()  # fields that are our inference (see provenance.py)


class Role(NamedTuple):
    id: str
    name: str
    family: str
    order: int
    primary_focus: str
    summary: str
    core_skills: str
    background: str
    key_skills: tuple[str, ...]
    compensation: Compensation | None
    aliases: tuple[str, ...] = ()
    abbreviation: str = ""
    day_to_day: tuple[str, ...] = ()
    focus_areas: tuple[str, ...] = ()
    challenges: tuple[str, ...] = ()
    path_in: str = ""
    why_it_matters: str = ""
    future: str = ""
    example: str = ""
    insight: str = ""
    employers: tuple[str, ...] = ()
    tools: tuple[str, ...] = ()
    differs_from: tuple[Contrast, ...] = ()
    in_comparison_table: bool = True
    source: str = ""  # the article section this entry restates
    ours: tuple[str, ...] = ()  # fields that are our inference (see provenance.py)

    def search_text(self, *shown: str) -> str:
        """One lower-case string that the `/` filter matches against: every text of the role
        (a user filters by what the card showed them), and ``shown``, what the card adds from
        elsewhere in the catalog (library.role_search_text)."""
        comp = self.compensation
        parts = [self.name, self.abbreviation, *self.aliases, self.primary_focus,
                 self.core_skills, self.summary, self.background, *self.key_skills,
                 *self.tools, *self.day_to_day, *self.focus_areas, *self.challenges,
                 self.path_in, self.why_it_matters, self.future, self.example, self.insight,
                 *self.employers, *(c.text for c in self.differs_from),
                 *((comp.line(), *comp.notes) if comp else ()), *shown]
        return " ".join(p for p in parts if p).lower()


class CaseStudy(NamedTuple):
    id: str
    title: str
    period: str
    summary: str
    body: tuple[str, ...]
    tags: tuple[str, ...]
    roles: tuple[str, ...]
    team_structures: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    key_facts: tuple[str, ...] = ()
    lessons: tuple[str, ...] = ()
    source: str = ""  # the article section this entry restates
    ours: tuple[str, ...] = ()  # fields that are our inference (see provenance.py)


class TeamStructure(NamedTuple):
    id: str
    number: int
    name: str
    summary: str
    description: str
    fits_when: str
    strengths: tuple[str, ...]
    risks: tuple[str, ...]
    max_practitioners: int | None = None
    examples: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    source: str = ""  # the article section this entry restates
    ours: tuple[str, ...] = ()  # fields that are our inference (see provenance.py)


class Pathway(NamedTuple):
    id: str
    name: str
    origin: str
    targets: tuple[str, ...]
    summary: str
    description: str
    steps: tuple[str, ...]
    background: str = ""
    resources: tuple[str, ...] = ()
    advantage: str = ""
    source: str = ""  # the article section this entry restates
    ours: tuple[str, ...] = ()  # fields that are our inference (see provenance.py)


class EraEvent(NamedTuple):
    year: int
    text: str


class Era(NamedTuple):
    id: str
    name: str
    start_year: int
    end_year: int | None
    summary: str
    description: str
    roles_emerged: tuple[str, ...] = ()
    role_names: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    events: tuple[EraEvent, ...] = ()
    source: str = ""  # the article section this entry restates
    ours: tuple[str, ...] = ()  # fields that are our inference (see provenance.py)

    def span(self) -> str:
        end = "present" if self.end_year is None else str(self.end_year)
        return f"{self.start_year}–{end}"


class Exercise(NamedTuple):
    id: str
    level: str
    title: str
    task: str
    steps: tuple[str, ...]
    questions: tuple[str, ...] = ()
    parameters: tuple[tuple[str, str | int], ...] = ()
    source: str = ""  # the article section this entry restates
    ours: tuple[str, ...] = ()  # fields that are our inference (see provenance.py)

    def parameter(self, key: str, default: str | int | None = None) -> str | int | None:
        return dict(self.parameters).get(key, default)


class Background(NamedTuple):
    """A recommender starting point: the roles it leads to, in the article's order, with reasons."""

    id: str
    label: str
    roles: tuple[tuple[str, str], ...]
    pathway: str = ""
    ours: tuple[str, ...] = ()  # the source is the recommender's (RecommenderRules.source)


class Interest(NamedTuple):
    id: str
    label: str
    roles: tuple[str, ...]
    ours: tuple[str, ...] = ()


class RecommenderRules(NamedTuple):
    """The article's ``recommend_roles`` as data: scores, reasons and the fallback background."""

    base_score: int
    interest_bonus: int
    top_n: int
    fallback_background: str
    interest_reason: str
    backgrounds: tuple[Background, ...]
    interests: tuple[Interest, ...]
    source: str = ""

    def background(self, background_id: str) -> Background | None:
        return next((b for b in self.backgrounds if b.id == background_id), None)

    def interest(self, interest_id: str) -> Interest | None:
        return next((i for i in self.interests if i.id == interest_id), None)


class AdviceRule(NamedTuple):
    """One rule of the org designer's advice (data/advice.toml): which check, with what, said
    how, and the article's sentence it comes from."""

    id: str
    check: str
    message: str
    reason: str
    quote: str
    structure: str = ""
    limit_of: str = ""
    roles: tuple[str, ...] = ()
    before_roles: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


_HIRE = frozenset({"n", "role"})
# The checks the designer knows (plan/advice implements each): the parameters a rule must
# give, and the placeholders its message and reason may use. The loader holds rules to this.
ADVICE_CHECKS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "over-budget": (frozenset(), frozenset({"hires", "budget", "over"})),
    "missing-deliverable": (frozenset(), _HIRE),
    "starts-after-runway": (frozenset(), _HIRE | {"start", "runway"}),
    "deliverable-needs-roles": (frozenset({"keywords", "roles"}),
                                _HIRE | {"start", "keyword", "first"}),
    "roles-before": (frozenset({"roles", "before_roles"}), frozenset({"first", "first_before"})),
    "roles-without": (frozenset({"roles", "before_roles"}), frozenset()),
    "no-structure": (frozenset(), frozenset()),
    "structure-over-limit": (frozenset({"structure", "limit_of"}),
                             frozenset({"n", "limit", "structure_name", "fits_when", "risk"})),
    "structure-needs-team": (frozenset({"structure", "roles", "keywords"}),
                             frozenset({"structure_name"})),
    "no-growth": (frozenset(), frozenset({"target"})),
    "growth-structure": (frozenset({"structure", "limit_of"}),
                         frozenset({"target", "growth_structure"})),
    "growth-total": (frozenset(), frozenset({"total", "target"})),
}


_SEARCH_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class Catalog:
    families: tuple[Family, ...]
    roles: tuple[Role, ...]
    case_studies: tuple[CaseStudy, ...]
    team_structures: tuple[TeamStructure, ...]
    pathways: tuple[Pathway, ...]
    eras: tuple[Era, ...]
    exercises: tuple[Exercise, ...]
    recommender: RecommenderRules
    source: str = ""
    advice: tuple[AdviceRule, ...] = ()  # data/advice.toml; a catalog without one has none
    _role_index: dict[str, Role] = field(default_factory=dict, compare=False, repr=False)
    # Not an __init__ argument: a catalog made from another (dataclasses.replace) searches
    # its own text, not a copy of the other's.
    _search: dict[str, str] = field(default_factory=dict, init=False, compare=False,
                                    repr=False)

    def __post_init__(self) -> None:
        self._role_index.update({r.id: r for r in self.roles})

    def search_text(self, role: Role) -> str:
        """What the `/` filter searches for a role, lower-cased: all its card shows, the
        family, the names of the roles it is set against and the case studies that name it.

        Made for every role at the first call (the Roles pane starts that in a thread for a
        big catalog) and shared by every list that filters roles."""
        if role.id not in self._search:
            with _SEARCH_LOCK:  # a second caller waits for the first one's work
                if role.id not in self._search:
                    self._search.update(self._search_texts())
        return self._search.get(role.id) or role.search_text()

    def _search_texts(self) -> dict[str, str]:
        families = {f.id: f.name for f in self.families}
        cases: dict[str, list[str]] = {}
        for c in self.case_studies:
            for rid in c.roles:
                cases.setdefault(rid, []).append(f"{c.title} {c.period}")

        def name(role_id: str) -> str:
            other = self._role_index.get(role_id)
            return other.name if other else role_id

        return {r.id: r.search_text(families.get(r.family, ""),
                                    *(name(c.role) for c in r.differs_from),
                                    *cases.get(r.id, ()))
                for r in self.roles}

    def role(self, role_id: str) -> Role | None:
        return self._role_index.get(role_id)

    def roles_in(self, family_id: str) -> list[Role]:
        return sorted((r for r in self.roles if r.family == family_id), key=lambda r: r.order)

    def case_study(self, case_id: str) -> CaseStudy | None:
        return next((c for c in self.case_studies if c.id == case_id), None)

    def team_structure(self, structure_id: str) -> TeamStructure | None:
        return next((t for t in self.team_structures if t.id == structure_id), None)

    def exercise(self, exercise_id: str) -> Exercise | None:
        return next((e for e in self.exercises if e.id == exercise_id), None)

    def cases_for_role(self, role_id: str) -> list[CaseStudy]:
        return [c for c in self.case_studies if role_id in c.roles]
