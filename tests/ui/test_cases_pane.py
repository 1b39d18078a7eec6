"""Pilot tests of the Case studies pane: list, reader, filter, links and the back stack."""

from __future__ import annotations

from textual.widgets import TabbedContent

from airoles_tui.catalog.library import role_links
from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.panes.cases import CasesPane, DocList
from airoles_tui.ui.panes.roles import RoleCard, RoleTree
from airoles_tui.ui.screens.reader import LinkList, ReaderBody

from .bracketed import NASTY, bracketed
from .widget_app import paste


def reader_text(app) -> str:
    return app.query_one(ReaderBody).plain


def list_ids(app) -> list[str]:
    return [o.id for o in app.query_one(DocList).options if not o.disabled]


def active(app) -> str:
    return app.query_one("#panes", TabbedContent).active


async def test_key_2_opens_the_library_on_the_first_case_study(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        assert active(app) == "cases"
        assert isinstance(app.focused, DocList)
        assert len(list_ids(app)) == 4 + 3 + 4 + 5 + 3
        assert list_ids(app)[:4] == ["case:search-to-generation", "case:palantir-ukraine",
                                     "case:spotify-ml", "case:scale-ai"]
        text = reader_text(app)
        assert text.startswith("From Search to Generation: How Foundation Models")
        assert "Tags: LLM · Production · API Integration" in text
        assert "Integration surface area reduced by 80%" in text


async def test_moving_shows_each_document_and_enter_reads_it(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "down", "j")
        assert reader_text(app).startswith("Spotify's ML Team Structure")
        await pilot.press("down", "down")  # past the next section's heading
        assert reader_text(app).startswith("1. Centralised AI Team")
        assert "Fewer than 10 ML practitioners" in reader_text(app)
        await pilot.press("enter")
        assert isinstance(app.focused, ReaderBody)
        await pilot.press("escape")  # nothing to go back to: esc returns to the list
        assert isinstance(app.focused, DocList)


async def test_the_reader_scrolls_with_the_keyboard(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "enter")
        body = app.query_one(ReaderBody)
        assert body.scroll_y == 0 and body.max_scroll_y > 0
        await pilot.press("down", "j", "pagedown")
        assert body.scroll_y > 2
        await pilot.press("home")
        assert body.scroll_y == 0


async def test_every_kind_of_document_renders(catalog):
    app = AiRolesApp(catalog, lazy_panes=True, start_pane="cases")
    expected = {
        "pathway:swe-to-mle": "Take ML courses (fast.ai, Stanford CS229/CS231n)",
        "era:expert-systems": "XCON at Digital Equipment Corporation",
        "exercise:design-ai-org": "budget for 15 AI/ML hires",
        "team:hub-and-spoke": "Google, Meta, Spotify, Uber",
    }
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(CasesPane)
        for key, phrase in expected.items():
            assert pane.open(key)
            await pilot.pause()
            assert phrase in reader_text(app), key
        assert not pane.open("case:nope")


async def test_filter_matches_titles_tags_and_text(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "slash", *"hub-and")
        # a tag, a title, and an exercise that names the model in its questions
        assert list_ids(app) == ["case:spotify-ml", "team:hub-and-spoke",
                                 "exercise:interview-ai-team"]
        await pilot.press("enter")
        assert isinstance(app.focused, DocList)
        await pilot.press("slash")
        await paste(pilot, " hendrix")  # a word of the case study's body
        assert list_ids(app) == ["case:spotify-ml"]
        await pilot.press("escape")
        assert len(list_ids(app)) == 19
        assert isinstance(app.focused, DocList)
        await pilot.press("slash")
        await paste(pilot, "zzzz")
        assert list_ids(app) == []
        assert "Nothing matches" in reader_text(app)


async def test_a_link_goes_to_the_role_and_esc_comes_back(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "down", "enter", "l")  # Palantir's case study, its links
        assert isinstance(app.focused, LinkList)
        await pilot.press("enter")
        assert active(app) == "roles"
        assert app.query_one("RolesPane").current_role.id == "forward-deployed-engineer"
        assert isinstance(app.focused, RoleTree)
        await pilot.press("escape")
        assert active(app) == "cases"
        assert reader_text(app).startswith("Palantir's Forward Deployed Engineers")
        assert isinstance(app.focused, LinkList)  # exactly where the user was
        await pilot.press("escape")  # history is empty now: back to the list
        assert isinstance(app.focused, DocList)


async def test_backspace_and_alt_left_go_back_too(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down")  # Applied Scientist in the Roles pane
        app.show_document("case:spotify-ml")
        await pilot.pause()
        pane = app.query_one(CasesPane)  # made by the first document shown in it
        app.show_document("team:centralised")
        await pilot.pause()
        assert pane.current.key == "team:centralised"
        await pilot.press("backspace")
        assert pane.current.key == "case:spotify-ml"
        assert isinstance(app.focused, ReaderBody)
        await pilot.press("alt+left")
        assert active(app) == "roles"
        assert app.query_one("RolesPane").current_role.id == "applied-scientist"
        assert isinstance(app.focused, RoleTree)
        await pilot.press("backspace")  # nothing left: nothing happens
        assert active(app) == "roles"


async def test_a_document_link_stays_in_the_pane_and_esc_returns(catalog):
    app = AiRolesApp(catalog, lazy_panes=True, start_pane="cases")
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(CasesPane)
        await pilot.press("2", "down", "down", "enter", "l", "down", "down", "enter")
        assert pane.current.key == "team:hub-and-spoke"  # Spotify -> its team structure
        assert isinstance(app.focused, ReaderBody)
        await pilot.press("escape")
        assert pane.current.key == "case:spotify-ml"


async def test_a_filter_hiding_the_target_is_cleared(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "slash")
        await paste(pilot, "palantir")
        await pilot.press("enter")
        assert list_ids(app) == ["case:palantir-ukraine", "case:scale-ai", "era:llm-era"]
        app.show_document("pathway:analytics-to-ds")
        await pilot.pause()
        assert len(list_ids(app)) == 19
        assert reader_text(app).startswith("From Analytics/Business to Data Scientist")
        assert isinstance(app.focused, ReaderBody)


async def test_catalog_text_is_shown_literally(catalog):
    app = AiRolesApp(bracketed(catalog), lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        assert reader_text(app).startswith(NASTY)
        assert f"Tags: {NASTY}" in reader_text(app)
        await pilot.press("enter", "l")
        links = [str(o.prompt) for o in app.query_one(LinkList).options]
        assert all(NASTY in link for link in links)
        await pilot.press("enter")
        assert active(app) == "roles"
        await pilot.press("2", "slash", *"[bold]")
        assert len(list_ids(app)) == 19  # every title carries it


async def test_nothing_breaks_at_60x20(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("2", "down", "enter", "pagedown", "l", "enter")  # to a role
        await pilot.press("escape", "escape", "p", "n", "escape")
        await pilot.press("1", "space", "down", "space", "c", "pagedown", "escape")
        role = app.query_one("RolesPane").current_role
        await pilot.press("g", "enter")  # the role's first related link
        first = role_links(catalog, role)[0]
        if first.kind == "role":
            assert app.query_one("RolesPane").current_role.id == first.id
        else:
            assert app.query_one(CasesPane).current.key == first.key
        assert len(app.navigator) == 1


async def test_a_link_to_a_role_hidden_by_the_roles_filter_lands_on_it(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        await paste(pilot, "kubernetes")
        await pilot.press("enter")  # FDE is filtered out
        app.show_document("case:palantir-ukraine")
        await pilot.pause()
        await pilot.press("l", "enter")
        await pilot.pause()
        assert app.query_one("RolesPane").current_role.id == "forward-deployed-engineer"
        assert isinstance(app.focused, RoleTree)


async def test_esc_in_a_pane_reached_by_its_number_stays_in_it(catalog):
    # A new user: 2, open Palantir, follow its link to the FDE, press 3, press esc: they
    # landed in Case studies, walking the back history of panes they had left by number.
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "down", "enter", "l", "enter")  # Palantir -> the FDE
        assert active(app) == "roles"
        await pilot.press("3")
        assert active(app) == "recommender"
        assert app.check_action("back", ()) is False  # no "esc Back" in the footer here
        await pilot.press("escape")
        assert active(app) == "recommender"
        await pilot.press("1")  # back where the link led: there, esc goes back across it
        assert app.query_one("RolesPane").current_role.id == "forward-deployed-engineer"
        await pilot.press("escape")
        assert active(app) == "cases"
        assert reader_text(app).startswith("Palantir's Forward Deployed Engineers")


async def test_going_back_to_a_document_restores_where_it_was_scrolled_to(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        body = app.query_one(ReaderBody)
        await pilot.press("down", "down", "enter", "pagedown")  # Spotify, a page down
        left_at = body.scroll_y
        assert left_at > 0
        await pilot.press("l", "down", "down", "enter")  # to its team structure, same pane
        assert app.query_one(CasesPane).current.key == "team:hub-and-spoke"
        await pilot.press("escape")
        await pilot.pause()
        assert app.query_one(CasesPane).current.key == "case:spotify-ml"
        assert body.scroll_y == left_at
        await pilot.press("l", "enter")  # to a role, in the Roles pane
        assert active(app) == "roles"
        await pilot.press("escape")
        await pilot.pause()
        assert active(app) == "cases"
        assert body.scroll_y == left_at


async def test_going_back_to_a_role_restores_where_its_card_was_scrolled_to(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        card = app.query_one(RoleCard)
        app.query_one("RolesPane").show_role("ml-engineer")
        await pilot.press("enter", "pagedown")  # into the MLE's card, a page down
        left_at = card.scroll_y
        assert left_at > 0
        await pilot.press("g", "enter")  # its first related link
        assert app.navigator.can_go_back()
        await pilot.press("escape")
        await pilot.pause()
        assert active(app) == "roles"
        assert app.query_one("RolesPane").current_role.id == "ml-engineer"
        assert card.scroll_y == left_at
