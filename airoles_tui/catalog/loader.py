"""TOML catalog directory -> Catalog, refusing anything broken with every problem named.

Validation happens in full before any record is built, so a user fixing their own catalog
sees all of its problems in one run, each as ``file:line: field: what is wrong``.
"""

from __future__ import annotations

from pathlib import Path
from string import Formatter
from typing import Any

from ..validation.schema import BOOL, ID, IDS, INT, STR, STRS, TABLE, TEXT, Checker, F, Spec
from ..validation.source import Problem, SourceError, TomlSource
from .records import (
    ADVICE_CHECKS,
    AdviceRule,
    Background,
    CaseStudy,
    Catalog,
    Compensation,
    Contrast,
    Era,
    EraEvent,
    Exercise,
    Family,
    Interest,
    Pathway,
    RecommenderRules,
    Role,
    TeamStructure,
)

CatalogError = SourceError

PAY_LIMITS = (0, 10**9)
# Every entry may say where in the article it comes from, and which of its fields are ours
# (provenance.py); `validate` insists on one or the other.
PROVENANCE: Spec = {"source": F(TEXT, False), "ours": F(STRS, False)}
FAMILY: Spec = {"id": F(ID), "name": F(STR), "order": F(INT), "summary": F(STR), **PROVENANCE}
COMPENSATION: Spec = {
    # Up to $1B a year: the pay chart and the plan's costs work in whole dollars.
    "min_usd": F(INT, limits=PAY_LIMITS), "max_usd": F(INT, limits=PAY_LIMITS),
    "open_ended": F(BOOL, False),
    "basis": F(TEXT, False), "notes": F(STRS, False),
}
CONTRAST: Spec = {"role": F(ID), "text": F(STR)}
ROLE: Spec = {
    "id": F(ID), "name": F(STR), "family": F(ID), "order": F(INT),
    "primary_focus": F(STR), "core_skills": F(STR), "background": F(STR), "summary": F(STR),
    "key_skills": F(STRS), "compensation": F(COMPENSATION, False),
    "abbreviation": F(TEXT, False), "aliases": F(STRS, False), "tools": F(STRS, False),
    "employers": F(STRS, False), "day_to_day": F(STRS, False), "focus_areas": F(STRS, False),
    "challenges": F(STRS, False), "path_in": F(TEXT, False), "why_it_matters": F(TEXT, False),
    "future": F(TEXT, False), "example": F(TEXT, False), "insight": F(TEXT, False),
    "in_comparison_table": F(BOOL, False), "differs_from": F(CONTRAST, False, many=True),
    **PROVENANCE,
}
CASE_STUDY: Spec = {
    "id": F(ID), "title": F(STR), "period": F(STR), "summary": F(STR), "body": F(STRS),
    "tags": F(STRS), "roles": F(IDS), "team_structures": F(IDS, False),
    "organisations": F(STRS, False), "key_facts": F(STRS, False), "lessons": F(STRS, False),
    **PROVENANCE,
}
TEAM_STRUCTURE: Spec = {
    "id": F(ID), "number": F(INT), "name": F(STR), "summary": F(STR), "description": F(STR),
    "fits_when": F(STR), "strengths": F(STRS), "risks": F(STRS),
    "max_practitioners": F(INT, False), "examples": F(STRS, False), "roles": F(IDS, False),
    **PROVENANCE,
}
PATHWAY: Spec = {
    "id": F(ID), "name": F(STR), "origin": F(STR), "targets": F(IDS), "summary": F(STR),
    "description": F(STR), "steps": F(STRS), "background": F(ID, False),
    "resources": F(STRS, False), "advantage": F(TEXT, False), **PROVENANCE,
}
EVENT: Spec = {"year": F(INT), "text": F(STR)}
ERA: Spec = {
    "id": F(ID), "name": F(STR), "start_year": F(INT), "end_year": F(INT, False),
    "summary": F(STR), "description": F(STR), "roles_emerged": F(IDS, False),
    "role_names": F(STRS, False), "people": F(STRS, False), "events": F(EVENT, False, many=True),
    **PROVENANCE,
}
EXERCISE: Spec = {
    "id": F(ID), "level": F(STR), "title": F(STR), "task": F(STR), "steps": F(STRS),
    "questions": F(STRS, False), "parameters": F(TABLE, False), **PROVENANCE,
}
BACKGROUND_ROLE: Spec = {"role": F(ID), "reason": F(STR)}
BACKGROUND: Spec = {
    "id": F(ID), "label": F(STR), "pathway": F(ID, False),
    "roles": F(BACKGROUND_ROLE, many=True), "ours": F(STRS, False),
}
INTEREST: Spec = {"id": F(ID), "label": F(STR), "roles": F(IDS), "ours": F(STRS, False)}
RECOMMENDER: Spec = {
    "base_score": F(INT), "interest_bonus": F(INT), "top_n": F(INT),
    "fallback_background": F(ID), "interest_reason": F(STR),
    "backgrounds": F(BACKGROUND, many=True), "interests": F(INTEREST, many=True),
    **PROVENANCE,
}

