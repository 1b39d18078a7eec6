"""Every cross-reference can be followed on screen, and esc comes back from each one."""

from __future__ import annotations

from textual.widgets import OptionList, TabbedContent

from airoles_tui.catalog.library import Link, entries, role_links
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


async def test_every_document_lists_its_links_and_they_can_be_followed(catalog):
    """Each document's link list holds all its references; from each, its last link is
    followed with the keys and esc brings the reader back (every kind of target is covered)."""
    app = AiRolesApp(catalog)
    kinds_followed: set[str] = set()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(CasesPane)
        for entry in entries(catalog):
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
            kinds_followed.add(entry.links[-1].kind)
    assert kinds_followed == {"role", "team", "case"}


async def test_every_role_offers_its_links_and_they_can_be_followed(catalog):
    """Every role lists all its links; the role-to-role ones (the catalog's differs_from) and
    one of each kind of document are followed (the documents' own links are followed above)."""
    app = AiRolesApp(catalog)
    kinds_followed: set[str] = set()
    async with app.run_test(size=(80, 24)) as pilot:
        roles = app.query_one(RolesPane)
        for role in catalog.roles:
            links = role_links(catalog, role)
            roles.show_role(role.id)
            await pilot.press("g")
            assert isinstance(app.screen, LinksScreen)
            options = app.screen.query_one(OptionList)
            assert [o.id for o in options.options] == [lk.key for lk in links]
            await pilot.press("escape")
            for n, link in enumerate(links):
                if link.kind != "role" and link.kind in kinds_followed:
                    continue
                await pilot.press("g")
                app.screen.query_one(OptionList).highlighted = n
                await pilot.press("enter")
                assert _arrived(app, link), (role.id, link)
                await pilot.press("escape")
                assert roles.current_role.id == role.id
                kinds_followed.add(link.kind)
    assert kinds_followed == {"role", "case", "team", "pathway", "era"}


async def test_related_links_show_bracketed_names_literally(catalog):
    app = AiRolesApp(bracketed(catalog))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")  # AI Research Scientist: neighbours, pathway, eras
        assert isinstance(app.screen, LinksScreen)
        prompts = [str(o.prompt) for o in app.screen.query_one(OptionList).options]
        assert prompts and all(NASTY in p for p in prompts)
        await pilot.press("enter")
        assert not isinstance(app.screen, LinksScreen)
