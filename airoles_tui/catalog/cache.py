"""A parsed catalog kept between starts, so a big catalog is parsed once, not at every login.

Parsing TOML is pure Python: a company catalog of 10,000 roles takes seconds to read and
check, and a class of twenty logging in would each pay it. After a catalog loads and
validates, its records are written as plain JSON into the user's cache dir; the next start
reuses them while every catalog file is unchanged (same names, sizes and modification times)
and the program is the same version. Anything odd (missing, stale, unreadable cache) means a
normal load: the cache can only make a start faster, never different. `validate` never uses
it.

The cache is data, never code: it was a pickle, and whoever could write the file (or a shared
XDG_CACHE_HOME) ran code as the user at the next start. JSON holds only lists, strings,
numbers and nulls; the records are rebuilt from them by their own type hints, every value
checked, so a planted file can at worst be refused. A file that is not the user's own, not
private (mode 0600), or not a regular file is treated as absent.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
import zlib
from pathlib import Path
from typing import Any

from .. import __version__
from ..files import ReadError, read_regular
from ..paths import user_cache_dir
from . import records
from .records import Catalog

# A hit is the common start: the loader (TOML reader, checker) and the atomic writer are
# imported only on a miss, and the file name is a CRC rather than a hashlib digest. Together
# those imports were ~15 ms of every first frame.

_CODE = Path(__file__).resolve().parent.parent  # the airoles_tui package
FORMAT = "airoles-tui catalog cache 2 (json)"
# Every field of the Catalog but its derived index, in order: a field added to Catalog is
# cached with no change here (its type must be one _make_decoder knows).
_CATALOG_FIELDS = tuple(f.name for f in dataclasses.fields(Catalog) if f.init
                        and not f.name.startswith("_"))


class _Bad(Exception):
    """The cached data does not have the records' shape: parse the catalog instead."""


def cache_dir() -> Path:
    return user_cache_dir()


def _stamp(directory: Path) -> list:
    """What must be unchanged for the cached catalog to be this catalog (as JSON would give it
    back: lists, not tuples)."""
    files = sorted(p for p in directory.rglob("*.toml") if p.is_file())
    code = [_CODE / name for name in ("catalog/records.py", "catalog/loader.py",
                                     "catalog/cache.py", "validation/schema.py")]
    return [FORMAT, __version__,
            [[str(p), p.stat().st_size, p.stat().st_mtime_ns] for p in [*files, *code]]]


def _cache_file(directory: Path) -> Path:
    # Two directories with one CRC would only evict each other: the stamp inside names files.
    key = zlib.crc32(str(directory.resolve()).encode())
    return cache_dir() / f"catalog-{key:08x}.json"


def load_catalog_cached(directory: Path) -> Catalog:
    """Like ``load_catalog`` (same errors), reusing the last good parse when nothing changed."""
    directory = Path(directory)
    try:
        stamp = _stamp(directory)
    except OSError:
        return load_catalog(directory)  # let the loader name what is missing
    path = _cache_file(directory)
    try:
        saved = json.loads(read_regular(path, follow=False, private=True))
        if isinstance(saved, list) and len(saved) == 2 and saved[0] == stamp:
            return decode_catalog(saved[1])
    except (ReadError, ValueError, RecursionError, _Bad):
        pass  # none yet, someone else's, torn, or an old format: all mean "parse"
    catalog = load_catalog(directory)
    _save(path, [stamp, encode_catalog(catalog)])
    return catalog


def load_catalog(directory: Path) -> Catalog:
    """The full parse and check, for a miss (its modules are imported only then)."""
    from .loader import load_catalog as parse

    return parse(directory)


def encode_catalog(catalog: Catalog) -> list:
    # NamedTuples are tuples, which json writes as lists: only the Catalog itself needs help.
    return [getattr(catalog, name) for name in _CATALOG_FIELDS]


def decode_catalog(value: Any) -> Catalog:
    """The Catalog whose encoding is ``value``, or _Bad if any part has the wrong shape."""
    hints = _hints(Catalog)
    if not isinstance(value, list) or len(value) != len(_CATALOG_FIELDS):
        raise _Bad("catalog")
    return Catalog(*(_decoder(hints[name])(v) for name, v in zip(_CATALOG_FIELDS, value)))


def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(records))


_DECODERS: dict[Any, Any] = {}


def _decoder(hint: Any):
    """A function checking and converting JSON data to ``hint``: built once per type."""
    if hint not in _DECODERS:
        _DECODERS[hint] = _make_decoder(hint)
    return _DECODERS[hint]


def _make_decoder(hint: Any):  # noqa: C901 - one case per kind of hint the records use
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is bool:
        return lambda v: v if isinstance(v, bool) else _fail(hint)
    if hint is int:
        return lambda v: v if isinstance(v, int) and not isinstance(v, bool) else _fail(hint)
    if hint is str:
        return lambda v: v if isinstance(v, str) else _fail(hint)
    if isinstance(hint, type) and issubclass(hint, tuple) and hasattr(hint, "_fields"):
        fields = [_decoder(h) for h in _hints(hint).values()]

        def record(v: Any) -> Any:
            if not isinstance(v, list) or len(v) != len(fields):
                _fail(hint)
            return hint(*(f(x) for f, x in zip(fields, v)))
        return record
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])
        return lambda v: tuple(item(x) for x in v) if isinstance(v, list) else _fail(hint)
    if origin is tuple:
        items = [_decoder(a) for a in args]

        def fixed(v: Any) -> Any:
            if not isinstance(v, list) or len(v) != len(items):
                _fail(hint)
            return tuple(f(x) for f, x in zip(items, v))
        return fixed
    if origin in (typing.Union, types.UnionType):
        choices = [_decoder(a) for a in args if a is not type(None)]
        nullable = type(None) in args

        def union(v: Any) -> Any:
            if v is None and nullable:
                return None
            for choice in choices:
                try:
                    return choice(v)
                except _Bad:
                    continue
            _fail(hint)
        return union
    raise TypeError(f"the catalog cache cannot hold {hint!r}")  # a new record type: add it


def _fail(hint: Any):
    raise _Bad(str(hint))


def _save(path: Path, value: object) -> None:
    from ..files import write_atomic

    try:
        data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        write_atomic(path, data, durable=False, private=True)
    except (OSError, ValueError):
        pass  # a read-only home or a full disk costs speed, not the start
