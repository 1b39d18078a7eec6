"""The career changer's band: transferable years, not total years (recommend/seniority.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from airoles_tui.recommend.scoring import BANDS, recommend
from airoles_tui.recommend.seniority import CHANGE_NOTE, FIELD_CAP, RULE, place


def test_the_issues_analyst_is_no_longer_shown_senior_data_scientist_pay(catalog):
    # 7 years of analytics was "senior" by total years; half of them transfer.
    p = place(catalog.recommender, "data_analytics", "data-scientist", 7)
    assert (p.band.id, p.transferable, p.from_field) == ("mid", 3, 3)
    assert p.current.id == "senior" and p.below_current
    assert p.why() == "3 transferable years: 0 doing the work, 3 from 7 in your field"


def test_the_issues_non_technical_person_enters_ethics_below_senior(catalog):
    p = place(catalog.recommender, "non_technical", "ai-ethics-specialist", 7)
    assert p.band.id == "mid" and p.below_current


def test_a_role_only_an_interest_brings_gets_nothing_from_the_field(catalog):
    # The article's table does not send software engineers to the FDE role; deployment does.
    p = place(catalog.recommender, "software_engineering", "forward-deployed-engineer", 8)
    assert not p.leads_to and (p.from_field, p.band.id) == (0, "entry")
    assert p.why() == ("0 transferable years: 0 doing the work, "
                       "your 8 in your field do not count for it")


def test_years_doing_the_target_work_count_in_full(catalog):
    p = place(catalog.recommender, "software_engineering", "ml-engineer", 4, target_years=6)
    assert (p.transferable, p.band.id, p.current.id) == (8, "senior", "staff")
    q = place(catalog.recommender, "software_engineering", "ml-engineer", 0, target_years=12)
    assert q.band.id == "staff" and not q.below_current


def test_the_field_alone_never_reaches_past_the_mid_band(catalog):
    p = place(catalog.recommender, "academia_research", "ai-research-scientist", 40)
    assert (p.from_field, p.band.id) == (FIELD_CAP, "mid")


def test_out_of_range_years_are_refused(catalog):
    with pytest.raises(ValueError, match="years doing the target work"):
        place(catalog.recommender, "data_analytics", "data-scientist", 3, target_years=51)
    with pytest.raises(ValueError, match="years in the field"):
        place(catalog.recommender, "data_analytics", "data-scientist", -1)


def test_the_rule_says_whose_it_is_and_the_note_says_what_to_expect():
    assert RULE.startswith("Our rule, not the article's")
    assert "below your current level" in CHANGE_NOTE and "junior" in CHANGE_NOTE


@given(background=st.sampled_from(["software_engineering", "data_analytics",
                                   "academia_research", "non_technical"]),
       field=st.integers(0, 50), target=st.integers(0, 50))
def test_never_above_the_level_of_all_the_years(catalog, background, field, target):
    for s in recommend(catalog.recommender, background, ["deployment", "safety"]).ranking:
        p = place(catalog.recommender, background, s.role, field, target)
        assert BANDS.index(p.band) <= BANDS.index(p.current)
        if target < 50:  # a year more of the target work never lowers the band
            more = place(catalog.recommender, background, s.role, field, target + 1)
            assert BANDS.index(more.band) >= BANDS.index(p.band)
