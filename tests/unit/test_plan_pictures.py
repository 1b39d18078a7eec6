"""The pictures as text: what each glyph says, widths kept, and each structure drawn as the
article describes it."""

from __future__ import annotations

import pytest

from airoles_tui.paths import example_plans_dir
from airoles_tui.plan.analysis import analyse
from airoles_tui.plan.file_format import load_plan
from airoles_tui.plan.model import Growth, Hire, OrgPlan
from airoles_tui.plan.pictures import growth_by_team, picture


@pytest.fixture
def example():
    return load_plan(example_plans_dir() / "series-b-legal.toml").document


def draw(kind, plan, catalog, width=78):
    return picture(kind, plan, analyse(plan, catalog), catalog, width).text()


@pytest.mark.parametrize("kind", ["timeline", "burn", "org"])
@pytest.mark.parametrize("width", [40, 60, 78, 120, 200])
def test_every_line_fits_the_width(example, catalog, kind, width):
    example.growth.changes = "x " * 200
    for line in draw(kind, example, catalog, width).splitlines():
        assert len(line) <= width, line


def test_timeline_marks_the_run_out_month_and_flags_later_hires(example, catalog):
    example.funding_usd, example.monthly_compute_usd = 3_000_000, 50_000  # out in M10
    a = analyse(example, catalog)
    assert a.runs_out_month == 10
    text = picture("timeline", example, a, catalog, 78).text()
    lines = text.splitlines()
    axis = lines[3]  # title, run-out line, legend, then the axis
    label_w = axis.index("M1")
    assert axis.index("▼") == label_w + 9  # column of month 10
    late = [line for line in lines if line.startswith("!")]
    assert [line.split()[0] for line in late] == ["!15"]  # M12 starts after M10
    first = next(line for line in lines if line.startswith("  1 "))
    assert first[label_w:].count("█") == 10 and "░" in first  # paid M1-M10, then not


def test_timeline_shows_as_many_months_as_the_width_holds(example, catalog):
    narrow, wide = draw("timeline", example, catalog, 78), draw("timeline", example, catalog, 140)
    assert "beyond the" in narrow and "beyond the" not in wide
    assert "▼" in wide.splitlines()[3]  # the axis: M75 fits at 140 columns


