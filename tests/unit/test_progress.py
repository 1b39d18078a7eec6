"""Skill marks: the model, the file (atomic, validated, never written over when bad), the plan."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from airoles_tui.files import WriteError
from airoles_tui.recommend.learning import as_lines, close_roles, find_role, learning_plan
from airoles_tui.recommend.progress import (
    FILE_NAME,
    Progress,
    ProgressStore,
    dumps,
    load,
    next_state,
    progress_path,
    save,
)
from airoles_tui.validation.source import SourceError

from .strength import examples


@pytest.fixture
def mle(catalog):
    return catalog.role("ml-engineer")


def test_the_file_lives_in_the_xdg_data_dir(tmp_path):
    assert progress_path() == tmp_path / "xdg-data" / "airoles-tui" / FILE_NAME


def test_counts_leave_skipped_skills_out_of_the_goal(mle):
    p = Progress()
    p.set("ml-engineer", "Python", "have")
    p.set("ml-engineer", "SQL", "have")
    p.set("ml-engineer", "Docker", "learning")
    p.set("ml-engineer", "Kubernetes", "skip")
    p.set("ml-engineer", "not a key skill", "have")  # kept, but not counted
    count = p.count(mle)
    assert (count.have, count.learning, count.skipped, count.total) == (2, 1, 1, 9)
    assert count.label() == "2/8" and count.marked
    assert not Progress().count(mle).marked
    p.set("ml-engineer", "Python", None)
    assert p.state("ml-engineer", "Python") is None
    with pytest.raises(ValueError, match="have, learning, skip"):
        p.set("ml-engineer", "SQL", "done")


def test_space_cycles_through_every_state():
    assert [next_state(s) for s in (None, "have", "learning", "skip")] == [
        "have", "learning", "skip", None]


def test_round_trip_keeps_every_mark_even_of_unknown_roles(tmp_path):
    p = Progress()
    p.set("ml-engineer", 'Quotes " and [brackets] and \\ too', "learning")
    p.set("gone-role", "Old skill", "have")
    path = tmp_path / "p.toml"
    save(p, path)
    assert load(path).marks == p.marks
    assert load(tmp_path / "missing.toml").marks == {}


@pytest.mark.parametrize(("text", "problem"), [
    ('format = "x"\nversion = 1\n', "p.toml:1: format: expected 'airoles-tui/skill-progress'"),
    ('format = "airoles-tui/skill-progress"\nversion = 2\n', "p.toml:2: version: this app reads"),
    ('format = "airoles-tui/skill-progress"\nversion = 1\n[[marks]]\nrole = "ml-engineer"\n'
     'skill = "SQL"\nstate = "done"\n', "p.toml:6: marks[1].state: expected one of have, "
                                         "learning, skip, got 'done'"),
    ('format = "airoles-tui/skill-progress"\nversion = 1\n[[marks]]\nrole = "ml-engineer"\n'
     'skill = "SQL"\nstate = "have"\n[[marks]]\nrole = "ml-engineer"\nskill = "SQL"\n'
     'state = "skip"\n', "marks[2]: 'SQL' of 'ml-engineer' is marked twice"),
    ('format = "airoles-tui/skill-progress"\nversion = 1\n[[marks]]\nrole = "ML Engineer"\n'
     'skill = "SQL"\nstate = "have"\n', "marks[1].role: expected an id"),
    ("format = [\n", "p.toml"),
])
def test_a_bad_file_is_refused_with_file_line_and_field(tmp_path, text, problem):
    path = tmp_path / "p.toml"
    path.write_text(text)
    with pytest.raises(SourceError) as exc:
        load(path)
    assert problem in str(exc.value)


def test_a_bad_file_turns_marking_off_and_is_never_written(tmp_path):
    path = tmp_path / "p.toml"
    path.write_bytes(b'format = "airoles-tui/skill-progress"\nversion = 1\nmarks = 3\n')
    before = path.read_bytes(), path.stat().st_mtime_ns
    store = ProgressStore(path)
    assert "p.toml" in store.problem and "marks: expected an array of tables" in store.problem
    assert "left as it is" in store.problem
    with pytest.raises(ValueError, match="marks: expected an array"):
        store.mark("ml-engineer", "SQL", "have")
    store.flush()
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_each_mark_is_saved_at_once(tmp_path):
    path = tmp_path / "p.toml"
    store = ProgressStore(path)
    store.mark("ml-engineer", "SQL", "have")
    assert load(path).marks == {("ml-engineer", "SQL"): "have"} and not store.pending
    store.mark("ml-engineer", "SQL", None)
    assert load(path).marks == {}


def test_a_mark_is_renamed_into_place_at_once_and_fsynced_by_flush(tmp_path, monkeypatch):
    synced = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real(fd))[1])
    store = ProgressStore(tmp_path / "p.toml")
    store.mark("ml-engineer", "SQL", "have")
    assert load(tmp_path / "p.toml").marks and synced == [] and store.unsynced
    store.flush()
    assert len(synced) == 2 and not store.unsynced  # the file, then its folder
    store.flush()
    assert len(synced) == 2  # nothing new: nothing written


def test_two_sessions_do_not_undo_each_others_marks(tmp_path):
    path = tmp_path / "p.toml"
    one, two = ProgressStore(path), ProgressStore(path)
    one.mark("ml-engineer", "SQL", "have")
    two.mark("data-scientist", "SQL", "learning")
    one.mark("ml-engineer", "Python", "skip")
    assert load(path).marks == {("ml-engineer", "SQL"): "have",
                                ("data-scientist", "SQL"): "learning",
                                ("ml-engineer", "Python"): "skip"}


def test_a_file_broken_by_hand_during_a_session_is_not_written_over(tmp_path):
    path = tmp_path / "p.toml"
    store = ProgressStore(path)
    store.mark("ml-engineer", "SQL", "have")
    path.write_text("half-edited = \n")
    with pytest.raises(ValueError, match="p.toml"):
        store.mark("ml-engineer", "Python", "have")
    assert path.read_text() == "half-edited = \n"


def test_a_failed_write_keeps_the_mark_for_a_later_flush(tmp_path):
    folder = tmp_path / "data"
    folder.write_text("a file where the folder should be")  # fails for root too
    store = ProgressStore(folder / "p.toml")
    with pytest.raises(WriteError, match="could not save .*p.toml"):
        store.mark("ml-engineer", "SQL", "have")
    assert store.pending and store.state("ml-engineer", "SQL") == "have"
    folder.unlink()
    store.flush()
    assert not store.pending and load(folder / "p.toml").marks == {
        ("ml-engineer", "SQL"): "have"}


def test_the_file_says_what_it_is():
    text = dumps(Progress({("ml-engineer", "SQL"): "have"}))
    assert text.startswith("# airoles-tui skill progress")
    assert 'format = "airoles-tui/skill-progress"' in text


# -- the learning plan --------------------------------------------------------------------

def test_the_plan_lists_learning_first_then_unmarked_and_leaves_out_had_and_skipped(catalog,
                                                                                     mle):
    p = Progress()
    p.set(mle.id, "Python", "have")
    p.set(mle.id, "Docker", "skip")
    p.set(mle.id, "CI/CD for ML", "learning")
    plan = learning_plan(catalog, p, mle)
    assert plan.left[0] == "CI/CD for ML"
    assert set(plan.left) == set(mle.key_skills) - {"Python", "Docker"}
    assert (plan.have, plan.skipped) == (("Python",), ("Docker",))
    assert [pw.id for pw in plan.pathways] == ["swe-to-mle"] and plan.pathway_fits
    assert [c.id for c in plan.cases] == [c.id for c in catalog.cases_for_role(mle.id)]
    assert plan.cases


def test_the_plan_follows_the_background_and_says_when_its_pathway_leads_elsewhere(catalog):
    role = catalog.role("data-scientist")
    plan = learning_plan(catalog, Progress(), role, "software_engineering")
    assert [pw.id for pw in plan.pathways] == ["swe-to-mle"] and not plan.pathway_fits
    text = "\n".join(as_lines(catalog, plan, markdown=False))
    assert "It leads to ML Engineer, not to Data Scientist" in text
    assert "The article's pathway for your background (Software engineering)" in text


def test_a_role_no_pathway_leads_to_says_so(catalog):
    plan = learning_plan(catalog, Progress(), catalog.role("forward-deployed-engineer"))
    assert plan.pathways == ()
    assert "The article describes no pathway that leads to this role." in as_lines(
        catalog, plan, markdown=True)


def test_markdown_has_boxes_to_tick_and_headings(catalog, mle):
    p = Progress({(mle.id, "SQL"): "learning"})
    lines = as_lines(catalog, learning_plan(catalog, p, mle), markdown=True)
    assert lines[0] == "# Learning plan: ML Engineer"
    assert "## Key skills still to learn (9 of 9)" in lines
    assert "- [ ] SQL (learning)" in lines and "- [ ] Python" in lines
    assert "1. Take ML courses (fast.ai, Stanford CS229/CS231n)" in lines


@pytest.mark.parametrize("typed", ["ml-engineer", "ML Engineer", "mle", "  ml   engineer "])
def test_find_role_by_id_name_or_abbreviation(catalog, typed):
    assert find_role(catalog, typed).id == "ml-engineer"


def test_close_roles_suggest_what_was_meant(catalog):
    assert find_role(catalog, "datascientst") is None
    assert close_roles(catalog, "datascientst")[0] == "data-scientist"


@given(marks=st.dictionaries(
    st.tuples(st.from_regex(r"[a-z0-9][a-z0-9_-]{0,20}", fullmatch=True),
              st.text(min_size=1).filter(str.strip)),
    st.sampled_from(["have", "learning", "skip"]), max_size=8))
@settings(max_examples=examples(60), deadline=None)
def test_any_skill_text_round_trips(tmp_path_factory, marks):
    path = tmp_path_factory.mktemp("rt") / "p.toml"
    save(Progress(dict(marks)), path, durable=False)
    assert load(path).marks == marks
