"""The Roles pane: the tree of role families beside the chosen role's full card."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from ...catalog.records import Catalog, Family, Role
from ..app_api import app_of
from ..textual_compat.tree_lines import number_now
from ..widgets.doc_view import DocView
from ..widgets.filter_bar import FilterBar
from ..widgets.text import label, literal
from .base import Pane
from .role_card import family_card, role_card

if TYPE_CHECKING:
    from ...catalog.library import Link


MARK = "✓ "
OPEN_LIMIT = 200  # more roles than this in the list: families start closed, filled on opening


class RoleTree(Tree[Role | Family]):
    """The family -> role tree, with vim keys beside the arrows."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="tree.down"),
        Binding("k", "cursor_up", "Up", show=False, id="tree.up"),
        Binding("space", "mark", "Mark", id="tree.mark"),
    ]

    class Mark(Message):
        """Space on a role: the pane toggles its compare mark."""

        def __init__(self, role: Role) -> None:
            super().__init__()
            self.role = role

    # Set by the pane: called with the data of the node the cursor lands on.
    follow: Callable[[Role | Family | None], None] | None = None

    def watch_cursor_line(self, previous_line: int, line: int) -> None:
        super().watch_cursor_line(previous_line, line)
        # The card follows in the same frame as the cursor. NodeHighlighted reaches the pane
        # only after the tree has been painted, so the card came a frame (16-30 ms) later.
        node = self.cursor_node
        if self.follow is not None and previous_line != line and node is not None:
            self.follow(node.data)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted) -> None:
        if self.follow is not None:
            event.stop()  # handled by follow; bubbling it up delays the repaint by a few ms

    def action_mark(self) -> None:
        node = self.cursor_node
        if node is not None and isinstance(node.data, Role):
            self.post_message(self.Mark(node.data))
        elif node is not None:
            node.toggle()  # a family: space keeps folding it, as in any tree


class RoleCard(DocView):
    """The scrollable card; focus it (enter on a role) to page through a long card.

    A DocView, not a Static: following the tree cursor repaints only the card lines that
    change, which is what keeps a cursor move cheap over ssh.
    """

    BINDINGS = [
        Binding("j", "scroll_down", "Scroll down", show=False, id="card.down"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="card.up"),
        Binding("escape", "back", "Back to the tree", id="card.back"),
        Binding("left,h", "back", "Back to the tree", show=False, id="card.back-alt"),
    ]

    class Back(Message):
        """The user is done reading; the pane puts focus back on the tree."""

    def action_back(self) -> None:
        self.post_message(self.Back())

    # The line beside the card is the side's border (see roles.tcss): it shows the focus.
    def on_focus(self) -> None:
        self._show_focus(True)

    def on_blur(self) -> None:
        self._show_focus(False)

    def _show_focus(self, focused: bool) -> None:
        if self.parent is not None:
            self.parent.set_class(focused, "-card-focused")


@dataclass(frozen=True)
class RolePlace:
    """Where the Roles pane is: two places are the same role whatever the card's scroll."""

    role: str
    scroll_y: int = field(default=0, compare=False)


