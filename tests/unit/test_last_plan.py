"""The plan last opened or saved: PlanSession remembers it and reopens it at launch; a plan
that is gone or broken falls back to a blank plan with a notice, never an error."""

from __future__ import annotations

from airoles_tui.paths import example_plans_dir
from airoles_tui.plan.file_format import load_plan
from airoles_tui.plan.model import Hire, OrgPlan, exercise_plan
from airoles_tui.plan.recent import recent_plans, remember
from airoles_tui.plan.session import Opened, PlanSession
from airoles_tui.plan.store import save_plan

EXAMPLE = example_plans_dir() / "series-b-legal.toml"


def _session(catalog, tmp_path) -> PlanSession:
    return PlanSession(catalog, tmp_path / "plans")


def test_opening_and_saving_are_remembered_newest_first(catalog, tmp_path):
    session = _session(catalog, tmp_path)
    mine = session.plans_dir / "mine.toml"
    save_plan(OrgPlan(name="mine"), mine, None)
    assert session.open(mine) == Opened()
    session.doc.plan.hires.append(Hire("ml-engineer"))
    session.doc.touch()
    session.save(session.target("other"))
    assert recent_plans() == [session.plans_dir / "other.toml", mine]
    session.open(mine)
    assert recent_plans() == [mine, session.plans_dir / "other.toml"]


def test_an_example_or_a_blank_plan_is_not_remembered(catalog, tmp_path):
    session = _session(catalog, tmp_path)
    session.open(EXAMPLE, template=True)  # opens as a plan never saved
    session.new_blank()
    assert recent_plans() == []


def test_launch_reopens_the_last_plan(catalog, tmp_path):
    first = _session(catalog, tmp_path)
    mine = first.plans_dir / "mine.toml"
    mine.parent.mkdir(parents=True)
    mine.write_bytes(EXAMPLE.read_bytes())
    first.open(mine)
    later = _session(catalog, tmp_path)  # the next launch
    assert later.doc.path is None
    assert later.reopen_last() == Opened()
    assert later.doc.path == mine and not later.doc.dirty
    assert later.doc.plan == load_plan(EXAMPLE).document


def test_nothing_remembered_keeps_the_blank_plan_silently(catalog, tmp_path):
    session = _session(catalog, tmp_path)
    assert session.reopen_last() is None
    assert session.doc.path is None and session.doc.plan == exercise_plan(catalog)


def test_a_last_plan_that_is_gone_falls_back_with_a_notice_and_is_forgotten(catalog, tmp_path):
    other = tmp_path / "other.toml"
    save_plan(OrgPlan(name="other"), other, None)
    remember(other)
    gone = tmp_path / "plans" / "gone.toml"
    remember(gone)
    session = _session(catalog, tmp_path)
    opened = session.reopen_last()
    assert isinstance(opened, Opened) and opened.warning.startswith("gone.toml, the plan")
    assert str(gone.parent) in opened.warning and "new plan" in opened.warning
    assert session.doc.path is None and session.doc.plan == exercise_plan(catalog)
    assert recent_plans() == [other]  # not offered again


def test_a_last_plan_that_no_longer_reads_falls_back_and_stays_listed(catalog, tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text(EXAMPLE.read_text().replace("funding_usd = 30000000",
                                                  'funding_usd = "lots"'))
    before = broken.read_bytes()
    remember(broken)
    session = _session(catalog, tmp_path)
    opened = session.reopen_last()
    assert isinstance(opened, Opened) and str(broken) in opened.warning
    assert "funding_usd" in opened.warning and "ctrl+o" in opened.warning
    assert session.doc.path is None and session.doc.plan == exercise_plan(catalog)
    assert recent_plans() == [broken] and broken.read_bytes() == before


def test_recent_entries_leave_out_the_open_plan(catalog, tmp_path):
    session = _session(catalog, tmp_path)
    a, b = session.plans_dir / "a.toml", session.plans_dir / "b.toml"
    save_plan(OrgPlan(name="A"), a, None)
    save_plan(OrgPlan(name="B", hires=[Hire("ml-engineer")]), b, None)
    session.open(a)
    session.open(b)
    assert [e.path for e in session.recent()] == [a]  # b is open
    session.new_blank()
    assert [e.path for e in session.recent()] == [b, a]
