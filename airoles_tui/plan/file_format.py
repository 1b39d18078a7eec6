"""The plan file format: TOML <-> OrgPlan, validated with file:line messages.

A plan file is hand-editable TOML (``format_version = 1``). Reading validates everything and
names file, line and field; it never writes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import is_dataclass
from pathlib import Path
from typing import Any, TextIO, TypeGuard

import tomli_w

from ..catalog.records import Catalog
from ..documents.recovery import RECOVERY_SPEC, recovered_source
from ..documents.loaded import Loaded
from ..documents.stamp import Stamp
from ..validation.schema import INT, INT64, Checker, F, Spec, field_label, is_kind
from ..validation.source import Problem, SourceError, TomlSource, parse_toml
from .declare import declared_fields, default_of
from .limits import LIMITS
from .model import OrgPlan

FORMAT_VERSION = 1
# The file's layout around the declared fields (plan/model, plan/declare): the plan's own
# fields go in [plan], its nested ones ([[hires]], [growth]) at the top level, and each hire
# carries its place in the list as `order`, written after its first field.
PLAN_TABLE = "plan"
ORDER = "order"


def _is_table(kind: Any) -> TypeGuard[type]:
    """A declared field whose kind is a dataclass: a nested table (or, many, an array)."""
    return isinstance(kind, type) and is_dataclass(kind)


def spec_of(cls: type, ordered: bool = False) -> Spec:
    """The schema.Spec a dataclass's declared fields describe; ``ordered``: a row of an array
    of tables, which also carries its `order`."""
    out: Spec = {}
    for f, meta in declared_fields(cls):
        kind = spec_of(meta.kind, meta.many) if _is_table(meta.kind) else meta.kind
        out[f.name] = F(kind, meta.required, many=meta.many)
        if ordered and len(out) == 1:
            out[ORDER] = F(INT, False, limits=LIMITS["order"])
    return out


def _scalars(cls: type) -> list:
    return [(f, m) for f, m in declared_fields(cls) if not _is_table(m.kind)]


def _nested(cls: type) -> list:
    return [(f, m) for f, m in declared_fields(cls) if _is_table(m.kind)]




def document_spec(plan_cls: type) -> Spec:
    return {
        "format_version": F(INT),
        PLAN_TABLE: F({f.name: F(m.kind, m.required) for f, m in _scalars(plan_cls)}),
        **{f.name: F(spec_of(m.kind, m.many), False, many=m.many)
           for f, m in _nested(plan_cls)},
        "recovery": F(RECOVERY_SPEC, False),
    }


DOCUMENT: Spec = document_spec(OrgPlan)


class PlanError(SourceError):
    """The file cannot be used as a plan; ``problems`` says why, line by line."""


def _table(obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f, meta in _scalars(type(obj)):
        value = getattr(obj, f.name)
        if meta.omit_default and value == default_of(f):
            continue
        out[f.name] = dict(value) if isinstance(value, dict) else value
    return out


def plan_to_dict(plan: OrgPlan, recovery: dict[str, Any] | None = None) -> dict[str, Any]:
    doc: dict[str, Any] = {"format_version": FORMAT_VERSION, PLAN_TABLE: _table(plan)}
    for f, meta in _nested(OrgPlan):
        value = getattr(plan, f.name)
        if meta.many:
            rows = []
            for n, item in enumerate(value, start=1):
                row = _table(item)
                first = next(iter(row))
                rows.append({first: row.pop(first), ORDER: n, **row})
            doc[f.name] = rows
        else:
            doc[f.name] = _table(value)
    if recovery:
        doc["recovery"] = recovery
    return doc


HEADER = "# airoles-tui org plan (format documented in the README: \"Plan files\")\n"


class UnwritablePlan(ValueError):
    """A value TOML cannot hold (an integer beyond 64 bits): writing it would make a file
    that no TOML reader, this program's included, can open again."""


def dumps(plan: OrgPlan, recovery: dict[str, Any] | None = None) -> str:
    """The plan as TOML text; UnwritablePlan if a number does not fit TOML's integers."""
    doc = plan_to_dict(plan, recovery)
    lo, hi = INT64
    if _any_leaf(doc, lambda v: isinstance(v, int) and not lo <= v <= hi):
        raise UnwritablePlan("a number in the plan is beyond the 64-bit whole numbers TOML "
                             "can hold")
    # tomli_w turns "\r\n" into "\n" inside multi-line strings; keep such text exact by
    # writing every string on one line with escapes.
    multiline = not _any_str(doc, lambda s: "\r" in s)
    return HEADER + tomli_w.dumps(doc, multiline_strings=multiline)


def _any_str(value: Any, test) -> bool:
    return _any_leaf(value, lambda v: isinstance(v, str) and test(v))


def _any_leaf(value: Any, test: Callable[[Any], bool]) -> bool:
    """Whether ``test`` holds for any key or leaf value inside ``value``."""
    if isinstance(value, dict):
        return any(_any_leaf(k, test) or _any_leaf(v, test) for k, v in value.items())
    if isinstance(value, list):
        return any(_any_leaf(v, test) for v in value)
    return test(value)


