"""A catalog whose text is all markup look-alikes: it must reach the screen exactly as written."""

from __future__ import annotations

import dataclasses

from airoles_tui.catalog.records import Catalog

NASTY = "[bold]x[/] [/link] [red"


def bracketed(catalog: Catalog) -> Catalog:
    """The catalog with names, titles, tags and prose replaced by bracket-heavy strings."""
    roles = tuple(
        r._replace(name=f"{NASTY} {r.name}", key_skills=(f"{NASTY} skill", *r.key_skills),
                            primary_focus=f"{NASTY} focus")
        for r in catalog.roles)
    cases = tuple(
        c._replace(title=f"{NASTY} {c.title}", tags=(NASTY, *c.tags),
                            body=(f"{NASTY} body", *c.body))
        for c in catalog.case_studies)
    teams = tuple(t._replace(name=f"{NASTY} {t.name}") for t in catalog.team_structures)
    pathways = tuple(p._replace(name=f"{NASTY} {p.name}") for p in catalog.pathways)
    eras = tuple(e._replace(name=f"{NASTY} {e.name}") for e in catalog.eras)
    exercises = tuple(e._replace(title=f"{NASTY} {e.title}") for e in catalog.exercises)
    # A fresh _role_index: replace() would otherwise share (and overwrite) the original's.
    return dataclasses.replace(catalog, roles=roles, case_studies=cases, team_structures=teams,
                               pathways=pathways, eras=eras, exercises=exercises, _role_index={})
