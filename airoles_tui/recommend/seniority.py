"""Where a career changer enters a role's pay range: our rule, built on the article's pathways.

The article's ``recommend_roles`` takes ``experience_years`` and ignores it, and its pay
figures are one range per role. Placing people on a band by their total years of work showed
a non-technical person with 7 years "senior" AI Ethics Specialist pay. The article's
"Career Pathways & How to Break In" says how people change career instead: courses,
personal projects, ML work inside the current job, internal transfer programmes with
mentorship, portfolios, internships. They enter junior, or through a transfer.

So the band comes from *transferable* years: years already doing the target kind of work
count in full; years in the background's field count for less, and only for the roles the
article's rule table sends that background to. The numbers (half, at most five years) are
ours, not the article's; ``RULE`` says so wherever a band is shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..catalog.records import Catalog, RecommenderRules
from .scoring import BANDS, MAX_YEARS, Band, band_pay, seniority_band

FIELD_SHARE = 2  # years in the field per transferable year
FIELD_CAP = 5  # the most the field can give: the top of the mid band

RULE = ("Our rule, not the article's: years already doing the target work count in full; "
        f"years in your background's field count half, at most {FIELD_CAP}, for the roles "
        "the article's table gives your background, and nothing for the others. "
        "The band comes from their sum.")
CHANGE_NOTE = ("A change of career usually means entering below your current level: the "
               "article's pathways go in through courses, personal projects, and junior or "
               "internal-transfer roles.")


@dataclass(frozen=True, slots=True)
class Placement:
    """One role's band for one person, with the numbers that put it there."""

    role: str
    field_years: int
    target_years: int
    from_field: int  # the transferable years the field gave
    leads_to: bool  # the article's table gives the background this role
    band: Band
    current: Band  # the band of all the years worked: the level the person leaves

    @property
    def transferable(self) -> int:
        return self.target_years + self.from_field

    @property
    def below_current(self) -> bool:
        return BANDS.index(self.band) < BANDS.index(self.current)

    def why(self) -> str:
        """"3 transferable years: 0 doing the work + 3 of 7 in your field"."""
        if not self.leads_to and self.field_years:
            field = f"your {self.field_years} in your field do not count for it"
        else:
            field = f"{self.from_field} from {self.field_years} in your field"
        return (f"{self.transferable} transferable years: {self.target_years} doing the "
                f"work, {field}")


def _check(years: int, what: str) -> None:
    if not 0 <= years <= MAX_YEARS:
        raise ValueError(f"{what} must be a whole number from 0 to {MAX_YEARS}")


def place(rules: RecommenderRules, background: str, role_id: str, field_years: int,
          target_years: int = 0) -> Placement:
    """The band ``role_id`` would likely start at for this person (see ``RULE``)."""
    _check(field_years, "years in the field")
    _check(target_years, "years doing the target work")
    chosen = rules.background(background) or rules.background(rules.fallback_background)
    leads_to = chosen is not None and any(r == role_id for r, _ in chosen.roles)
    from_field = min(field_years // FIELD_SHARE, FIELD_CAP) if leads_to else 0
    band = seniority_band(min(MAX_YEARS, target_years + from_field))
    current = seniority_band(min(MAX_YEARS, field_years + target_years))
    return Placement(role_id, field_years, target_years, from_field, leads_to, band, current)


def band_line(catalog: Catalog, p: Placement, *, why: bool = True) -> str:
    """"entry band: $150K–$200K, below your mid level (2 transferable years: ...)"; without
    ``why`` only the count, for narrow columns that state the rule once below."""
    pay = band_pay(catalog, p.role, p.band) or f"{p.band.label} band"
    below = f", below your {p.current.label} level" if p.below_current else ""
    because = p.why() if why else f"{p.transferable} transferable years"
    return f"{pay}{below} ({because})"
