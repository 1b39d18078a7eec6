"""The designer's advice is the catalog's data (advice.toml): each shipped rule on and off,
its article sentence, and a custom catalog's own rules with their mistakes named."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from airoles_tui.catalog.loader import CatalogError, load_catalog
from airoles_tui.catalog.records import ADVICE_CHECKS
from airoles_tui.paths import data_dir
from airoles_tui.plan.advice import CHECKS, advise
from airoles_tui.plan.analysis import analyse
from airoles_tui.plan.model import Growth, Hire, OrgPlan


def plan(**changes) -> OrgPlan:
    p = OrgPlan(
        name="p", funding_usd=30_000_000, hire_budget=15, structure="hub-and-spoke",
        hires=[Hire("data-engineer", start=1, deliverable_90_days="pipes", team="Hub"),
               Hire("ml-engineer", start=2, deliverable_90_days="model", team="Spoke")],
        growth=Growth(target=50, structure="hub-and-spoke", headcount={"ml-engineer": 50},
                      changes="grow"))
    for key, value in changes.items():
        setattr(p, key, value)
    return p


def kinds(p, catalog):
    return [a.kind for a in analyse(p, catalog).advice]


def test_every_check_a_rule_can_name_is_implemented():
    assert set(CHECKS) == set(ADVICE_CHECKS)


# The article the catalog is faithful to, as the project received it.
ARTICLE = Path(__file__).resolve().parents[1] / "fixtures" / "ai-roles-article.txt"


def test_every_shipped_rule_quotes_the_article_word_for_word(catalog):
    article = " ".join(ARTICLE.read_text(encoding="utf-8").split())
    assert len(catalog.advice) >= 13
    for rule in catalog.advice:
        assert " ".join(rule.quote.split()) in article, rule.id


def test_the_centralised_threshold_is_read_from_the_catalog_as_an_inclusive_maximum(catalog):
    # The article: "fewer than 10 ML practitioners", so 9 is the most and exactly 10 is flagged.
    nine = catalog.team_structures
    fixed = replace(catalog, team_structures=tuple(
        t._replace(max_practitioners=9) if t.id == "centralised" else t for t in nine))
    ten = [Hire("data-engineer", deliverable_90_days="x", team="T")] + [
        Hire("data-scientist", deliverable_90_days="x", team="T") for _ in range(9)]
    assert "centralised-bottleneck" in kinds(plan(structure="centralised", hires=ten), fixed)
    assert "centralised-bottleneck" not in kinds(
        plan(structure="centralised", hires=ten[:9]), fixed)
    message = next(a.message for a in advise(plan(structure="centralised", hires=ten), fixed)
                   if a.kind == "centralised-bottleneck")
    assert message == "Centralised with 10 practitioners (it fits 9 or fewer)"


def test_a_hire_starting_after_the_money_runs_out(catalog):
    # Two ML engineers at midpoint cost ~ $27K a month each: $300K lasts under 6 months.
    p = plan(funding_usd=300_000, hires=[
        Hire("data-engineer", start=1, deliverable_90_days="x", team="Hub"),
        Hire("ml-engineer", start=2, deliverable_90_days="x", team="Hub"),
        Hire("ml-engineer", start=24, deliverable_90_days="x", team="Hub")])
    a = analyse(p, catalog)
    late = [x for x in a.advice if x.kind == "hire-after-runway"]
    assert [x.hire for x in late] == [2]
    assert f"after the money runs out (M{a.runs_out_month})" in late[0].message
    assert "M24" in late[0].message and late[0].quote.startswith("You are the CTO")
    p.hires[2].start = a.runs_out_month  # starts in the month the money runs out: still paid
    assert "hire-after-runway" not in kinds(p, catalog)


def test_a_deliverable_that_needs_labels_before_any_data_hire(catalog):
    p = plan(hires=[
        Hire("applied-scientist", start=1, team="Spoke",
             deliverable_90_days="A baseline on a Labelled set of contracts"),
        Hire("data-engineer", start=3, deliverable_90_days="pipes", team="Hub")])
    found = [a for a in advise(p, catalog) if a.kind == "labelled-data-first"]
    assert [a.hire for a in found] == [0] and "the first starts M3" in found[0].message
    p.hires[1].start = 1
    assert "labelled-data-first" not in kinds(p, catalog)
    p.hires = p.hires[:1]
    found = [a for a in advise(p, catalog) if a.kind == "labelled-data-first"]
    assert found and "none planned" in found[0].message


def test_hub_and_spoke_needs_a_platform_hub_team(catalog):
    p = plan()
    assert "hub-without-platform" not in kinds(p, catalog)
    p.hires[0].team = "Contracts squad"  # the data engineer is not in a hub or platform team
    assert "hub-without-platform" in kinds(p, catalog)
    p.hires[0].team = "ML Platform"
    assert "hub-without-platform" not in kinds(p, catalog)
    p.hires[0].role = "applied-scientist"  # a hub team with nobody to build the platform
    assert "hub-without-platform" in kinds(p, catalog)


def test_growth_headcount_must_add_up_to_the_target(catalog):
    p = plan()
    p.growth.headcount = {"ml-engineer": 30, "data-engineer": 19}
    found = [a for a in advise(p, catalog) if a.kind == "growth-total"]
    assert found and found[0].message == "Growth headcount adds up to 49, not 50"
    p.growth.headcount["data-engineer"] = 20
    assert "growth-total" not in kinds(p, catalog)


# -- a catalog of one's own ------------------------------------------------------------------


@pytest.fixture
def cat_dir(tmp_path: Path) -> Path:
    target = tmp_path / "catalog"
    shutil.copytree(data_dir(), target, ignore=shutil.ignore_patterns("plans"))
    return target


def _rewrite(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_a_custom_catalog_gets_its_own_advice(cat_dir):
    _rewrite(cat_dir / "advice.toml", 'message = "Modelling hires but no Data Engineer"',
             'message = "Scientists hired but nobody owns the data"')
    custom = load_catalog(cat_dir)
    p = plan(hires=[Hire("ml-engineer", deliverable_90_days="x", team="Hub")])
    assert "Scientists hired but nobody owns the data" in [
        a.message for a in advise(p, custom)]
    (cat_dir / "advice.toml").unlink()  # no advice file: no rules, and no error
    bare = load_catalog(cat_dir)
    assert bare.advice == () and advise(p, bare) == []


@pytest.mark.parametrize("old,new,message", [
    ('check = "growth-total"', 'check = "growth-totals"', "unknown check 'growth-totals'"),
    ('message = "Growth headcount adds up to {total}, not {target}"',
     'message = "Growth headcount adds up to {totl}"',
     "{totl} is not something the growth-total check fills in"),
    ('before_roles = ["data-engineer"]', 'before_roles = ["data-engineeer"]',
     "unknown role id 'data-engineeer'"),
    ('limit_of = "centralised"', 'limit_of = "embedded"', "has no max_practitioners"),
    ('keywords = ["label", "annotat"]\n', "", "the deliverable-needs-roles check needs it"),
    ('quote = "(b) What team structure would you use?"', 'quote = ""',
     "quote: expected a non-empty string"),
])
def test_a_broken_rule_is_named_with_file_and_line(cat_dir, old, new, message):
    line = _rewrite(cat_dir / "advice.toml", old, new)
    with pytest.raises(CatalogError) as info:
        load_catalog(cat_dir)
    found = [str(p) for p in info.value.problems]
    assert any(message in p and "advice.toml:" in p for p in found), found
    if old.startswith(("check", "message", "quote")):
        assert any(f"advice.toml:{line}:" in p for p in found), found
