"""Small helpers for Pilot tests: an app that shows one screen, a paste, a wait.

A Pilot test pays for what it boots and, far more, for every key: Pilot waits until the app
is idle after each one. A test about one screen mounts that screen in a small app (as
Textual's own tests mount one widget) instead of the whole app with its panes; a test whose
subject is not the typing itself puts its text into the field as one paste.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.app import App, ScreenStackError
from textual.screen import Screen
from textual.widgets import Input

from airoles_tui.ui.app import AiRolesApp


class ScreenApp(App[object]):
    """``screen`` on top of an empty base, laid out by the app's own stylesheets. What the
    screen dismisses with is kept in ``result`` (in the app it would go on to a pane)."""

    CSS_PATH = AiRolesApp.CSS_PATH

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.shown = screen
        self.results: list[object] = []

    def on_mount(self) -> None:
        self.push_screen(self.shown, self.results.append)


async def screen_up(pilot) -> None:
    """Wait for a ScreenApp's screen to be on top with its parts mounted."""
    app = pilot.app
    assert isinstance(app, ScreenApp)
    await wait_for(pilot, lambda: app.screen is app.shown)


def settled(app: App) -> bool:
    """The screen on top is mounted: one just pushed is on the stack before its parts are
    there to read or answer."""
    try:
        return app.screen.is_mounted
    except ScreenStackError:  # the app has ended: nothing left to settle
        return True


async def wait_for(pilot, condition: Callable[[], object], tries: int = 1000) -> None:
    """Wait until ``condition()`` holds and the screen on top is mounted, looking again each
    time the app has gone idle."""
    for _ in range(tries):
        if condition() and settled(pilot.app):
            return
        await pilot.pause()
    app = pilot.app
    tabs = app.query("#panes")
    raise AssertionError(f"condition never became true (screen {app.screen!r}, focus "
                         f"{app.focused!r}, tab {tabs.first().active if tabs else None!r})")


async def paste(pilot, text: str) -> None:
    """``text`` into the focused field as a terminal's paste brings it: one event, routed
    by the app to the focused widget, inserted at the cursor (over a selection). For tests
    whose subject is what the text does, not the keys that type it. The field's value must
    change (it is what this waits for)."""
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.focused, Input))  # a field opening takes it
    field = app.focused
    assert isinstance(field, Input)
    before = field.value
    app.post_message(events.Paste(text))
    await wait_for(pilot, lambda: field.value != before)
    await pilot.pause()


async def palette_hits(pilot, query: str) -> None:
    """Wait for the command palette's answer to ``query``, the search's last batch in: its
    search worker done and the highlighted hit naming every word of the query."""
    from textual.command import CommandList

    app = pilot.app
    words = query.lower().split()

    def answered() -> bool:
        hits = app.screen.query(CommandList)
        if not hits or hits.first().highlighted is None:
            return False
        hit = hits.first().highlighted_option
        text = str(hit.prompt).lower() if hit is not None else ""
        return all(word in text for word in words)

    await app.workers.wait_for_complete()
    await wait_for(pilot, answered)
    await app.workers.wait_for_complete()


async def past_first_frame(pilot, frozen_before: int) -> None:
    """Wait until the app's first frame is out and its after-first-frame work (a recovery
    copy's offer, which may make the designer) has run: that work ends by freezing what
    start-up made (gc.freeze), so the frozen count grows past ``frozen_before``, read before
    the app started."""
    import gc

    await wait_for(pilot, lambda: gc.get_freeze_count() > frozen_before)
