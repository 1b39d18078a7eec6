"""Fast entry in the plan model: new hires copy their neighbour, duplicates, shifting and
ordering start months, the exercise's givens, and start months and amounts refused with the
reason instead of changing meaning silently."""

from __future__ import annotations

import tomllib

import pytest
import tomli_w

from airoles_tui.plan.document import PlanDocument
from airoles_tui.plan.limits import LIMITS
from airoles_tui.plan.model import (
    HORIZON_MONTHS,
    Hire,
    OrgPlan,
    exercise_plan,
    parse_start,
    parse_usd,
    read_start,
    usd_problem,
)


def plan_of(*hires: Hire) -> PlanDocument:
    return PlanDocument(OrgPlan(hires=list(hires)))


def test_a_new_hire_copies_the_selected_hires_role_seniority_team_and_start():
    doc = plan_of(Hire("ml-engineer", seniority="senior", team="Search", start=4,
                       title="Lead", deliverable_90_days="ship", rationale="why"))
    at = doc.add_hire(0, "ai-research-scientist")
    new = doc.plan.hires[at]
    assert (new.role, new.seniority, new.team, new.start) == ("ml-engineer", "senior",
                                                               "Search", 4)
    assert (new.title, new.deliverable_90_days, new.rationale) == ("", "", "")


def test_the_first_hire_takes_the_given_role():
    doc = plan_of()
    assert doc.add_hire(None, "data-engineer") == 0
    assert doc.plan.hires == [Hire("data-engineer")]


def test_duplicate_copies_everything_and_undo_removes_it():
    doc = plan_of(Hire("a", deliverable_90_days="d"), Hire("b"))
    assert doc.duplicate_hire(0) == 1
    assert [h.role for h in doc.plan.hires] == ["a", "a", "b"]
    assert doc.plan.hires[1] == doc.plan.hires[0] and doc.plan.hires[1] is not doc.plan.hires[0]
    assert doc.undo() == ("duplicate hire 1", 0)
    assert [h.role for h in doc.plan.hires] == ["a", "b"]


def test_shift_moves_the_selected_and_later_hires_only():
    doc = plan_of(Hire("a", start=1), Hire("b", start=2), Hire("c", start=5))
    assert doc.shift_starts(1, 3)
    assert [h.start for h in doc.plan.hires] == [1, 5, 8]
    assert not doc.shift_starts(0, -1)  # hire 1 would start at month 0: nothing moves
    assert [h.start for h in doc.plan.hires] == [1, 5, 8]
    assert not doc.shift_starts(2, LIMITS["start"][1])  # past what a plan holds
    doc.undo()
    assert [h.start for h in doc.plan.hires] == [1, 2, 5]


def test_order_by_start_is_stable_and_undoable():
    doc = plan_of(Hire("a", start=3), Hire("b", start=1), Hire("c", start=3), Hire("d", start=2))
    assert doc.order_by_start()
    assert [h.role for h in doc.plan.hires] == ["b", "d", "a", "c"]
    assert not doc.order_by_start()  # already in order: no undo step
    assert doc.undo()[0] == "order by start month"
    assert [h.role for h in doc.plan.hires] == ["a", "b", "c", "d"]


def test_the_exercise_plan_holds_the_articles_givens(catalog):
    plan = exercise_plan(catalog)
    assert plan.funding_usd == 30_000_000 and plan.hire_budget == 15
    assert plan.growth.target == 50
    assert plan.product == "AI-powered legal document review"
    assert "Series B" in plan.company and plan.hires == []


@pytest.mark.parametrize("text, why", [
    ("M1201", "past what a plan can hold (months from 1 to 1,200)"),
    ("0", "months start at 1"), ("Q0", "quarters start at Q1"), ("soon", "is not a month"),
    ("99999999999999999999", "is not a month")])
def test_a_start_month_is_refused_with_the_reason(text, why):
    month, note = read_start(text)
    assert month is None and parse_start(text) is None
    assert why in note


def test_a_start_past_the_horizon_or_the_first_year_says_what_it_means():
    assert read_start("M120") == (120, f"⚠ M120 is in year 10, past the plan's "
                                       f"{HORIZON_MONTHS}-month horizon")
    assert read_start("Q5") == (13, "Q5 is M13: quarter 1 of year 2")
    assert read_start("Q3") == (7, "") and read_start(str(HORIZON_MONTHS)) == (36, "")


def test_an_amount_toml_cannot_store_is_refused_with_the_reason():
    huge = "123456789012345678901"
    assert parse_usd(huge) is None
    assert "more than a plan can hold" in usd_problem(huge)
    top = LIMITS["funding_usd"][1]
    assert parse_usd(str(top)) == top and parse_usd(str(top + 1)) is None
    tomllib.loads(tomli_w.dumps({"x": parse_usd(str(top))}))  # the largest still reads
    assert usd_problem("30M") == "" and "not an amount" in usd_problem("lots")
