"""Stamps: what a document's file looked like when this session last read or wrote it.

A stamp (mtime, size, sha256) taken when a document is opened or saved lets a second session
see that the file changed under it instead of overwriting it blind.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def _sha256(data: bytes) -> str:
    # hashlib loads OpenSSL (~0.6 MiB per session): only once a plan is read or written.
    import hashlib

    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class Stamp:
    """What a file looked like when we last read or wrote it."""

    mtime_ns: int
    size: int
    sha256: str

    @classmethod
    def of_bytes(cls, data: bytes, mtime_ns: int = 0) -> Stamp:
        return cls(mtime_ns, len(data), _sha256(data))


def file_stamp(path: Path) -> Stamp | None:
    try:
        st = path.stat()
        data = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None
    return Stamp.of_bytes(data, st.st_mtime_ns)


def changed_on_disk(path: Path, expected: Stamp | None) -> str | None:
    """Why ``path`` is not the file we expect, or None when it is.

    ``expected`` None means we expect no file there (a new name). A touched file with the
    same bytes is not a change: the hash decides when the quick check differs.
    """
    try:
        st = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None if expected is None else "was deleted or moved since it was opened"
    if expected is None:
        return "already exists"
    if st.st_mtime_ns == expected.mtime_ns and st.st_size == expected.size:
        return None
    try:
        data = path.read_bytes()
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    if _sha256(data) == expected.sha256:
        return None
    return "was changed on disk since it was opened (by another session or program)"
