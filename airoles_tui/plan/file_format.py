"""The plan file format: TOML <-> OrgPlan, validated with file:line messages.

A plan file is hand-editable TOML (``format_version = 1``). Reading validates everything and
names file, line and field; it never writes.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import tomli_w

from ..catalog.records import Catalog
from ..validation.schema import INT, NUM, STR, TABLE, TEXT, Checker, F, Spec
from ..validation.source import Problem, SourceError, TomlSource, toml
from .model import DEFAULT_MULTIPLIER, SENIORITY_POINTS, Growth, Hire, OrgPlan
from .stamp import Stamp

FORMAT_VERSION = 1

PLAN: Spec = {
    "name": F(STR), "company": F(TEXT, False), "product": F(TEXT, False),
    "funding_usd": F(INT), "hire_budget": F(INT), "structure": F(TEXT, False),
    "cost_multiplier": F(NUM, False),
}
HIRE: Spec = {
    # role is any string, not an id: an unknown or misspelt role is flagged, not refused.
    "role": F(STR), "order": F(INT, False), "title": F(TEXT, False), "seniority": F(STR, False),
    "start": F(INT, False), "team": F(TEXT, False), "deliverable_90_days": F(TEXT, False),
    "rationale": F(TEXT, False),
}
GROWTH: Spec = {
    "target": F(INT, False), "structure": F(TEXT, False), "headcount": F(TABLE, False),
    "changes": F(TEXT, False),
}
RECOVERY: Spec = {"source": F(TEXT), "source_sha256": F(TEXT, False), "source_size": F(INT, False)}
DOCUMENT: Spec = {
    "format_version": F(INT), "plan": F(PLAN), "hires": F(HIRE, False, many=True),
    "growth": F(GROWTH, False), "recovery": F(RECOVERY, False),
}


class PlanError(SourceError):
    """The file cannot be used as a plan; ``problems`` says why, line by line."""


def plan_to_dict(plan: OrgPlan, recovery: dict[str, Any] | None = None) -> dict[str, Any]:
    head: dict[str, Any] = {
        "name": plan.name, "company": plan.company, "product": plan.product,
        "funding_usd": plan.funding_usd, "hire_budget": plan.hire_budget,
        "structure": plan.structure,
    }
    if plan.cost_multiplier != DEFAULT_MULTIPLIER:
        head["cost_multiplier"] = plan.cost_multiplier
    hires = [
        {"role": h.role, "order": n, "title": h.title, "seniority": h.seniority,
         "start": h.start, "team": h.team, "deliverable_90_days": h.deliverable_90_days,
         "rationale": h.rationale}
        for n, h in enumerate(plan.hires, start=1)
    ]
    g = plan.growth
    doc: dict[str, Any] = {"format_version": FORMAT_VERSION, "plan": head, "hires": hires,
                           "growth": {"target": g.target, "structure": g.structure,
                                      "changes": g.changes, "headcount": dict(g.headcount)}}
    if recovery:
        doc["recovery"] = recovery
    return doc


HEADER = "# airoles-tui org plan (format documented in the README: \"Plan files\")\n"


def dumps(plan: OrgPlan, recovery: dict[str, Any] | None = None) -> str:
    doc = plan_to_dict(plan, recovery)
    # tomli_w turns "\r\n" into "\n" inside multi-line strings; keep such text exact by
    # writing every string on one line with escapes.
    multiline = not _any_str(doc, lambda s: "\r" in s)
    return HEADER + tomli_w.dumps(doc, multiline_strings=multiline)


def _any_str(value: Any, test) -> bool:
    if isinstance(value, str):
        return test(value)
    if isinstance(value, dict):
        return any(_any_str(k, test) or _any_str(v, test) for k, v in value.items())
    if isinstance(value, list):
        return any(_any_str(v, test) for v in value)
    return False


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
    plan = data.get("plan")
    if isinstance(plan, dict):
        for key in ("funding_usd", "hire_budget"):
            v = plan.get(key)
            if isinstance(v, int) and not isinstance(v, bool) and v < 0:
                checker.add(("plan", key), f"plan.{key}: must not be negative")
        m = plan.get("cost_multiplier")
        if isinstance(m, (int, float)) and not isinstance(m, bool) and not 0 < m <= 10:
            checker.add(("plan", "cost_multiplier"),
                        "plan.cost_multiplier: must be above 0 and at most 10")
    hires = data.get("hires")
    if isinstance(hires, list):
        for i, hire in enumerate(hires):
            if not isinstance(hire, dict):
                continue
            s = hire.get("seniority")
            if isinstance(s, str) and s not in SENIORITY_POINTS:
                checker.add(("hires", i, "seniority"),
                            f"hires[{i + 1}].seniority: {s!r} is not one of "
                            + ", ".join(SENIORITY_POINTS))
            start = hire.get("start")
            if isinstance(start, int) and not isinstance(start, bool) and start < 1:
                checker.add(("hires", i, "start"),
                            f"hires[{i + 1}].start: months count from 1 (the first month)")
    growth = data.get("growth")
    if isinstance(growth, dict) and isinstance(growth.get("headcount"), dict):
        for role, count in growth["headcount"].items():
            if not isinstance(count, int) or isinstance(count, bool) or count < 0:
                checker.add(("growth", "headcount", role),
                            f"growth.headcount.{role}: expected a whole number of people")
    return checker.problems


def _build(data: dict[str, Any]) -> OrgPlan:
    head = data["plan"]
    rows = sorted(enumerate(data.get("hires", [])),
                  key=lambda p: (p[1].get("order", p[0] + 1), p[0]))
    hires = [Hire(role=h["role"], title=h.get("title", ""),
                  seniority=h.get("seniority", "mid"), start=h.get("start", 1),
                  team=h.get("team", ""), deliverable_90_days=h.get("deliverable_90_days", ""),
                  rationale=h.get("rationale", ""))
             for _, h in rows]
    g = data.get("growth", {})
    growth = Growth(target=g.get("target", 50), structure=g.get("structure", ""),
                    headcount=dict(g.get("headcount", {})), changes=g.get("changes", ""))
    return OrgPlan(name=head["name"], company=head.get("company", ""),
                   product=head.get("product", ""), funding_usd=head["funding_usd"],
                   hire_budget=head["hire_budget"], structure=head.get("structure", ""),
                   cost_multiplier=float(head.get("cost_multiplier", DEFAULT_MULTIPLIER)),
                   hires=hires, growth=growth)


def loads(text: str, display: str = "<plan>") -> OrgPlan:
    """Parse plan text (tests, round trips); raises PlanError like ``load_plan``."""
    try:
        data = toml().loads(text)
    except toml().TOMLDecodeError as exc:
        raise PlanError([Problem(display, f"invalid TOML: {exc}")]) from None
    source = TomlSource(Path(display), display, text, data)
    problems = _check(source)
    if problems:
        raise PlanError(problems)
    return _build(data)


@dataclass(frozen=True, slots=True)
class LoadedPlan:
    plan: OrgPlan
    path: Path
    stamp: Stamp
    recovery_source: Path | None = None  # for a recovery copy: the file it was editing
    source_stamp: Stamp | None = None


def load_plan(path: Path) -> LoadedPlan:
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
    rec = source.data.get("recovery")
    src = src_stamp = None
    if rec and rec.get("source"):
        src = Path(rec["source"])
        if rec.get("source_sha256"):
            src_stamp = Stamp(0, rec.get("source_size", -1), rec["source_sha256"])
    return LoadedPlan(_build(source.data), path, Stamp.of_bytes(raw, mtime), src, src_stamp)


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
        problems = catalog_problems(path, loaded.plan, catalog)
        for problem in problems:
            print(problem, file=err)
        if problems:
            status = 2
        else:
            print(f"{path}: ok (plan {loaded.plan.name!r}, {len(loaded.plan.hires)} hires)",
                  file=out)
    return status

