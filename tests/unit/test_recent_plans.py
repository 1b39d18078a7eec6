"""The plans opened or saved last (plan/recent): kept in the state dir, never a failure."""

from __future__ import annotations

import os
import stat

from airoles_tui.paths import user_config_dir
from airoles_tui.plan import recent
from airoles_tui.plan.model import Hire, OrgPlan
from airoles_tui.plan.store import save_plan


def test_remember_puts_the_plan_first_once_in_the_state_dir(tmp_path):
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    assert recent.recent_plans() == []
    assert recent.remember(a) is None
    assert recent.remember(b) is None
    assert recent.remember(a) is None
    assert recent.recent_plans() == [a, b]
    state = recent.recent_path()
    assert state == tmp_path / "xdg-state" / "airoles-tui" / "recent-plans.toml"
    assert not user_config_dir().exists()  # state, not a setting
    assert stat.S_IMODE(state.stat().st_mode) == 0o600  # it names the user's files


def test_a_relative_path_is_remembered_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    recent.remember(recent.Path("plans/x.toml"))
    assert recent.recent_plans() == [tmp_path / "plans" / "x.toml"]


def test_the_list_keeps_the_newest_few(tmp_path):
    for i in range(recent.KEEP + 3):
        recent.remember(tmp_path / f"{i}.toml")
    got = recent.recent_plans()
    assert len(got) == recent.KEEP
    assert got[0] == tmp_path / f"{recent.KEEP + 2}.toml" and tmp_path / "0.toml" not in got


def test_a_broken_state_file_is_ignored_then_replaced(tmp_path):
    state = recent.recent_path()
    state.parent.mkdir(parents=True)
    for text in ("plans = [", "plans = 3", 'plans = ["relative.toml", 7, ""]', "\x00"):
        state.write_text(text)
        assert recent.recent_plans() == [], text
    assert recent.remember(tmp_path / "p.toml") is None
    assert recent.recent_plans() == [tmp_path / "p.toml"]


def test_a_state_dir_that_cannot_be_written_is_a_message_not_an_error(tmp_path):
    blocker = tmp_path / "xdg-state"
    blocker.write_text("a file where the state folder should be")
    why = recent.remember(tmp_path / "p.toml")
    assert why and "xdg-state" in why
    assert recent.recent_plans() == []


def test_entries_are_read_for_listing_and_missing_files_dropped(tmp_path):
    good, bad, gone = tmp_path / "good.toml", tmp_path / "bad.toml", tmp_path / "gone.toml"
    save_plan(OrgPlan(name="Good", hires=[Hire("ml-engineer")] * 2), good, None)
    bad.write_text("plans = [")
    for path in (gone, bad, good):
        recent.remember(path)
    os.utime(good, (1, 1))  # order is the list's (last opened), not the files' times
    entries = recent.recent_entries()
    assert [e.path for e in entries] == [good, bad]
    assert entries[0].name == "Good" and len(entries[0].plan.hires) == 2
    assert entries[1].plan is None and "invalid TOML" in entries[1].problem
