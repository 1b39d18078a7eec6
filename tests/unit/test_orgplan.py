"""Plan arithmetic against figures computed by hand, and each advice rule on and off."""

from __future__ import annotations

from dataclasses import replace

import pytest

from airoles_tui.plan.document import PlanDocument
from airoles_tui.plan.advice import advise
from airoles_tui.plan.analysis import analyse
from airoles_tui.plan.model import (
    Growth,
    Hire,
    OrgPlan,
    hire_cost,
    money,
    parse_start,
    parse_usd,
    runway_months,
    start_label,
)


def kinds(plan, catalog):
    return [a.kind for a in advise(plan, catalog)]


def good_plan(**changes) -> OrgPlan:
    plan = OrgPlan(
        name="p", funding_usd=30_000_000, hire_budget=15, structure="hub-and-spoke",
        hires=[Hire("data-engineer", start=1, deliverable_90_days="pipelines",
                    team="Hub: platform"),
               Hire("mlops-engineer", start=1, deliverable_90_days="serving",
                    team="Hub: platform"),
               Hire("ml-engineer", start=2, deliverable_90_days="model")],
        growth=Growth(target=50, structure="hub-and-spoke", headcount={"ml-engineer": 50},
                      changes="grow"),
    )
    for key, value in changes.items():
        setattr(plan, key, value)
    return plan


# -- cost ----------------------------------------------------------------------------------

def test_midpoint_by_default_times_the_stated_multiplier(catalog):
    # ML Engineer: $150K-$350K, midpoint $250K; loaded x1.3 = $325K.
    cost = hire_cost(Hire("ml-engineer"), catalog)
    assert cost.salary_usd == 250_000
    assert cost.annual_usd == pytest.approx(325_000)


@pytest.mark.parametrize("seniority, salary", [
    ("junior", 150_000), ("mid", 250_000), ("senior", 300_000), ("lead", 350_000)])
def test_seniority_picks_a_stated_point_of_the_range(catalog, seniority, salary):
    assert hire_cost(Hire("ml-engineer", seniority=seniority), catalog).salary_usd == salary


def test_unknown_role_costs_nothing_and_is_flagged(catalog):
    cost = hire_cost(Hire("wizard"), catalog)
    assert cost.annual_usd == 0 and not cost.known
    assert "unknown-role" in kinds(good_plan(hires=[Hire("wizard")]), catalog)


def test_plan_totals_by_hand(catalog):
    # Data Engineer $130K-$280K mid 205K; MLOps $140K-$280K mid 210K; MLE 250K. Sum 665K.
    a = analyse(good_plan(cost_multiplier=1.0), catalog)
    assert a.annual_usd == pytest.approx(665_000)
    assert a.monthly_usd == pytest.approx(665_000 / 12)
    a = analyse(good_plan(), catalog)
    assert a.annual_usd == pytest.approx(665_000 * 1.3)


# -- runway --------------------------------------------------------------------------------

def test_runway_constant_burn():
    # $1.2M at $120K/yr = $10K a month: 120 months.
    assert runway_months(1_200_000, [(1, 120_000)]) == pytest.approx(120)


def test_runway_counts_hires_from_their_start_month():
    # $100K a month from month 1, another $100K a month from month 4.
    # Months 1-3 spend 300K; then 200K a month: 1M - 300K = 700K -> 3.5 more months.
    assert runway_months(1_000_000, [(1, 1_200_000), (4, 1_200_000)]) == pytest.approx(6.5)


def test_runway_runs_out_before_a_late_hire_starts():
    # 100K a month, 250K in the bank: 2.5 months; the month-10 hire never starts.
    assert runway_months(250_000, [(1, 1_200_000), (10, 1_200_000)]) == pytest.approx(2.5)


def test_runway_of_an_empty_plan_is_not_a_number():
    assert runway_months(30_000_000, []) is None
    assert runway_months(0, [(1, 100_000)]) == 0.0
    assert runway_months(10**15, [(1, 1)]) is None  # beyond the cap


