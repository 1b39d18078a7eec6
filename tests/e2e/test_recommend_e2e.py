"""The installed `airoles-tui`: the recommend command from a shell, and the pane in a real pty."""

from __future__ import annotations

import json
import subprocess

import pytest

from .ptyterm import PtyTerm, user_dirs

pytestmark = pytest.mark.e2e


def results_focused(term: PtyTerm) -> bool:
    """The results list has focus: its cursor line is underlined (right of the form)."""
    buf = term.screen.buffer
    return any(buf[y][x].underscore for y in range(2, term.rows - 1) for x in range(32, 79))


def field_focused(term: PtyTerm, label: str) -> bool:
    """The one-line field under ``label`` has focus: its text is underlined."""
    for y, line in enumerate(term.screen.display[:-1]):
        x = line.find(label)
        if x >= 0:
            return term.screen.buffer[y + 1][x].underscore
    return False


def test_recommend_from_a_shell(airoles_bin):
    done = subprocess.run(
        [airoles_bin, "recommend", "--background", "academia_research", "--interest", "research",
         "--interest", "safety", "--years", "3", "--json"],
        capture_output=True, text=True, check=True)
    data = json.loads(done.stdout)
    assert [r["role"] for r in data["recommendations"]] == [
        "ai-research-scientist", "applied-scientist", "ai-safety-researcher"]
    assert done.stderr == ""


def test_target_years_from_a_shell_change_only_the_band(airoles_bin):
    base = [airoles_bin, "recommend", "--background", "data_analytics", "--interest", "product",
            "--interest", "data", "--years", "7", "--json"]
    before, after = (json.loads(subprocess.run(argv, capture_output=True, text=True,
                                               check=True).stdout)
                     for argv in (base, [*base, "--target-years", "4"]))
    assert [r["role"] for r in before["recommendations"]] == [
        r["role"] for r in after["recommendations"]] == [
        "data-scientist", "ai-product-manager", "data-engineer"]
    assert [r["band"]["id"] for r in before["recommendations"]] == ["mid", "mid", "mid"]
    assert [r["band"]["id"] for r in after["recommendations"]] == ["senior", "senior", "senior"]
    assert after["seniority"]["rule"].startswith("Our rule, not the article's")


def test_recommend_refuses_an_unknown_interest_without_a_traceback(airoles_bin):
    done = subprocess.run([airoles_bin, "recommend", "--background", "non_technical",
                           "--interest", "cooking"], capture_output=True, text=True)
    assert done.returncode == 2
    assert "choose from: research, deployment, data, product, safety, client_facing" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_the_pane_in_a_real_terminal(airoles_bin, tmp_path):
    with PtyTerm([airoles_bin], 80, 24, env=user_dirs(tmp_path)) as term:
        term.wait_for("AI Ethics Specialist")
        term.press("3")
        screen = term.wait_for("The article's answer: top 3")
        assert "(*) Software engineering" in screen and "Research Engineer" in screen
        term.press("down", "down")                       # Academia / research
        term.wait_for("1.  AI Research Scientist")
        term.press("tab", "down", "space", "down", "down", "down", "down", "space")
        screen = term.wait_for("1.  Forward Deployed Engineer")   # deployment + client-facing
        assert "[x] Deployment" in screen and "[x] Client-facing" in screen
        term.press("y")
        term.type("5.5")
        term.wait_for("Refused: '5.5' is not a")  # the rest wraps in the form's column
        term.press("backspace", "backspace")
        term.wait_for("mid level there (3–5 years)")
        term.press("enter")
        # Keys are routed when read: an "m" in the same read as the enter would land in the
        # field still focused. A person sees the results take the focus (their cursor line
        # is underlined) before pressing m.
        term.wait_until(lambda: results_focused(term))
        term.press("m")
        term.wait_for("Skills matrix 0/10 skills")
        term.type("Python\r")
        screen = term.wait_for("Skills matrix 1/10 skills")
        assert "Ranking: 1= MLE 3  1= DS 3" in screen, screen
        term.press("esc", "esc", "ctrl-q")
        assert term.wait_exit() == 0
        assert term.restored_terminal()


def test_years_in_the_field_and_in_the_target_work_in_a_real_terminal(airoles_bin, tmp_path):
    with PtyTerm([airoles_bin], 80, 24, env=user_dirs(tmp_path)) as term:
        term.wait_for("AI Ethics Specialist")
        term.press("3")
        term.wait_for("The article's answer: top 3")
        term.press("down")                                  # Data analytics
        term.wait_for("1.  Data Scientist")
        term.press("y")
        term.type("7")
        screen = term.wait_for("below your senior")         # 7 field years transfer as 3
        assert "mid band: $152K–$185K" in screen, screen
        term.press("tab")
        term.wait_until(lambda: field_focused(term, "Years doing the target work"))
        term.type("4")                                      # 4 years doing the work already
        screen = term.wait_for("senior band: $185K–$218K")
        assert "Years doing the target work" in screen and "1.  Data Scientist" in screen
        term.press("ctrl-q")
        assert term.wait_exit() == 0
