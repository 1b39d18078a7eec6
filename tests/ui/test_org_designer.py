"""Pilot tests of the Org designer: build a plan from the keyboard, save, reopen, lose nothing."""

from __future__ import annotations

import os
from pathlib import Path

from textual.widgets import Input, Select, Static, TabbedContent

from airoles_tui.paths import example_plans_dir
from airoles_tui.plan.file_format import load_plan
from airoles_tui.plan.model import Hire, OrgPlan
from airoles_tui.plan.recovery import write_recovery
from airoles_tui.plan.store import save_plan
from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.panes.hire_editor import HireEditor, HireList
from airoles_tui.ui.panes.org import OrgPane
from airoles_tui.ui.screens.dialogs import (
    ChoiceScreen,
    OpenPlanScreen,
    ProblemsScreen,
    SaveAsScreen,
)
from airoles_tui.ui.screens.help import HelpScreen

from .widget_app import palette_hits, paste, wait_for

EXAMPLE = example_plans_dir() / "series-b-legal.toml"
TYPED = "[/] [link=x]法律 \x1b"  # markup look-alikes, CJK and an escape character


def pane(app) -> OrgPane:
    return app.query_one(OrgPane)


def text_of(app, selector: str) -> str:
    return app.screen.query_one(selector, Static).visual.plain


async def closed(pilot) -> None:
    """Wait until every dialog is gone (dismissing one takes a moment)."""
    await wait_for(pilot, lambda: len(pilot.app.screen_stack) == 1)


async def show_designer(pilot) -> None:
    """Key 4, then wait for the hire list to have focus (it is where the keys go)."""
    await pilot.press("4")
    await wait_for(pilot, lambda: focused_id(pilot) == "org-hires")


async def add_hire(pilot) -> None:
    """Show the designer, add a hire (the form opens on it) and go back to the list."""
    await show_designer(pilot)
    await pilot.press("a")
    await wait_for(pilot, lambda: isinstance(pilot.app.focused, Select))
    await pilot.press("escape")
    await wait_for(pilot, lambda: isinstance(pilot.app.focused, HireList))


async def focus_list(pilot) -> None:
    """Put focus on the hire list once the designer is whole (its form is mounted after the
    first frame: a key before that finds no form), again if start-up focus moves (tabs
    settle) take it."""
    def there() -> bool:
        if not pane(pilot.app).built:
            return False
        if isinstance(pilot.app.focused, HireList):
            return True
        pilot.app.query_one(HireList).focus()
        return False

    await wait_for(pilot, there)


def focused_id(pilot) -> str | None:
    return getattr(pilot.app.focused, "id", None)


async def press_to(pilot, key: str, widget_id: str) -> None:
    """Press a key that moves focus, and wait until it has arrived (focus moves are queued)."""
    await pilot.press(key)
    await wait_for(pilot, lambda: focused_id(pilot) == widget_id)


async def new_hire_title(pilot) -> None:
    """Add a hire and go to its title field (the last one)."""
    await press_to(pilot, "a", "hire-role")
    for field in ("hire-seniority", "hire-start", "hire-team", "hire-deliverable_90_days",
                  "hire-rationale", "hire-title"):
        await press_to(pilot, "tab", field)


async def type_text(pilot, text: str) -> None:
    """Type ``text`` key by key (Pilot waits for the app after each)."""
    await pilot.press(*text)


def opened_example(tmp_path: Path):
    path = tmp_path / "plans" / "legal.toml"
    path.parent.mkdir(parents=True)
    path.write_bytes(EXAMPLE.read_bytes())
    return load_plan(path)