ADVICE_RULE: Spec = {
    "id": F(ID), "check": F(ID), "message": F(STR), "reason": F(STR), "quote": F(STR),
    "structure": F(ID, False), "limit_of": F(ID, False), "roles": F(IDS, False),
    "before_roles": F(IDS, False), "keywords": F(STRS, False),
}
ADVICE_FILE = "advice.toml"  # optional: a catalog without it gives no advice rules

# file name -> (top-level key, record spec, must it hold at least one record)
FILES: dict[str, tuple[str, Spec, bool]] = {
    "roles.toml": ("roles", ROLE, True),
    "case_studies.toml": ("case_studies", CASE_STUDY, False),
    "team_structures.toml": ("team_structures", TEAM_STRUCTURE, False),
    "pathways.toml": ("pathways", PATHWAY, False),
    "history.toml": ("eras", ERA, False),
    "exercises.toml": ("exercises", EXERCISE, False),
}


def load_catalog(directory: Path | str, *, require_provenance: bool = False) -> Catalog:
    """Load and validate a catalog directory; raise CatalogError listing every problem.

    ``require_provenance`` (`validate`) also refuses an entry that names neither its article
    section nor what in it is ours. The app itself opens such a catalog (a company's own
    catalog is not the article), showing no marks.
    """
    directory = Path(directory)
    try:
        is_dir = directory.is_dir()  # a folder above that cannot be searched raises
    except OSError as exc:
        from ..files import describe_read_error

        raise CatalogError([Problem(str(directory), describe_read_error(exc))]) from None
    if not is_dir:
        raise CatalogError([Problem(str(directory), "catalog directory not found" if not
                                    directory.exists() else "not a directory")])
    problems: list[Problem] = []
    sources: dict[str, TomlSource] = {}
    for name in [*FILES, "recommender.toml"]:
        try:
            sources[name] = TomlSource.read(directory / name)
        except SourceError as exc:
            problems.extend(exc.problems)
    if (directory / ADVICE_FILE).exists():
        try:
            sources[ADVICE_FILE] = TomlSource.read(directory / ADVICE_FILE)
        except SourceError as exc:
            problems.extend(exc.problems)
    if problems:
        raise CatalogError(problems)

    checked: dict[str, list[dict[str, Any]]] = {}
    checkers: dict[str, Checker] = {}
    for name, (key, spec, non_empty) in FILES.items():
        checker = checkers[name] = Checker(sources[name])
        data = sources[name].data
        extra: Spec = {"families": F(FAMILY, many=True)} if name == "roles.toml" else {}
        file_spec: Spec = {key: F(spec, many=True), **extra}
        checker.record(data, file_spec, ())
        checked[name] = [r for r in data.get(key, []) if isinstance(r, dict)] if isinstance(
            data.get(key), list) else []
        if non_empty and isinstance(data.get(key), list) and not data[key]:
            checker.add((), f"{key}: needs at least one entry")
    rec_checker = checkers["recommender.toml"] = Checker(sources["recommender.toml"])
    rec_checker.record(sources["recommender.toml"].data, RECOMMENDER, ())
    if ADVICE_FILE in sources:
        checkers[ADVICE_FILE] = Checker(sources[ADVICE_FILE])
        checkers[ADVICE_FILE].record(sources[ADVICE_FILE].data,
                                     {"rules": F(ADVICE_RULE, many=True)}, ())
    for c in checkers.values():
        problems.extend(c.problems)
    if problems:
        raise CatalogError(problems)

    roles_data = sources["roles.toml"].data
    problems.extend(_cross_check(sources, checkers))
    problems.extend(_provenance_check(sources, checkers, require_provenance))
    if problems:
        raise CatalogError(problems)
    return _build(sources, roles_data, str(directory))


