"""The Roles pane: the tree of role families beside the chosen role's full card."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Static, Tree

from ..catalog import Catalog, Family, Role
from .filter_bar import FilterBar
from .role_card import family_card, role_card
from .text import label, literal


class RoleTree(Tree[Role | Family]):
    """The family -> role tree, with vim keys beside the arrows."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="tree.down"),
        Binding("k", "cursor_up", "Up", show=False, id="tree.up"),
    ]


class RoleCard(VerticalScroll, can_focus=True):
    """The scrollable card; focus it (enter on a role) to page through a long card."""

    BINDINGS = [
        Binding("j", "scroll_down", "Scroll down", show=False, id="card.down"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="card.up"),
        Binding("escape", "back", "Back to the tree", id="card.back"),
        Binding("left,h", "back", "Back to the tree", show=False, id="card.back-alt"),
    ]

    class Back(Message):
        """The user is done reading; the pane puts focus back on the tree."""

    def compose(self) -> ComposeResult:
        yield Static(id="card-body")

    def show(self, content) -> None:
        self.query_one("#card-body", Static).update(content)
        self.scroll_home(animate=False)

    def action_back(self) -> None:
        self.post_message(self.Back())


class RolesPane(Vertical):
    """Tree and card. Owns the `/` filter of the role list."""

    BINDINGS = [
        Binding("slash", "filter", "Filter", id="roles.filter"),
    ]

    def __init__(self, catalog: Catalog, **kwargs) -> None:
        super().__init__(**kwargs)
        self.catalog = catalog
        # Lower-cased once: each filter keystroke then costs one substring test per role.
        self._haystack = {r.id: r.search_text() for r in catalog.roles}
        self._families = {f.id: f for f in catalog.families}

    def compose(self) -> ComposeResult:
        yield FilterBar("Filter roles by name, skill or tool…", id="role-filter")
        with Horizontal(id="roles-body"):
            with Vertical(id="roles-side"):
                tree = RoleTree(label("Roles"), id="role-tree")
                tree.show_root = False
                tree.guide_depth = 2
                yield tree
                yield Static(id="roles-status")
            yield RoleCard(id="role-card")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(RoleTree).focus()

    # -- the tree -----------------------------------------------------------------------

    def matching(self, query: str) -> list[Role]:
        words = query.lower().split()
        return [r for r in self.catalog.roles
                if all(w in self._haystack[r.id] for w in words)]

    def _fill(self, query: str) -> None:
        tree = self.query_one(RoleTree)
        tree.clear()
        roles = self.matching(query)
        by_family: dict[str, list[Role]] = {}
        for role in roles:
            by_family.setdefault(role.family, []).append(role)
        for family in self.catalog.families:
            members = sorted(by_family.get(family.id, []), key=lambda r: r.order)
            if not members:
                continue
            node = tree.root.add(label(family.name, "bold"), data=family, expand=True)
            for role in members:
                node.add_leaf(label(role.name), data=role)
        status = self.query_one("#roles-status", Static)
        total = len(self.catalog.roles)
        if query:
            status.update(literal(f"{len(roles)} of {total} roles match {query!r}"
                                  if roles else f"No role matches {query!r} (esc clears)"))
        else:
            status.update(literal(f"{total} roles · / filter · t table"))
        # Start on the first role, not its family: the card is what people came for.
        if roles:
            tree.move_cursor_to_line(1)  # line 0 is the first family shown, 1 its first role
            # The highlight message can name the node the tree held before the refill.
            first = next(r for f in self.catalog.families for r in
                         sorted(by_family.get(f.id, []), key=lambda r: r.order))
            self.query_one(RoleCard).show(role_card(self.catalog, first))
        else:
            self.query_one(RoleCard).show(literal("Nothing matches the filter."))

    @on(Tree.NodeHighlighted, "#role-tree")
    def _highlighted(self, event: Tree.NodeHighlighted) -> None:
        data = event.node.data
        card = self.query_one(RoleCard)
        if isinstance(data, Role):
            card.show(role_card(self.catalog, data))
        elif isinstance(data, Family):
            card.show(family_card(self.catalog, data))

    @on(Tree.NodeSelected, "#role-tree")
    def _selected(self, event: Tree.NodeSelected) -> None:
        if isinstance(event.node.data, Role):
            self.query_one(RoleCard).focus()

    @on(RoleCard.Back)
    def _card_back(self) -> None:
        self.query_one(RoleTree).focus()

    def show_role(self, role_id: str) -> bool:
        """Put the cursor on a role (clearing a filter that hides it); False if unknown."""
        if self.catalog.role(role_id) is None:
            return False
        tree = self.query_one(RoleTree)
        if not any(isinstance(n.data, Role) and n.data.id == role_id for n in _nodes(tree)):
            self.query_one(FilterBar).action_clear()
            self._fill("")
        for node in _nodes(tree):
            if isinstance(node.data, Role) and node.data.id == role_id:
                tree.move_cursor(node)
                tree.scroll_to_node(node, animate=False)
                break
        tree.focus()
        return True

    @property
    def current_role(self) -> Role | None:
        node = self.query_one(RoleTree).cursor_node
        return node.data if node is not None and isinstance(node.data, Role) else None

    # -- the filter ---------------------------------------------------------------------

    def action_filter(self) -> None:
        self.query_one(FilterBar).open()

    @on(FilterBar.Changed, "#role-filter")
    def _filter_changed(self, event: FilterBar.Changed) -> None:
        self._fill(event.value.strip())

    @on(FilterBar.Done, "#role-filter")
    def _filter_done(self) -> None:
        self.query_one(RoleTree).focus()

    @on(FilterBar.Cleared, "#role-filter")
    def _filter_cleared(self) -> None:
        self._fill("")
        self.query_one(RoleTree).focus()


def _nodes(tree: Tree):
    stack = list(tree.root.children)
    while stack:
        node = stack.pop(0)
        yield node
        stack[0:0] = list(node.children)
