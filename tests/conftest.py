"""Shared fixtures. Environment first: textual reads it once, at import."""

from __future__ import annotations

import os

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
os.environ.setdefault("ESCDELAY", "25")

import shutil  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

from airoles_tui.catalog.loader import load_catalog  # noqa: E402
from airoles_tui.paths import data_dir  # noqa: E402

REPO = Path(__file__).resolve().parent.parent

# `--hypothesis-profile=quick`, the README's quick loop: a property test tries a tenth of its
# examples (tests/unit/strength.py). Registered here, before pytest loads a profile, so the
# option works for any part of the suite; without it every run tries them all.
settings.register_profile("quick", max_examples=10)


def pytest_xdist_auto_num_workers(config) -> int:
    """`-n auto` starts three workers per core: most of a worker's time is waiting, not
    computing (Pilot sleeps until the app is idle after every key; a pty test waits while the
    program in its terminal draws; an SSH test waits on the network), and the other workers
    compute in those gaps. The suite's wall time is least at three per core (README,
    Development). PYTEST_XDIST_AUTO_NUM_WORKERS still decides when set, as in xdist's own
    rule."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return int(os.environ["PYTEST_XDIST_AUTO_NUM_WORKERS"])
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return 3 * (cores or 1)


@pytest.fixture(scope="session")
def catalog():
    return load_catalog(data_dir())


@pytest.fixture(autouse=True)
def _isolated_home(request, monkeypatch, tmp_path_factory):
    """No test reads or writes the real user's config, plans or recovery copies.

    The dirs are under the test's tmp_path when it has one (some tests look there for what
    the app wrote); otherwise under a new directory of the session's temp dir, because a
    tmp_path costs several times more (pytest numbers it by listing every one made before
    it) and most tests never write a file."""
    if "tmp_path" in request.fixturenames:
        root = request.getfixturevalue("tmp_path")
    else:
        root = Path(tempfile.mkdtemp(prefix="home-", dir=tmp_path_factory.getbasetemp()))
    monkeypatch.setenv("XDG_DATA_HOME", str(root / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(root / "xdg-config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(root / "xdg-state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(root / "xdg-cache"))


@pytest.fixture(scope="session")
def airoles_bin() -> str:
    """The installed console script: beside this interpreter (a venv run without activating
    it, as CI and the README do), else on PATH."""
    beside = Path(sys.executable).parent / "airoles-tui"
    found = str(beside) if beside.exists() else shutil.which("airoles-tui")
    assert found, "airoles-tui is not installed (pip install '.[test]')"
    return found
