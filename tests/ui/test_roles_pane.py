"""Pilot tests of the Roles pane: tree, card, filter, comparison table, help."""

from __future__ import annotations

import dataclasses

from textual.widgets import DataTable, Static

from airoles_tui.catalog.records import Catalog
from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.panes.roles import RoleCard, RolesPane, RoleTree
from airoles_tui.ui.screens.help import HelpScreen
from airoles_tui.ui.screens.table import ComparisonScreen
from airoles_tui.ui.widgets.filter_bar import FilterBar

ALL_ROLES = [
    "AI Research Scientist", "Research Engineer", "Applied Scientist", "ML Engineer",
    "Forward Deployed Engineer", "Data Engineer", "MLOps / LLMOps Engineer", "Prompt Engineer",
    "Data Scientist", "AI Product Manager", "AI Safety Researcher", "AI Ethics Specialist",
]


def visible_labels(app) -> list[str]:
    tree = app.query_one(RoleTree)
    return [str(tree.get_node_at_line(n).label) for n in range(tree.last_line + 1)]


def role_labels(app) -> list[str]:
    tree = app.query_one(RoleTree)
    return [str(n.label) for f in tree.root.children for n in f.children]


def card_text(app) -> str:
    return app.query_one(RoleCard).plain


async def test_opens_on_the_whole_tree_focused(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.focused, RoleTree)
        assert visible_labels(app) == [
            "Research & Science", *ALL_ROLES[:3], "Engineering & Production", *ALL_ROLES[3:8],
            "Data Science, Product & Strategy", *ALL_ROLES[8:]]
        assert app.query_one(RoleTree).cursor_node.data.id == "ai-research-scientist"
        card = card_text(app)
        assert "$200,000 – $500,000+ a year" in card
        assert "can exceed $700K" in card


async def test_arrows_and_vim_keys_move_and_the_card_follows(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down")
        assert card_text(app).startswith("Research Engineer")
        await pilot.press("j", "j")  # past the last research role onto the next family
        assert card_text(app).startswith("Engineering & Production")
        await pilot.press("j")
        assert card_text(app).startswith("ML Engineer (MLE)")
        assert "$150,000 – $350,000 a year" in card_text(app)
        await pilot.press("k", "up")
        assert card_text(app).startswith("Applied Scientist")


async def test_enter_reads_the_card_and_escape_returns(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        body = app.query_one("#roles-body")
        await pilot.press("enter")
        assert app.focused.id == "role-card"
        assert body.has_class("-card-focused")  # the line beside the card takes the accent
        await pilot.press("escape")
        assert isinstance(app.focused, RoleTree)
        assert not body.has_class("-card-focused")


async def test_filter_narrows_by_skill_and_escape_clears(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        assert isinstance(app.focused, FilterBar)
        await pilot.press(*"kubernetes")
        # The article lists Kubernetes for these three roles only.
        assert role_labels(app) == ["Research Engineer", "ML Engineer", "MLOps / LLMOps Engineer"]
        assert "3 of 12 roles match" in app.query_one("#roles-status").visual.plain
        await pilot.press("down")  # back to the list, filter kept
        assert isinstance(app.focused, RoleTree)
        assert len(role_labels(app)) == 3
        await pilot.press("slash", "escape")
        assert role_labels(app) == ALL_ROLES
        assert isinstance(app.focused, RoleTree)


async def test_filter_with_no_match_says_so(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"zzz")
        assert role_labels(app) == []
        assert "No role matches · esc clears" in app.query_one("#roles-status").visual.plain


async def test_digit_and_letter_keys_type_into_the_filter(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", "q", "t", "1")
        assert app.is_running
        assert app.query_one(FilterBar).value == "qt1"
        assert not isinstance(app.screen, ComparisonScreen)


async def test_comparison_table_sorts_and_opens_a_role(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        assert isinstance(app.screen, ComparisonScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 12
        first = lambda: str(table.get_row_at(0)[0])  # noqa: E731
        assert first() == "AI Ethics Specialist *"  # by name
        await pilot.press("s")  # by low end: the article's lowest floor is $100K
        assert first() == "Prompt Engineer"
        await pilot.press("r")
        assert first() == "AI Research Scientist"
        await pilot.press("s")  # by high end, descending: $500K+
        assert first() == "AI Research Scientist"
        # The cursor stays on the role it was on (the first by name) through every sort.
        assert app.screen.current_role_id == "ai-ethics-specialist"
        assert str(table.get_row_at(table.cursor_row)[2]).strip() == "400"
        await pilot.press("down", "enter")  # the next lower ceiling: ML Engineer's $350K
        assert not isinstance(app.screen, ComparisonScreen)
        assert app.query_one(RoleTree).cursor_node.data.id == "ml-engineer"


async def test_help_lists_the_live_bindings(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one("#help-text", Static).visual.plain
        for expected in ("/  ", "Filter", "Quit", "Table", "^p"):
            assert expected in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_q_quits(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


def bracketed(catalog: Catalog) -> Catalog:
    roles = list(catalog.roles)
    roles[0] = roles[0]._replace(
        name="[bold]Chief[/] [link=x]Officer[/link]",
        key_skills=("[/]", "[red]not red"), summary="ESC \x1b[31m here")
    return dataclasses.replace(catalog, roles=tuple(roles), _role_index={})


async def test_catalog_text_is_shown_literally(catalog):
    app = AiRolesApp(bracketed(catalog), lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert role_labels(app)[0] == "[bold]Chief[/] [link=x]Officer[/link]"
        card = card_text(app)
        assert card.startswith("[bold]Chief[/] [link=x]Officer[/link]")
        assert "• [/]" in card and "• [red]not red" in card
        assert "ESC \u241b[31m here" in card  # the escape is made visible, never sent
        await pilot.press("t")
        assert str(app.screen.query_one(DataTable).get_row_at(0)[0]).startswith("[bold]")


async def test_filter_finds_what_the_card_shows(catalog):
    # A new user filtered for "RAG" and "drift": the MLOps / LLMOps card says "RAG
    # infrastructure" and "drift detection", and the filter found nothing.
    import re

    from airoles_tui.ui.panes.role_card import role_card

    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"rag")
        assert "MLOps / LLMOps Engineer" in role_labels(app)
        await pilot.press(*["backspace"] * 3, *"drift")
        assert "MLOps / LLMOps Engineer" in role_labels(app)
        pane = app.query_one(RolesPane)
        for role in catalog.roles:
            card = role_card(catalog, role).plain.split("\nProvenance\n")[0]
            lines = card.splitlines()
            headings = {"Primary focus", "2026 compensation", "Day-to-day", "Focus areas",
                        "Key skills", "Typical background", "Key challenges",
                        "How it differs from its neighbours", "Path in", "Why it matters",
                        "Career insight", "Future trajectory", "Example contribution",
                        "Tools named", "Where this role works", "Case studies"}
            text = "\n".join(line for line in lines
                             if line.split("  ◇")[0] not in headings)
            text = text.replace("◇ ours: the link to this role", "").replace("◇ ours", "")
            for word in set(re.findall(r"[^\W_]{3,}", text)):
                assert role in pane.matching(word), (role.id, word)