def _check(source: TomlSource) -> list[Problem]:
    data = source.data
    checker = Checker(source)
    version = data.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        checker.add(("format_version",),
                    f"format_version {version} is newer than this airoles-tui understands "
                    f"({FORMAT_VERSION}): upgrade airoles-tui to open it")
        return checker.problems
    if "plan" not in data and "format_version" not in data:
        checker.add((), "not an airoles-tui plan: no format_version and no [plan] table")
        return checker.problems
    checker.record(data, DOCUMENT, ())
    if isinstance(version, int) and not isinstance(version, bool) and version < 1:
        checker.add(("format_version",), f"format_version must be {FORMAT_VERSION}")
    _check_values(checker, OrgPlan, data.get(PLAN_TABLE), (PLAN_TABLE,))
    for f, meta in _nested(OrgPlan):
        value = data.get(f.name)
        if meta.many and isinstance(value, list):
            for i, item in enumerate(value):
                _check_values(checker, meta.kind, item, (f.name, i))
        elif not meta.many:
            _check_values(checker, meta.kind, value, (f.name,))
    return checker.problems


def _check_values(checker: Checker, cls: type, table: Any, path: tuple) -> None:
    """The declared bounds of each field whose type is right (the schema checked types)."""
    if not isinstance(table, dict):
        return
    for f, meta in _scalars(cls):
        if meta.check is None or f.name not in table:
            continue
        value = table[f.name]
        if not is_kind(value, meta.kind) or (isinstance(value, int) and not
                                             INT64[0] <= value <= INT64[1]):
            continue  # the schema said what is wrong with it
        for below, message in meta.check(value):
            where = (*path, f.name, *below)
            checker.add(where, f"{field_label(where)}: {message}")


def _make(cls: type, table: dict[str, Any]) -> Any:
    values: dict[str, Any] = {}
    for f, meta in declared_fields(cls):
        if _is_table(meta.kind):
            if meta.many:
                rows = sorted(enumerate(table.get(f.name, [])),
                              key=lambda p: (p[1].get(ORDER, p[0] + 1), p[0]))
                values[f.name] = [_make(meta.kind, row) for _, row in rows]
            else:
                values[f.name] = _make(meta.kind, table.get(f.name, {}))
        elif f.name in table:
            value = table[f.name]
            value = dict(value) if isinstance(value, dict) else value
            values[f.name] = meta.convert(value) if meta.convert else value
    return cls(**values)


def _build(data: dict[str, Any]) -> OrgPlan:
    plan: OrgPlan = _make(OrgPlan, {**data[PLAN_TABLE], **{f.name: data[f.name]
                                                         for f, _ in _nested(OrgPlan)
                                                         if f.name in data}})
    return plan


def loads(text: str, display: str = "<plan>") -> OrgPlan:
    """Parse plan text (tests, round trips); raises PlanError like ``load_plan``."""
    try:
        data = parse_toml(text, display)
    except SourceError as exc:
        raise PlanError(exc.problems) from None
    source = TomlSource(Path(display), display, text, data)
    problems = _check(source)
    if problems:
        raise PlanError(problems)
    return _build(data)


def load_plan(path: Path) -> Loaded[OrgPlan]:
    """Read and validate a plan file, or raise PlanError. Never writes to ``path``."""
    try:
        source = TomlSource.read(path)
    except SourceError as exc:
        raise PlanError(exc.problems) from None
    problems = _check(source)
    if problems:
        raise PlanError(problems)
    raw = source.text.encode("utf-8")
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = 0
    src, src_stamp = recovered_source(source.data.get("recovery"))
    return Loaded(_build(source.data), path, Stamp.of_bytes(raw, mtime), src, src_stamp)


def unknown_roles(plan: OrgPlan, catalog: Catalog) -> list[tuple[int, str]]:
    return [(i, h.role) for i, h in enumerate(plan.hires) if catalog.role(h.role) is None]


def catalog_problems(path: Path, plan: OrgPlan, catalog: Catalog) -> list[Problem]:
    """What a good file still gets wrong against this catalog (roles and structures it names)."""
    source_lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    hire_headers = [n + 1 for n, line in enumerate(source_lines)
                    if line.strip().startswith("[[hires]]")]
    out: list[Problem] = []
    for i, role in unknown_roles(plan, catalog):
        line = hire_headers[i] if i < len(hire_headers) else None
        out.append(Problem(str(path), f"hires[{i + 1}].role: unknown role {role!r} "
                                      "(see `airoles-tui validate` for the catalog's ids)", line))
    known = {t.id for t in catalog.team_structures}
    for where, value in (("plan.structure", plan.structure),
                         ("growth.structure", plan.growth.structure)):
        if value and value not in known:
            out.append(Problem(str(path), f"{where}: unknown team structure {value!r} "
                                          f"(one of {', '.join(sorted(known))})"))
    for role in plan.growth.headcount:
        if catalog.role(role) is None:
            out.append(Problem(str(path), f"growth.headcount: unknown role {role!r}"))
    return out


def check_plan_files(paths: list[Path], catalog: Catalog, out: TextIO | None = None,
                     err: TextIO | None = None) -> int:
    """`airoles-tui validate FILE...`: 0 when every file is a good plan, 2 otherwise."""
    out = out or sys.stdout
    err = err or sys.stderr
    status = 0
    for path in paths:
        try:
            loaded = load_plan(path)
        except PlanError as exc:
            for problem in exc.problems:
                print(problem, file=err)
            status = 2
            continue
        problems = catalog_problems(path, loaded.document, catalog)
        for problem in problems:
            print(problem, file=err)
        if problems:
            status = 2
        else:
            count = len(loaded.document.hires)
            print(f"{path}: ok (plan {loaded.document.name!r}, {count} "
                  f"{'hire' if count == 1 else 'hires'})", file=out)
    return status