async def test_build_a_plan_from_blank_save_and_reopen(catalog, tmp_path):
    plans = tmp_path / "plans"
    app = AiRolesApp(catalog, plans_dir=plans, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await show_designer(pilot)
        assert app.query_one("#panes", TabbedContent).active == "org"
        assert pane(app).doc.plan.hires == []
        await press_to(pilot, "a", "hire-role")  # add: the form opens on the role
        await type_text(pilot, "data")  # type to search: Data Engineer
        await press_to(pilot, "enter", "hire-seniority")  # a choice moves on
        await wait_for(pilot, lambda: pane(app).doc.plan.hires[0].role == "data-engineer")
        await press_to(pilot, "tab", "hire-start")
        await pilot.press("backspace")
        await type_text(pilot, "Q2")
        await press_to(pilot, "tab", "hire-team")
        await type_text(pilot, "Hub")
        await press_to(pilot, "tab", "hire-deliverable_90_days")
        await type_text(pilot, "Pipelines")
        await pilot.press("enter")
        await type_text(pilot, "[link=x] done")
        await press_to(pilot, "tab", "hire-rationale")
        await press_to(pilot, "tab", "hire-title")  # the optional title comes last
        await type_text(pilot, "Founding [/] DE")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.focused, HireList))
        await press_to(pilot, "a", "hire-role")  # a second hire after the first
        await press_to(pilot, "escape", "org-hires")
        assert len(pane(app).doc.plan.hires) == 2
        hire = pane(app).doc.plan.hires[0]
        assert (hire.role, hire.title, hire.start, hire.team, hire.deliverable_90_days) == (
            "data-engineer", "Founding [/] DE", 4, "Hub", "Pipelines\n[link=x] done")
        assert "unsaved changes" in text_of(app, "#org-header")
        await pilot.press("ctrl+s")  # first save asks for a name
        await wait_for(pilot, lambda: isinstance(app.screen, SaveAsScreen))
        assert app.screen.query_one(Input).value == "series-b-ai-org.toml"
        await pilot.press("ctrl+u")
        await type_text(pilot, "mine")
        await pilot.press("enter")
        await wait_for(pilot, lambda: not pane(app).doc.dirty)
        saved = pane(app).doc.plan.copy()
    assert load_plan(plans / "mine.toml").document == saved
    assert not list((plans / ".recovery").glob("*.toml"))

    app = AiRolesApp(catalog, plans_dir=plans, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await show_designer(pilot)
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: isinstance(app.screen, OpenPlanScreen))
        await pilot.press("down", "down", "enter")  # blank, the example, then our plan
        await wait_for(pilot, lambda: pane(app).doc.path == plans / "mine.toml")
        assert pane(app).doc.plan == saved
        assert app.query_one("#hire-title", Input).value == "Founding [/] DE"


async def test_delete_undo_and_move(catalog, tmp_path):
    loaded = opened_example(tmp_path)
    app = AiRolesApp(catalog, plans_dir=loaded.path.parent, initial_plan=loaded,
                     start_pane="org", lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: pane(app).selected == 0)
        await focus_list(pilot)
        roles = [h.role for h in loaded.document.hires]
        await pilot.press("down", "d")
        assert [h.role for h in pane(app).doc.plan.hires] == roles[:1] + roles[2:]
        await pilot.press("u")
        assert [h.role for h in pane(app).doc.plan.hires] == roles
        await pilot.press("right_square_bracket")  # hire 2 one later
        assert [h.role for h in pane(app).doc.plan.hires][1:3] == [roles[2], roles[1]]
        assert pane(app).selected == 2
        await pilot.press("alt+up", "alt+up")
        assert [h.role for h in pane(app).doc.plan.hires][:3] == [roles[1], roles[0], roles[2]]
        await pilot.press("left_square_bracket")  # already first: stays
        assert pane(app).selected == 0


async def test_moving_through_the_list_changes_nothing(catalog, tmp_path):
    loaded = opened_example(tmp_path)
    app = AiRolesApp(catalog, plans_dir=loaded.path.parent, initial_plan=loaded,
                     start_pane="org", lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: pane(app).selected == 0)
        await focus_list(pilot)
        await pilot.press(*["down"] * 14, *["up"] * 7)
        await pilot.pause()
        assert pane(app).selected == 7
        assert pane(app).doc.plan == loaded.document and not pane(app).doc.dirty
        assert app.query_one("#hire-title", Input).value == loaded.document.hires[7].title


async def test_quit_with_unsaved_changes_asks_first(catalog, tmp_path):
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await add_hire(pilot)
        await pilot.press("q")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("c")  # cancel: still here, still unsaved
        await wait_for(pilot, lambda: not isinstance(app.screen, ChoiceScreen))
        assert app.is_running and pane(app).doc.dirty
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await wait_for(pilot, lambda: list((tmp_path / ".recovery").glob("*.toml")))
        await pilot.press("d")  # discard: the app ends and the recovery copy goes
    assert not app.is_running
    assert not list((tmp_path / ".recovery").glob("*.toml"))


