"""The skills-matrix exercise: proposals, edits, column sums, and its file format."""

from __future__ import annotations

import os

import pytest

from airoles_tui.documents.store import SaveError
from airoles_tui.recommend.matrix import (
    FORMAT,
    MAX_SKILLS,
    Matrix,
    matrix_roles,
    propose,
    short_labels,
)
from airoles_tui.recommend.matrix_file import dumps, load, save
from airoles_tui.validation.source import SourceError


def test_columns_are_the_eleven_roles_of_the_comparison_table(catalog):
    roles = matrix_roles(catalog)
    assert len(roles) == 11
    assert "ai-ethics-specialist" not in [r.id for r in roles]
    labels = short_labels(roles)
    assert len(set(labels.values())) == 11 and all(len(v) <= 5 for v in labels.values())
    assert labels["ml-engineer"] == "MLE" and labels["mlops-engineer"] == "MLOps"


@pytest.mark.parametrize(("skill", "role", "score"), [
    ("Python", "ml-engineer", 3),            # core skills: "Python, Docker, K8s, MLflow, cloud"
    ("python programming", "data-scientist", 3),
    ("K8s", "mlops-engineer", 3),            # the same word spelled two ways
    ("Kubernetes", "research-engineer", 2),  # key skill "Infrastructure-as-code (… Kubernetes …)"
    ("SQL", "forward-deployed-engineer", 2),
    ("Stakeholder management", "ai-product-manager", 2),
    ("Weights & Biases", "mlops-engineer", 2),
    ("dbt", "data-engineer", 2),
    ("Triton", "ml-engineer", 1),            # only among its tools
    ("Data visualization", "data-engineer", 1),  # half the words match a key skill
    ("Communication", "forward-deployed-engineer", 3),
    ("Public speaking", "ml-engineer", 0),
    ("  ", "ml-engineer", 0),
    ("Strong", "ml-engineer", 0),             # only filler words
])
def test_proposals(catalog, skill, role, score):
    assert propose(skill, catalog.role(role)) == score


def _matrix(catalog, *skills):
    m = Matrix.empty(catalog)
    for s in skills:
        m.add_skill(catalog, s)
    return m


def test_edits_clamp_to_0_3_and_mark_adjusted_cells(catalog):
    m = _matrix(catalog, "Python")
    assert m.bump(0, "ml-engineer", +1) == 3 and not m.rows[0].adjusted("ml-engineer")
    assert m.set(0, "ml-engineer", 1) == 1 and m.rows[0].adjusted("ml-engineer")
    assert m.bump(0, "ml-engineer", -5) == 0
    m.reset(0)
    assert m.rows[0].scores == m.rows[0].proposed


def test_column_sums_rank_the_roles_and_flag_ties(catalog):
    m = _matrix(catalog, "SQL", "Statistics")
    for rid in m.roles:
        m.set(0, rid, 0)
        m.set(1, rid, 0)
    m.set(0, "data-engineer", 3)
    m.set(1, "data-scientist", 2)
    m.set(0, "data-scientist", 1)
    m.set(1, "prompt-engineer", 1)
    m.set(0, "ml-engineer", 1)
    ranking = m.ranking()
    assert [(r.role, r.total, r.rank, r.tied) for r in ranking[:4]] == [
        ("data-engineer", 3, 1, True), ("data-scientist", 3, 1, True),  # column order on ties
        ("ml-engineer", 1, 3, True), ("prompt-engineer", 1, 3, True)]
    assert (ranking[4].total, ranking[4].rank) == (0, 5)
    m.set(1, "ml-engineer", 3)
    assert [(r.role, r.rank, r.tied) for r in m.ranking()[:2]] == [
        ("ml-engineer", 1, False), ("data-engineer", 2, True)]


def test_at_most_ten_distinct_skills(catalog):
    m = _matrix(catalog, *[f"skill {n}" for n in range(MAX_SKILLS)])
    with pytest.raises(ValueError, match="at most 10"):
        m.add_skill(catalog, "one more")
    m.remove(0)
    with pytest.raises(ValueError, match="already"):
        m.add_skill(catalog, "SKILL   1")
    with pytest.raises(ValueError, match="type a skill"):
        m.add_skill(catalog, "   ")


def test_save_and_load_round_trip(catalog, tmp_path):
    m = _matrix(catalog, "Python", "[bold]Writing[/]", 'Quotes "and" \\ backslash')
    m.set(1, "prompt-engineer", 3)
    path = tmp_path / "deep" / "mine.toml"
    save(m, path, None)
    text = path.read_text()
    assert f'format = "{FORMAT}"' in text and "[skills.scores]" in text
    back = load(path, catalog)
    assert back.roles == m.roles
    assert [(r.name, r.scores) for r in back.rows] == [(r.name, r.scores) for r in m.rows]
    assert back.rows[1].adjusted("prompt-engineer")
    assert [p.name for p in path.parent.iterdir()] == ["mine.toml"]  # no temp file left


