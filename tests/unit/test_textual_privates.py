"""Textual's and Rich's private names are used only in ui/textual_compat, the one door.

Private names of theirs (``_x``, ``textual._x`` modules) change without notice between
releases. Outside textual_compat our code may not import their private modules, read or
write an attribute that only they define, override a private name of a class it subclasses,
or hook Textual's private handler prefixes (``_on_x``, ``_watch_x``...). Names are found in
Textual's and Rich's own source, so a name they add later is covered too.
"""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import re
import textwrap
from pathlib import Path

import rich
import textual

from .sources import PACKAGE, nodes, parsed, read

DOOR = PACKAGE / "ui" / "textual_compat"
THEIRS = ("textual", "rich")
PRIVATE_HOOKS = ("_on_", "_watch_", "_compute_", "_validate_")


def private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__") and name != "_"


def _targets(node: ast.AST) -> list[ast.expr]:
    if isinstance(node, ast.Assign):
        return node.targets
    if isinstance(node, (ast.AnnAssign, ast.AugAssign)):
        return [node.target]
    return []


def given_names(tree: ast.AST, *, locals_too: bool) -> set[str]:
    """Private names a piece of code gives: defs, class-level names, ``self.x = ...``; with
    ``locals_too`` every assigned name (for a whole module)."""
    out: set[str] = set()
    for node in nodes(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(node.name)
        if isinstance(node, ast.ClassDef):
            out.update(t.id for stmt in node.body for t in _targets(stmt)
                       if isinstance(t, ast.Name))
        for target in _targets(node):
            for e in ast.walk(target):
                if isinstance(e, ast.Attribute) and isinstance(e.value, ast.Name) and \
                        e.value.id in ("self", "cls"):
                    out.add(e.attr)
                elif isinstance(e, ast.Name) and locals_too:
                    out.add(e.id)
    return {n for n in out if private(n)}


@functools.cache
def private_words(path: str) -> frozenset[str]:
    """The private identifiers a source file's text holds. A file that gives a name holds
    it, so a file that holds none of the names asked about need not be parsed: parsing all
    of Textual and Rich cost more than all the other unit tests together, and the names our
    code uses are almost all our own."""
    return frozenset(re.findall(r"(?<!\w)_\w+", read(path)))


def their_names(wanted: frozenset[str]) -> frozenset[str]:
    """Which of the ``wanted`` private names Textual or Rich give (given_names)."""
    names: set[str] = set()
    for package in (textual, rich):
        for path in map(str, Path(package.__file__).parent.rglob("*.py")):
            if wanted & private_words(path):
                names |= given_names(parsed(path), locals_too=False) & wanted
    return frozenset(names)


def class_node(cls: type) -> ast.ClassDef | None:
    """A class's definition, found by its qualified name in its module's tree.

    inspect.getsource parses the whole module again for every class it is asked about, which
    made these checks most of the unit tests' time; a class it cannot place from the module's
    top level (defined in a function or under an ``if``) is still found through it."""
    try:
        source = inspect.getsourcefile(cls)
    except TypeError:
        return None
    node: ast.AST | None = parsed(source) if source else None
    for part in cls.__qualname__.split("."):
        node = next((n for n in getattr(node, "body", [])
                     if isinstance(n, ast.ClassDef) and n.name == part), None)
    if isinstance(node, ast.ClassDef):
        return node
    try:
        found = ast.parse(textwrap.dedent(inspect.getsource(cls))).body[0]
    except (OSError, TypeError):
        return None
    return found if isinstance(found, ast.ClassDef) else None


@functools.cache
def class_names(cls: type) -> frozenset[str]:
    """The private names a class gives its instances in its own body and methods."""
    node = class_node(cls)
    return frozenset(given_names(node, locals_too=False) if node is not None else ())


def base_names(cls: type, wanted: frozenset[str]) -> set[str]:
    """Which of the ``wanted`` private names a class of theirs gives: in its namespace, its
    slots, or its body and methods (parsed only when its module holds one of the names)."""
    names = {n for n in (*vars(cls), *getattr(cls, "__slots__", ())) if n in wanted}
    try:
        source = inspect.getsourcefile(cls)
    except TypeError:
        source = None
    if source and (wanted - names) & private_words(source):
        names |= class_names(cls) & wanted
    return names


@functools.cache
def method_names(cls: type) -> frozenset[str]:
    """The methods a class defines in its own body."""
    node = class_node(cls)
    return frozenset(n.name for n in getattr(node, "body", [])
                     if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)))


