"""The one atomic file writer (plans, matrices, exports, settings, the catalog cache) and the
one bounded reader of the files a user or another program may have put in our way.

A reader (another session, a crash recovery, the next launch) must see the old bytes or the
new, never a torn mix: write a temporary file in the same directory, fsync, rename.

Reading refuses what would hang or exhaust memory: a FIFO waits forever for a writer,
/dev/zero never ends, a 10 GB file would be read whole. ``read_regular`` opens without
blocking, checks that it opened a regular file and reads at most a cap.
"""

from __future__ import annotations

import errno
import os
import stat
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
    elif exc.errno == errno.ENAMETOOLONG:
        why = "the file name is too long for the file system"
    elif exc.errno == errno.ELOOP:
        why = "symbolic link loop (the link points back at itself)"
    elif exc.errno in (errno.ENOTDIR, errno.ENOENT, errno.EEXIST):  # EEXIST: mkdir met a file
        why = "the folder does not exist or is not a folder"
    else:
        why = exc.strerror or str(exc)
    return f"could not save {path}: {why}"


class ReadError(OSError):
    """A file could not be read; the message says why (without the path: callers add it)."""


# Far above any real plan or catalog (a 10,000-role catalog is ~19 MB), far below harm.
MAX_READ_BYTES = 64 * 1024 * 1024


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def describe_read_error(exc: OSError) -> str:
    if isinstance(exc, ReadError):
        return str(exc)
    if exc.errno == errno.ENOENT:
        return "file not found"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (the link points back at itself)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied (the file or a folder above it cannot be read)"
    if exc.errno == errno.ENOTDIR:
        return "a folder in the path is not a folder"
    if exc.errno == errno.ENAMETOOLONG:
        return "the file name is too long"
    return f"cannot read: {exc.strerror or exc}"


def read_regular(path: Path, limit: int = MAX_READ_BYTES, *, follow: bool = True,
                 private: bool = False) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes, else ReadError.

    O_NONBLOCK makes opening a FIFO return at once (then refused), instead of waiting for a
    writer. ``follow=False`` refuses a symbolic link; ``private`` a file that is not the
    user's own or that others may read or write (a cache anyone could have planted).
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise ReadError(describe_read_error(exc)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ReadError(f"is {_kind(st.st_mode)}, not a regular file")
        if private and (st.st_uid != os.geteuid() or st.st_mode & 0o077):
            raise ReadError("not private to this user")
        if st.st_size > limit:
            raise ReadError(f"too large ({st.st_size:,} bytes; the limit is "
                                         f"{limit:,})")
        chunks, total = [], 0
        while True:
            try:
                chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            except OSError as exc:
                raise ReadError(describe_read_error(exc)) from None
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # grew while we read
                raise ReadError(f"too large (over the limit of {limit:,} bytes)")
        return b"".join(chunks)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes, *, durable: bool = True,
                 private: bool = False) -> None:
    """Replace ``path`` with ``data`` atomically; raise WriteError, leaving ``path`` as it was.

    ``durable`` also survives a power cut (fsync file and directory); recovery copies and
    caches skip it because they only need to survive the process, and typing should not wait
    on the disk. A symbolic link is followed: its target is replaced (renaming over the link
    would turn it into a file and leave the target stale). ``private``: mode 0600.
    """
    path = link_target(path)
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
        if private:
            os.chmod(tmp, 0o600)
        elif path.exists():
            # Keep the file's permissions (a shared, group-writable plan stays so).
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, _new_file_mode(path.parent))
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


def link_target(path: Path) -> Path:
    """The file a save of ``path`` must replace: ``path`` itself, or a symlink's final target."""
    if not os.path.islink(path):
        return path
    target = Path(os.path.realpath(path))
    if os.path.islink(target):
        raise WriteError(f"could not save {path}: symbolic link loop "
                                      "(the link points back at itself)")
    return target


def _new_file_mode(directory: Path) -> int:
    """The mode a new file gets here (0o666 less the umask), found without setting the umask:
    it is shared by every thread, and worker threads create files while the app runs, so even
    a moment at 0 could give one of their files the wrong mode."""
    try:
        with open("/proc/self/status") as f:  # Linux: the umask as the kernel holds it
            for line in f:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    probe = directory / f".mode-{os.getpid()}-{os.urandom(4).hex()}.tmp"  # not secrets: it loads OpenSSL
    fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        return os.fstat(fd).st_mode & 0o777
    finally:
        os.close(fd)
        os.unlink(probe)