def _ids(checker: Checker, key: str, records: list[dict[str, Any]]) -> set[str]:
    seen: set[str] = set()
    for i, rec in enumerate(records):
        rid = rec["id"]
        if rid in seen:
            checker.add((key, i, "id"), f"{key}[{i + 1}].id: duplicate id {rid!r}")
        seen.add(rid)
    return seen


def _cross_check(sources: dict[str, TomlSource], checkers: dict[str, Checker]) -> list[Problem]:
    d = {name: s.data for name, s in sources.items()}
    roles_c, rec_c = checkers["roles.toml"], checkers["recommender.toml"]
    families = _ids(roles_c, "families", d["roles.toml"].get("families", []))
    roles = _ids(roles_c, "roles", d["roles.toml"]["roles"])
    structures = _ids(checkers["team_structures.toml"], "team_structures",
                      d["team_structures.toml"]["team_structures"])
    pathways = _ids(checkers["pathways.toml"], "pathways", d["pathways.toml"]["pathways"])
    _ids(checkers["case_studies.toml"], "case_studies", d["case_studies.toml"]["case_studies"])
    _ids(checkers["history.toml"], "eras", d["history.toml"]["eras"])
    _ids(checkers["exercises.toml"], "exercises", d["exercises.toml"]["exercises"])
    rec = d["recommender.toml"]
    backgrounds = _ids(rec_c, "backgrounds", rec["backgrounds"])
    _ids(rec_c, "interests", rec["interests"])

    def ref(checker: Checker, path: tuple[str | int, ...], value: str, known: set[str],
            what: str) -> None:
        if value not in known:
            label = ".".join(str(p) if isinstance(p, str) else f"[{p + 1}]" for p in path)
            label = label.replace(".[", "[")
            checker.add(path, f"{label}: unknown {what} id {value!r}")

    for i, r in enumerate(d["roles.toml"]["roles"]):
        ref(roles_c, ("roles", i, "family"), r["family"], families, "family")
        for j, c in enumerate(r.get("differs_from", [])):
            ref(roles_c, ("roles", i, "differs_from", j, "role"), c["role"], roles, "role")
        comp = r.get("compensation")
        if comp:
            if comp["min_usd"] > comp["max_usd"]:
                roles_c.add(("roles", i, "compensation", "min_usd"),
                            f"roles[{i + 1}].compensation: min_usd {comp['min_usd']} is above "
                            f"max_usd {comp['max_usd']}")
    cs_c = checkers["case_studies.toml"]
    for i, c in enumerate(d["case_studies.toml"]["case_studies"]):
        for j, rid in enumerate(c["roles"]):
            ref(cs_c, ("case_studies", i, "roles"), rid, roles, "role")
        for rid in c.get("team_structures", []):
            ref(cs_c, ("case_studies", i, "team_structures"), rid, structures, "team structure")
    ts_c = checkers["team_structures.toml"]
    for i, t in enumerate(d["team_structures.toml"]["team_structures"]):
        for rid in t.get("roles", []):
            ref(ts_c, ("team_structures", i, "roles"), rid, roles, "role")
    pw_c = checkers["pathways.toml"]
    for i, p in enumerate(d["pathways.toml"]["pathways"]):
        for rid in p["targets"]:
            ref(pw_c, ("pathways", i, "targets"), rid, roles, "role")
        if p.get("background"):
            ref(pw_c, ("pathways", i, "background"), p["background"], backgrounds, "background")
    era_c = checkers["history.toml"]
    for i, e in enumerate(d["history.toml"]["eras"]):
        for rid in e.get("roles_emerged", []):
            ref(era_c, ("eras", i, "roles_emerged"), rid, roles, "role")
        if e.get("end_year") is not None and e["end_year"] < e["start_year"]:
            era_c.add(("eras", i, "end_year"), f"eras[{i + 1}]: end_year {e['end_year']} is "
                      f"before start_year {e['start_year']}")
    ex_c = checkers["exercises.toml"]
    for i, e in enumerate(d["exercises.toml"]["exercises"]):
        for k, v in e.get("parameters", {}).items():
            if not isinstance(v, (str, int)) or isinstance(v, bool):
                ex_c.add(("exercises", i, "parameters", k),
                         f"exercises[{i + 1}].parameters.{k}: expected a string or an integer")
    ref(rec_c, ("fallback_background",), rec["fallback_background"], backgrounds, "background")
    for i, b in enumerate(rec["backgrounds"]):
        for j, br in enumerate(b["roles"]):
            ref(rec_c, ("backgrounds", i, "roles", j, "role"), br["role"], roles, "role")
        if b.get("pathway"):
            ref(rec_c, ("backgrounds", i, "pathway"), b["pathway"], pathways, "pathway")
    for i, it in enumerate(rec["interests"]):
        for rid in it["roles"]:
            ref(rec_c, ("interests", i, "roles"), rid, roles, "role")
    why = _template_problem(rec["interest_reason"], {"interest"})
    if why:
        rec_c.add(("interest_reason",), f"interest_reason: {why}")
    if rec["top_n"] < 1:
        rec_c.add(("top_n",), "top_n: must be at least 1")
    if not backgrounds:
        rec_c.add(("backgrounds",), "backgrounds: needs at least one entry")
    if ADVICE_FILE in checkers:
        _check_advice(checkers[ADVICE_FILE], d[ADVICE_FILE]["rules"], roles,
                      d["team_structures.toml"]["team_structures"], ref)
    return [p for c in checkers.values() for p in c.problems]