async def test_quit_when_saved_does_not_ask(catalog, tmp_path):
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await show_designer(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running


async def test_every_edit_reaches_the_recovery_copy(catalog, tmp_path):
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await show_designer(pilot)
        org = pane(app)
        delays: list[float] = []
        real_set_timer = org.set_timer

        def spy(delay, callback, **kwargs):
            delays.append(delay)
            return real_set_timer(delay, callback, **kwargs)

        org.set_timer = spy  # type: ignore[method-assign]
        await new_hire_title(pilot)
        await type_text(pilot, TYPED.replace("\x1b", ""))
        assert delays and max(delays) <= 1.0  # each copy is due within a second of an edit
        copies = lambda: list((tmp_path / ".recovery").glob("*.toml"))  # noqa: E731
        await wait_for(pilot, lambda: copies() and load_plan(copies()[0]).document.hires[0].title
                       == TYPED.replace("\x1b", ""))
        await wait_for(pilot, lambda: not org.copies.scheduled)  # idle: nothing scheduled


async def test_restore_offered_at_launch(catalog, tmp_path):
    source = tmp_path / "p.toml"
    stamp = save_plan(OrgPlan(name="saved", hires=[Hire("ml-engineer")]), source, None)
    edited = OrgPlan(name=TYPED, hires=[Hire("ml-engineer", title=TYPED), Hire("wizard")])
    left = tmp_path / ".recovery" / "session-20200101T000000-999999999.toml"
    write_recovery(edited, left, source, stamp)
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        assert "Restore unsaved plan" in text_of(app, ".dialog-title") + text_of(
            app, ".dialog-body Static")
        assert TYPED.replace("\x1b", "\u241b") in text_of(app, ".dialog-body Static")
        await pilot.press("r")
        await wait_for(pilot, lambda: pane(app).doc.dirty)
        assert pane(app).doc.plan == edited and pane(app).doc.path == source
        assert app.query_one("#panes", TabbedContent).active == "org"
        assert not left.exists() and len(list(left.parent.glob("*.toml"))) == 1
        # The unknown role is kept and flagged, and the text shows exactly as typed.
        assert "wizard (unknown)" in app.query_one(HireList).options[1].prompt.plain
        assert text_of(app, "#org-header").startswith(TYPED.replace("\x1b", "\u241b"))
        await pilot.press("ctrl+s")  # the file is as it was: saved without a question
        await wait_for(pilot, lambda: not pane(app).doc.dirty)
    assert load_plan(source).document == edited


async def test_discard_recovery_at_launch(catalog, tmp_path):
    left = tmp_path / ".recovery" / "session-20200101T000000-999999999.toml"
    write_recovery(OrgPlan(name="x"), left, None, None)
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("d")
        await wait_for(pilot, lambda: not left.exists())
        assert pane(app).doc.plan.name == "Series B AI org"


async def save_named(pilot, name: str) -> None:
    """ctrl+s on a plan not saved yet: the name asked for, typed over the proposed one."""
    app = pilot.app
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: isinstance(app.screen, SaveAsScreen))
    await pilot.press("ctrl+u")
    await paste(pilot, name)  # the name's keys are test_build_a_plan_from_blank_save_and_reopen's
    await pilot.press("enter")
    await wait_for(pilot, lambda: not pane(app).doc.dirty)


async def first_save_refused(pilot, app) -> str:
    """ctrl+s on a new plan, accept the proposed name, and return the refusal's text."""
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: isinstance(app.screen, SaveAsScreen))
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, ProblemsScreen))
    return app.screen.query_one("#problems-body Static", Static).visual.plain


