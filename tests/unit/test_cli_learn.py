"""`airoles-tui learn ROLE`: the learning plan headless, bad input refused with exit 2."""

from __future__ import annotations

import subprocess
import sys

import pytest

from airoles_tui.cli.main import main
from airoles_tui.recommend.progress import Progress, progress_path, save


def test_prints_skills_left_pathway_and_case_studies(capsys):
    progress = Progress()
    progress.set("ml-engineer", "Python", "have")
    progress.set("ml-engineer", "Docker", "learning")
    progress.set("ml-engineer", "SQL", "skip")
    save(progress, progress_path())
    assert main(["learn", "ml-engineer"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Learning plan: ML Engineer"
    start = out.index("Key skills still to learn (7 of 8)")
    assert out[start + 1] == "  - Docker (learning)"
    assert "  - Python" not in out and "  - SQL" not in out
    assert "Already have: Python." in out and "Skipped: SQL." in out
    assert "The article's pathways into this role" in out
    assert "  1. Take ML courses (fast.ai, Stanford CS229/CS231n)" in out
    assert any(line.startswith("  - Spotify's ML Team Structure") for line in out)


def test_markdown_with_a_background(capsys):
    assert main(["learn", "Data Scientist", "--background", "data_analytics",
                 "--format", "md"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "# Learning plan: Data Scientist"
    assert "## The article's pathway for your background (Data analytics)" in out
    assert "- [ ] Domain expertise" in out


@pytest.mark.parametrize(("args", "message"), [
    (["learn", "datascientst"], "unknown role 'datascientst'; did you mean data-scientist"),
    (["learn", "zzzz"], "unknown role 'zzzz'; the role ids are: ai-research-scientist, "),
    (["learn", "mle", "--background", "astronaut"],
     "unknown background 'astronaut'; choose one of: software_engineering, data_analytics, "
     "academia_research, non_technical"),
])
def test_unknown_role_or_background_exits_2_with_a_clear_message(capsys, args, message):
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith(f"airoles-tui learn: {message}")


def test_a_bad_progress_file_exits_2_naming_it_and_is_left_alone(capsys):
    path = progress_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b'format = "airoles-tui/skill-progress"\nversion = 1\n'
                     b'[[marks]]\nrole = "mle"\nskill = "SQL"\nstate = "expert"\n')
    before = path.read_bytes()
    assert main(["learn", "mle"]) == 2
    err = capsys.readouterr().err
    assert f"{path}:6: marks[1].state: expected one of have, learning, skip, got 'expert'" in err
    assert "Traceback" not in err and path.read_bytes() == before


def test_never_imports_textual():
    code = ("import sys; from airoles_tui.cli.main import main; "
            "rc = main(['learn', 'prompt-engineer']); assert rc == 0; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.splitlines()[-1] == "[]"


def test_help_names_the_options(capsys):
    with pytest.raises(SystemExit) as done:
        main(["learn", "--help"])
    assert done.value.code == 0
    helped = capsys.readouterr().out
    assert "--format {text,md}" in helped and "--background ID" in helped


def test_the_plan_marks_what_is_ours(capsys):
    from airoles_tui.catalog.provenance import LEGEND, OURS_TAG

    assert main(["learn", "ml-engineer", "--background", "software_engineering",
                 "--format", "md"]) == 0
    out = capsys.readouterr().out.splitlines()
    # Linking the API-economy case study to the MLE is our reading; Spotify's is the article's.
    assert any(line.startswith("- **From Search to Generation") and
               line.endswith(f"{OURS_TAG}: the link to this role") for line in out)
    assert any(line.startswith("- **Spotify's ML Team Structure") and OURS_TAG not in line
               for line in out)
    # The article never ties its pathways to the recommender's backgrounds.
    assert (f"{OURS_TAG}: the article does not tie its pathways to the recommender's "
            "backgrounds; this match is ours.") in out
    assert out[-1] == LEGEND
    assert main(["learn", "ai-research-scientist"]) == 0
    assert OURS_TAG not in capsys.readouterr().out
