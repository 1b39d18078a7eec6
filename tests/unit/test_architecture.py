"""The dependency rule of ARCHITECTURE.md: only airoles_tui/ui imports textual."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import airoles_tui

PACKAGE = Path(airoles_tui.__file__).resolve().parent


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_only_ui_imports_textual():
    outside = [p for p in PACKAGE.rglob("*.py") if "ui" not in p.relative_to(PACKAGE).parts]
    assert len(outside) >= 5  # the scan really covers the domain modules
    offenders = {str(p.relative_to(PACKAGE)): sorted(m for m in imported_modules(p)
                                                      if m.split(".")[0] == "textual")
                 for p in outside}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_ui_does_import_textual():
    # Guards the scan above against silently matching nothing.
    assert "textual.app" in imported_modules(PACKAGE / "ui" / "app.py")


def test_headless_commands_do_not_load_textual():
    code = ("import sys\n"
            "from airoles_tui.cli import main\n"
            "status = main(['validate'])\n"
            "assert status == 0, status\n"
            "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
            "print(loaded)\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "[]"
