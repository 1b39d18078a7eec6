"""The skills matrix's file flows driven without a terminal: recommend/matrix_session is the
plan's session (documents/session) over the matrix's file, so the same questions come in the
same words, and two sessions never share a recovery copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from airoles_tui.documents.session import Conflict, Opened, Problems, Question, Saved
from airoles_tui.documents.stamp import file_stamp
from airoles_tui.recommend.matrix_file import LEGACY_COPY, load, load_file, save, write_recovery
from airoles_tui.recommend.matrix_session import MatrixSession

from .processes import in_another_process


@pytest.fixture
def session(catalog, tmp_path):
    return MatrixSession(catalog, tmp_path / "matrices")


def edit(session, *skills: str) -> None:
    for skill in skills:
        session.doc.matrix.add_skill(session.catalog, skill)
    session.doc.dirty = True


def copies(session):
    return sorted((session.folder / ".recovery").glob("*.toml"))


def test_save_asks_a_name_first_then_writes_its_own_file(session):
    edit(session, "Python")
    assert session.name_to_ask() == "skills-matrix.toml"
    assert session.save(session.target("mine")) == Saved(session.folder / "mine.toml")
    assert session.name_to_ask() is None and not session.doc.dirty
    assert session.doc.stamp == file_stamp(session.doc.path)
    edit(session, "SQL")
    assert session.save() == Saved(session.folder / "mine.toml")
    assert [r.name for r in load(session.doc.path, session.catalog).rows] == ["Python", "SQL"]


def test_a_file_another_session_saved_is_asked_about_not_overwritten(session):
    edit(session, "Python")
    session.save(session.target("mine"))
    path = session.doc.path
    other = path.read_text().replace('name = "Python"', 'name = "Go"')
    path.write_text(other)  # another session saved meanwhile
    edit(session, "SQL")
    outcome = session.save()
    assert isinstance(outcome, Conflict) and outcome.changed
    assert outcome.question == Question(
        "File changed on disk",
        f"{path} was changed on disk since it was opened (by another session or program). "
        "Replace it with this skills matrix, or save this skills matrix under another name?")
    assert path.read_text() == other and session.doc.dirty
    assert session.save(path, force=True) == Saved(path)
    second = MatrixSession(session.catalog, session.folder)
    edit(second, "Rust")
    exists = second.save(second.target("mine"))  # a new matrix onto a name that is taken
    assert isinstance(exists, Conflict) and not exists.changed
    assert exists.question.title == "File exists"


def test_a_failed_save_keeps_the_matrix_in_its_copy(session, monkeypatch):
    from airoles_tui.documents import store

    def full(path, data, *, durable=True):
        raise store.SaveError(f"could not save {path}: the disk is full")

    edit(session, "Python")
    monkeypatch.setattr(store, "write_atomic", full)
    outcome = session.save(session.target("mine"))
    assert isinstance(outcome, Problems) and outcome.title == "Skills matrix not saved"
    assert "nothing is lost" in outcome.note and str(session.recovery_path) in outcome.note
    assert [r.name for r in load(session.recovery_path, session.catalog).rows] == ["Python"]


def test_unsaved_changes_are_asked_about_and_a_discard_removes_the_copy(session):
    assert session.unsaved("open another matrix") is None
    edit(session, "Python")
    assert session.save_recovery().kept and copies(session) == [session.recovery_path]
    question = session.unsaved("open another matrix")
    assert question.title == "Unsaved changes" and "Python" in question.text
    session.discard_changes()
    assert not copies(session)


def test_open_lists_the_folder_and_a_bad_file_is_problems_not_a_change(session):
    edit(session, "Python")
    session.save(session.target("good"))
    bad = session.folder / "bad.toml"
    bad.write_text('format = "airoles-tui/skills-matrix"\nversion = 9\nroles = []\n')
    assert {e.path.name for e in session.listing()} == {"good.toml", "bad.toml"}
    refused = session.open(bad)
    assert isinstance(refused, Problems) and refused.title == "Cannot open bad.toml"
    assert refused.problems[0] == f"{bad}:2: version: this app reads version 1, the file " \
                                  "is version 9"
    assert session.doc.path.name == "good.toml" and bad.read_text().endswith("roles = []\n")
    assert session.new_blank() == Opened() and session.doc.matrix.rows == []


def _keep_a_copy(catalog, folder: Path, skill: str) -> None:
    other = MatrixSession(catalog, folder)
    edit(other, skill)
    assert other.save_recovery().kept


def test_two_sessions_keep_two_copies_and_each_is_offered(session):
    """Earlier versions kept one shared copy: a second session overwrote the first's."""
    for skill in ("Rust", "Go"):  # two sessions of one user, started in the same second
        in_another_process(_keep_a_copy, session.catalog, session.folder, skill)
    entry, question, count = session.recovery_offer()
    assert count == 2 and question.title == "Restore unsaved skills matrix?"
    assert "(1 more will be offered next time.)" in question.text
    kept = sorted(load(p, session.catalog).rows[0].name for p in copies(session))
    assert kept == ["Go", "Rust"]
    found = session.read_recovery(entry)
    session.restore(found)
    assert session.doc.dirty and session.doc.path is None  # never saved: asks a name
    assert [r.name for r in session.doc.matrix.rows] == [entry.name]
    [other] = session.pending()  # the restored one moved into this session's own copy
    assert other.path != entry.path and not entry.path.exists()


def test_a_copy_restores_into_the_file_it_was_editing(session):
    edit(session, "Python")
    session.save(session.target("mine"))
    source, stamp = session.doc.path, session.doc.stamp
    left = session.folder / ".recovery" / "session-20200101T000000-999999999.toml"
    edit(session, "SQL")
    write_recovery(session.doc.matrix, left, source, stamp)
    again = MatrixSession(session.catalog, session.folder)
    entry, question, _ = again.recovery_offer()
    assert "It was editing mine.toml in" in question.text
    again.restore(again.read_recovery(entry))
    assert again.doc.path == source and again.doc.dirty
    assert again.save() == Saved(source)  # the stamp came with it: no false conflict
    assert [r.name for r in load(source, again.catalog).rows] == ["Python", "SQL"]


def test_the_shared_copy_of_an_earlier_version_is_offered_once(session):
    edit(session, "Kubernetes")
    save(session.doc.matrix, session.folder / LEGACY_COPY, None)
    fresh = MatrixSession(session.catalog, session.folder)
    entry, question, _ = fresh.recovery_offer()
    assert entry.path.name == LEGACY_COPY and "never been saved" in question.text
    fresh.restore(fresh.read_recovery(entry))
    assert [r.name for r in fresh.doc.matrix.rows] == ["Kubernetes"]
    assert fresh.recovery_offer() is None
    assert load_file(fresh.recovery_path, fresh.catalog).recovery_source is None
