"""`plan export --format csv`: one row per hire with its cost, for spreadsheets."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from airoles_tui.cli.main import main
from airoles_tui.paths import example_plans_dir
from airoles_tui.plan.analysis import analyse
from airoles_tui.plan.file_format import dumps, load_plan
from airoles_tui.plan.model import SENIORITY_POINTS, Hire, OrgPlan
from airoles_tui.plan.report import CSV_COLUMNS, plan_csv

from .strength import examples

EXAMPLE = example_plans_dir() / "series-b-legal.toml"
HEADER = ["number", "title", "role_id", "role_name", "seniority", "team", "start_month",
          "yearly_cost_usd", "deliverable_90_days", "rationale"]


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_example_exports_one_row_per_hire_with_its_cost(capsys, catalog):
    assert main(["plan", "export", "--format", "csv", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    table = rows(out)
    assert table[0] == HEADER == list(CSV_COLUMNS)
    assert [r[0] for r in table[1:]] == [str(n) for n in range(1, 16)]
    assert all(len(r) == len(HEADER) for r in table)
    plan = load_plan(EXAMPLE).document
    first = dict(zip(HEADER, table[1], strict=True))
    hire = plan.hires[0]
    assert (first["title"], first["role_id"], first["seniority"], first["team"]) == (
        hire.title, hire.role, hire.seniority, hire.team)
    assert first["role_name"] == catalog.role(hire.role).name
    assert first["start_month"] == str(hire.start)
    assert first["deliverable_90_days"] == hire.deliverable_90_days
    assert first["rationale"] == hire.rationale
    # Plain numbers a spreadsheet sums: no $, no K/M, no thousands separators.
    costs = [r[7] for r in table[1:]]
    assert all(re.fullmatch(r"\d+\.\d\d", c) for c in costs), costs
    assert sum(float(c) for c in costs) == pytest.approx(analyse(plan, catalog).annual_usd,
                                                          abs=0.05)
    # The same figures as the JSON export, hire by hire.
    assert main(["plan", "export", "--format", "json", str(EXAMPLE)]) == 0
    json_costs = json.loads(capsys.readouterr().out)["analysis"]["hire_costs_usd"]
    assert [float(c) for c in costs] == pytest.approx(json_costs, abs=0.005)


def test_commas_quotes_and_line_breaks_survive_a_spreadsheet_read(catalog):
    title = 'Lead, "ML" platform\nand data'
    plan = OrgPlan(name="p", hires=[Hire("ml-engineer", title=title, team="Hub, core",
                                         rationale="line one\r\nline two\rthree")])
    text = plan_csv(plan, catalog)
    [_, row] = rows(text)
    assert row[1] == title and row[5] == "Hub, core"
    assert row[9] == "line one\nline two\nthree"  # one kind of line break inside a cell
    assert '"Lead, ""ML"" platform\nand data"' in text  # RFC 4180 quoting
    assert text.count("\r\n") == 2  # records end in CRLF, as RFC 4180 and Excel expect


def test_control_characters_are_shown_never_written(catalog):
    plan = OrgPlan(name="p", hires=[Hire("ml-engineer", title="\x1b]52;c;aGk=\x07 clip",
                                         team="\x9b2J team", deliverable_90_days="tab\there")])
    text = plan_csv(plan, catalog)
    [_, row] = rows(text)
    assert row[1] == "␛]52;c;aGk=␇ clip" and row[5] == "⍰9B2J team"
    assert row[8] == "tab\there"  # a tab is text, harmless in a quoted cell
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", text)


@pytest.mark.parametrize("typed", ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)",
                                   "\tindented"])
def test_text_a_spreadsheet_would_run_as_a_formula_is_marked_as_text(catalog, typed):
    plan = OrgPlan(name="p", hires=[Hire("ml-engineer", title=typed, team="ok")])
    [_, row] = rows(plan_csv(plan, catalog))
    assert row[1] == "'" + typed and row[5] == "ok"


def test_an_unknown_role_has_no_name_and_costs_nothing(tmp_path, capsys):
    path = tmp_path / "p.toml"
    path.write_text(dumps(OrgPlan(name="p", hires=[Hire("wizard")])))
    assert main(["plan", "export", "--format", "csv", str(path)]) == 0
    captured = capsys.readouterr()
    [_, row] = rows(captured.out)
    assert (row[2], row[3], row[7]) == ("wizard", "", "0.00")
    assert "unknown role 'wizard'" in captured.err


def test_output_file_gets_the_same_bytes_and_the_plan_is_untouched(tmp_path, capsys):
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "mine.toml").write_bytes(EXAMPLE.read_bytes())
    out = tmp_path / "hires.csv"
    argv = ["--plans-dir", str(plans), "plan", "export", "mine", "--format", "csv"]
    assert main(argv) == 0
    shown = capsys.readouterr().out
    assert main([*argv, "-o", str(out)]) == 0
    assert out.read_bytes() == shown.encode("utf-8")
    assert (plans / "mine.toml").read_bytes() == EXAMPLE.read_bytes()
    assert main([*argv, "-o", str(plans / "mine.toml")]) == 2  # never over the plan
    assert (plans / "mine.toml").read_bytes() == EXAMPLE.read_bytes()


def test_an_empty_plan_is_the_header_alone(catalog):
    assert rows(plan_csv(OrgPlan(name="p"), catalog)) == [HEADER]


text = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(st.builds(Hire, role=st.sampled_from(["ml-engineer", "nope"]), title=text,
                          seniority=st.sampled_from(list(SENIORITY_POINTS)),
                          start=st.integers(1, 120), team=text, deliverable_90_days=text,
                          rationale=text), max_size=5))
def test_any_plan_reads_back_as_one_row_per_hire(catalog, hires):
    from airoles_tui.controls import visible

    text = plan_csv(OrgPlan(name="p", hires=hires), catalog)
    table = rows(text)
    assert len(table) == len(hires) + 1 and all(len(r) == len(HEADER) for r in table)
    for hire, row in zip(hires, table[1:], strict=True):
        want = visible(hire.title.replace("\r\n", "\n").replace("\r", "\n"))
        formula = want[:1] in ("=", "+", "-", "@", "\t") and want != ""
        assert row[1] == ("'" + want if formula else want)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", text)
