"""`plan diff`: hires matched across two plans, the money deltas, and the command's contract
(names or paths, md or json, exit 2 on a bad file, nothing written)."""

from __future__ import annotations

import json


from airoles_tui.cli.main import main
from airoles_tui.paths import example_plans_dir
from airoles_tui.plan.diff import compare, diff_markdown
from airoles_tui.plan.file_format import dumps, load_plan
from airoles_tui.plan.model import Hire, OrgPlan

EXAMPLE = example_plans_dir() / "series-b-legal.toml"


def example() -> OrgPlan:
    return load_plan(EXAMPLE).document


def test_the_same_plan_has_no_changes(catalog):
    d = compare(example(), example(), catalog)
    assert d.same and not d.changed and "The two plans are the same." in diff_markdown(
        d, "a", "b")


def test_added_removed_moved_and_changed_hires(catalog):
    a = OrgPlan(name="a", funding_usd=3_000_000, hires=[
        Hire("data-engineer", title="DE"), Hire("ml-engineer", title="MLE", start=2),
        Hire("prompt-engineer")])
    b = a.copy()
    b.hires = [b.hires[1], b.hires[0], Hire("data-scientist", start=4)]  # swap, drop, add
    b.hires[0].start, b.hires[0].title = 3, "MLE, platform"  # matched by role despite it
    b.hires[1].team = "Hub"
    d = compare(a, b, catalog)
    assert [h.label for h in d.added] == ["Data Scientist"]
    assert [h.label for h in d.removed] == ["Prompt Engineer"]
    changed = {h.label: h.changes for h in d.changed}
    assert changed["ML Engineer (MLE, platform)"] == (
        "order 2 → 1", "start M2 (Q1) → M3 (Q1)", "title 'MLE' → 'MLE, platform'")
    assert changed["Data Engineer (DE)"] == ("order 1 → 2", "team (none) → 'Hub'")


def test_adding_a_hire_before_others_does_not_move_them(catalog):
    a = example()
    b = example()
    b.hires.insert(0, Hire("ml-engineer", title="New first"))
    d = compare(a, b, catalog)
    assert [h.label for h in d.added] == ["ML Engineer (New first)"] and d.changed == ()


def test_money_structure_and_growth_deltas(catalog):
    a, b = example(), example()
    b.funding_usd, b.structure = 20_000_000, "embedded"
    b.growth.headcount["ml-engineer"] += 2
    b.growth.month = 20
    d = compare(a, b, catalog)
    assert "funding: $30.00M → $20.00M" in d.plan_changes
    assert "structure: 'hub-and-spoke' → 'embedded'" in d.plan_changes
    assert "ml-engineer: 12 → 14 (+2)" in d.growth_changes and "month: 13 → 20" in d.growth_changes
    assert d.analysis_b.runway < d.analysis_a.runway  # less money, same spending
    md = diff_markdown(d, "a", "b")
    assert f"| runway | {d.analysis_a.runway:.1f} months | {d.analysis_b.runway:.1f} months" in md


def _write(tmp_path, name: str, plan: OrgPlan):
    path = tmp_path / name
    path.write_text(dumps(plan), encoding="utf-8")
    return path


def test_command_by_names_and_paths_as_json(tmp_path, capsys):
    plans = tmp_path / "plans"
    plans.mkdir()
    b = example()
    b.hires.pop()
    _write(plans, "fewer.toml", b)
    before = (plans / "fewer.toml").read_bytes()
    status = main(["--plans-dir", str(plans), "plan", "diff", "series-b-legal", "fewer",
                   "--format", "json"])
    out = capsys.readouterr().out
    assert status == 0
    data = json.loads(out)
    assert [h["hire"] for h in data["hires_removed"]] == [
        "AI Safety Researcher (AI Safety Researcher, robustness and evaluation)"]
    assert data["annual_usd"]["delta"] < 0 and data["b"] == str(plans / "fewer.toml")
    assert (plans / "fewer.toml").read_bytes() == before
    assert main(["plan", "diff", str(EXAMPLE), str(plans / "fewer.toml")]) == 0
    assert "## Hires removed" in capsys.readouterr().out


def test_command_refuses_a_bad_file_with_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text("format_version = 1\n[plan]\nname = 3\n", encoding="utf-8")
    assert main(["plan", "diff", str(EXAMPLE), str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:3: plan.name: expected a non-empty string" in err
    assert "cannot compare" in err and "Traceback" not in err
    assert bad.read_text(encoding="utf-8") == "format_version = 1\n[plan]\nname = 3\n"
    assert main(["plan", "diff", "no-such-plan", str(EXAMPLE)]) == 2
    assert "no-such-plan: file not found" in capsys.readouterr().err
