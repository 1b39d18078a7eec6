"""The installed program as a shell or a script runs it, without a terminal: its two entry
points, the default plans folder it finds from the environment, and its refusal to start the
interactive app on pipes or a closed stdin."""

from __future__ import annotations

import os
import subprocess
import sys

from airoles_tui import __version__
from airoles_tui.paths import example_plans_dir

EXAMPLE = example_plans_dir() / "series-b-legal.toml"


def test_python_dash_m():
    run = subprocess.run([sys.executable, "-m", "airoles_tui", "--version"],
                         capture_output=True, text=True, timeout=60)
    assert (run.returncode, run.stdout.strip()) == (0, f"airoles-tui {__version__}")


def test_console_script_installed(airoles_bin):
    run = subprocess.run([airoles_bin, "--version"], capture_output=True, text=True, timeout=60)
    assert (run.returncode, run.stdout.strip()) == (0, f"airoles-tui {__version__}")


def test_tui_without_a_terminal_says_so():
    run = subprocess.run([sys.executable, "-m", "airoles_tui"], capture_output=True, text=True,
                         stdin=subprocess.DEVNULL, timeout=60)
    assert run.returncode == 2
    assert "needs a terminal" in run.stderr


def test_a_closed_stdin_is_a_message(airoles_bin):
    run = subprocess.run(["sh", "-c", '"$0" <&-', airoles_bin], capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 2 and "needs a terminal" in run.stderr
    assert "Traceback" not in run.stderr


def test_installed_command_lists_the_default_plans_folder(tmp_path, airoles_bin):
    data = tmp_path / "data"
    plans = data / "airoles-tui" / "plans"
    plans.mkdir(parents=True)
    (plans / "series-b.toml").write_bytes(EXAMPLE.read_bytes())
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(data)}
    done = subprocess.run([airoles_bin, "plan", "list"], capture_output=True, text=True,
                          env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == f"Saved plans in {plans}, newest first:"
    assert "   15  " in done.stdout and "[series-b.toml]" in done.stdout
    assert done.stdout.rstrip().endswith("1 plan")
