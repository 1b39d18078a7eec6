"""Every cross-reference of the catalog resolves, and the UI offers each one as a link.

Following the links on screen is tested in tests/ui/test_cases_links.py; this checks the
catalog side: nothing points nowhere, and no reference is left without a link to follow.
"""

from __future__ import annotations

from airoles_tui.catalog import library
from airoles_tui.catalog.library import Link, entries, references, role_links


def _resolves(catalog, kind: str, target: str) -> bool:
    if kind == "role":
        return catalog.role(target) is not None
    return library.find(entries(catalog), library.doc_key(kind, target)) is not None


def test_every_reference_resolves(catalog):
    refs = list(references(catalog))
    assert len(refs) > 30  # the shipped catalog is full of them
    broken = [(where, kind, target) for where, kind, target in refs
              if not _resolves(catalog, kind, target)]
    assert broken == []


def test_every_link_the_ui_offers_resolves(catalog):
    docs = entries(catalog)
    links: list[Link] = [link for e in docs for link in e.links]
    links += [link for r in catalog.roles for link in role_links(catalog, r)]
    assert [lk for lk in links if not _resolves(catalog, lk.kind, lk.id)] == []


def test_every_reference_is_a_link_from_its_source(catalog):
    docs = {e.key: e for e in entries(catalog)}
    offered: set[tuple[str, str, str]] = set()  # (source key, kind, target)
    for e in docs.values():
        offered |= {(e.key, lk.kind, lk.id) for lk in e.links}
    for r in catalog.roles:
        offered |= {(f"role:{r.id}", lk.kind, lk.id) for lk in role_links(catalog, r)}
    source_key = {"role": "role", "case study": "case", "team structure": "team",
                  "pathway": "pathway", "era": "era"}
    missing = []
    for where, kind, target in references(catalog):
        what, ident = where.rsplit(" ", 2)[0], where.rsplit(" ", 2)[1]
        if (f"{source_key[what]}:{ident}", kind, target) not in offered:
            missing.append(where)
    assert missing == []


def test_links_run_both_ways_between_roles_and_documents(catalog):
    """A case study naming a role shows up among that role's related links, and so on."""
    for e in entries(catalog):
        for lk in e.links:
            if lk.kind == "role" and e.kind != "exercise":
                back = {(b.kind, b.id) for b in role_links(catalog, catalog.role(lk.id))}
                assert (e.kind, e.id) in back, (e.key, lk.id)
