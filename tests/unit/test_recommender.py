"""The recommender reproduces the article's recommend_roles() exactly, and shows its workings."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from airoles_tui.catalog.records import Compensation
from airoles_tui.recommend.scoring import (
    BANDS,
    band_pay,
    parse_years,
    pathway_for,
    pay_range,
    pay_slice,
    recommend,
    recommend_roles,
    seniority_band,
    unscored,
)
from tests.unit.test_catalog_facts import ARTICLE_BACKGROUNDS, ARTICLE_INTERESTS

# The article's four worked examples, with the answers its code prints (run verbatim from the
# article in a scratch file), role names mapped to catalog ids.
ARTICLE_EXAMPLES = [
    (("software_engineering", ["deployment", "client_facing"], 5), [
        ("ml-engineer", "Your SWE skills transfer directly — learn ML fundamentals"),
        ("mlops-engineer", "Combine your DevOps/infra skills with ML operations"),
        ("forward-deployed-engineer", "Matches your interest in deployment"),
    ]),
    (("academia_research", ["research", "safety"], 3), [
        ("ai-research-scientist", "Direct path — publish, intern, then join a lab"),
        ("applied-scientist", "Bridge research to product impact"),
        ("ai-safety-researcher", "If alignment and robustness interest you"),
    ]),
    (("data_analytics", ["product", "data"], 7), [
        ("data-scientist", "Natural progression — add Python + statistics depth"),
        ("ai-product-manager", "Your domain + analytics skill is the PM foundation"),
        ("data-engineer", "Focus on the infrastructure side of the data stack"),
    ]),
    (("non_technical", ["product", "safety"], 10), [
        ("prompt-engineer", "Strong writing + systematic thinking = ideal fit"),
        ("ai-product-manager", "Domain expertise is your competitive advantage"),
        ("ai-ethics-specialist", "Policy, philosophy, or law backgrounds are assets"),
    ]),
]


@pytest.mark.parametrize(("args", "expected"), ARTICLE_EXAMPLES)
def test_the_articles_four_worked_examples(catalog, args, expected):
    background, interests, years = args
    assert recommend_roles(catalog.recommender, background, interests, years) == expected


def test_full_ranking_of_the_first_example_shows_every_score_and_reason(catalog):
    rec = recommend(catalog.recommender, "software_engineering", ["deployment", "client_facing"])
    assert [(s.role, s.score, s.reasons) for s in rec.ranking] == [
        ("ml-engineer", 5, ("Your SWE skills transfer directly — learn ML fundamentals",
                            "Matches your interest in deployment")),
        ("mlops-engineer", 5, ("Combine your DevOps/infra skills with ML operations",
                               "Matches your interest in deployment")),
        ("forward-deployed-engineer", 4, ("Matches your interest in deployment",
                                          "Matches your interest in client_facing")),
        ("research-engineer", 3, ("If you enjoy low-level systems + ML implementation",)),
        ("ai-product-manager", 2, ("Matches your interest in client_facing",)),
    ]
    assert [s.rank for s in rec.ranking] == [1, 2, 3, 4, 5]
    assert [s.points for s in rec.ranking] == [(3, 2), (3, 2), (2, 2), (3,), (2,)]
    assert [s.role for s in rec.tied_with("ml-engineer")] == ["mlops-engineer"]
    assert rec.tied_with("forward-deployed-engineer") == ()
    assert rec.tie_at_cut() == ()


def test_no_interests_gives_the_background_roles_in_the_articles_order(catalog):
    rec = recommend(catalog.recommender, "academia_research", [])
    assert [(s.role, s.score) for s in rec.ranking] == [
        ("ai-research-scientist", 3), ("applied-scientist", 3), ("ai-safety-researcher", 3)]
    assert len(rec.tied_with("applied-scientist")) == 2


def test_every_interest_at_once(catalog):
    every = [i.id for i in catalog.recommender.interests]
    rec = recommend(catalog.recommender, "non_technical", every)
    assert [(s.role, s.score) for s in rec.top] == [
        ("ai-product-manager", 7), ("prompt-engineer", 5), ("ai-ethics-specialist", 5)]
    assert rec.ranking[0].reasons == (
        "Domain expertise is your competitive advantage",
        "Matches your interest in product", "Matches your interest in client_facing")
    # Roles first met through an interest keep the order the interests listed them.
    assert [s.role for s in rec.ranking[4:]] == [
        "ai-research-scientist", "applied-scientist", "ml-engineer", "mlops-engineer",
        "data-engineer", "data-scientist", "ai-safety-researcher"]
    assert len(rec.ranking) == 11


def test_a_tie_across_the_cut_is_reported(catalog):
    rec = recommend(catalog.recommender, "academia_research", ["deployment", "client_facing"])
    assert [s.role for s in rec.top] == [
        "forward-deployed-engineer", "ai-research-scientist", "applied-scientist"]
    assert [s.role for s in rec.tie_at_cut()] == ["ai-safety-researcher"]


def test_interest_order_decides_ties_between_new_roles(catalog):
    a = recommend(catalog.recommender, "non_technical", ["research", "deployment"])
    b = recommend(catalog.recommender, "non_technical", ["deployment", "research"])
    assert [s.role for s in a.ranking[3:5]] == ["ai-research-scientist", "applied-scientist"]
    assert [s.role for s in b.ranking[3:5]] == ["forward-deployed-engineer", "ml-engineer"]


def test_unknown_background_falls_back_and_unknown_interest_adds_nothing(catalog):
    rec = recommend(catalog.recommender, "astronaut", ["juggling"])
    assert rec.fell_back and rec.background == "non_technical"
    assert [s.role for s in rec.ranking] == [
        "prompt-engineer", "ai-product-manager", "ai-ethics-specialist"]
    assert not recommend(catalog.recommender, "non_technical", []).fell_back


# The article's code, verbatim, over its tables (by role name); the property test compares.
_NAMES = {
    "ML Engineer": "ml-engineer", "MLOps Engineer": "mlops-engineer",
    "Research Engineer": "research-engineer", "Data Scientist": "data-scientist",
    "AI Product Manager": "ai-product-manager", "Data Engineer": "data-engineer",
    "AI Research Scientist": "ai-research-scientist", "Applied Scientist": "applied-scientist",
    "AI Safety Researcher": "ai-safety-researcher", "Prompt Engineer": "prompt-engineer",
    "AI Ethics Specialist": "ai-ethics-specialist",
    "Forward Deployed Engineer": "forward-deployed-engineer",
}


def _article(background, interests):
    background_map, interest_bonus = ARTICLE_BACKGROUNDS, ARTICLE_INTERESTS
    base_roles = background_map.get(background, background_map["non_technical"])
    role_scores = {}
    for role, reason in base_roles:
        role_scores[role] = {"score": 3, "reasons": [reason]}
    for interest in interests:
        for role in interest_bonus.get(interest, []):
            if role not in role_scores:
                role_scores[role] = {"score": 0, "reasons": []}
            role_scores[role]["score"] += 2
            role_scores[role]["reasons"].append(f"Matches your interest in {interest}")
    sorted_roles = sorted(role_scores.items(), key=lambda x: x[1]["score"], reverse=True)
    return [(_NAMES[r], i["score"], tuple(i["reasons"])) for r, i in sorted_roles]


@given(background=st.sampled_from(["software_engineering", "data_analytics",
                                   "academia_research", "non_technical", "other"]),
       interests=st.lists(st.sampled_from(["research", "deployment", "data", "product",
                                           "safety", "client_facing", "unknown"]),
                          max_size=8))
def test_same_as_the_articles_code_for_any_input(catalog, background, interests):
    ours = recommend(catalog.recommender, background, interests)
    assert [(s.role, s.score, s.reasons) for s in ours.ranking] == _article(background, interests)


@pytest.mark.parametrize(("years", "band"), [
    (0, "entry"), (2, "entry"), (3, "mid"), (5, "mid"), (6, "senior"), (9, "senior"),
    (10, "staff"), (50, "staff")])
def test_seniority_bands(years, band):
    assert seniority_band(years).id == band


def test_bands_cover_every_year_once_and_the_whole_range():
    assert BANDS[0].low == 0 and BANDS[-1].high == 1
    for a, b in pairwise(BANDS):
        assert a.max_years + 1 == b.min_years and a.high == b.low
    with pytest.raises(ValueError):
        seniority_band(51)


def test_pay_slice_is_the_bands_quarter_of_the_range():
    comp = Compensation(150_000, 350_000)
    assert pay_slice(comp, seniority_band(0)) == (150_000, 200_000)
    assert pay_slice(comp, seniority_band(5)) == (200_000, 250_000)
    assert pay_slice(comp, seniority_band(12)) == (300_000, 350_000)
    assert pay_slice(Compensation(200_000, 500_000), seniority_band(4)) == (275_000, 350_000)


@pytest.mark.parametrize(("text", "years"), [("0", 0), (" 7 ", 7), ("50", 50), ("007", 7)])
def test_parse_years_accepts_whole_numbers(text, years):
    assert parse_years(text) == years


@pytest.mark.parametrize(("text", "why"), [
    ("", "enter a whole number"), ("5.5", "not a whole number"), ("-1", "negative"),
    ("51", "more than 50"), ("five", "not a whole number"), ("٣", "not a whole number")])
def test_parse_years_refuses_with_a_reason(text, why):
    with pytest.raises(ValueError, match=why):
        parse_years(text)


def test_each_background_leads_to_the_articles_pathway(catalog):
    assert pathway_for(catalog, "software_engineering").targets == ("ml-engineer",)
    assert pathway_for(catalog, "data_analytics").targets == ("data-scientist",)
    assert pathway_for(catalog, "academia_research").targets == ("ai-research-scientist",)
    assert pathway_for(catalog, "non_technical").targets == (
        "prompt-engineer", "ai-product-manager")


def test_unscored_roles_are_the_rest_of_the_catalog(catalog):
    rec = recommend(catalog.recommender, "software_engineering", ["deployment"])
    assert unscored(catalog, rec) == [
        "ai-research-scientist", "applied-scientist", "data-engineer", "prompt-engineer",
        "data-scientist", "ai-product-manager", "ai-safety-researcher", "ai-ethics-specialist"]
    every = recommend(catalog.recommender, "non_technical",
                      [i.id for i in catalog.recommender.interests])
    assert unscored(catalog, every) == ["research-engineer"]


def test_pay_texts_mark_an_open_ended_top(catalog):
    assert pay_range(catalog, "ai-research-scientist") == (
        "2026 pay $200K–$500K+ (total compensation including equity, at top labs)")
    assert band_pay(catalog, "ai-research-scientist", seniority_band(12)) == (
        "staff+ band: $425K–$500K+")
    assert band_pay(catalog, "ai-research-scientist", seniority_band(7)) == (
        "senior band: $350K–$425K")
    assert pay_range(catalog, "no-such-role") == "2026 pay: the article gives no figure"
    assert band_pay(catalog, "no-such-role", seniority_band(3)) == ""
