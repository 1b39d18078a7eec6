"""The plan is declared once (plan/model + plan/declare) and the file format follows it:
files written by the first release open unchanged, and a new hire field is a two-place change."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from airoles_tui.plan import file_format
from airoles_tui.plan.declare import at_least, declared
from airoles_tui.plan.file_format import PlanError, dumps, load_plan, loads, plan_to_dict
from airoles_tui.plan.model import Growth, Hire, OrgPlan
from airoles_tui.validation.schema import INT, TEXT

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "plans_v1"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_release_one_files_open_to_the_same_plan(name):
    # expected.json is what the release-1 reader made of each file, taken before the redeclaration.
    plan = load_plan(FIXTURES / name).document
    assert plan_to_dict(plan) == EXPECTED[name]


@pytest.mark.parametrize("name", ["blank.toml", "series-b-legal-resaved.toml", "odd-text.toml"])
def test_files_the_release_wrote_are_written_again_byte_for_byte(name):
    text = (FIXTURES / name).read_bytes().decode("utf-8")
    assert dumps(load_plan(FIXTURES / name).document) == text


def test_the_shipped_worked_example_is_release_ones_with_a_growth_month():
    shipped = Path(__file__).resolve().parents[2] / "data" / "plans" / "series-b-legal.toml"
    now, then = load_plan(shipped).document, load_plan(FIXTURES / "series-b-legal.toml").document
    assert now.growth.month == 13 and then.growth.month == 0
    now.growth.month = 0
    assert now == then


def test_new_plan_fields_round_trip_and_are_checked():
    plan = OrgPlan(name="p", funding_usd=5, monthly_other_burn_usd=120_000,
                   monthly_compute_usd=40_000, growth=Growth(month=18))
    text = dumps(plan)
    assert "monthly_compute_usd = 40000" in text and "month = 18" in text
    assert loads(text) == plan
    bad = text.replace("monthly_compute_usd = 40000", "monthly_compute_usd = -1")
    with pytest.raises(PlanError) as exc:
        loads(bad, "p.toml")
    assert "p.toml:" in str(exc.value)
    assert "plan.monthly_compute_usd: must be from 0 to 100,000,000,000" in str(exc.value)
    with pytest.raises(PlanError, match="growth.month: must be from 1 to 1,200"):
        loads(text.replace("month = 18", "month = 0"))


# -- a new field is one declaration ----------------------------------------------------------


@dataclass(slots=True)
class HireWithLaptop(Hire):
    """A throwaway hire with one more field: the only change made to add it."""

    laptop: str = declared(TEXT, "")
    desk: int = declared(INT, 0, omit_default=True, check=at_least(1, "desks count from 1"))


@dataclass(slots=True)
class PlanWithLaptops(OrgPlan):
    hires: list[HireWithLaptop] = declared(HireWithLaptop, factory=list, many=True)


@pytest.fixture
def laptop_format(monkeypatch):
    """The file format over the subclassed plan: nothing in file_format is edited."""
    monkeypatch.setattr(file_format, "OrgPlan", PlanWithLaptops)
    monkeypatch.setattr(file_format, "DOCUMENT", file_format.document_spec(PlanWithLaptops))


def test_an_added_hire_field_round_trips(laptop_format):
    plan = PlanWithLaptops(name="p", funding_usd=1, hires=[
        HireWithLaptop("ml-engineer", laptop="ThinkPad [x]", desk=4),
        HireWithLaptop("data-engineer")])
    text = dumps(plan)
    assert 'laptop = "ThinkPad [x]"' in text and "desk = 4" in text
    again = loads(text)
    assert isinstance(again.hires[0], HireWithLaptop) and again == plan


def test_an_added_hire_field_is_validated_with_file_and_line(laptop_format):
    text = dumps(PlanWithLaptops(name="p", funding_usd=1, hires=[
        HireWithLaptop("ml-engineer", laptop="a", desk=2)]))
    with pytest.raises(PlanError) as exc:
        loads(text.replace('laptop = "a"', "laptop = 3"), "p.toml")
    line = text.splitlines().index('laptop = "a"') + 1
    assert f"p.toml:{line}: hires[1].laptop: expected a string, got the integer 3" in str(exc.value)
    with pytest.raises(PlanError, match="hires\\[1\\].desk: desks count from 1"):
        loads(text.replace("desk = 2", "desk = 0"))


def test_the_form_follows_the_declaration():
    from airoles_tui.plan.declare import form_fields

    assert [f.name for f in form_fields(Hire)] == [
        "role", "seniority", "start", "team", "deliverable_90_days", "rationale", "title"]
    shown = {f.name: (f.label, f.widget) for f in form_fields(HireWithLaptop)}
    # No label or widget declared: the name in words, the widget its file type takes.
    assert shown["laptop"] == ("Laptop", "line") and shown["desk"] == ("Desk", "number")
    assert shown["team"] == ("Team or squad", "line")
    assert [f.name for f in form_fields(HireWithLaptop)][-3:] == ["laptop", "desk", "title"]
    assert "hires" not in {f.name for f in form_fields(OrgPlan)}  # tables are not form fields
    with pytest.raises(ValueError, match="unknown widget 'slider'"):
        declared(TEXT, "", widget="slider")