async def test_save_into_an_unwritable_folder_keeps_the_plan(catalog, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the plans folder should be")
    app = AiRolesApp(catalog, plans_dir=blocker / "plans", lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await add_hire(pilot)
        body = await first_save_refused(pilot, app)
        assert "could not save" in body and "not a folder" in body
        assert "could not be written either" in body  # honest about the recovery copy
        await pilot.press("escape")
        assert pane(app).doc.dirty and len(pane(app).doc.plan.hires) == 1


async def test_full_disk_keeps_plan_in_memory_and_recovery(catalog, tmp_path, monkeypatch):
    from airoles_tui.documents import store

    real = store.write_atomic

    def full(path, data, *, durable=True):
        if ".recovery" not in str(path):
            raise store.SaveError(f"could not save {path}: the disk is full")
        return real(path, data, durable=durable)

    monkeypatch.setattr("airoles_tui.documents.store.write_atomic", full)
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await add_hire(pilot)
        body = await first_save_refused(pilot, app)
        assert "the disk is full" in body and "nothing is lost" in body
        copies = list((tmp_path / ".recovery").glob("*.toml"))
        assert len(copies) == 1 and len(load_plan(copies[0]).document.hires) == 1


async def test_file_changed_on_disk_asks(catalog, tmp_path):
    loaded = opened_example(tmp_path)
    app = AiRolesApp(catalog, plans_dir=loaded.path.parent, initial_plan=loaded,
                     start_pane="org", lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: pane(app).selected == 0)
        await focus_list(pilot)
        await pilot.press("d")
        other = OrgPlan(name="another session's save")
        save_plan(other, loaded.path, loaded.stamp)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        assert "changed on disk" in text_of(app, ".dialog-body Static")
        await pilot.press("c")
        await wait_for(pilot, lambda: not isinstance(app.screen, ChoiceScreen))
        assert load_plan(loaded.path).document == other and pane(app).doc.dirty
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("o")
        await wait_for(pilot, lambda: not pane(app).doc.dirty)
        assert len(load_plan(loaded.path).document.hires) == 14


async def test_open_a_bad_file_shows_why_and_changes_nothing(catalog, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("format_version = 99\n")
    before = (bad.read_bytes(), bad.stat().st_mtime_ns)
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await show_designer(pilot)
        await pilot.press("ctrl+o")
        await pilot.press("down", "down", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ProblemsScreen))
        body = app.screen.query_one("#problems-body Static", Static).visual.plain
        assert "newer than this airoles-tui" in body and "not changed" in body
    assert (bad.read_bytes(), bad.stat().st_mtime_ns) == before


async def test_plan_details_growth_and_analysis(catalog, tmp_path):
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await show_designer(pilot)
        await pilot.press("e")
        assert app.focused.id == "plan-name"
        await pilot.press("ctrl+u")
        await type_text(pilot, TYPED.replace("\x1b", ""))
        await pilot.press("tab", "tab", "tab", "ctrl+u")
        await type_text(pilot, "30M")
        await pilot.press("escape")
        await closed(pilot)
        plan = pane(app).doc.plan
        assert plan.name == TYPED.replace("\x1b", "") and plan.funding_usd == 30_000_000
        await pilot.press("g")
        await pilot.press("ctrl+u")
        await type_text(pilot, "40")
        await pilot.press("escape")
        await closed(pilot)
        assert plan.growth.target == 40
        await pilot.press("v")
        doc = app.screen.query_one("#analysis-body Static", Static).visual.plain
        assert "Fully-loaded cost = pay x 1.3" in doc and "No team structure chosen" in doc
        await pilot.press("escape")


async def test_help_lists_every_designer_action(catalog, tmp_path):
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await show_designer(pilot)
        await focus_list(pilot)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        text = app.screen.query_one("#help-text", Static).visual.plain
        for action in ("Add", "Delete", "Undo", "Earlier", "Later", "Edit", "Save", "Save as",
                       "Open", "Details", "Growth", "Analysis"):
            assert f"  {action}\n" in text + "\n", action
        assert "alt+s" in text


async def test_editor_keys_do_not_fire_while_typing(catalog, tmp_path):
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await show_designer(pilot)
        await new_hire_title(pilot)
        await type_text(pilot, "adu[]qe4g")
        assert pane(app).doc.plan.hires[0].title == "adu[]qe4g"
        assert len(pane(app).doc.plan.hires) == 1 and app.is_running
        await pilot.press("ctrl+g")  # the second key that leaves the form
        await wait_for(pilot, lambda: isinstance(app.focused, HireList))
        assert isinstance(app.query_one(HireEditor), HireEditor)
    assert os.environ.get("TEXTUAL_ANIMATIONS") == "none"


async def test_palette_save_as_and_export(catalog, tmp_path):
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await add_hire(pilot)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: focused_id(pilot) == "saveas-name")
        await pilot.press("ctrl+u")
        await paste(pilot, "first")
        await pilot.press("enter")
        await wait_for(pilot, lambda: (tmp_path / "first.toml").exists())
        await pilot.press("ctrl+p")  # a saved plan: only "Save as" asks for a name now
        await paste(pilot, "Plan: Save as")
        await palette_hits(pilot, "Plan: Save as")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveAsScreen))
        await pilot.press("ctrl+u")
        await paste(pilot, "via-palette")
        await pilot.press("enter")
        await wait_for(pilot, lambda: (tmp_path / "via-palette.toml").exists())
        await pilot.press("ctrl+p")
        await paste(pilot, "Export as Markdown")
        await palette_hits(pilot, "Export as Markdown")
        await pilot.press("enter")
        await wait_for(pilot, lambda: (tmp_path / "via-palette.md").exists())
    assert (tmp_path / "via-palette.md").read_text().startswith("# Series B AI org")