def test_save_replaces_atomically_and_keeps_the_old_file_on_failure(catalog, tmp_path,
                                                                    monkeypatch):
    path = tmp_path / "m.toml"
    stamp = save(_matrix(catalog, "Python"), path, None)
    before = path.read_text()

    def boom(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(SaveError, match="could not save .*disk full"):
        save(_matrix(catalog, "SQL"), path, stamp)
    assert path.read_text() == before
    assert [p.name for p in tmp_path.iterdir()] == ["m.toml"]


def test_an_empty_matrix_round_trips(catalog, tmp_path):
    path = tmp_path / "empty.toml"
    save(Matrix.empty(catalog), path, None)
    assert load(path, catalog).rows == []


def _problems(catalog, tmp_path, text):
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(SourceError) as exc:
        load(path, catalog)
    return [str(p).replace(str(path), "F") for p in exc.value.problems]


def test_load_names_every_problem_with_its_line(catalog, tmp_path):
    good = dumps(_matrix(catalog, "Python", "SQL"))
    bad = (good.replace("version = 1", "version = 2")
           .replace('"data-engineer",', '"data-wrangler",', 1)
           .replace("ml-engineer = 3", "ml-engineer = 7", 1)
           .replace('name = "SQL"', 'name = "python"'))
    problems = _problems(catalog, tmp_path, bad)
    lines = bad.splitlines()

    def line_of(fragment):
        return next(n for n, line in enumerate(lines, 1) if fragment in line)

    assert f"F:{line_of('version = 2')}: version: this app reads version 1, " \
           "the file is version 2" in problems
    assert any(p.startswith("F:") and "roles[6]: no role 'data-wrangler'" in p
               for p in problems)
    assert f"F:{line_of('ml-engineer = 7')}: skills[1].scores.ml-engineer: expected a whole " \
           "number 0–3, got 7" in problems
    twice = line_of('name = "python"')
    assert f"F:{twice}: skills[2].name: 'python' appears twice" in problems
    assert any("skills[1].scores.data-engineer: not one of the file's roles" in p
               for p in problems)
    assert any("skills[1].scores: missing data-wrangler" in p for p in problems)


def test_load_refuses_other_files(catalog, tmp_path):
    assert _problems(catalog, tmp_path, 'format = "plan"\nversion = 1\nroles = []\n') == [
        "F:1: format: expected 'airoles-tui/skills-matrix', got 'plan'"]
    assert "invalid TOML" in _problems(catalog, tmp_path, "roles = [")[0]
    assert _problems(catalog, tmp_path, 'format = "airoles-tui/skills-matrix"\n') == [
        "F: version: missing required field", "F: roles: missing required field"]
    with pytest.raises(SourceError, match="file not found"):
        load(tmp_path / "nope.toml", catalog)


# -- saved and kept as a plan is (documents/) ---------------------------------------------------

def test_a_save_never_overwrites_another_sessions_file_unasked(catalog, tmp_path):
    from airoles_tui.documents.store import Conflict

    path = tmp_path / "m.toml"
    stamp = save(_matrix(catalog, "Python"), path, None)
    other = tmp_path / "other.toml"
    save(_matrix(catalog, "Go"), other, None)
    path.write_bytes(other.read_bytes())  # another session saved meanwhile
    with pytest.raises(Conflict, match="changed on disk"):
        save(_matrix(catalog, "SQL"), path, stamp)
    assert load(path, catalog).rows[0].name == "Go"
    with pytest.raises(Conflict, match="already exists"):
        save(_matrix(catalog, "SQL"), path, None)


def test_a_recovery_copy_names_the_file_it_was_editing(catalog, tmp_path):
    from airoles_tui.documents.recovery import session_copy_path
    from airoles_tui.recommend.matrix_file import load_file, pending_recoveries, write_recovery

    source = tmp_path / "mine.toml"
    stamp = save(_matrix(catalog, "Python"), source, None)
    copy = session_copy_path(tmp_path)
    write_recovery(_matrix(catalog, "Python", "SQL"), copy, source, stamp)
    loaded = load_file(copy, catalog)
    assert [r.name for r in loaded.document.rows] == ["Python", "SQL"]
    assert loaded.recovery_source == source.absolute()
    assert loaded.source_stamp.sha256 == stamp.sha256
    assert pending_recoveries(tmp_path, catalog) == []  # this session's own: never offered
    gone = copy.rename(copy.with_name("session-20200101T000000-999999999.toml"))
    [entry] = pending_recoveries(tmp_path, catalog)
    assert (entry.path, entry.name, entry.source) == (gone, "Python, SQL", str(source.absolute()))


def test_the_one_shared_copy_of_earlier_versions_is_offered_too(catalog, tmp_path):
    from airoles_tui.recommend.matrix_file import LEGACY_COPY, list_matrices, pending_recoveries

    save(_matrix(catalog, "Kubernetes"), tmp_path / LEGACY_COPY, None)
    [entry] = pending_recoveries(tmp_path, catalog)
    assert (entry.path.name, entry.name, entry.source) == (LEGACY_COPY, "Kubernetes", "")
    assert list_matrices(tmp_path, catalog) == []  # a copy is not a saved matrix
