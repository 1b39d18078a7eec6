"""A tree numbers the lines of nodes just expanded or added at once, when asked.

Textual numbers a tree's lines lazily, when it next renders; until then a node just shown has
no line, and ``move_cursor`` to it lands nowhere. Reading the tree's private ``_tree_lines``
numbers them now, so the cursor lands in the same frame. Without the patch, the caller moves
the cursor after the next refresh instead (a frame later).
"""

from __future__ import annotations

from textual.widgets import Tree

from . import active, register


def _fits() -> bool:
    return isinstance(getattr(Tree, "_tree_lines", None), property)


register("tree_lines", "the cursor lands on a node just shown in the same frame", _fits)


def number_now(tree: Tree) -> bool:
    """Number the tree's lines now; False when that is not possible (then wait a refresh)."""
    if not active("tree_lines"):
        return False
    tree._tree_lines  # noqa: B018 - the property numbers the lines
    return True
