"""Per-team rollup, runway with the plan's other spending, and the growth stage against the
money, checked against arithmetic done by hand."""

from __future__ import annotations

import pytest

from airoles_tui.paths import example_plans_dir
from airoles_tui.plan.analysis import analyse, growth_annual_usd, monthly_spend, plan_steps
from airoles_tui.plan.file_format import load_plan
from airoles_tui.plan.model import Growth, Hire, OrgPlan, hire_cost


def test_cost_and_headcount_per_team_in_plan_order(catalog):
    p = OrgPlan(name="p", funding_usd=1, hires=[
        Hire("ml-engineer", team="Spoke A"), Hire("data-engineer", team="Hub"),
        Hire("ml-engineer", team="Spoke A", seniority="lead"), Hire("prompt-engineer")])
    a = analyse(p, catalog)
    assert [(t.team, t.hires) for t in a.teams] == [
        ("Spoke A", (0, 2)), ("Hub", (1,)), ("(no team)", (3,))]
    assert a.teams[0].annual_usd == pytest.approx(a.costs[0].annual_usd + a.costs[2].annual_usd)
    assert sum(t.headcount for t in a.teams) == 4
    assert sum(t.annual_usd for t in a.teams) == pytest.approx(a.annual_usd)


def test_runway_counts_other_burn_and_compute_and_says_so(catalog):
    mle = hire_cost(Hire("ml-engineer"), catalog).annual_usd / 12
    p = OrgPlan(name="p", funding_usd=1_000_000, hires=[Hire("ml-engineer")])
    alone = analyse(p, catalog)
    assert alone.runway == pytest.approx(1_000_000 / mle)
    assert "nothing else" in alone.runway_counts
    p.monthly_other_burn_usd, p.monthly_compute_usd = 30_000, 20_000
    a = analyse(p, catalog)
    assert a.runway == pytest.approx(1_000_000 / (mle + 50_000))
    assert "other burn $30K/mo" in a.runway_counts and "compute/API $20K/mo" in a.runway_counts
    assert a.other_monthly_usd == 50_000


def test_other_spending_runs_from_month_one_even_before_any_hire(catalog):
    p = OrgPlan(name="p", funding_usd=100_000, monthly_compute_usd=10_000,
                hires=[Hire("ml-engineer", start=20)])
    assert analyse(p, catalog).runway == pytest.approx(10)  # gone before the hire starts
    assert monthly_spend(plan_steps(p, analyse(p, catalog).costs), 3) == [10_000] * 3


def test_growth_stage_against_the_money(catalog):
    mle = hire_cost(Hire("ml-engineer"), catalog).annual_usd  # midpoint, loaded
    p = OrgPlan(name="p", funding_usd=6_000_000, hires=[Hire("ml-engineer")],
                growth=Growth(target=4, headcount={"ml-engineer": 4}, month=7))
    g = analyse(p, catalog).growth
    assert g.annual_usd == pytest.approx(4 * mle) == pytest.approx(growth_annual_usd(p, catalog))
    # Months 1-6: one MLE; from month 7: four. Left after six months, spent at four a month.
    left = 6_000_000 - 6 * mle / 12
    assert g.runway == pytest.approx(6 + left / (4 * mle / 12))
    assert g.months_left_after_growing == pytest.approx(left / (4 * mle / 12))
    p.growth.month = 0  # no month given: the stage's own burn from month 1
    g = analyse(p, catalog).growth
    assert g.runway == pytest.approx(6_000_000 / (4 * mle / 12))
    assert g.months_left_after_growing is None


def test_worked_example_figures(catalog):
    p = load_plan(example_plans_dir() / "series-b-legal.toml").document
    a = analyse(p, catalog)
    assert [t.team for t in a.teams] == ["Hub: ML platform", "Spoke: contract review squad",
                                         "Customer deployments", "Spoke: litigation squad",
                                         "Office of the CTO"]
    assert [t.headcount for t in a.teams] == [5, 5, 2, 2, 1]
    assert a.growth.headcount == 50 and a.growth.annual_usd > a.annual_usd
    assert a.growth.runway < a.runway  # fifty people spend the raise faster than fifteen


def test_blank_plan_analysis(catalog):
    a = analyse(OrgPlan(name="b"), catalog)
    assert a.teams == () and a.growth is None and a.runway is None


def test_exports_carry_the_team_rollup_and_the_growth_check(catalog):
    from airoles_tui.plan.report import plan_json, plan_markdown

    p = load_plan(example_plans_dir() / "series-b-legal.toml").document
    data = plan_json(p, catalog)["analysis"]
    assert data["teams"][0] == {"team": "Hub: ML platform", "headcount": 5,
                                "annual_usd": data["teams"][0]["annual_usd"],
                                "hires": [1, 4, 7, 14, 15]}
    assert data["growth"]["month"] == 13 and data["growth"]["headcount"] == 50
    assert "nothing else" in data["runway_counts"]
    md = plan_markdown(p, catalog)
    assert "| Hub: ML platform | 5 | $1.65M |" in md and "| **Total** | **15** |" in md
    assert "growing at M13, the money runs out in M33" in md
