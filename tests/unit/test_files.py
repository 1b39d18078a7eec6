"""The one atomic writer: old bytes or new, never a torn file, and errors in words."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from airoles_tui import files


def test_replaces_and_keeps_permissions(tmp_path):
    target = tmp_path / "plan.toml"
    target.write_bytes(b"old")
    os.chmod(target, 0o664)
    files.write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
    assert [p.name for p in tmp_path.iterdir()] == ["plan.toml"]  # no temp file left


def test_a_failed_rename_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "plan.toml"
    target.write_bytes(b"old")

    def full(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(files.WriteError) as info:
        files.write_atomic(target, b"new")
    assert str(info.value) == f"could not save {target}: the disk is full"
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.toml"]


def test_a_parent_that_is_a_file_is_said_plainly(tmp_path):
    blocker = tmp_path / "plans"
    blocker.write_text("not a folder")
    with pytest.raises(files.WriteError) as info:
        files.write_atomic(blocker / "x.toml", b"data")
    assert "x.toml: the folder does not exist or is not a folder" in str(info.value)
    assert isinstance(info.value, OSError)  # callers that catch OSError still do


def test_a_new_file_gets_the_umask_mode_without_the_umask_being_set(tmp_path, monkeypatch):
    import os

    from airoles_tui import files

    mask = os.umask(0o027)
    os.umask(mask)  # what the process had before this test; restored below
    try:
        os.umask(0o027)
        monkeypatch.setattr(os, "umask", lambda *a: (_ for _ in ()).throw(
            AssertionError("the process umask was set")))
        target = tmp_path / "new.toml"
        files.write_atomic(target, b"x = 1\n", durable=False)
        assert target.stat().st_mode & 0o777 == 0o640
        monkeypatch.setattr(files, "open", lambda *a, **k: (_ for _ in ()).throw(OSError()),
                            raising=False)  # no /proc: the mode is read off a probe file
        files.write_atomic(tmp_path / "other.toml", b"x = 2\n", durable=False)
        assert (tmp_path / "other.toml").stat().st_mode & 0o777 == 0o640
        assert sorted(p.name for p in tmp_path.iterdir()) == ["new.toml", "other.toml"]
    finally:
        monkeypatch.undo()
        os.umask(mask)