def test_example_plan_figures(catalog):
    from airoles_tui.paths import example_plans_dir
    from airoles_tui.plan.file_format import load_plan

    plan = load_plan(example_plans_dir() / "series-b-legal.toml").document
    a = analyse(plan, catalog)
    assert a.hires == 15 == plan.hire_budget
    assert a.advice == ()  # the worked answer satisfies every rule
    by_hand = sum(c.salary_usd for c in a.costs) * 1.3
    assert a.annual_usd == pytest.approx(by_hand)
    assert 60 < a.runway < 90


# -- advice --------------------------------------------------------------------------------

def test_good_plan_has_no_advice(catalog):
    assert kinds(good_plan(), catalog) == []


def test_over_budget(catalog):
    plan = good_plan(hire_budget=2)
    advice = [a for a in advise(plan, catalog) if a.kind == "over-budget"]
    assert advice and "3 hires, budget is 2" in advice[0].message and advice[0].reason


def test_centralised_beyond_the_catalogs_maximum_is_a_bottleneck(catalog):
    limit = catalog.team_structure("centralised").max_practitioners  # inclusive
    hires = [Hire("data-engineer", deliverable_90_days="x")] + [
        Hire("data-scientist", deliverable_90_days="x") for _ in range(limit - 1)]
    assert "centralised-bottleneck" not in kinds(good_plan(structure="centralised",
                                                           hires=hires), catalog)
    hires.append(Hire("ml-engineer", deliverable_90_days="x"))
    advice = [a for a in advise(good_plan(structure="centralised", hires=hires), catalog)
              if a.kind == "centralised-bottleneck"]
    assert advice and "bottleneck" in advice[0].reason
    assert "Hub-and-spoke" in advice[0].reason
    assert f"fits {limit} or fewer" in advice[0].message


def test_centralised_at_ten_practitioners_is_a_bottleneck(catalog):
    # The article: centralised "works well for companies with fewer than 10 ML practitioners".
    hires = [Hire("data-engineer", deliverable_90_days="x")] + [
        Hire("data-scientist", deliverable_90_days="x") for _ in range(8)]
    assert "centralised-bottleneck" not in kinds(good_plan(structure="centralised",
                                                           hires=hires), catalog)
    hires.append(Hire("ml-engineer", deliverable_90_days="x"))
    advice = [a for a in advise(good_plan(structure="centralised", hires=hires), catalog)
              if a.kind == "centralised-bottleneck"]
    assert advice[0].message == "Centralised with 10 practitioners (it fits 9 or fewer)"


def test_hub_and_spoke_is_the_model_at_scale(catalog):
    plan = good_plan()
    plan.growth.structure = "centralised"
    advice = [a for a in advise(plan, catalog) if a.kind == "growth-not-hub"]
    assert advice and "Spotify" in advice[0].reason


def test_data_before_modelling(catalog):
    plan = good_plan()
    plan.hires[0].start = 5  # the data engineer now starts after the MLE (month 2)
    advice = [a for a in advise(plan, catalog) if a.kind == "data-after-modelling"]
    assert advice and advice[0].hire == 0 and "80%" in advice[0].reason
    plan.hires = [h for h in plan.hires if h.role != "data-engineer"]
    assert "no-data-engineer" in kinds(plan, catalog)


def test_hire_without_a_deliverable(catalog):
    plan = good_plan()
    plan.hires[1].deliverable_90_days = "   "
    advice = [a for a in advise(plan, catalog) if a.kind == "no-deliverable"]
    assert [a.hire for a in advice] == [1]


def test_unknown_structure_and_growth_checks(catalog):
    assert "unknown-structure" in kinds(good_plan(structure="matrix"), catalog)
    assert "no-structure" in kinds(good_plan(structure=""), catalog)
    plan = good_plan()
    plan.growth.headcount = {"ml-engineer": 40, "ghost": 1}
    got = kinds(plan, catalog)
    assert "growth-total" in got and "growth-unknown-role" in got
    assert "no-growth" in kinds(good_plan(growth=Growth()), catalog)


def test_hub_without_platform_hire(catalog):
    plan = good_plan(hires=[Hire("applied-scientist", deliverable_90_days="x")])
    assert "hub-without-platform" in kinds(plan, catalog)


# -- parsing and labels --------------------------------------------------------------------

@pytest.mark.parametrize("text, month", [
    ("7", 7), ("M7", 7), ("month 12", 12), ("Q1", 1), ("q3", 7), (" Q2 ", 4),
    ("0", None), ("Q0", None), ("soon", None), ("", None), ("-1", None)])