def _check_advice(checker: Checker, rules: list[dict[str, Any]], roles: set[str],
                  structures: list[dict[str, Any]], ref) -> None:
    """Each rule names a check the designer knows, gives that check's parameters, says only
    what the check can fill in, and refers to roles and structures that exist."""
    _ids(checker, "rules", rules)
    limits = {t["id"]: t.get("max_practitioners") for t in structures}
    for i, rule in enumerate(rules):
        where = f"rules[{i + 1}]"
        if rule["check"] not in ADVICE_CHECKS:
            checker.add(("rules", i, "check"), f"{where}.check: unknown check {rule['check']!r} "
                        f"(one of {', '.join(ADVICE_CHECKS)})")
            continue
        needs, fills = ADVICE_CHECKS[rule["check"]]
        for param in sorted(needs - rule.keys()):
            checker.add(("rules", i), f"{where}.{param}: the {rule['check']} check needs it")
        for key in ("roles", "before_roles"):
            for rid in rule.get(key, []):
                ref(checker, ("rules", i, key), rid, roles, "role")
        for key in ("structure", "limit_of"):
            if rule.get(key):
                ref(checker, ("rules", i, key), rule[key], set(limits), "team structure")
        if rule.get("limit_of") in limits and limits[rule["limit_of"]] is None:
            checker.add(("rules", i, "limit_of"), f"{where}.limit_of: team structure "
                        f"{rule['limit_of']!r} has no max_practitioners to read")
        for key in ("message", "reason"):
            try:
                names = {name for _, name, _, _ in Formatter().parse(rule[key]) if name}
            except ValueError as exc:
                checker.add(("rules", i, key), f"{where}.{key}: {exc}")
                continue
            for name in sorted(names - fills):
                checker.add(("rules", i, key), f"{where}.{key}: {{{name}}} is not something the "
                            f"{rule['check']} check fills in (it has: "
                            f"{', '.join(sorted(fills)) or 'nothing'})")


