"""What each key is for: the groups the help screen (`?`) shows the live keys in.

One table, by binding id (every Binding of ours has one), in the order help lists them. Help
reads the keys themselves (key, description) from the bindings active on the screen; this
table only says where each goes. tests/ui/test_help.py fails on a binding of ours in no
group and on an id here that no binding declares, so the table cannot drift from the
declarations.

Textual's own widgets bring keys without an id (paging, copying, a field's cursor moves):
help shows the few a user needs (``STOCK``, by action) and hides the rest.
"""

from __future__ import annotations

from typing import NamedTuple

GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Move", (
        "tree.down", "tree.up", "cases.down", "cases.up", "recommend.down", "recommend.up",
        "org.list-down", "org.list-up", "card.down", "card.up", "reader.down", "reader.up",
        "reader.page", "links.down", "links.up", "links.pick-down", "links.pick-up",
        "table.down", "table.up", "pay.down", "pay.up", "compare.down", "compare.up",
        "compare.page", "skills.down", "skills.up", "matrix.j", "matrix.k", "matrix.h",
        "matrix.l", "matrix.input-down", "matrix.input-done", "views.down", "views.up",
        "plan-view.down", "plan-view.up", "analysis.down", "analysis.up", "help.down",
        "help.up", "filter.done", "filter.done-enter", "dialog.left", "dialog.right",
    )),
    ("Open", (
        "app.table", "app.pay-chart", "roles.compare", "roles.related", "roles.skills",
        "reader.links", "recommend.matrix", "skills.plan", "org.analysis", "org.timeline",
        "org.burn", "org.chart", "views.timeline", "views.burn", "views.org", "views.stage",
    )),
    ("Find and sort", (
        "roles.filter", "cases.filter", "pay.filter", "filter.clear", "filter.clear-alt",
        "table.sort", "table.reverse", "pay.sort", "pay.sort-low", "pay.sort-high",
        "pay.sort-name", "pay.reverse", "help.filter",
    )),
    ("Edit", (
        "org.plan", "org.add", "org.edit", "org.next-hire", "org.duplicate", "org.delete",
        "org.undo", "org.move-up", "org.move-down", "org.shift-later", "org.shift-earlier",
        "org.order", "org.growth", "tree.mark", "recommend.tick", "recommend.years",
        "skills.have", "skills.learning", "skills.skip", "skills.unmark", "skills.cycle",
        "matrix.add", "matrix.set-0", "matrix.set-1", "matrix.set-2", "matrix.set-3",
        "matrix.up", "matrix.down", "matrix.refuse", "matrix.reset", "matrix.remove",
    )),
    ("Files", ("org.save", "org.save-as", "org.open", "matrix.save", "matrix.save-as",
               "matrix.open")),
    ("Panes", ("app.pane-1", "app.pane-2", "app.pane-3", "app.pane-4")),
    ("Back and close", (
        "app.back", "card.back", "card.back-alt", "reader.back", "links.back", "org.leave",
        "links.close", "table.close", "pay.close", "compare.close", "skills.close",
        "learning-plan.close", "matrix.close", "views.close", "analysis.close", "form.close",
        "dialog.cancel", "problems.close", "saveas.cancel", "open.cancel",
        "help.close", "app.quit",
    )),
    ("Screen", ("app.help", "app.redraw")),
)

# Textual's keys worth knowing, by action: (group, what help calls it). Any other key of
# theirs (Page Left, Focus Next under its own name, copy, a field's cursor moves) is hidden.
STOCK: dict[str, tuple[str, str]] = {
    "select_cursor": ("Open", "Open or choose"),
    "select": ("Open", "Open or choose"),
    "page_down": ("Move", "Page down"),
    "page_up": ("Move", "Page up"),
    "first": ("Move", "First"),
    "last": ("Move", "Last"),
    "scroll_home": ("Move", "Top"),
    "scroll_end": ("Move", "Bottom"),
    "focus_next": ("Move", "Next field or list"),
    "focus_previous": ("Move", "Previous field or list"),
    "command_palette": ("Screen", "Command palette: jump to anything, switch theme"),
    "quit": ("Back and close", "Quit"),
}

ORDER: dict[str, tuple[str, int]] = {
    ident: (group, rank) for group, idents in GROUPS for rank, ident in enumerate(idents)}
GROUP_NAMES: tuple[str, ...] = tuple(name for name, _ in GROUPS)


class Step(NamedTuple):
    """One step of a pane's recipe in help (``HELP_STEPS``): the id of the binding whose key
    it uses ("" when the step is typing), and what the step does."""

    binding: str
    text: str
