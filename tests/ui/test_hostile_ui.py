"""Hostile data in the app (issue 11): control sequences never reach the terminal, recovery
copies never restore outside the plans folder unasked, an export never overwrites unasked,
and a signal is acted on even while the main thread is stuck."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import threading
import time
import zlib

from rich.segment import Segment
from rich.style import Style
from textual._compositor import LayoutUpdate
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Input as StockInput
from textual.widgets import TextArea as StockTextArea

from airoles_tui.plan.file_format import load_plan
from airoles_tui.plan.model import Growth, Hire, OrgPlan
from airoles_tui.plan.recovery import write_recovery
from airoles_tui.plan.store import save_plan
from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.lifecycle import Lifecycle
from airoles_tui.ui.panes.org import OrgPane
from airoles_tui.ui.screens.dialogs import ChoiceScreen, SaveAsScreen
from airoles_tui.ui.textual_compat.screen_diff import ScreenDiff

from .test_org_designer import focus_list, text_of, wait_for

HOSTILE = "A\x1b]52;c;aGVsbG8=\x07B\x1b[2JC\x9b2JD\x9d52;c;x\x9cE"
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def hostile_plan() -> OrgPlan:
    return OrgPlan(name=HOSTILE, company=HOSTILE, product=HOSTILE,
                   hires=[Hire("ml-engineer", title=HOSTILE, team=HOSTILE,
                               deliverable_90_days=HOSTILE, rationale=HOSTILE),
                          Hire(HOSTILE)],  # an unknown role: named in a notification
                   growth=Growth(changes=HOSTILE))


def field_texts(app) -> list[str]:
    out = []
    for screen in app.screen_stack:
        out += [w.value for w in screen.query(StockInput)]
        out += [w.text for w in screen.query(StockTextArea)]
    return out


def toasts(app) -> str:
    return "\n".join("".join(s.text for y in range(t.size.height) for s in t.render_line(y))
                     for t in app.screen.query("Toast"))


def rendered(app) -> str:
    """Every line every visible widget of the top screen renders, as text."""
    lines = []
    for widget in app.screen.query("*"):
        if widget.display and widget.size.height:
            for y in range(min(widget.size.height, 40)):
                try:
                    lines.append("".join(s.text for s in widget.render_line(y)))
                except Exception:  # noqa: BLE001 - a widget without line rendering
                    break
    return "\n".join(lines)


async def test_hostile_plan_text_reaches_no_widget_raw(catalog, tmp_path):
    path = tmp_path / "hostile.toml"
    save_plan(hostile_plan(), path, None)
    loaded = load_plan(path)
    app = AiRolesApp(catalog, plans_dir=tmp_path, initial_plan=loaded, start_pane="org",
                     lazy_panes=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_for(pilot, lambda: app.query_one(OrgPane).selected == 0)
        await focus_list(pilot)
        await pilot.press("enter")  # the hire form: title, team, deliverable, rationale
        await wait_for(pilot, lambda: any("␛]52" in t for t in field_texts(app)))
        texts = field_texts(app)
        assert texts and not any(RAW_CONTROL.search(t) for t in texts)
        assert not RAW_CONTROL.search(rendered(app))
        # The unknown role's warning names it: shown visibly in its toast.
        await wait_for(pilot, lambda: "⍰9B" in toasts(app))
        assert not RAW_CONTROL.search(toasts(app))
        await pilot.press("escape", "e")  # the plan's own dialog
        await wait_for(pilot, lambda: len(app.screen_stack) > 1)
        await pilot.pause()
        assert not RAW_CONTROL.search(rendered(app))
        assert not any(RAW_CONTROL.search(t) for t in field_texts(app))
        # Showing the text visibly is no edit: the plan stays saved, its text as it was.
        assert not app.query_one(OrgPane).doc.dirty
        assert app.query_one(OrgPane).doc.plan == loaded.document


async def test_pasted_control_characters_are_shown_in_fields(catalog, tmp_path):
    app = AiRolesApp(catalog, plans_dir=tmp_path, start_pane="org", lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await focus_list(pilot)
        await pilot.press("a")
        # role, seniority, start, team, deliverable, rationale, then the title (last)
        await pilot.press(*["tab"] * 6)
        await wait_for(pilot, lambda: getattr(app.focused, "id", "") == "hire-title")
        app.focused.insert_text_at_cursor(HOSTILE)
        await pilot.pause()
        title = app.query_one(OrgPane).doc.plan.hires[0].title
        assert not RAW_CONTROL.search(title) and "␛]52" in title


def test_the_screen_diff_drops_a_control_that_reached_a_strip():
    strip = Strip([Segment("ok\x1b]52;c;aGk=\x07 \x9b2J", Style(bold=True))])
    update = LayoutUpdate([[strip]], Region(0, 0, 20, 1))
    out = ScreenDiff().update(update, 20, 1, _console())
    assert "]52" in out and "\x1b]" not in out and "\x9b" not in out and "\x07" not in out


def _console():
    import io

    from rich.console import Console

    return Console(file=io.StringIO(), force_terminal=True, width=20, color_system="256")


async def test_a_recovery_copy_naming_a_path_outside_asks_and_defaults_to_save_as(
        catalog, tmp_path):
    plans = tmp_path / "plans"
    elsewhere = tmp_path / "elsewhere" / "victim.toml"
    elsewhere.parent.mkdir()
    elsewhere.write_text("precious\n")
    copy = plans / ".recovery" / "session-20200101T000000-999999999.toml"
    write_recovery(OrgPlan(name="planted"), copy, elsewhere, None)
    app = AiRolesApp(catalog, plans_dir=plans, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen)
                       and "Restore to which file" in text_of(app, ".dialog-title"))
        body = text_of(app, ".dialog-body Static")
        assert str(elsewhere) in body
        await pilot.press("enter")  # the default: save as a new plan
        await wait_for(pilot, lambda: app.query_one(OrgPane).doc.dirty)
        assert app.query_one(OrgPane).doc.path is None
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveAsScreen))
    assert elsewhere.read_text() == "precious\n"


async def test_export_asks_before_overwriting(catalog, tmp_path):
    path = tmp_path / "mine.toml"
    save_plan(OrgPlan(name="Mine"), path, None)
    report = tmp_path / "mine.md"
    report.write_text("edited by hand\n")
    app = AiRolesApp(catalog, plans_dir=tmp_path, initial_plan=load_plan(path),
                     start_pane="org", lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.query_one(OrgPane).doc.path == path)
        app.query_one(OrgPane).export("md")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("enter")  # the default: cancel
        await wait_for(pilot, lambda: len(app.screen_stack) == 1)
        assert report.read_text() == "edited by hand\n"
        app.query_one(OrgPane).export("md")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("o")
        await wait_for(pilot, lambda: report.read_text().startswith("# Mine"))


async def test_save_as_refuses_a_pasted_tab(catalog, tmp_path):
    app = AiRolesApp(catalog, plans_dir=tmp_path, start_pane="org", lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await focus_list(pilot)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveAsScreen))
        await pilot.press("ctrl+u")
        app.focused.insert_text_at_cursor("tab\there")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SaveAsScreen)  # refused, still asking
        assert "control characters" in str(app.screen.query_one("#saveas-error").visual)
    assert list(tmp_path.glob("*.toml")) == []


class _App:
    def __init__(self) -> None:
        self.exited: list[int] = []

    def exit(self, return_code: int = 0) -> None:
        self.exited.append(return_code)


async def test_a_signal_is_acted_on_while_the_main_thread_is_stuck():
    """SIGTERM arrives while the main thread is inside one long C call (it releases the GIL
    but runs no Python handler until it returns): the recovery copy is written and the
    process ended by threads, before the call is over."""
    events: dict[str, float] = {}
    app = _App()
    life = Lifecycle(app, save=lambda: events.setdefault("saved", time.monotonic()),
                     watchdog=0.6, rescue=0.2,
                     hard_exit=lambda code: events.setdefault("exit", time.monotonic()))
    life.install()
    try:
        data = os.urandom(48 * 1024 * 1024)
        threading.Timer(0.1, os.kill, args=(os.getpid(), signal.SIGTERM)).start()
        start = time.monotonic()
        zlib.compress(data, 9)  # one C call of a few seconds
        stuck_until = time.monotonic()
        await asyncio.sleep(0)
    finally:
        life.uninstall()
    assert stuck_until - start > 1.0, "the stuck call was too short to prove anything"
    assert events["saved"] < stuck_until and events["exit"] < stuck_until
    assert events["exit"] - events["saved"] >= 0.3


async def test_catalog_text_with_c1_controls_is_shown_visibly(tmp_path):
    """Catalog text already showed C0 as pictures; C1 (U+009B, the one-byte CSI) passed."""
    import json
    import shutil

    from airoles_tui.catalog.loader import load_catalog
    from airoles_tui.paths import data_dir

    folder = shutil.copytree(data_dir(), tmp_path / "catalog",
                             ignore=shutil.ignore_patterns("plans"))
    roles = folder / "roles.toml"
    text = roles.read_text()
    hostile = f"summary = {json.dumps(HOSTILE)}"
    roles.write_text(re.sub(r'^summary = ".*"$', lambda _: hostile, text, flags=re.M),
                     encoding="utf-8")  # every family's and role's summary
    app = AiRolesApp(load_catalog(folder), plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: "⍰9B" in rendered(app))
        assert not RAW_CONTROL.search(rendered(app))