@pytest.mark.parametrize("width", range(60, 100))
def test_axis_labels_are_whole_or_left_out(example, catalog, width):
    """A month label that would run past the last month shown is dropped, never cut."""
    lines = draw("timeline", example, catalog, width).splitlines()
    months = width - max(18, min(30, width // 3)) - 1
    axis = lines[3]
    labels = axis.split()
    step = 6 if months >= 36 else 3
    assert labels and [int(m[1:]) for m in labels] == list(range(1, 1 + step * len(labels), step))
    last = int(labels[-1][1:])
    assert axis.index(labels[-1], axis.index("M1")) - axis.index("M1") == last - 1
    assert last - 1 + len(labels[-1]) <= months  # whole, within the months drawn
    assert last + step - 1 + len(f"M{last + step}") > months  # the next one would not fit


def test_burn_draws_both_stages_against_the_raise(example, catalog):
    text = draw("burn", example, catalog)
    assert "═" in text and "●" in text and "+" in text
    assert "runs out in M75" in text and "grown to 50 from M13" in text
    assert "runs out in M33" in text
    assert "$30.00M ┤" in text  # the raise is labelled on its row


def test_org_chart_draws_each_structure(example, catalog):
    hub = draw("org", example, catalog)
    assert "◉ HUB  Hub: ML platform  5 · $1.65M/yr" in hub and hub.count("◎ SPOKE") == 4
    example.structure = "centralised"
    central = draw("org", example, catalog)
    assert "ONE CENTRAL AI TEAM" in central and "◎ SPOKE" not in central
    example.structure = "embedded"
    embedded = draw("org", example, catalog)
    assert "no shared platform" in embedded and "HUB" not in embedded
    example.structure = "hub-and-spoke"
    for hire in example.hires:
        hire.team = hire.team.replace("Hub: ML platform", "Core")
    assert "no platform hub team" in draw("org", example, catalog)


def test_org_chart_now_and_at_the_growth_stage(example, catalog):
    a = analyse(example, catalog)
    now = picture("org", example, a, catalog, 78, "now").text()
    grown = picture("org", example, a, catalog, 78, "growth").text()
    assert "Now: 15 · $5.10M/yr" in now and "At growth" not in now
    assert "4 ML Engineer" in now and "(now 5)" not in now and "Research Engineer" not in now
    assert "At growth: 50 · $15.61M/yr" in grown
    assert "◉ HUB  Hub: ML platform  16 · $4.71M/yr (now 5)" in grown
    assert "└─+ (new at growth)  2 · $754K/yr" in grown and "Research Engineer 2" in grown
    assert "└─◎ SPOKE Office of the CTO" in now  # the last spoke closes today's tree
    example.growth.structure = "centralised"  # the growth stage is drawn in its own structure
    grown = draw_stage(example, catalog, "growth")
    assert "ONE CENTRAL AI TEAM" in grown and "HUB" not in grown
    assert "◉ HUB" in draw_stage(example, catalog, "now")
    example.growth.headcount = {}
    assert "No growth stage yet" in draw_stage(example, catalog, "growth")


def draw_stage(plan, catalog, stage, width=78):
    return picture("org", plan, analyse(plan, catalog), catalog, width, stage).text()


@pytest.mark.parametrize("width", [80, 117, 160])
def test_org_chart_side_by_side(example, catalog, width):
    lines = draw_stage(example, catalog, "both", width).splitlines()
    assert all(len(line) <= width for line in lines)
    bar = (width - 3) // 2 + 1  # the column of the │ between the halves
    assert lines[1].startswith("Now: 15") and lines[1][bar:].startswith("│ At growth: 50")
    assert all(line[bar] == "│" for line in lines[1:])
    assert any("(now 5)" in line[bar:] for line in lines)
    assert not any("(now 5)" in line[:bar] for line in lines)


def test_growth_headcount_is_placed_where_each_role_sits_now(example, catalog):
    a = analyse(example, catalog)
    placed = growth_by_team(example, a.teams)
    total = sum(n for team in placed.values() for n in team.values())
    assert total == example.growth.total == 50
    # ML engineers now: 1 hub, 1 contract review, 1 litigation -> 12 split 4/4/4.
    assert [placed[t].get("ml-engineer", 0) for t in (
        "Hub: ML platform", "Spoke: contract review squad", "Spoke: litigation squad")] == [4] * 3
    assert placed["(new at growth)"] == {"research-engineer": 2}


def test_blank_plan_pictures_say_what_is_missing(catalog):
    blank = OrgPlan(name="b")
    assert "No hires yet" in draw("timeline", blank, catalog)
    assert "Nothing to draw" in draw("burn", blank, catalog)
    assert "No hires yet" in draw("org", blank, catalog)
    one = OrgPlan(name="one", funding_usd=1_000_000, hires=[Hire("ml-engineer")],
                  growth=Growth(headcount={"ml-engineer": 2}))
    assert "(no team)" in draw("org", one, catalog)


def test_the_markdown_export_carries_each_picture(example, catalog):
    from airoles_tui.plan.report import plan_markdown

    md = plan_markdown(example, catalog)
    for title in ("Hiring timeline", "Burn and runway", "Org chart"):
        assert f"### {title}\n\n```text\n{title}: " in md
    org = md.split("### Org chart")[1].split("```")[1]
    assert "Now: 15 · $5.10M/yr" in org and "At growth: 50 · $15.61M/yr" in org
    assert org.count("Org chart: ") == 1  # one title over both stages
    timeline = md.split("### Hiring timeline")[1].split("```")[1]
    assert "▼" in timeline.splitlines()[4]  # the axis, wide enough to show the run-out month (M75)


def test_backticks_in_user_text_cannot_close_a_picture(catalog):
    from airoles_tui.plan.report import plan_markdown

    plan = OrgPlan(name="p", funding_usd=1_000_000, hires=[
        Hire("ml-engineer", team="````\n# not a heading\x1b[31m")])
    md = plan_markdown(plan, catalog)
    block = md.split("### Org chart\n\n")[1]
    fence = block.split("text\n")[0]
    assert fence == "`````" and block.count(fence) == 2
    assert "\x1b" not in md and "\\u001b" in md
    assert "\n# not a heading" not in block  # the typed line break does not start a row
