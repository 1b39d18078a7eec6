"""The one atomic file writer: plans, matrices, exports, settings and the catalog cache.

A reader (another session, a crash recovery, the next launch) must see the old bytes or the
new, never a torn mix: write a temporary file in the same directory, fsync, rename.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


class WriteError(OSError):
    """A file could not be written; the message says why in words a user can act on.

    An OSError, so callers that treat any I/O failure alike need no new except clause.
    """


def describe_os_error(exc: OSError, path: Path) -> str:
    if exc.errno == errno.ENOSPC:
        why = "the disk is full"
    elif exc.errno == errno.EDQUOT:
        why = "the disk quota is exceeded"
    elif exc.errno in (errno.EACCES, errno.EPERM):
        why = "permission denied"
    elif exc.errno == errno.EROFS:
        why = "the file system is read-only"
    elif exc.errno in (errno.ENOTDIR, errno.ENOENT, errno.EEXIST):  # EEXIST: mkdir met a file
        why = "the folder does not exist or is not a folder"
    else:
        why = exc.strerror or str(exc)
    return f"could not save {path}: {why}"


def write_atomic(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically; raise WriteError, leaving ``path`` as it was.

    ``durable`` also survives a power cut (fsync file and directory); recovery copies and
    caches skip it because they only need to survive the process, and typing should not wait
    on the disk.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise WriteError(describe_os_error(exc, path)) from exc
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        if path.exists():
            # Keep the file's permissions (a shared, group-writable plan stays so).
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise WriteError(describe_os_error(exc, path)) from exc
    if durable:
        try:
            dfd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)
        except OSError:
            pass  # some file systems refuse a directory fsync; the rename is done


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
