"""The article's ``recommend_roles()`` over the catalog's rule table, with its workings kept.

The article returns three ``(role, reason)`` pairs and throws the rest away. People deciding on
a career deserve to see why: so ``recommend`` keeps every role that scored, every reason that
added to it, and which places were decided by a tie (the article's stable sort keeps the
order in which the rules met the roles). ``top`` is then exactly the article's answer.

Years of experience, which the article takes and ignores, place the person on a seniority
band (``seniority.place``: transferable years, not total years); the band maps to a slice of
a role's 2026 pay range. Both are our assumptions, stated in ``BANDS``, ``PAY_ASSUMPTION``
and ``seniority.RULE`` so the UI and the CLI can print them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..catalog.provenance import OURS_TAG, is_ours
from ..catalog.records import Catalog, Compensation, Pathway, RecommenderRules

MIN_YEARS, MAX_YEARS = 0, 50


@dataclass(frozen=True, slots=True)
class Scored:
    """One role as the rules scored it; ``reasons`` in the order they were added."""

    role: str
    score: int
    reasons: tuple[str, ...]
    rank: int
    points: tuple[int, ...] = ()  # what each reason added, in the same order

    @property
    def reason(self) -> str:
        """The one reason the article prints: the first one added."""
        return self.reasons[0]


@dataclass(frozen=True, slots=True)
class Recommendation:
    background: str
    interests: tuple[str, ...]
    ranking: tuple[Scored, ...]
    top_n: int
    fell_back: bool = False

    @property
    def top(self) -> tuple[Scored, ...]:
        return self.ranking[: self.top_n]

    def tied_with(self, role_id: str) -> tuple[Scored, ...]:
        """The other roles with the same score as ``role_id`` (empty when it stands alone)."""
        me = next((s for s in self.ranking if s.role == role_id), None)
        if me is None:
            return ()
        return tuple(s for s in self.ranking if s.score == me.score and s.role != role_id)

    def tie_at_cut(self) -> tuple[Scored, ...]:
        """Roles left out of the top only by tie order: same score as the last one kept."""
        if len(self.ranking) <= self.top_n or not self.top:
            return ()
        last = self.top[-1].score
        return tuple(s for s in self.ranking[self.top_n:] if s.score == last)


def recommend(rules: RecommenderRules, background: str,
              interests: Sequence[str] = ()) -> Recommendation:
    """Score roles exactly as the article's ``recommend_roles`` does, keeping the workings.

    Unknown backgrounds fall back to ``rules.fallback_background`` and unknown interests add
    nothing, as in the article; callers that face users refuse them before calling.
    """
    chosen = rules.background(background)
    fell_back = chosen is None
    if chosen is None:
        chosen = rules.background(rules.fallback_background)
    assert chosen is not None, "the loader checks that the fallback background exists"
    added: dict[str, list[tuple[int, str]]] = {}
    for role_id, reason in chosen.roles:
        added[role_id] = [(rules.base_score, reason)]
    for interest_id in interests:
        interest = rules.interest(interest_id)
        for role_id in interest.roles if interest else ():
            added.setdefault(role_id, []).append(
                (rules.interest_bonus, rules.interest_reason.format(interest=interest_id)))
    scores = {r: sum(p for p, _ in items) for r, items in added.items()}
    # sorted() is stable: equal scores keep the order in which the rules met the roles.
    order = sorted(scores, key=lambda r: scores[r], reverse=True)
    ranking = tuple(Scored(r, scores[r], tuple(t for _, t in added[r]), n,
                           tuple(p for p, _ in added[r]))
                    for n, r in enumerate(order, start=1))
    return Recommendation(chosen.id, tuple(interests), ranking, rules.top_n, fell_back)


def unscored(catalog: Catalog, rec: Recommendation) -> list[str]:
    """Catalog roles no rule gave a point to, for these answers (they cannot be recommended)."""
    scored = {s.role for s in rec.ranking}
    return [r.id for r in catalog.roles if r.id not in scored]


def recommend_roles(rules: RecommenderRules, background: str, interests: Sequence[str],
                    experience_years: int = 0) -> list[tuple[str, str]]:
    """The article's function and return shape: ``[(role id, first reason)]`` for the top."""
    del experience_years  # the article takes it and does not use it; see seniority_band
    return [(s.role, s.reason) for s in recommend(rules, background, interests).top]


