"""The loader refuses every kind of broken catalog with `file:line: what is wrong`."""

from __future__ import annotations

import re
import os
import shutil
from pathlib import Path

import pytest

from airoles_tui.catalog.loader import CatalogError, load_catalog
from airoles_tui.cli.main import main
from airoles_tui.paths import data_dir


@pytest.fixture
def cat_dir(tmp_path: Path) -> Path:
    target = tmp_path / "catalog"
    shutil.copytree(data_dir(), target, ignore=shutil.ignore_patterns("plans"))
    return target


def edit(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace text in a catalog file; returns the 1-based line of the first change."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def problems(directory: Path) -> list[str]:
    with pytest.raises(CatalogError) as info:
        load_catalog(directory)
    return [str(p) for p in info.value.problems]


def test_shipped_catalog_loads(catalog):
    assert len(catalog.roles) == 12
    assert [f.name for f in catalog.families] == [
        "Research & Science", "Engineering & Production", "Data Science, Product & Strategy"]


def test_bad_toml_names_file_and_line(cat_dir):
    line = edit(cat_dir / "roles.toml", 'name = "Research Engineer"', 'name = "Research Engineer')
    [message] = problems(cat_dir)
    assert message.startswith(f"{cat_dir / 'roles.toml'}:{line}: invalid TOML")


def test_wrong_type_names_field_and_line(cat_dir):
    line = edit(cat_dir / "roles.toml", "min_usd = 150000", 'min_usd = "150K"')
    [message] = problems(cat_dir)
    assert re.fullmatch(
        rf"{re.escape(str(cat_dir / 'roles.toml'))}:{line}: roles\[\d+\]\.compensation\.min_usd:"
        r" expected an integer, got the string '150K'", message), message


def test_missing_required_field(cat_dir):
    line = edit(cat_dir / "roles.toml", 'primary_focus = "Production ML systems"\n', "")
    [message] = problems(cat_dir)
    assert "roles[4].primary_focus: missing required field" in message
    # Reported at the role's [[roles]] header, which sits above the removed line.
    reported = int(message.split(":")[1])
    assert reported < line


def test_duplicate_ids(cat_dir):
    line = edit(cat_dir / "case_studies.toml", 'id = "scale-ai"', 'id = "spotify-ml"')
    msgs = problems(cat_dir)
    assert msgs == [f"{cat_dir / 'case_studies.toml'}:{line}: case_studies[4].id: "
                    "duplicate id 'spotify-ml'"]


def test_unknown_reference(cat_dir):
    text = (cat_dir / "team_structures.toml").read_text()
    assert '"data-engineer"' in text
    edit(cat_dir / "team_structures.toml", '"data-engineer"', '"data-wrangler"')
    msgs = problems(cat_dir)
    assert len(msgs) == 1
    assert "team_structures[1].roles: unknown role id 'data-wrangler'" in msgs[0]
    assert re.match(rf"{re.escape(str(cat_dir / 'team_structures.toml'))}:\d+: ", msgs[0])


def test_unknown_family_and_recommender_role(cat_dir):
    edit(cat_dir / "roles.toml", 'family = "engineering-production"', 'family = "ops"')
    edit(cat_dir / "recommender.toml", 'role = "prompt-engineer"', 'role = "prompt-whisperer"')
    msgs = problems(cat_dir)
    assert any("roles[4].family: unknown family id 'ops'" in m for m in msgs)
    assert any("recommender.toml:" in m and "unknown role id 'prompt-whisperer'" in m
               for m in msgs)


def test_min_above_max(cat_dir):
    line = edit(cat_dir / "roles.toml", "min_usd = 150000\nmax_usd = 350000",
                "min_usd = 450000\nmax_usd = 350000")
    [message] = problems(cat_dir)
    assert message == (f"{cat_dir / 'roles.toml'}:{line}: roles[4].compensation: min_usd 450000"
                       " is above max_usd 350000")


def test_unknown_field_is_a_typo_not_silence(cat_dir):
    line = edit(cat_dir / "roles.toml", "key_skills = [", "key_skils = [")
    msgs = problems(cat_dir)
    assert f"{cat_dir / 'roles.toml'}:{line}: roles[1].key_skils: unknown field" in msgs
    assert any("roles[1].key_skills: missing required field" in m for m in msgs)


def test_empty_file(cat_dir):
    (cat_dir / "pathways.toml").write_text("  \n")
    assert problems(cat_dir) == [f"{cat_dir / 'pathways.toml'}: file is empty"]


def test_missing_file(cat_dir):
    (cat_dir / "history.toml").unlink()
    assert problems(cat_dir) == [f"{cat_dir / 'history.toml'}: file not found"]


def test_unreadable_file(cat_dir, monkeypatch):
    # Tests run as root, where chmod 000 still reads: make the open itself fail.
    target = cat_dir / "exercises.toml"
    real = os.open

    def deny(path, *args, **kwargs):
        if Path(path) == target:
            raise PermissionError(13, "Permission denied")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    assert problems(cat_dir) == [
        f"{target}: permission denied (the file or a folder above it cannot be read)"]


def test_not_utf8(cat_dir):
    (cat_dir / "exercises.toml").write_bytes(b'[[exercises]]\nid = "x\xff"\n')
    assert problems(cat_dir) == [f"{cat_dir / 'exercises.toml'}:2: not UTF-8 text"]


def test_missing_directory(tmp_path):
    assert problems(tmp_path / "nope") == [f"{tmp_path / 'nope'}: catalog directory not found"]


def test_every_problem_in_one_run(cat_dir):
    (cat_dir / "pathways.toml").write_text("")
    (cat_dir / "history.toml").unlink()
    assert len(problems(cat_dir)) == 2


def snapshot(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes()
            for p in sorted(directory.rglob("*")) if p.is_file()}


def test_validate_command_reports_and_exits_2(cat_dir, capsys):
    edit(cat_dir / "roles.toml", "max_usd = 350000", "max_usd = 100")
    before = snapshot(cat_dir)
    assert main(["validate", "--data-dir", str(cat_dir)]) == 2
    err = capsys.readouterr().err
    assert "min_usd 150000 is above max_usd 100" in err
    assert "Traceback" not in err
    assert snapshot(cat_dir) == before  # nothing is ever written into a data directory


def test_validate_ok(capsys):
    assert main(["validate"]) == 0
    assert "ok (12 roles, 4 case studies, 3 team structures)" in capsys.readouterr().out


def test_global_data_dir_before_subcommand(cat_dir, capsys):
    (cat_dir / "roles.toml").write_text("roles = 3\n")
    assert main(["--data-dir", str(cat_dir), "validate"]) == 2
    assert "roles: expected an array of tables" in capsys.readouterr().err


def test_tui_refuses_a_broken_catalog_with_the_same_message(cat_dir, capsys):
    edit(cat_dir / "roles.toml", 'id = "ml-engineer"', 'id = "ML Engineer"')
    before = snapshot(cat_dir)
    assert main(["--data-dir", str(cat_dir)]) == 2
    err = capsys.readouterr().err
    assert "roles[4].id: expected an id (lower-case letters, digits, - or _)" in err
    assert "not starting" in err
    assert "Traceback" not in err
    assert snapshot(cat_dir) == before


# --------------------------------------------------------------------------- provenance


def test_ours_must_name_a_field_of_its_entry(cat_dir):
    line = edit(cat_dir / "case_studies.toml", 'ours = ["lessons"]', 'ours = ["lesson"]')
    assert problems(cat_dir) == [f"{cat_dir / 'case_studies.toml'}:{line}: case_studies[2].ours:"
                                 " 'lesson' is not a field of this entry"]


def test_ours_names_a_sub_table_field_with_a_dot(cat_dir):
    line = edit(cat_dir / "roles.toml", 'ours = ["compensation.notes"]',
                'ours = ["compensation.note"]')
    assert problems(cat_dir) == [f"{cat_dir / 'roles.toml'}:{line}: roles[2].ours: "
                                 "'compensation.note' is not a field of this entry"]


def test_ours_cannot_mark_the_id(cat_dir):
    edit(cat_dir / "history.toml", 'ours = ["name"]', 'ours = ["id"]')
    [message] = problems(cat_dir)
    assert message.endswith("eras[1].ours: 'id' is not a field of this entry")


def test_validate_rejects_an_entry_with_neither_source_nor_ours(cat_dir, capsys):
    path = cat_dir / "exercises.toml"
    edit(path, 'source = "Exercise: Interview an AI Team"\n', "")
    text = path.read_text(encoding="utf-8")
    header = text[: text.index('id = "interview-ai-team"')].count("\n")  # the [[exercises]] line
    assert main(["--data-dir", str(cat_dir), "validate"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [f"{path}:{header}: exercises[2] ('interview-ai-team'): no provenance: give "
                   "the article section it restates (source = \"...\") or the fields that are "
                   "ours (ours = [...])"]
    # The app still opens such a catalog (a company's own is not the article): only
    # `validate` holds a catalog to provenance.
    assert load_catalog(cat_dir).exercise("interview-ai-team").source == ""


def test_an_entry_marked_ours_needs_no_source(cat_dir, capsys):
    edit(cat_dir / "history.toml", 'source = "The Evolution of AI Roles: A Brief History"\n'
         'ours = ["name"]', 'ours = ["name"]')
    assert main(["--data-dir", str(cat_dir), "validate"]) == 0


def test_shipped_catalog_has_provenance_on_every_entry(capsys):
    catalog = load_catalog(data_dir(), require_provenance=True)
    entries = [*catalog.families, *catalog.roles, *catalog.case_studies,
               *catalog.team_structures, *catalog.pathways, *catalog.eras, *catalog.exercises]
    assert len(entries) == 3 + 12 + 4 + 3 + 4 + 5 + 3
    assert all(e.source for e in entries)  # the audit named a section for every one
    assert catalog.recommender.source == "Career Pathways & How to Break In"
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.endswith(": ok (12 roles, 4 case studies, 3 team structures)\n")


def test_records_carry_what_is_ours(catalog):
    ethics = catalog.role("ai-ethics-specialist")
    assert ethics.source == "AI Safety Researcher / AI Ethics Specialist"
    assert "primary_focus" in ethics.ours and "compensation.notes" in ethics.ours
    assert catalog.role("ml-engineer").ours == ()
    assert catalog.case_study("scale-ai").ours == ("roles",)
    assert catalog.recommender.background("software_engineering").ours == ("label", "pathway")
    # The audit's markings: 18 in roles, 7 in case studies, 2 in team structures, 5 in
    # pathways, 2 in history, 14 in the recommender.
    records = [*catalog.families, *catalog.roles, *catalog.case_studies,
               *catalog.team_structures, *catalog.pathways, *catalog.eras, *catalog.exercises,
               *catalog.recommender.backgrounds, *catalog.recommender.interests]
    assert sum(len(r.ours) for r in records) == 48
