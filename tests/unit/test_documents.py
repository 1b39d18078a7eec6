"""The persistence every document shares (documents/): conflict-checked atomic saves and one
recovery copy per session, which two sessions of one user never clobber."""

from __future__ import annotations

from pathlib import Path

import pytest

from airoles_tui.documents import recovery, store
from airoles_tui.documents.stamp import file_stamp

from .processes import in_another_process


def _write_a_copy(folder: Path, text: str) -> None:
    store.write_atomic(recovery.session_copy_path(folder), text.encode(), durable=False)


def test_two_sessions_keep_two_copies_and_both_are_offered_once_ended(tmp_path):
    # Two sessions (processes) of one user, started in the same second, each keep its copy.
    for text in ("first session's edits", "second session's edits"):
        in_another_process(_write_a_copy, tmp_path, text)
    contents = sorted(p.read_text() for p in recovery.ended_copies(tmp_path))
    assert contents == ["first session's edits", "second session's edits"]


def test_a_live_sessions_copy_is_never_offered(tmp_path):
    ours = recovery.session_copy_path(tmp_path)
    store.write_atomic(ours, b"typing", durable=False)
    assert recovery.held_by_live_session(ours)
    assert recovery.ended_copies(tmp_path) == []
    gone = ours.with_name("session-20200101T000000-999999999.toml")
    ours.rename(gone)
    assert recovery.ended_copies(tmp_path) == [gone]


def test_two_documents_of_one_session_get_their_own_copies(tmp_path):
    first, second = recovery.session_copy_path(tmp_path), recovery.session_copy_path(tmp_path)
    assert first != second
    for path in (first, second):
        store.write_atomic(path, path.name.encode(), durable=False)
        assert recovery.held_by_live_session(path)
    assert {p.read_text() for p in (first, second)} == {first.name, second.name}


def test_the_recovery_table_names_the_source_and_its_stamp(tmp_path):
    source = tmp_path / "m.toml"
    stamp = store.save_bytes(b"x = 1\n", source, None)
    path, kept = recovery.recovered_source(recovery.recovery_table(source, stamp))
    assert path == source.absolute() and kept.sha256 == stamp.sha256 and kept.size == 6
    assert recovery.recovered_source(recovery.recovery_table(None, None)) == (None, None)


def test_save_bytes_refuses_a_file_changed_behind_its_back(tmp_path):
    path = tmp_path / "doc.toml"
    stamp = store.save_bytes(b"one", path, None)
    assert file_stamp(path) == stamp
    path.write_bytes(b"another session")
    with pytest.raises(store.Conflict, match="changed on disk"):
        store.save_bytes(b"two", path, stamp)
    assert path.read_bytes() == b"another session"
    with pytest.raises(store.Conflict, match="already exists"):
        store.save_bytes(b"two", path, None)
    store.save_bytes(b"two", path, stamp, force=True)
    assert path.read_bytes() == b"two"
