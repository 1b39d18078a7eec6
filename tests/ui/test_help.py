"""Help (`?`): every key of the screen underneath, grouped by what it does, named as the footer
names it, without Textual's internals; `/` filters it; the designer's lists how to build a
plan with its real keys."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import Static, TabbedContent

import airoles_tui.ui as ui
from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.key_groups import GROUP_NAMES, ORDER
from airoles_tui.ui.panes import PANES
from airoles_tui.ui.screens.help import HelpScreen
from airoles_tui.ui.widgets.filter_bar import FilterBar

from .test_org_designer import focus_list, show_designer, wait_for

INTERNALS = ("Focus Next", "Focus Previous", "Page Left", "Page Right", "Copy selected text",
             "Scroll Left", "Scroll Right", "Cursor to parent", "Expand or collapse all",
             "Delete all to the left", "Move cursor left")


def declared() -> dict[str, tuple[str, Binding]]:
    """Every binding with an id that a class of the app declares: id -> (class, binding)."""
    for module in pkgutil.walk_packages(ui.__path__, "airoles_tui.ui."):
        importlib.import_module(module.name)

    def below(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from below(sub)

    found: dict[str, tuple[str, Binding]] = {}
    for cls in below(DOMNode):
        if cls.__module__.startswith("airoles_tui."):
            for binding in vars(cls).get("BINDINGS", ()):
                if isinstance(binding, Binding) and binding.id:
                    found.setdefault(binding.id, (cls.__qualname__, binding))
    return found


def test_every_binding_of_ours_is_in_one_group_and_every_grouped_id_exists():
    bindings = declared()
    missing = sorted(f"{ident} ({cls})" for ident, (cls, _b) in bindings.items()
                     if ident not in ORDER)
    assert not missing, f"bindings in no group of ui/key_groups.py: {missing}"
    stale = sorted(set(ORDER) - set(bindings))
    assert not stale, f"ids in ui/key_groups.py that no binding declares: {stale}"
    assert len(bindings) > 100  # the walk found the app's classes


def help_text(app) -> str:
    return app.screen.query_one("#help-text", Static).visual.plain


async def open_help(pilot) -> list[tuple[str, str, str]]:
    """Press ? and return the keys the screen underneath had: (id, key shown, description)."""
    app = pilot.app
    under = [(b.id, app.get_key_display(b), b.description)
             for b in (a.binding for a in app.screen.active_bindings.values()) if b.id]
    await pilot.press("question_mark")
    await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
    return under


def help_rows(app) -> list[tuple[list[str], str]]:
    """The key rows of the help shown: (its keys, description), from lines "   KEYS  TEXT"."""
    rows = []
    for line in help_text(app).splitlines():
        if line.startswith("   ") and "  " in line.strip():
            keys, description = re.split(r"\s{2,}", line.strip(), maxsplit=1)
            rows.append((keys.split(" / "), description))
    return rows


def assert_lists(app, under: list[tuple[str | None, str, str]]) -> None:
    rows = help_rows(app)
    for ident, key, description in under:
        assert any(key in keys and text == description for keys, text in rows), (
            ident, key, description, rows)
    text = help_text(app)
    for internal in INTERNALS:
        assert internal not in text
    box = app.screen.query_one("#help-text").content_size.width
    long = [line for line in text.splitlines() if len(line) > box]
    assert not long, f"lines that wrap in the {box} columns of help: {long}"


PANE_KEYS = {str(n): spec.id for n, spec in enumerate(PANES, start=1)}


async def pane_shown(pilot, pane_id: str) -> None:
    """Wait for a pane to be shown (made and built on a first visit) with focus in it."""
    app = pilot.app

    def shown() -> bool:
        pane = app.pane(pane_id)
        return (app.query_one("#panes", TabbedContent).active == pane_id and pane is not None
                and pane.built and app.focused is not None and app.focused in pane.query("*"))

    await wait_for(pilot, shown)


async def walk(pilot, keys: str) -> None:
    """Press ``keys``; a pane's number first waits for the pane, and the walk ends with a
    widget of the screen on top focused (the keys help lists are the focused widget's)."""
    app = pilot.app
    first, *rest = keys.split(",")
    await pilot.press(first)
    if first in PANE_KEYS:
        await pane_shown(pilot, PANE_KEYS[first])
    if rest:
        await pilot.press(*rest)
    await wait_for(pilot, lambda: app.focused is not None)


@pytest.mark.parametrize("keys, title", [
    ("1", "Roles"),
    ("1,enter,right", "Roles"),  # a role's card
    ("2", "Case studies"),
    ("2,enter", "Case studies"),  # the reader
    ("3", "Recommender"),
    ("t", "Roles compared"),
    ("p", "Pay at a glance"),
    ("1,s", "Key skills"),
    ("3,m,S,Q,L,enter,escape", "Skills matrix"),
])
async def test_help_lists_every_key_of_the_screen_under_it(catalog, keys, title):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await walk(pilot, keys)
        under = await open_help(pilot)
        assert help_text(app).startswith(f"Keys: {title}")
        assert_lists(app, under)


async def test_help_on_the_designer_lists_its_keys_and_how_to_build_a_plan(catalog, tmp_path):
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await show_designer(pilot)
        await focus_list(pilot)
        under = await open_help(pilot)
        assert_lists(app, under)
        text = help_text(app)
        steps = text.split("Build a plan\n", 1)[1].split("\n\n", 1)[0].splitlines()
        keys = [line.split()[1] for line in steps]
        assert keys == ["e", "a", "type", "type", "^n", "esc", "g", "v", "^s"], steps
        assert text.index("Build a plan") < text.index("Move")


async def test_help_names_keys_as_the_footer_does(catalog, tmp_path):
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        for pane in ("1", "4"):
            await pilot.press(pane)
            await pane_shown(pilot, PANE_KEYS[pane])

            def in_footer() -> set[str]:
                return {k.action for k in app.screen.query("FooterKey")}

            active = {b.action for _n, b, _e, _t in app.screen.active_bindings.values()
                      if b.show}
            await wait_for(pilot, lambda: active <= in_footer())  # the footer follows focus
            footer = [(k.key_display, k.description)
                      for k in app.screen.query("FooterKey") if k.description]
            assert len(footer) > 4
            await open_help(pilot)
            rows = {(keys[0], text) for keys, text in help_rows(app)}
            for key, description in footer:
                if description == "palette":  # the footer's short name for ^p
                    description = "Command palette: jump to anything, switch theme"
                assert (key, description) in rows, (key, description)
            await pilot.press("escape")


async def test_groups_by_what_keys_do_in_the_tables_order(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_help(pilot)
        text = help_text(app)
        headings = [line for line in text.splitlines() if line in GROUP_NAMES]
        assert headings == [g for g in GROUP_NAMES if g in headings]
        assert {"Move", "Open", "Find and sort", "Edit", "Panes", "Back and close"} <= set(
            headings)
        move = text.split("Move\n", 1)[1].split("\n\n", 1)[0].splitlines()
        assert move[0].split()[-1] == "Down" and move[1].split()[-1] == "Up"  # not a-z


async def test_slash_filters_the_keys_and_esc_clears_then_closes(catalog, tmp_path):
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await show_designer(pilot)
        await focus_list(pilot)
        await open_help(pilot)
        everything = help_text(app)
        await pilot.press("slash", *"save")  # one burst, as typed over SSH
        assert isinstance(app.focused, FilterBar)
        text = help_text(app)
        rows = [line for line in text.splitlines() if line.startswith(("   ", "9."))]
        assert rows and all("save" in line.lower() for line in rows), rows
        assert "   alt+s      Save as" in text and "Growth" not in text
        await pilot.press(*"xyzq")  # q types, it does not close
        assert isinstance(app.screen, HelpScreen)
        assert "No key matches 'savexyzq'" in help_text(app)
        await pilot.press("escape")  # clears the filter
        assert help_text(app) == everything and isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, HelpScreen))
