"""`airoles-tui plan list`: the saved plans with hire count, yearly cost and modified time."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

from airoles_tui.cli import plan_list
from airoles_tui.cli.main import main
from airoles_tui.paths import example_plans_dir
from airoles_tui.plan.analysis import analyse
from airoles_tui.plan.file_format import load_plan
from airoles_tui.plan.model import Hire, OrgPlan, money
from airoles_tui.plan.store import list_plans, save_plan

EXAMPLE = example_plans_dir() / "series-b-legal.toml"


def _folder(tmp_path: Path) -> Path:
    """Two good plans (the example, a one-hire plan) and a broken file, oldest to newest."""
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "series-b.toml").write_bytes(EXAMPLE.read_bytes())
    save_plan(OrgPlan(name="Tiny", hires=[Hire("ml-engineer", seniority="senior")]),
              plans / "tiny.toml", None)
    (plans / "broken.toml").write_text(
        EXAMPLE.read_text().replace("funding_usd = 30000000", 'funding_usd = "lots"'))
    for age, name in enumerate(("broken.toml", "tiny.toml", "series-b.toml")):
        os.utime(plans / name, (1_700_000_000 + age * 3600,) * 2)
    return plans


def test_plan_lines_show_hires_cost_and_time_and_a_broken_plans_problem(tmp_path, catalog):
    plans = _folder(tmp_path)
    entries = list_plans(plans)
    lines = plan_list.plan_lines(entries, catalog)
    assert lines[0] == plan_list.HEADER
    example = load_plan(EXAMPLE).document
    stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(1_700_000_000 + 2 * 3600))
    cost = money(analyse(example, catalog).annual_usd)  # the designer's figure
    assert lines[1].split() == [*stamp.split(), "15", cost, *example.name.split(),
                                "[series-b.toml]"]
    tiny = money(analyse(load_plan(plans / "tiny.toml").document, catalog).annual_usd)
    assert lines[2].split()[2:4] == ["1", tiny] and lines[2].endswith("Tiny [tiny.toml]")
    assert "✗" in lines[3] and "cannot be read:" in lines[3]
    assert str(plans / "broken.toml") in lines[3] and "funding_usd" in lines[3]


def test_a_plan_name_with_control_characters_is_shown_not_sent(tmp_path, catalog):
    save_plan(OrgPlan(name="evil\x1b]52;c;aGk=\x07\x9b2J"), tmp_path / "e.toml", None)
    [line] = plan_list.plan_lines(list_plans(tmp_path), catalog)[1:]
    assert "\x1b" not in line and "\x07" not in line and "\x9b" not in line
    assert "evil␛]52;c;aGk=␇⍰9B2J [e.toml]" in line


def test_list_command_names_the_folder_and_lists_newest_first(tmp_path, capsys):
    plans = _folder(tmp_path)
    before = {p.name: p.read_bytes() for p in plans.iterdir()}
    assert main(["--plans-dir", str(plans), "plan", "list"]) == 0
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert lines[0] == f"Saved plans in {plans}, newest first:"
    assert [line.rsplit("[", 1)[-1] for line in lines[2:4]] == ["series-b.toml]", "tiny.toml]"]
    assert "broken.toml" in lines[4] and lines[5].startswith("3 plans; 1 cannot be read")
    assert out.err == ""
    assert {p.name: p.read_bytes() for p in plans.iterdir()} == before  # nothing written


def test_an_empty_or_missing_folder_says_so_and_where(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("not a plan")
    assert main(["--plans-dir", str(empty), "plan", "list"]) == 0
    assert capsys.readouterr().out == f"No saved plans in {empty}.\n"
    missing = tmp_path / "missing"
    assert main(["--plans-dir", str(missing), "plan", "list"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"No saved plans: {missing} does not exist yet")
    assert not missing.exists()  # listing never creates the folder


def test_a_folder_that_cannot_be_listed_is_exit_2_with_the_reason(tmp_path, capsys,
                                                                 monkeypatch):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    assert main(["--plans-dir", str(not_a_folder), "plan", "list"]) == 2
    err = capsys.readouterr().err
    assert str(not_a_folder) in err and "not a folder" in err and "Traceback" not in err

    def refused(folder):
        raise PermissionError(errno.EACCES, "Permission denied", str(folder))

    # Tests may run as root, for whom no mode bit refuses a read: the refusal is simulated.
    monkeypatch.setattr("airoles_tui.plan.store.scan_plans", refused)
    assert main(["--plans-dir", str(tmp_path), "plan", "list"]) == 2
    err = capsys.readouterr().err
    assert f"cannot list the plans in {tmp_path}: permission denied" in err


def test_hires_and_cost_reads_as_a_list_shows_it(catalog):
    from airoles_tui.plan.analysis import hires_and_cost

    one = OrgPlan(name="p", hires=[Hire("ml-engineer")])
    assert hires_and_cost(one, catalog) == f"1 hire · {money(analyse(one, catalog).annual_usd)}/yr"
    assert hires_and_cost(OrgPlan(name="p"), catalog) == "0 hires · $0/yr"
    example = load_plan(EXAMPLE).document
    assert hires_and_cost(example, catalog) == "15 hires · $5.10M/yr"  # the README's figure