def _template_problem(template: str, fields: set[str]) -> str | None:
    """Why ``template`` cannot be filled with ``str.format(**fields)``, or None.

    Only plain ``{name}`` fields are allowed: an unknown name raises KeyError at the first
    recommendation, and ``{interest.__class__}`` or a ``{interest:>999999999}`` format would
    read attributes or build a huge string."""
    import string

    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as exc:
        return f"not a valid template ({exc}); write a literal brace as {{{{ or }}}}"
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in fields:
            allowed = ", ".join(f"{{{f}}}" for f in sorted(fields))
            return f"unknown placeholder {{{name}}}: the only ones allowed are {allowed}"
        if spec or conversion:
            return f"placeholder {{{name}}} must be plain (no format spec or conversion)"
    return None


# (file, top-level key, must each entry carry provenance of its own): recommender backgrounds
# and interests are parts of the recommender, whose top-level `source` covers them.
_ENTRIES = (
    ("roles.toml", "families", True), ("roles.toml", "roles", True),
    ("case_studies.toml", "case_studies", True),
    ("team_structures.toml", "team_structures", True), ("pathways.toml", "pathways", True),
    ("history.toml", "eras", True), ("exercises.toml", "exercises", True),
    ("recommender.toml", "backgrounds", False), ("recommender.toml", "interests", False),
)
_NOT_MARKABLE = frozenset({"id", "source", "ours"})


def _is_field(entry: dict[str, Any], name: str) -> bool:
    """Whether ``name`` ("field", "table.field", or for an array of tables "tables.field",
    meaning that field in each of them) is a field this entry has."""
    head, _, rest = name.partition(".")
    if head in _NOT_MARKABLE or head not in entry:
        return False
    if not rest:
        return True
    sub = entry[head]
    subs = sub if isinstance(sub, list) and sub else [sub]
    return all(isinstance(t, dict) and _is_field(t, rest) for t in subs)


def _provenance_check(sources: dict[str, TomlSource], checkers: dict[str, Checker],
                      required: bool) -> list[Problem]:
    """Each `ours` names a real field of its entry; with ``required``, each entry has a
    `source` or an `ours`."""
    found: list[Problem] = []

    def check(checker: Checker, path: tuple[str | int, ...], entry: dict[str, Any],
              own: bool) -> None:
        label = ".".join(str(p) if isinstance(p, str) else f"[{p + 1}]" for p in path)
        label = label.replace(".[", "[") or "recommender"
        for name in entry.get("ours", []):
            if not _is_field(entry, name):
                checker.add((*path, "ours"), f"{label}.ours: {name!r} is not a field of this "
                            "entry")
        if required and own and not entry.get("source", "").strip() and not entry.get("ours"):
            what = f" ({entry['id']!r})" if "id" in entry else ""
            checker.add(path, f"{label}{what}: no provenance: give the article section it "
                        "restates (source = \"...\") or the fields that are ours "
                        "(ours = [...])")

    for name, key, own in _ENTRIES:
        checker = Checker(sources[name])
        for i, entry in enumerate(sources[name].data.get(key, [])):
            check(checker, (key, i), entry, own)
        found.extend(checker.problems)
    checker = Checker(sources["recommender.toml"])
    check(checker, (), sources["recommender.toml"].data, True)
    return found + checker.problems