def test_parse_start(text, month):
    assert parse_start(text) == month


def test_start_label_and_money():
    assert start_label(1) == "M1 (Q1)" and start_label(7) == "M7 (Q3)"
    assert money(30_000_000) == "$30.00M" and money(425_000) == "$425K" and money(12) == "$12"


@pytest.mark.parametrize("text, usd", [
    ("30000000", 30_000_000), ("$30,000,000", 30_000_000), ("30M", 30_000_000),
    ("2.5m", 2_500_000), ("750k", 750_000), ("thirty", None), ("", None), ("30MM", None)])
def test_parse_usd(text, usd):
    assert parse_usd(text) == usd


# -- the document: undo and unsaved state --------------------------------------------------

def test_add_delete_move_undo():
    doc = PlanDocument(OrgPlan(hires=[Hire("a"), Hire("b"), Hire("c")]))
    assert not doc.dirty
    assert doc.add_hire(0, "x") == 1  # a copy of the hire it follows: "x" is for a first hire
    assert [h.role for h in doc.plan.hires] == ["a", "a", "b", "c"] and doc.dirty
    assert doc.delete_hire(1) == 1
    assert doc.move_hire(0, 1) == 1
    assert [h.role for h in doc.plan.hires] == ["b", "a", "c"]
    assert doc.move_hire(2, 1) == 2  # already last: nothing happens
    assert doc.undo() == ("move hire 1", 0)
    assert doc.undo()[0] == "delete hire 2"
    assert [h.role for h in doc.plan.hires] == ["a", "a", "b", "c"]
    doc.undo()
    assert [h.role for h in doc.plan.hires] == ["a", "b", "c"]
    assert doc.undo() is None


def test_undo_snapshot_is_deep():
    doc = PlanDocument(OrgPlan(hires=[Hire("a", title="old")]))
    doc.checkpoint("edit", 0)
    doc.plan.hires[0].title = "new"
    doc.undo()
    assert doc.plan.hires[0].title == "old"


def test_embedded_beyond_ten_fragments(catalog):
    hires = [Hire("data-engineer", deliverable_90_days="x")] + [
        Hire("ml-engineer", deliverable_90_days="x") for _ in range(10)]
    advice = [a for a in advise(good_plan(structure="embedded", hires=hires), catalog)
              if a.kind == "embedded-fragmentation"]
    assert advice and "fragmented infrastructure" in advice[0].reason
    assert "embedded-fragmentation" not in kinds(good_plan(structure="embedded"), catalog)


def test_role_without_pay_range_is_costed_at_zero_and_said_so(catalog):
    import dataclasses

    roles = tuple(r._replace(compensation=None) if r.id == "ml-engineer" else r
                  for r in catalog.roles)
    bare = dataclasses.replace(catalog, roles=roles, _role_index={})
    assert hire_cost(Hire("ml-engineer"), bare).annual_usd == 0
    assert "no-pay-range" in kinds(good_plan(), bare)


def test_catalog_text_that_is_ours_keeps_its_mark_in_advice_and_the_export(catalog):
    from airoles_tui.catalog.provenance import LEGEND, OURS_TAG
    from airoles_tui.plan.report import plan_markdown

    hires = [Hire("data-engineer", deliverable_90_days="x") for _ in range(10)]
    plan = good_plan(structure="centralised", hires=hires)
    shipped = [a for a in advise(plan, catalog) if a.kind == "centralised-bottleneck"][0]
    assert OURS_TAG not in shipped.reason  # the article's own words: no mark
    assert LEGEND not in plan_markdown(plan, catalog)
    central = catalog.team_structure("centralised")._replace(ours=("fits_when",))
    marked = replace(catalog, team_structures=tuple(
        central if t.id == "centralised" else t for t in catalog.team_structures))
    advice = [a for a in advise(plan, marked) if a.kind == "centralised-bottleneck"][0]
    assert f"fits when: {OURS_TAG}: Fewer than 10 ML practitioners." in advice.reason
    text = plan_markdown(plan, marked)
    assert f"{OURS_TAG}: Fewer than 10 ML practitioners" in text
    assert text.count(LEGEND) == 1