def our_modules() -> dict[Path, ast.Module]:
    return {path: parsed(str(path))
            for path in sorted(PACKAGE.rglob("*.py")) if DOOR not in path.parents}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(PACKAGE.parent)}:{getattr(node, 'lineno', 0)}"


def private_imports(modules: dict[Path, ast.Module]) -> list[str]:
    found = []
    for path, tree in modules.items():
        for node in nodes(tree):
            names = ([node.module or ""] if isinstance(node, ast.ImportFrom)
                     else [a.name for a in node.names] if isinstance(node, ast.Import) else [])
            for name in names:
                parts = name.split(".")
                if parts[0] in THEIRS and any(private(p) for p in parts[1:]):
                    found.append(f"{where(path, node)} imports {name}")
    return found


def their_attributes_used(modules: dict[Path, ast.Module]) -> list[str]:
    """Private attributes that Textual or Rich give and our code does not: reading or
    writing one is using theirs (``super()._x`` always is)."""
    ours = set().union(*(given_names(t, locals_too=True) for t in modules.values()))
    suspects = []
    for path, tree in modules.items():
        stdlib = {a.asname or a.name for n in nodes(tree) if isinstance(n, ast.Import)
                  for a in n.names if a.name.split(".")[0] not in THEIRS}
        for node in nodes(tree):
            if not isinstance(node, ast.Attribute) or not private(node.attr):
                continue
            if isinstance(node.value, ast.Name) and node.value.id in stdlib:
                continue  # os._exit and the like: the standard library's, not theirs
            is_super = (isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name)
                        and node.value.func.id == "super")
            if node.attr not in ours or is_super:
                suspects.append((path, node))
    theirs = their_names(frozenset(node.attr for _, node in suspects))
    return [f"{where(path, node)} uses .{node.attr}" for path, node in suspects
            if node.attr in theirs]


def private_overrides(classes: list[type]) -> list[str]:
    """Private names of theirs that our subclasses give again, and Textual's private
    handler prefixes (``_on_x`` runs before ``on_x``; ``_watch_x``...) hooked."""
    found = []
    for cls in classes:
        bases = [c for c in cls.__mro__[1:] if c.__module__.split(".")[0] in THEIRS]
        if not bases:
            continue
        mine = class_names(cls)
        clash = set().union(*(base_names(b, mine) for b in bases))
        hooks = {n for n in method_names(cls) if n.startswith(PRIVATE_HOOKS)}
        found += [f"{cls.__module__}.{cls.__qualname__}.{name}" for name in sorted(clash | hooks)]
    return found


def our_classes() -> list[type]:
    classes = []
    for path in our_modules():
        if path.name == "__main__.py":  # runs the program
            continue
        module = importlib.import_module(module_name(path))
        classes += [c for c in vars(module).values()
                    if inspect.isclass(c) and c.__module__ == module.__name__]
    return classes


def test_no_private_module_of_theirs_is_imported_outside_the_door():
    assert private_imports(our_modules()) == []


def test_no_attribute_only_they_define_is_used_outside_the_door():
    assert their_attributes_used(our_modules()) == []


def test_no_class_outside_the_door_overrides_or_hooks_a_private_name_of_theirs():
    assert private_overrides(our_classes()) == []


SAMPLE = """
import os
from textual._compositor import CompositorUpdate
import rich._loop
def f(tree, app):
    os._exit(1)
    tree._tree_lines
    super()._get_style("bold")
    return tree._mine
class A:
    def __init__(self):
        self._mine = 1
"""


def test_each_check_finds_what_it_looks_for():
    sample = {PACKAGE / "sample.py": ast.parse(SAMPLE)}
    assert [f.split(" ", 1)[1] for f in private_imports(sample)] == [
        "imports textual._compositor", "imports rich._loop"]
    assert [f.split(" ", 1)[1] for f in their_attributes_used(sample)] == [
        "uses ._tree_lines", "uses ._get_style"]

    from textual.widgets import Footer, Input, Tree

    class Quiet(Input):
        def _watch_value(self, value: str) -> None: ...

    class Ready(Footer):
        def ready(self) -> None:
            self._bindings_ready = True

    class Hooked(Tree):
        def _on_tree_node_highlighted(self, event) -> None: ...

    class Own(Input):
        def ready(self) -> None:
            self._own_thing = True

    class Shadow(Footer):
        _nodes = None  # a class-level name over the one DOMNode gives its instances

    found = private_overrides([Quiet, Ready, Hooked, Own, Shadow])
    assert [f.rsplit(".", 1)[1] for f in found] == [
        "_watch_value", "_bindings_ready", "_on_tree_node_highlighted", "_nodes"]