def _t(rec: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(rec.get(key, ()))


def _prov(rec: dict[str, Any]) -> dict[str, Any]:
    return {"source": rec.get("source", ""), "ours": _t(rec, "ours")}


def _build(sources: dict[str, TomlSource], roles_data: dict[str, Any], origin: str) -> Catalog:
    families = tuple(sorted(
        (Family(f["id"], f["name"], f["summary"], f["order"], **_prov(f))
         for f in roles_data.get("families", [])),
        key=lambda f: f.order))
    roles = tuple(_role(r) for r in roles_data["roles"])
    d = {name: s.data for name, s in sources.items()}
    cases = tuple(CaseStudy(
        id=c["id"], title=c["title"], period=c["period"], summary=c["summary"],
        body=_t(c, "body"), tags=_t(c, "tags"), roles=_t(c, "roles"),
        team_structures=_t(c, "team_structures"), organisations=_t(c, "organisations"),
        key_facts=_t(c, "key_facts"), lessons=_t(c, "lessons"), **_prov(c),
    ) for c in d["case_studies.toml"]["case_studies"])
    structures = tuple(sorted((TeamStructure(
        id=t["id"], number=t["number"], name=t["name"], summary=t["summary"],
        description=t["description"], fits_when=t["fits_when"], strengths=_t(t, "strengths"),
        risks=_t(t, "risks"), max_practitioners=t.get("max_practitioners"),
        examples=_t(t, "examples"), roles=_t(t, "roles"), **_prov(t),
    ) for t in d["team_structures.toml"]["team_structures"]), key=lambda t: t.number))
    pathways = tuple(Pathway(
        id=p["id"], name=p["name"], origin=p["origin"], targets=_t(p, "targets"),
        summary=p["summary"], description=p["description"], steps=_t(p, "steps"),
        background=p.get("background", ""), resources=_t(p, "resources"),
        advantage=p.get("advantage", ""), **_prov(p),
    ) for p in d["pathways.toml"]["pathways"])
    eras = tuple(Era(
        id=e["id"], name=e["name"], start_year=e["start_year"], end_year=e.get("end_year"),
        summary=e["summary"], description=e["description"],
        roles_emerged=_t(e, "roles_emerged"), role_names=_t(e, "role_names"),
        people=_t(e, "people"),
        events=tuple(EraEvent(ev["year"], ev["text"]) for ev in e.get("events", [])),
        **_prov(e),
    ) for e in d["history.toml"]["eras"])
    exercises = tuple(Exercise(
        id=e["id"], level=e["level"], title=e["title"], task=e["task"], steps=_t(e, "steps"),
        questions=_t(e, "questions"), parameters=tuple(e.get("parameters", {}).items()),
        **_prov(e),
    ) for e in d["exercises.toml"]["exercises"])
    rec = d["recommender.toml"]
    rules = RecommenderRules(
        base_score=rec["base_score"], interest_bonus=rec["interest_bonus"], top_n=rec["top_n"],
        fallback_background=rec["fallback_background"], interest_reason=rec["interest_reason"],
        backgrounds=tuple(Background(
            b["id"], b["label"], tuple((r["role"], r["reason"]) for r in b["roles"]),
            b.get("pathway", ""), _t(b, "ours")) for b in rec["backgrounds"]),
        interests=tuple(Interest(i["id"], i["label"], _t(i, "roles"), _t(i, "ours"))
                        for i in rec["interests"]),
        source=rec.get("source", ""),
    )
    advice = tuple(AdviceRule(
        id=r["id"], check=r["check"], message=r["message"], reason=r["reason"],
        quote=r["quote"], structure=r.get("structure", ""), limit_of=r.get("limit_of", ""),
        roles=_t(r, "roles"), before_roles=_t(r, "before_roles"), keywords=_t(r, "keywords"),
    ) for r in d.get(ADVICE_FILE, {}).get("rules", []))
    return Catalog(families, roles, cases, structures, pathways, eras, exercises, rules,
                   source=origin, advice=advice)


def _role(r: dict[str, Any]) -> Role:
    comp = r.get("compensation")
    return Role(
        id=r["id"], name=r["name"], family=r["family"], order=r["order"],
        primary_focus=r["primary_focus"], summary=r["summary"], core_skills=r["core_skills"],
        background=r["background"], key_skills=_t(r, "key_skills"),
        compensation=Compensation(
            comp["min_usd"], comp["max_usd"], comp.get("open_ended", False),
            comp.get("basis", ""), _t(comp, "notes")) if comp else None,
        aliases=_t(r, "aliases"), abbreviation=r.get("abbreviation", ""),
        day_to_day=_t(r, "day_to_day"), focus_areas=_t(r, "focus_areas"),
        challenges=_t(r, "challenges"), path_in=r.get("path_in", ""),
        why_it_matters=r.get("why_it_matters", ""), future=r.get("future", ""),
        example=r.get("example", ""), insight=r.get("insight", ""),
        employers=_t(r, "employers"), tools=_t(r, "tools"),
        differs_from=tuple(Contrast(c["role"], c["text"]) for c in r.get("differs_from", [])),
        in_comparison_table=r.get("in_comparison_table", True), **_prov(r),
    )