class RolesPane(Pane):
    """Tree and card. Owns the `/` filter of the role list."""

    BINDINGS = [
        Binding("slash", "filter", "Filter", id="roles.filter"),
        Binding("c", "compare", "Compare", id="roles.compare"),
        Binding("g", "related", "Related links", show=False, id="roles.related"),
        # Off the footer, which is full at 80 columns; the status line under the tree says it.
        Binding("s", "skills", "Skills: mark have / learning / skip", show=False,
                id="roles.skills"),
    ]

    def __init__(self, catalog: Catalog, **kwargs) -> None:
        super().__init__(catalog, **kwargs)
        self._ordered = sorted(catalog.roles, key=lambda r: r.order)
        self._searchable_list: list[tuple[Role, str]] | None = None
        self._unopened: dict[int, list[Role]] = {}  # closed family node id -> its roles
        self._last_match: tuple[str, list[tuple[Role, str]]] = ("", [])
        self._family_cards: dict[str, object] = {}
        self.marked: list[str] = []  # role ids marked with space for Compare, in marking order

    def compose(self) -> ComposeResult:
        yield FilterBar("Filter roles by any word of their card…", id="role-filter",
                        on_change=self._fill)
        with Horizontal(id="roles-body"):
            with Vertical(id="roles-side"):
                tree = RoleTree(label("Roles"), id="role-tree")
                tree.show_root = False
                tree.guide_depth = 2
                tree.follow = self._follow
                yield tree
                yield Static(id="roles-status")
            yield RoleCard(id="role-card", gutter=1)

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(RoleTree).focus()
        if len(self.catalog.roles) > OPEN_LIMIT and self.catalog.roles:
            # A big catalog's search text takes a while to make: make it while the user
            # reads the first screen, not in their first filter keystroke.
            first = self.catalog.roles[0]
            threading.Thread(target=self.catalog.search_text, args=(first,), daemon=True,
                             name="role-search-text").start()

    # -- the tree -----------------------------------------------------------------------

    @property
    def _searchable(self) -> list[tuple[Role, str]]:
        """In list order (by `order`, stable), each role with all its card's text lower-cased
        once: a filter keystroke is then one substring test per role, and every family's
        share of a match comes out already sorted. Made at the first filter, not at start:
        a session that never filters does not hold a second copy of the catalog's text."""
        if self._searchable_list is None:
            search = self.catalog.search_text
            self._searchable_list = [(r, search(r)) for r in self._ordered]
        return self._searchable_list

    def matching(self, query: str) -> list[Role]:
        query = query.lower()
        words = query.split()
        if not words:
            self._last_match = ("", [])
            return list(self._ordered)
        # Typing on only narrows: test just what matched the last query (a 10,000-role
        # catalog made every keystroke scan everything).
        last_query, last = self._last_match
        pool = last if last_query and query.startswith(last_query) else self._searchable
        if len(words) == 1:  # what people type; all() over a generator costs 3x
            word = words[0]
            found = [pair for pair in pool if word in pair[1]]
        else:
            found = [pair for pair in pool if all(w in pair[1] for w in words)]
        self._last_match = (query, found)
        return [role for role, _ in found]

    def _fill(self, query: str) -> None:
        tree = self.query_one(RoleTree)
        roles = self.matching(query)
        by_family: dict[str, list[Role]] = {}
        for role in roles:
            by_family.setdefault(role.family, []).append(role)
        # A big catalog (a company's thousands of roles) lists its families closed, each
        # filled when opened: building every node made each filter keystroke cost ~0.3 s.
        open_all = len(roles) <= OPEN_LIMIT
        if not open_all and self._recount(tree, by_family):
            self._fill_status(query, roles)
            return
        tree.clear()
        self._unopened = {}
        for family in self.catalog.families:
            members = by_family.get(family.id, [])
            if not members:
                continue
            if open_all:
                node = tree.root.add(label(family.name, "bold"), data=family, expand=True)
                for role in members:
                    node.add_leaf(self._role_label(role), data=role)
            else:
                node = tree.root.add(label(f"{family.name} ({len(members)})", "bold"),
                                     data=family, allow_expand=True)
                self._unopened[node.id] = members
        self._fill_status(query, roles)
        # Start on the first role, not its family: the card is what people came for.
        if roles and not open_all:
            tree.move_cursor_to_line(0)
            self.query_one(RoleCard).show(self._family_card(_family(tree.root.children[0])))
        elif roles:
            tree.move_cursor_to_line(1)  # line 0 is the first family shown, 1 its first role
            # The highlight message can name the node the tree held before the refill.
            first = next(r for f in self.catalog.families for r in by_family.get(f.id, []))
            self.query_one(RoleCard).show(self._card(first))
        else:
            self.query_one(RoleCard).show(literal("Nothing matches the filter."))

    def _fill_status(self, query: str, roles: list[Role]) -> None:
        status = self.query_one("#roles-status", Static)
        total = len(self.catalog.roles)
        # One fixed line (CSS height 1): no layout needed, and a layout per filter keystroke
        # re-laid the whole screen. So it fits the side's 33 cells whatever was typed: the
        # query is in the filter field above, and is not repeated here.
        if query:
            status.update(literal(f"{len(roles)} of {total} roles match"
                                  if roles else "No role matches · esc clears"),
                          layout=False)
        else:
            status.update(literal(self._idle_status()), layout=False)
        self._mark_status()

    def _recount(self, tree: RoleTree, by_family: dict[str, list[Role]]) -> bool:
        """Closed families, same families as shown: update their counts in place.

        Rebuilding the tree re-lays the screen; relabelling repaints one line per family.
        False when the tree must be rebuilt (other families, an opened one, open mode).
        """
        nodes = list(tree.root.children)
        shown = [f.id for f in self.catalog.families if by_family.get(f.id)]
        if ([_family(n).id for n in nodes] != shown
                or any(n.id not in self._unopened or n.is_expanded for n in nodes)):
            return False
        for node in nodes:
            family = _family(node)
            members = by_family[family.id]
            if len(members) != len(self._unopened[node.id]):  # a label set is a repaint
                node.set_label(label(f"{family.name} ({len(members)})", "bold"))
            self._unopened[node.id] = members
        return True

    def _idle_status(self) -> str:
        return f"{len(self.catalog.roles)} roles · s skills · / filter"

    def _marks(self, role: Role) -> dict[str, str]:
        store = getattr(self.app, "progress", None)
        return store.of_role(role) if store is not None else {}

    def _card(self, role: Role):
        return role_card(self.catalog, role, self._marks(role))

    def _follow(self, data: Role | Family | None) -> None:
        card = self.query_one(RoleCard)
        if isinstance(data, Role):
            card.show(self._card(data))
        elif isinstance(data, Family):
            card.show(self._family_card(data))

    @on(Tree.NodeSelected, "#role-tree")
    def _selected(self, event: Tree.NodeSelected) -> None:
        if isinstance(event.node.data, Role):
            self.query_one(RoleCard).focus()

    @on(RoleCard.Back)
    def _card_back(self) -> None:
        self.query_one(RoleTree).focus()

    def _family_card(self, family: Family):
        # A family of a big catalog lists a hundred roles: build its card once.
        if family.id not in self._family_cards:
            self._family_cards[family.id] = family_card(self.catalog, family)
        return self._family_cards[family.id]

    def _open(self, node) -> None:
        """Add a closed family's roles to the tree (big catalogs fill families on demand)."""
        members = self._unopened.pop(node.id, None)
        if members is not None:
            for role in members:
                node.add_leaf(self._role_label(role), data=role)

    @on(Tree.NodeExpanded, "#role-tree")
    def _expanded(self, event: Tree.NodeExpanded) -> None:
        self._open(event.node)

    def show_role(self, role_id: str) -> bool:
        """Put the cursor on a role (clearing a filter that hides it); False if unknown."""
        if self.catalog.role(role_id) is None:
            return False
        tree = self.query_one(RoleTree)
        numbered = True  # a node just shown has a line to land on (tree_lines)
        for family_node in list(tree.root.children):
            if any(r.id == role_id for r in self._unopened.get(family_node.id, ())):
                self._open(family_node)
                family_node.expand()
                numbered = number_now(tree)
        if not any(isinstance(n.data, Role) and n.data.id == role_id for n in _nodes(tree)):
            # Quietly: the bar's Cleared, handled later, would refill and move the cursor off.
            self.query_one(FilterBar).reset()
            self._fill("")
            numbered = number_now(tree)

        def land() -> None:
            for node in _nodes(tree):
                if isinstance(node.data, Role) and node.data.id == role_id:
                    tree.move_cursor(node)
                    tree.scroll_to_node(node, animate=False)
                    break

        if numbered:
            land()
        else:
            tree.call_after_refresh(land)  # once the tree has numbered its new lines
        tree.focus()
        return True

    # -- Pane: where the back stack brings the user ----------------------------------------

    def location(self) -> RolePlace | None:
        role = self.current_role
        return RolePlace(role.id, round(self.query_one(RoleCard).scroll_y)) if role else None

    def restore(self, state: RolePlace) -> None:
        if self.show_role(state.role):
            self.query_one(RoleCard).scroll_to(y=state.scroll_y, animate=False, immediate=True)

    # -- compare and related -------------------------------------------------------------

    def _role_label(self, role: Role):
        # The mark is a character, not a colour: it shows with NO_COLOR too. "4/9": key
        # skills marked had, of those not skipped, once any of the role's skills is marked.
        name = f"{MARK}{role.name}" if role.id in self.marked else role.name
        store = getattr(self.app, "progress", None)
        count = store.count(role) if store is not None and store.progress.marks else None
        return label(f"{name} {count.label()}" if count and count.marked else name)

    def progress_changed(self, role_id: str) -> None:
        """A skill of ``role_id`` was marked: its tree line and, if shown, its card."""
        self._relabel(role_id)
        current = self.current_role
        if current is not None and current.id == role_id:
            self.query_one(RoleCard).show(self._card(current))

    def _relabel(self, role_id: str) -> None:
        for node in _nodes(self.query_one(RoleTree)):
            if isinstance(node.data, Role) and node.data.id == role_id:
                node.set_label(self._role_label(node.data))

    def action_skills(self) -> None:
        role = self.current_role
        if role is None:
            self.app.notify("Put the cursor on a role first: skills belong to a role.",
                            markup=False)
            return
        app_of(self).open_skills(role.id)

    def _mark_status(self) -> None:
        if self.marked:
            self.query_one("#roles-status", Static).update(literal(
                f"{len(self.marked)} marked: c compare, space unmark"))

    @on(RoleTree.Mark)
    def _mark(self, event: RoleTree.Mark) -> None:
        role = event.role
        if role.id in self.marked:
            self.marked.remove(role.id)
        elif len(self.marked) >= (limit := _max_compared()):
            self.app.notify(f"Compare takes up to {limit} roles: unmark one (space) first.",
                            markup=False, severity="warning")
            return
        else:
            self.marked.append(role.id)
        self._relabel(role.id)
        if self.marked:
            self._mark_status()
        else:
            self.query_one("#roles-status", Static).update(literal(self._idle_status()))

    def action_compare(self) -> None:
        """Compare the marked roles; with one marked, the role under the cursor joins it."""
        ids = list(self.marked)
        current = self.current_role
        if len(ids) < 2 and current is not None and current.id not in ids:
            ids.append(current.id)
        if len(ids) < 2:
            self.app.notify("Mark two or three roles with space, then press c.",
                            markup=False)
            return
        roles = [r for r in (self.catalog.role(i) for i in ids) if r is not None]
        from ..screens.compare import CompareScreen  # its module (and the pay chart's) on first use

        self.app.push_screen(CompareScreen(roles))

    def action_related(self) -> None:
        """Pick one of the documents and roles the current role links to, and go there."""
        role = self.current_role
        if role is None:
            return
        from ...catalog.library import role_links

        links = role_links(self.catalog, role)
        if not links:
            self.app.notify(f"Nothing else in the catalog names {role.name}.", markup=False)
            return

        def chosen(link: Link | None) -> None:
            if link is None:
                return
            if link.kind == "role":
                app_of(self).show_role(link.id)
            else:
                app_of(self).show_document(link.key)

        from ..screens.reader import LinksScreen

        self.app.push_screen(LinksScreen(f"Related to {role.name}", links), chosen)

    @property
    def current_role(self) -> Role | None:
        node = self.query_one(RoleTree).cursor_node
        return node.data if node is not None and isinstance(node.data, Role) else None

    # -- the filter ---------------------------------------------------------------------

    def action_filter(self) -> None:
        self.query_one(FilterBar).open()

    @on(FilterBar.Done, "#role-filter")
    @on(FilterBar.Cleared, "#role-filter")  # emptying the field has refilled the list
    def _back_to_list(self) -> None:
        self.query_one(RoleTree).focus()


def _family(node: TreeNode[Role | Family]) -> Family:
    """A node at the top of the tree: the root holds families, and they hold roles."""
    assert isinstance(node.data, Family), node.data
    return node.data


def _nodes(tree: Tree):
    stack = list(tree.root.children)
    while stack:
        node = stack.pop(0)
        yield node
        stack[0:0] = list(node.children)


def _max_compared() -> int:
    from ...catalog.compare import MAX_ROLES  # the comparison's module loads on first use

    return MAX_ROLES
