"""A parsed catalog kept between starts, so a big catalog is parsed once, not at every login.

Parsing TOML is pure Python: a company catalog of 10,000 roles (~19 MB) takes ~4 s to read
and check, and a class of twenty logging in would each pay it. After a catalog loads and
validates, its Catalog object is pickled into the user's cache dir; the next start reuses it
while every catalog file is unchanged (same names, sizes and modification times) and the
program is the same version. Anything odd (missing, stale, unreadable cache) means a normal
load: the cache can only make a start faster, never different. `validate` never uses it.
"""

from __future__ import annotations

import pickle
import zlib
from pathlib import Path

from .. import __version__
from ..paths import user_cache_dir
from .records import Catalog

# A hit is the common start: the loader (TOML reader, checker) and the atomic writer are
# imported only on a miss, and the file name is a CRC rather than a hashlib digest. Together
# those imports were ~15 ms of every first frame.

_CODE = Path(__file__).resolve().parent.parent  # the airoles_tui package


def cache_dir() -> Path:
    return user_cache_dir()


def _stamp(directory: Path) -> tuple:
    """What must be unchanged for the cached catalog to be this catalog."""
    files = sorted(p for p in directory.rglob("*.toml") if p.is_file())
    code = [_CODE / name for name in ("catalog/records.py", "catalog/loader.py",
                                     "validation/schema.py")]
    return (
        __version__,
        tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in [*files, *code]),
    )


def _cache_file(directory: Path) -> Path:
    # Two directories with one CRC would only evict each other: the stamp inside names files.
    key = zlib.crc32(str(directory.resolve()).encode())
    return cache_dir() / f"catalog-{key:08x}.pickle"


def load_catalog_cached(directory: Path) -> Catalog:
    """Like ``load_catalog`` (same errors), reusing the last good parse when nothing changed."""
    directory = Path(directory)
    try:
        stamp = _stamp(directory)
    except OSError:
        return load_catalog(directory)  # let the loader name what is missing
    path = _cache_file(directory)
    try:
        with open(path, "rb") as f:
            saved_stamp, catalog = pickle.load(f)
        if saved_stamp == stamp and isinstance(catalog, Catalog):
            return catalog
    except Exception:  # noqa: BLE001 - no cache, an old format, a torn file: all mean "parse"
        pass
    catalog = load_catalog(directory)
    _save(path, (stamp, catalog))
    return catalog


def load_catalog(directory: Path) -> Catalog:
    """The full parse and check, for a miss (its modules are imported only then)."""
    from .loader import load_catalog as parse

    return parse(directory)


def _save(path: Path, value: object) -> None:
    from ..files import write_atomic

    try:
        write_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), durable=False)
    except OSError:
        pass  # a read-only home or a full disk costs speed, not the start
