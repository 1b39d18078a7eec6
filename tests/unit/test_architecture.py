"""The dependency rules of ARCHITECTURE.md: only ui/ imports textual, ui/ is imported by
nothing of the domain, and no module imports another that imports it back."""

from __future__ import annotations

import ast
import functools
import subprocess
import sys
from pathlib import Path

from .sources import PACKAGE, nodes, parsed


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in nodes(parsed(str(path))):
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
            "from airoles_tui.cli.main import main\n"
            "status = main(['validate'])\n"
            "assert status == 0, status\n"
            "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
            "print(loaded)\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "[]"


@functools.cache
def import_graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports, top-level or inside a function (built once:
    two checks read it and neither changes it)."""
    mods = {}
    for p in PACKAGE.rglob("*.py"):
        name = ".".join(("airoles_tui", *p.relative_to(PACKAGE).with_suffix("").parts))
        mods[name.removesuffix(".__init__")] = p
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for m, p in mods.items():
        pkg = m if p.name == "__init__.py" else m.rsplit(".", 1)[0]
        for node in nodes(parsed(str(p))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = pkg.split(".")[: len(pkg.split(".")) - node.level + 1]
                    base = ".".join(parts + ([base] if base else []))
                targets = [base] + [f"{base}.{a.name}" for a in node.names]
            else:
                continue
            graph[m].update(t for t in targets
                            if t in mods and t != m and not t.startswith(m + "."))
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in graph:
        if v not in index:
            visit(v)
    return found


def test_no_import_circles():
    graph = import_graph()
    assert len(graph) > 40 and graph["airoles_tui.cli.main"]  # the scan sees the package
    assert circles(graph) == []


def test_the_circle_check_finds_a_circle():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_serve_and_domain_never_import_ui():
    """The one-way rule: ui/ -> domain; only the app's entry (cli.common) starts the UI."""
    graph = import_graph()
    ui = {m for m in graph if m.startswith("airoles_tui.ui")}
    offenders = {m: sorted(graph[m] & ui) for m in graph
                 if m not in ui and m != "airoles_tui.cli.common" and graph[m] & ui}
    assert offenders == {}
