"""A plan named on the command line is found in the plans folder even when the current
folder holds a directory of that name: a directory is never a plan. `plan export walk` in a
folder with a `walk/` directory said "walk: is a directory" (found walking the installed
binary)."""

from __future__ import annotations

import shutil

from airoles_tui.cli.main import main
from airoles_tui.paths import example_plans_dir


def test_a_directory_of_the_same_name_does_not_hide_the_saved_plan(tmp_path, monkeypatch,
                                                                   capsys):
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(example_plans_dir() / "series-b-legal.toml", plans / "walk.toml")
    here = tmp_path / "here"
    (here / "walk").mkdir(parents=True)
    monkeypatch.chdir(here)
    assert main(["--plans-dir", str(plans), "plan", "export", "--format", "csv", "walk"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("number,title,role_id")
    assert len(out.splitlines()) > 2
    assert main(["--plans-dir", str(plans), "plan", "diff", "walk", "walk"]) == 0
