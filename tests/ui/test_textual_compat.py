"""The one door to Textual's internals: every patch is in force on the pinned Textual, one
that no longer fits stays off with one line said, and the stock switch turns them all off."""

from __future__ import annotations

import json
import logging
import subprocess
import sys

import pytest

from airoles_tui.ui import textual_compat
from airoles_tui.ui.textual_compat import NAMES, PATCHES, STOCK_ENV, Patch, decide, install

# What a fresh process reports: each patch's state, and whether Textual's own code is in place.
PROBE = """
import json
import airoles_tui.ui.app
from textual.screen import Screen
from textual.strip import Strip
from textual.widgets import Footer
from airoles_tui.ui.screens.base import AppScreen
from airoles_tui.ui.textual_compat import PATCHES
from airoles_tui.ui.textual_compat.lean_strip import _original_init
from airoles_tui.ui.widgets.footer import keys_footer
print(json.dumps({
    "active": {name: patch.active for name, patch in PATCHES.items()},
    "stock_strip": Strip.__init__ is _original_init,
    "stock_focus": AppScreen.focused is Screen.focused,
    # Textual's own rebuild on every bindings signal (the order of keys is public API and
    # stays either way).
    "stock_footer": type(keys_footer()).bindings_changed is Footer.bindings_changed,
}))
"""


def probe(stock: str | None) -> dict:
    env = {"PATH": "/usr/bin:/bin", **({STOCK_ENV: stock} if stock is not None else {})}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          env=env, timeout=60, check=True)
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.parametrize("name", NAMES)
def test_each_patch_fits_and_is_in_force_on_the_pinned_textual(name, monkeypatch):
    monkeypatch.delenv(STOCK_ENV, raising=False)
    install()
    assert PATCHES[name].fits(), f"{name}: Textual no longer has the shape it was written for"
    assert PATCHES[name].active


def test_every_patch_module_is_registered():
    assert set(PATCHES) == set(NAMES)


def test_a_patch_that_no_longer_fits_stays_off_and_says_so_once(caplog, monkeypatch):
    monkeypatch.delenv(STOCK_ENV, raising=False)
    applied = []
    patch = Patch("gone", "a test's patch", fits=lambda: False,
                  apply=lambda: applied.append(1))
    with caplog.at_level(logging.WARNING, logger=textual_compat.log.name):
        assert decide(patch) is False
    assert applied == [] and not patch.active
    assert [r.getMessage() for r in caplog.records] == [
        "airoles-tui: Textual has changed where the gone patch (a test's patch) applies; "
        "using Textual's own behaviour"]


def test_a_check_that_raises_counts_as_not_fitting():
    def broken() -> bool:
        raise AttributeError("renamed")

    assert decide(Patch("broken", "a test's patch", fits=broken)) is False


def test_the_stock_switch_turns_every_patch_off_in_a_fresh_process():
    patched, stock = probe(None), probe("1")
    assert all(patched["active"].values()) and len(patched["active"]) == len(NAMES)
    assert not patched["stock_strip"] and not patched["stock_focus"]
    assert not patched["stock_footer"]
    assert not any(stock["active"].values())
    assert stock["stock_strip"] and stock["stock_focus"] and stock["stock_footer"]


def test_a_list_of_names_turns_off_only_those():
    got = probe("lean_strip, footer")
    assert {n for n, on in got["active"].items() if not on} == {"lean_strip", "footer"}
    assert got["stock_strip"] and got["stock_footer"] and not got["stock_focus"]
