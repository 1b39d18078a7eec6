"""Every cross-reference can be followed on screen, and esc comes back from each one."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList, TabbedContent

from airoles_tui.catalog.library import SECTIONS, Link, entries, role_links
from airoles_tui.catalog.loader import load_catalog
from airoles_tui.paths import data_dir
from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.panes.cases import CasesPane
from airoles_tui.ui.panes.roles import RolesPane
from airoles_tui.ui.screens.reader import LinkList, LinksScreen

from .bracketed import NASTY, bracketed


def _arrived(app, link: Link) -> bool:
    if link.kind == "role":
        return (app.query_one("#panes", TabbedContent).active == "roles"
                and app.query_one(RolesPane).current_role.id == link.id)
    current = app.query_one(CasesPane).current
    return current is not None and current.key == link.key


# One test per kind of document and per family of roles, so pytest-xdist's workers share the
# walk; what the whole walk covers is checked once, on the catalog.
KINDS = [kind for kind, _, _ in SECTIONS]
FAMILIES = [family.id for family in load_catalog(data_dir()).families]


def test_the_walks_cover_every_document_role_and_kind_of_link(catalog):
    assert {entry.kind for entry in entries(catalog)} <= set(KINDS)
    assert {role.family for role in catalog.roles} <= set(FAMILIES)
    followed = {entry.links[-1].kind for entry in entries(catalog) if entry.links}
    assert followed == {"role", "team", "case"}
    followed = {link.kind for role in catalog.roles for link in followed_from(catalog, role)}
    assert followed == {"role", "case", "team", "pathway", "era"}


@pytest.mark.parametrize("kind", KINDS)
async def test_every_document_lists_its_links_and_they_can_be_followed(catalog, kind):
    """Each document's link list holds all its references; from each, its last link is
    followed with the keys and esc brings the reader back."""
    app = AiRolesApp(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(CasesPane)
        for entry in [e for e in entries(catalog) if e.kind == kind]:
            pane.open(entry.key)
            await pilot.pause()
            links = app.query_one(LinkList)
            assert [o.id for o in links.options] == [lk.key for lk in entry.links]
            if not entry.links:
                assert links.option_count == 0
                title = app.query_one("#reader-links-title").visual.plain
                assert title == "Nothing else in the catalog is named here."
                continue
            await pilot.press("l", "end", "enter")
            assert _arrived(app, entry.links[-1]), entry.key
            await pilot.press("escape")
            assert pane.current.key == entry.key
            assert isinstance(app.focused, LinkList)


def followed_from(catalog, role) -> list[Link]:
    """The links of ``role`` the walk follows: every role-to-role one (the catalog's
    differs_from), and a document link when it is the first of its kind in catalog order
    (the documents' own links are followed above)."""
    seen: set[str] = set()
    for earlier in catalog.roles:
        chosen = []
        for link in role_links(catalog, earlier):
            if link.kind == "role" or link.kind not in seen:
                chosen.append(link)
                seen.add(link.kind)
        if earlier.id == role.id:
            return chosen
    raise KeyError(role.id)


@pytest.mark.parametrize("family", FAMILIES)
async def test_every_role_offers_its_links_and_they_can_be_followed(catalog, family):
    """Every role lists all its links; those ``followed_from`` picks are followed."""
    app = AiRolesApp(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        roles = app.query_one(RolesPane)
        for role in [r for r in catalog.roles if r.family == family]:
            links = role_links(catalog, role)
            roles.show_role(role.id)
            await pilot.press("g")
            assert isinstance(app.screen, LinksScreen)
            options = app.screen.query_one(OptionList)
            assert [o.id for o in options.options] == [lk.key for lk in links]
            to_follow = followed_from(catalog, role)
            if not to_follow:
                await pilot.press("escape")
                assert not isinstance(app.screen, LinksScreen)
            for n, link in enumerate(to_follow):
                if n:  # the first is followed from the list just checked
                    await pilot.press("g")
                app.screen.query_one(OptionList).highlighted = links.index(link)
                await pilot.press("enter")
                assert _arrived(app, link), (role.id, link)
                await pilot.press("escape")
                assert roles.current_role.id == role.id


async def test_related_links_show_bracketed_names_literally(catalog):
    app = AiRolesApp(bracketed(catalog))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")  # AI Research Scientist: neighbours, pathway, eras
        assert isinstance(app.screen, LinksScreen)
        prompts = [str(o.prompt) for o in app.screen.query_one(OptionList).options]
        assert prompts and all(NASTY in p for p in prompts)
        await pilot.press("enter")
        assert not isinstance(app.screen, LinksScreen)