# -- years of experience --------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Band:
    id: str
    label: str
    min_years: int
    max_years: int | None
    low: float  # where the band starts and ends within a pay range, 0 = min, 1 = max
    high: float

    def span(self) -> str:
        return f"{self.min_years}+" if self.max_years is None else (
            f"{self.min_years}–{self.max_years}")


# Our assumption, not the article's: it gives one range per role and no levels.
BANDS: tuple[Band, ...] = (
    Band("entry", "entry", 0, 2, 0.0, 0.25),
    Band("mid", "mid", 3, 5, 0.25, 0.5),
    Band("senior", "senior", 6, 9, 0.5, 0.75),
    Band("staff", "staff+", 10, None, 0.75, 1.0),
)
PAY_ASSUMPTION = ("Assumption (ours, not the article's): the four bands take the four quarters "
                  "of each role's 2026 range, lowest to highest.")


def bands_legend() -> str:
    return ", ".join(f"{b.span()} {b.label}" for b in BANDS)


def seniority_band(years: int) -> Band:
    if not MIN_YEARS <= years <= MAX_YEARS:
        raise ValueError(f"years must be a whole number from {MIN_YEARS} to {MAX_YEARS}")
    return next(b for b in BANDS if b.max_years is None or years <= b.max_years)


def pay_slice(comp: Compensation, band: Band) -> tuple[int, int]:
    """The band's part of a pay range, in dollars rounded to the thousand."""
    width = comp.max_usd - comp.min_usd

    def at(fraction: float) -> int:
        return round((comp.min_usd + width * fraction) / 1000) * 1000

    return at(band.low), at(band.high)


def usd_k(amount: int) -> str:
    return f"${round(amount / 1000)}K"


def pay_range(catalog: Catalog, role_id: str) -> str:
    """"2026 pay $150K–$350K (depending on seniority and company)"."""
    role = catalog.role(role_id)
    comp = role.compensation if role else None
    if comp is None:
        return "2026 pay: the article gives no figure"
    return f"2026 pay {comp.label()}" + (f" ({comp.basis})" if comp.basis else "")


def band_pay(catalog: Catalog, role_id: str, band: Band) -> str:
    """"mid band: $200K–$250K": the band's part of the role's range; "" if it has none."""
    role = catalog.role(role_id)
    comp = role.compensation if role else None
    if comp is None:
        return ""
    low, high = pay_slice(comp, band)
    top = "+" if comp.open_ended and band.high == 1 else ""
    return f"{band.label} band: {usd_k(low)}–{usd_k(high)}{top}"


def pathway_for(catalog: Catalog, background_id: str) -> Pathway | None:
    """The article's career pathway for a background: the rule table names it."""
    background = catalog.recommender.background(background_id)
    wanted = background.pathway if background else ""
    return next((p for p in catalog.pathways
                 if p.id == wanted or (not wanted and p.background == background_id)), None)


PATHWAY_MATCH_NOTE = (f"{OURS_TAG}: the article does not tie its pathways to the "
                      "recommender's backgrounds; this match is ours.")


def pathway_match_is_ours(catalog: Catalog, background_id: str, pathway: Pathway) -> bool:
    """Whether tying ``pathway`` to the background is our reading: the article never links
    its pathway paragraphs to the recommender's backgrounds (the catalog marks it ours)."""
    background = catalog.recommender.background(background_id)
    return background is not None and (is_ours(background, "pathway")
                                       or is_ours(pathway, "background"))


def parse_years(text: str) -> int:
    """A whole number of years from what a person typed; ValueError says what is wrong."""
    s = text.strip()
    if not s:
        raise ValueError("enter a whole number of years")
    if s.startswith("-") and s[1:].isascii() and s[1:].isdigit():
        raise ValueError("years cannot be negative")
    if not s.isascii() or not s.isdigit():
        raise ValueError(f"{s!r} is not a whole number of years")
    years = int(s)
    if years > MAX_YEARS:
        raise ValueError(f"{years} is more than {MAX_YEARS} years")
    return years
