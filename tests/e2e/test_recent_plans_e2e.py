"""The installed `airoles-tui` in a real terminal: a launch reopens the plan last opened, and
ctrl+o offers the one before it first, with its hire count and yearly cost."""

from __future__ import annotations

from pathlib import Path

import pytest

from airoles_tui.paths import example_plans_dir

from .ptyterm import PtyTerm, user_dirs

pytestmark = pytest.mark.e2e

EXAMPLE = example_plans_dir() / "series-b-legal.toml"


def _open_and_quit(airoles_bin: str, env: dict[str, str], name: str, shows: str) -> None:
    with PtyTerm([airoles_bin, "open", name], 80, 24, env=env) as term:
        term.wait_for(shows)
        term.press("ctrl-q")
        assert term.wait_exit() == 0


def test_launch_reopens_the_last_plan_and_ctrl_o_offers_the_one_before(airoles_bin, tmp_path):
    env = user_dirs(tmp_path)
    plans = Path(env["XDG_DATA_HOME"]) / "airoles-tui" / "plans"
    plans.mkdir(parents=True)
    text = EXAMPLE.read_text(encoding="utf-8")
    (plans / "legal.toml").write_text(text, encoding="utf-8")
    lean = text.replace('name = "Series B legal review: 15 AI hires"', 'name = "Lean plan"')
    (plans / "lean.toml").write_text(lean, encoding="utf-8")
    _open_and_quit(airoles_bin, env, "lean", "Lean plan")
    _open_and_quit(airoles_bin, env, "legal", "Series B legal review")

    with PtyTerm([airoles_bin], 80, 24, env=env) as term:
        term.wait_for("Roles")
        term.press("4")
        term.wait_for("Series B legal review: 15 AI hires")
        term.wait_for("An ingestion pipeline")  # hire 1 in the form: the plan is open
        term.press("ctrl-o")
        screen = term.wait_for("Recent")
        assert "Lean plan · 15 hires · $5.10M/yr  [lean.toml]" in screen
        lines = screen.splitlines()
        recent = next(i for i, line in enumerate(lines) if "Recent" in line)
        assert "Lean plan" in lines[recent + 1] and "New blank plan" in lines[recent + 3]
        term.press("enter")  # the first recent plan is the one highlighted
        term.wait_gone("Recent")
        term.wait_for("Lean plan")
        term.press("ctrl-q")
        assert term.wait_exit() == 0
        assert term.restored_terminal()
    assert (plans / "legal.toml").read_text(encoding="utf-8") == text  # read, never written
