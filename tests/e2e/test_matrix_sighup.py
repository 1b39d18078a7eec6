"""A dropped connection in the skills matrix loses nothing: the installed app in a real pty,
as tests/e2e/test_org_sighup.py does for the plan.

Type skills and a score, hang up (SIGHUP), terminate or interrupt before the half-second
copy could run, relaunch, restore, save, and find every edit in the file. Two sessions of
one user each keep their own copy (the matrix used to share one, and the second session's
overwrote the first's).
"""

from __future__ import annotations

import signal

import pytest

from airoles_tui.catalog.loader import load_catalog
from airoles_tui.paths import data_dir
from airoles_tui.recommend.matrix_file import load

from .ptyterm import PtyTerm, user_dirs

pytestmark = pytest.mark.e2e

SKILL = "Lead [/] 法律"  # markup and wide characters, kept as typed


def matrices(tmp_path):
    return tmp_path / "data" / "airoles-tui" / "matrices"


def copies(tmp_path):
    return sorted((matrices(tmp_path) / ".recovery").glob("*.toml"))


def edit(term: PtyTerm, *skills: str) -> None:
    """Open the matrix from the Recommender and type skills, each waited for on screen;
    then the last skill's first score set to 3 (the grid's cursor is on it)."""
    term.wait_for("AI Ethics Specialist")
    term.press("3")
    term.wait_for("The article's answer: top 3")
    term.press("m")
    term.wait_for("Skills matrix 0/10 skills")
    for n, skill in enumerate(skills, start=1):
        term.type(skill + "\r")
        term.wait_for(f"Skills matrix {n}/10 skills")
    term.press("esc")  # from the skill field to the grid, whose keys the footer then shows
    # (a 3 right behind the esc would be read with it as alt+3)
    term.wait_for("0-3+- Score")
    term.wait_for(f"{skills[-1]} x AI Research Scientist:")
    term.press("3")
    term.wait_for(f"{skills[-1]} x AI Research Scientist: 3")


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM, signal.SIGINT],
                         ids=["SIGHUP", "SIGTERM", "SIGINT"])
def test_signal_keeps_the_matrix_and_next_launch_restores(airoles_bin, tmp_path, sig):
    env = user_dirs(tmp_path)
    with PtyTerm([airoles_bin], env=env) as term:
        edit(term, SKILL, "Python")
        term.kill(sig)  # at once: the half-second copy may not have run yet
        assert term.wait_exit() == 128 + sig
    catalog = load_catalog(data_dir())
    [copy] = copies(tmp_path)
    kept = load(copy, catalog)
    assert [r.name for r in kept.rows] == [SKILL, "Python"]
    assert kept.rows[1].scores["ai-research-scientist"] == 3  # proposed 2

    with PtyTerm([airoles_bin], env=env) as term:
        term.wait_for("Restore unsaved skills matrix?")
        term.wait_for("never been saved to a file")
        term.press("r")
        term.wait_for("Skills matrix 2/10 skills")
        term.press("s")
        term.wait_for("Save skills matrix as")
        term.press("enter")  # the name it proposes: skills-matrix.toml
        term.wait_for("· skills-matrix.toml")
        term.press("q")  # the matrix closes
        term.wait_for("The article's answer: top 3")
        term.press("q")
        assert term.wait_exit() == 0
    saved = load(matrices(tmp_path) / "skills-matrix.toml", catalog)
    assert [r.name for r in saved.rows] == [SKILL, "Python"]
    assert saved.rows[1].scores["ai-research-scientist"] == 3
    assert copies(tmp_path) == []


def test_two_sessions_hung_up_keep_two_copies(airoles_bin, tmp_path):
    env = user_dirs(tmp_path)
    with PtyTerm([airoles_bin], env=env) as first, PtyTerm([airoles_bin], env=env) as second:
        edit(first, "Rust")
        edit(second, "Go", "SQL")
        for term in (first, second):
            term.kill(signal.SIGHUP)
        assert first.wait_exit() == second.wait_exit() == 128 + signal.SIGHUP
    catalog = load_catalog(data_dir())
    kept = sorted([r.name for r in load(path, catalog).rows] for path in copies(tmp_path))
    assert kept == [["Go", "SQL"], ["Rust"]]

    with PtyTerm([airoles_bin], env=env) as term:
        term.wait_for("Restore unsaved skills matrix?")
        term.wait_for("(1 more will be offered next time.)")
        term.press("l")  # later: both stay for the next launch
        term.wait_for("AI Ethics Specialist")
        term.press("q")
        assert term.wait_exit() == 0
    assert len(copies(tmp_path)) == 2
