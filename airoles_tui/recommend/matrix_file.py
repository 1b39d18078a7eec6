"""A skills matrix's file.

The file is TOML (``FORMAT``), checked on load with ``file:line`` problems. It is saved,
stamped and kept in per-session recovery copies through ``documents/`` exactly as a plan is:
a save never overwrites another session's file unasked, and two sessions' unsaved matrices
never share one copy.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..catalog.records import Catalog
from ..documents.recovery import (
    RECOVERY_SPEC,
    ended_copies,
    recovered_source,
    recovery_table,
)
from ..documents.loaded import Loaded
from ..documents.stamp import Stamp
from ..documents.store import Entry, document_files, list_entries, save_bytes, write_atomic
from ..validation.schema import IDS, INT, STR, TABLE, F, Spec, read_versioned
from ..validation.source import SourceError
from .matrix import (
    FORMAT,
    MAX_SCORE,
    MAX_SKILLS,
    MIN_SCORE,
    VERSION,
    Matrix,
    SkillRow,
    clean_name,
    proposals,
)

# Earlier versions kept one copy for every session here; it is offered back once like a copy
# of an ended session, so an upgrade loses nothing.
LEGACY_COPY = ".last-session.toml"
DEFAULT_NAME = "skills-matrix"

SKILL: Spec = {"name": F(STR), "scores": F(TABLE)}
FILE: Spec = {"format": F(STR), "version": F(INT), "roles": F(IDS),
              "skills": F(SKILL, required=False, many=True),
              "recovery": F(RECOVERY_SPEC, required=False)}


def dumps(matrix: Matrix, recovery: dict[str, Any] | None = None) -> str:
    import tomli_w

    doc: dict[str, Any] = {
        "format": FORMAT, "version": VERSION, "roles": list(matrix.roles),
        "skills": [{"name": r.name, "scores": {rid: r.scores[rid] for rid in matrix.roles}}
                   for r in matrix.rows]}
    if recovery:
        doc["recovery"] = recovery
    head = ("# airoles-tui skills matrix: your skills (rows) scored 0-3 against each role "
            "(columns).\n# Column sums rank the roles. Edit here or in the app (`m` in the "
            "Recommender).\n")
    return head + tomli_w.dumps(doc)


def save(matrix: Matrix, path: Path, expected: Stamp | None, *, force: bool = False) -> Stamp:
    """Write atomically behind the conflict check (documents/store.save_bytes): Conflict when
    the file is not ``expected`` (None: no file), SaveError with a message a person can act
    on when it cannot be written. Returns the new stamp."""
    return save_bytes(dumps(matrix).encode("utf-8"), path, expected, force=force)


def write_recovery(matrix: Matrix, path: Path, source: Path | None,
                   source_stamp: Stamp | None, *, durable: bool = False) -> None:
    """This session's copy of an unsaved matrix, naming the file it was editing."""
    data = dumps(matrix, recovery_table(source, source_stamp)).encode("utf-8")
    write_atomic(path, data, durable=durable)


def load(path: Path, catalog: Catalog) -> Matrix:
    """Read and check a matrix file; SourceError lists every problem as ``file:line``."""
    return load_file(path, catalog).document


def load_file(path: Path, catalog: Catalog) -> Loaded[Matrix]:
    """The matrix with its stamp (and, for a recovery copy, the file it was editing)."""
    data, checker = read_versioned(Path(path), FILE, FORMAT, VERSION)
    roles: Sequence[str] = data["roles"]
    for i, rid in enumerate(roles):
        if catalog.role(rid) is None:
            checker.add(("roles",), f"roles[{i + 1}]: no role {rid!r} in the catalog")
        if rid in roles[:i]:
            checker.add(("roles",), f"roles[{i + 1}]: {rid!r} is listed twice")
    skills = data.get("skills", [])
    if len(skills) > MAX_SKILLS:
        checker.add(("skills", MAX_SKILLS), f"skills: at most {MAX_SKILLS}, found {len(skills)}")
    seen: set[str] = set()
    for n, skill in enumerate(skills):
        where = ("skills", n)
        name = skill["name"]
        try:
            name = clean_name(name)
        except ValueError as exc:
            checker.add((*where, "name"), f"skills[{n + 1}].name: {exc}")
        if name.casefold() in seen:
            checker.add((*where, "name"), f"skills[{n + 1}].name: {name!r} appears twice")
        seen.add(name.casefold())
        scores = skill["scores"]
        for rid, value in scores.items():
            at = (*where, "scores", rid)
            if rid not in roles:
                checker.add(at, f"skills[{n + 1}].scores.{rid}: not one of the file's roles")
            elif isinstance(value, bool) or not isinstance(value, int) or not (
                    MIN_SCORE <= value <= MAX_SCORE):
                checker.add(at, f"skills[{n + 1}].scores.{rid}: expected a whole number "
                                f"{MIN_SCORE}–{MAX_SCORE}, got {value!r}")
        missing = [rid for rid in roles if rid not in scores]
        if missing:
            checker.add((*where, "scores"),
                        f"skills[{n + 1}].scores: missing {', '.join(missing)}")
    if checker.problems:
        raise SourceError(checker.problems)
    matrix = Matrix(tuple(roles))
    for skill in skills:
        name = clean_name(skill["name"])
        proposed = proposals(catalog, name, roles)
        matrix.rows.append(SkillRow(name, {rid: skill["scores"][rid] for rid in roles}, proposed))
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = 0
    source, source_stamp = recovered_source(data.get("recovery"))
    return Loaded(matrix, path, Stamp.of_bytes(checker.source.text.encode("utf-8"), mtime),
                  source, source_stamp)


def summary(matrix: Matrix) -> str:
    """A matrix in a few words, for lists: its first skills."""
    names = [r.name for r in matrix.rows]
    if not names:
        return "no skills yet"
    more = f" and {len(names) - 3} more" if len(names) > 3 else ""
    return ", ".join(names[:3]) + more


def _entries(paths: list[Path], catalog: Catalog) -> list[Entry]:
    def describe(path: Path) -> tuple[str, Path | None]:
        loaded = load_file(path, catalog)
        return summary(loaded.document), loaded.recovery_source

    return list_entries(paths, describe)


def list_matrices(folder: Path, catalog: Catalog) -> list[Entry]:
    """The matrices in a folder, newest first; unreadable ones listed with their problem."""
    return _entries(document_files(folder), catalog)


def pending_recoveries(folder: Path, catalog: Catalog) -> list[Entry]:
    """Copies of matrices that sessions now gone never saved, newest first (with the one
    shared copy an earlier version may have left)."""
    legacy = folder / LEGACY_COPY
    return _entries([*ended_copies(folder), *([legacy] if legacy.is_file() else [])], catalog)
