"""The installed `airoles-tui`: each of the plan's pictures opened in a real terminal, and
`plan diff` from a shell."""

from __future__ import annotations

import subprocess

import pytest

from airoles_tui.paths import example_plans_dir

from .ptyterm import PtyTerm, user_dirs

pytestmark = pytest.mark.e2e


def test_each_picture_in_a_real_terminal(airoles_bin, tmp_path):
    plan = example_plans_dir() / "series-b-legal.toml"
    before = plan.read_bytes()
    with PtyTerm([airoles_bin, "open", str(plan)], 80, 24, env=user_dirs(tmp_path)) as term:
        term.wait_for("An ingestion pipeline")  # hire 1 in the form
        term.press("h")
        screen = term.wait_for("Hiring timeline: Series B")
        assert "▼ the money runs out in M75" in screen and "███" in screen
        term.press("b")
        screen = term.wait_for("Burn and runway: Series B")
        assert "═══" in screen and "runs out in M33" in screen
        term.press("o")
        screen = term.wait_for("Org chart: Series B")
        assert "◉ HUB  Hub: ML platform" in screen and "◎ SPOKE" in screen
        term.press("n")  # the growth stage
        screen = term.wait_for("At growth: 50")
        assert "16 · $4.71M/yr (now 5)" in screen and "n Now/growth" in screen
        term.press("esc")
        term.wait_for("An ingestion pipeline")  # hire 1 in the form
        term.press("ctrl-q")
        assert term.wait_exit() == 0
        assert term.restored_terminal()
    assert plan.read_bytes() == before


def test_plan_diff_from_a_shell(airoles_bin, tmp_path):
    plan = example_plans_dir() / "series-b-legal.toml"
    other = tmp_path / "later.toml"
    other.write_text(plan.read_text(encoding="utf-8").replace("start = 12", "start = 14"),
                     encoding="utf-8")
    done = subprocess.run([airoles_bin, "plan", "diff", "series-b-legal", str(other)],
                          capture_output=True, text=True, env=user_dirs(tmp_path), timeout=60)
    assert done.returncode == 0, done.stderr
    assert "## Hires changed" in done.stdout and "start M12 (Q4) → M14 (Q5)" in done.stdout
    bad = tmp_path / "bad.toml"
    bad.write_text("not = [toml", encoding="utf-8")
    done = subprocess.run([airoles_bin, "plan", "diff", str(bad), str(other), "--format",
                           "json"], capture_output=True, text=True, env=user_dirs(tmp_path),
                          timeout=60)
    assert done.returncode == 2 and "invalid TOML" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
