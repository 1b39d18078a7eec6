"""The skills-matrix exercise as a screen: skills down, the comparison table's roles across.

The matrix lives in the app's MatrixKeeper (ui/matrix_keeper), so closing this screen loses
nothing; every change goes through it, which copies it for recovery as the plan is copied,
so a dropped SSH session loses nothing either. Saving and opening are the plan's dialogs.
The grid's own keys (0-3, +/-) win over the app's pane digits while it has focus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Static

from ...catalog.records import Catalog
from ...recommend.matrix import (
    MAX_SCORE,
    MAX_SKILLS,
    MIN_SCORE,
    RULE,
    WHY,
    Matrix,
    matrix_roles,
    short_labels,
)
from ..widgets.fields import Input
from ..widgets.footer import keys_footer
from ..widgets.text import MUTED, label, literal
from .base import AppScreen

if TYPE_CHECKING:
    from ..matrix_keeper import MatrixKeeper

SKILL_WIDTH = 13
CELL_WIDTH = 6
SUM_ROW = "sum"


class SkillInput(Input):
    BINDINGS = [
        Binding("escape", "to_grid", "To the grid", id="matrix.input-done"),
        Binding("down", "to_grid", "To the grid", show=False, id="matrix.input-down"),
    ]

    def action_to_grid(self) -> None:
        self.screen.query_one(MatrixGrid).focus()


class MatrixGrid(DataTable):
    """The grid. Its bindings are checked before the app's, so digits set scores here."""

    BINDINGS = [
        Binding("0", "set_score(0)", "Score", key_display="0-3+-", id="matrix.set-0"),
        *[Binding(str(n), f"set_score({n})", f"Score {n}", show=False, id=f"matrix.set-{n}")
          for n in range(1, MAX_SCORE + 1)],
        Binding("plus,equals_sign", "bump(1)", "Raise the score", key_display="+", show=False,
                id="matrix.up"),
        Binding("minus", "bump(-1)", "Lower the score", key_display="-", show=False,
                id="matrix.down"),
        Binding("4,5,6,7,8,9", "refuse_digit", "Scores are 0-3", show=False,
                id="matrix.refuse"),
        Binding("r", "reset_row", "Reset the row to the proposal", show=False,
                id="matrix.reset"),
        Binding("x,delete", "remove_row", "Remove", key_display="x", id="matrix.remove"),
        Binding("j", "cursor_down", "Down", show=False, id="matrix.j"),
        Binding("k", "cursor_up", "Up", show=False, id="matrix.k"),
        Binding("h", "cursor_left", "Left", show=False, id="matrix.h"),
        Binding("l", "cursor_right", "Right", show=False, id="matrix.l"),
    ]

    @property
    def exercise(self) -> SkillsMatrixScreen:
        """The screen the grid is on, which keeps the matrix its keys edit."""
        screen = self.screen
        assert isinstance(screen, SkillsMatrixScreen), screen
        return screen

    def action_set_score(self, value: int) -> None:
        self.exercise.set_cell(value)

    def action_bump(self, delta: int) -> None:
        self.exercise.bump_cell(delta)

    def action_refuse_digit(self) -> None:
        self.exercise.say(f"Scores go from {MIN_SCORE} (irrelevant) to {MAX_SCORE} "
                          "(essential).")

    def action_reset_row(self) -> None:
        self.exercise.reset_row()

    def action_remove_row(self) -> None:
        self.exercise.remove_row()


class SkillsMatrixScreen(AppScreen[None]):
    HELP_TITLE = "Skills matrix"
    BINDINGS = [
        Binding("escape,q", "close", "Back", id="matrix.close"),
        Binding("a", "add", "Add skill", id="matrix.add"),
        Binding("s,ctrl+s", "save", "Save", key_display="s", id="matrix.save"),
        # As in the designer (most terminals send ctrl+shift+s as ctrl+s); in help, not in
        # the footer, which at 80 columns would lose o Open for it.
        Binding("alt+s,ctrl+shift+s", "save_as", "Save as", key_display="alt+s", show=False,
                id="matrix.save-as"),
        Binding("o", "open", "Open", id="matrix.open"),
    ]

    def __init__(self, catalog: Catalog, keeper: MatrixKeeper) -> None:
        super().__init__()
        self.catalog = catalog
        self.keeper = keeper
        self.labels = short_labels(matrix_roles(catalog))
        self._shown_roles: tuple[str, ...] = ()  # the grid's columns

    @property
    def matrix(self) -> Matrix:
        """The keeper's matrix: opening or restoring another replaces it there."""
        return self.keeper.matrix

    # -- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="mx-title")
        yield SkillInput(placeholder=f"Type one of your skills and press enter "
                                     f"(up to {MAX_SKILLS})", id="mx-add", compact=True)
        yield MatrixGrid(id="mx-grid", cursor_type="cell", cell_padding=0, fixed_columns=1,
                         zebra_stripes=False)
        yield Static(id="mx-rank")
        yield Static(id="mx-cell")
        yield Static(id="mx-legend")
        yield keys_footer()

    def on_mount(self) -> None:
        grid = self.query_one(MatrixGrid)
        self.keeper.view = self.reload  # another matrix opened or restored: shown here
        self._columns()
        self._rebuild()
        (grid if self.matrix.rows else self.query_one(SkillInput)).focus()
        if self.matrix.rows:
            grid.move_cursor(row=0, column=1, animate=False)

    def _columns(self) -> None:
        grid = self.query_one(MatrixGrid)
        grid.clear(columns=True)
        grid.add_column(label("Skill"), width=SKILL_WIDTH, key="skill")
        for rid in self.matrix.roles:
            grid.add_column(label(self._label(rid).center(CELL_WIDTH)), width=CELL_WIDTH,
                            key=rid)
        self._shown_roles = self.matrix.roles
        self._legend()

    def _label(self, role_id: str) -> str:
        if role_id in self.labels:
            return self.labels[role_id]
        return role_id[: CELL_WIDTH - 1]

    def _role_name(self, role_id: str) -> str:
        role = self.catalog.role(role_id)
        return role.name if role else role_id

    def _legend(self) -> None:
        parts = [f"{self._label(r)} {self._role_name(r)}" for r in self.matrix.roles]
        self.query_one("#mx-legend", Static).update(
            literal("Columns, the comparison table's roles: " + " · ".join(parts) + "\n" + RULE,
                    MUTED))

    def _cell(self, row: int, role_id: str) -> str:
        skill = self.matrix.rows[row]
        mark = "*" if skill.adjusted(role_id) else " "
        return f"{skill.scores[role_id]}{mark}".center(CELL_WIDTH)

    def _rebuild(self) -> None:
        grid = self.query_one(MatrixGrid)
        at = grid.cursor_coordinate
        grid.clear()
        for n, skill in enumerate(self.matrix.rows):
            grid.add_row(literal(_fit(skill.name, SKILL_WIDTH - 1)),
                         *[literal(self._cell(n, rid)) for rid in self.matrix.roles],
                         key=f"row-{n}")
        grid.add_row(literal("Sum", "bold"),
                     *[literal(str(self.matrix.total(rid)).center(CELL_WIDTH), "bold")
                       for rid in self.matrix.roles], key=SUM_ROW)
        grid.move_cursor(row=min(at.row, grid.row_count - 1), column=max(at.column, 1),
                         animate=False)
        self._after_change()

    def _after_change(self) -> None:
        grid = self.query_one(MatrixGrid)
        for col, rid in enumerate(self.matrix.roles, start=1):
            grid.update_cell_at(Coordinate(len(self.matrix.rows), col),
                                literal(str(self.matrix.total(rid)).center(CELL_WIDTH), "bold"))
        self._title()
        self._ranking()
        self._describe_cell()

    def _title(self) -> None:
        doc = self.keeper.doc
        where = (f"{doc.path.name}{' (changed)' if doc.dirty else ''}" if doc.path
                 else "not saved (s saves)")
        self.query_one("#mx-title", Static).update(Content.assemble(
            literal("Skills matrix", "bold reverse"),
            # Short enough that the file's name shows whole at 80 columns (the legend below
            # says the columns are the comparison table's roles).
            literal(f" {len(self.matrix.rows)}/{MAX_SKILLS} skills x "
                    f"{len(self.matrix.roles)} roles · {where}", MUTED)))

    def _ranking(self) -> None:
        if not self.matrix.rows:
            self.query_one("#mx-rank", Static).update(literal(
                "Add your skills: each gets a proposed 0-3 score per role, which you adjust. "
                "Column sums then rank the roles.", "bold"))
            return
        parts = []
        for r in self.matrix.ranking():
            rank = f"{r.rank}=" if r.tied else f"{r.rank}."  # "2=": shares 2nd place
            parts.append(f"{rank} {self._label(r.role)} {r.total}")
        self.query_one("#mx-rank", Static).update(Content.assemble(
            literal("Ranking: ", "bold"), literal("  ".join(parts)),
            literal("  (= shares the place: a tie)", MUTED)))

    def _describe_cell(self) -> None:
        grid = self.query_one(MatrixGrid)
        row, col = grid.cursor_coordinate
        out = self.query_one("#mx-cell", Static)
        if row >= len(self.matrix.rows):
            out.update(literal("Sum of each column: the higher, the stronger the fit. "
                               "* marks a score you changed.", MUTED))
            return
        skill = self.matrix.rows[row]
        if col == 0:
            out.update(Content.assemble(literal(skill.name, "bold"), literal(
                "  x removes this skill, r resets its row to the proposal", MUTED)))
            return
        rid = self.matrix.roles[col - 1]
        score, proposed = skill.scores[rid], skill.proposed[rid]
        changed = "you changed it; " if score != proposed else ""
        why = WHY.get(proposed, "")
        out.update(Content.assemble(
            literal(f"{skill.name} x {self._role_name(rid)}: {score}", "bold"),
            literal(f" ({changed}proposed {proposed}: {why})", MUTED)))

    @on(DataTable.CellHighlighted, "#mx-grid")
    def _moved(self) -> None:
        self._describe_cell()

    # -- editing ----------------------------------------------------------------------------

    def _editable(self) -> tuple[int, str] | None:
        row, col = self.query_one(MatrixGrid).cursor_coordinate
        if row >= len(self.matrix.rows):
            self.say("The Sum row adds up the skills above it: change a skill's score instead.")
            return None
        if col == 0:
            self.say("Move right onto a role's column to score this skill.")
            return None
        return row, self.matrix.roles[col - 1]

    def set_cell(self, value: int) -> None:
        where = self._editable()
        if where is not None:
            self._store(*where, self.matrix.set(*where, value))

    def bump_cell(self, delta: int) -> None:
        where = self._editable()
        if where is not None:
            self._store(*where, self.matrix.bump(*where, delta))

    def _store(self, row: int, role_id: str, _value: int) -> None:
        grid = self.query_one(MatrixGrid)
        grid.update_cell_at(Coordinate(row, self.matrix.roles.index(role_id) + 1),
                            literal(self._cell(row, role_id)))
        self._changed()
        self._after_change()

    def reset_row(self) -> None:
        row = self.query_one(MatrixGrid).cursor_row
        if row < len(self.matrix.rows):
            self.matrix.reset(row)
            self._changed()
            self._rebuild()

    def remove_row(self) -> None:
        row = self.query_one(MatrixGrid).cursor_row
        if row < len(self.matrix.rows):
            gone = self.matrix.remove(row)
            self._changed()
            self._rebuild()
            self.say(f"Removed {gone.name!r}.")
            if not self.matrix.rows:
                self.query_one(SkillInput).focus()

    @on(Input.Submitted, "#mx-add")
    def _add(self, event: Input.Submitted) -> None:
        try:
            self.matrix.add_skill(self.catalog, event.value)
        except ValueError as exc:
            self.say(str(exc).capitalize() + ".")
            return
        event.input.value = ""
        self._changed()
        grid = self.query_one(MatrixGrid)
        self._rebuild()
        grid.move_cursor(row=len(self.matrix.rows) - 1, column=max(grid.cursor_column, 1),
                         animate=False)
        if len(self.matrix.rows) >= MAX_SKILLS:
            grid.focus()

    def action_add(self) -> None:
        self.query_one(SkillInput).focus()

    def say(self, text: str) -> None:
        self.query_one("#mx-cell", Static).update(literal(text, "bold"))

    def _changed(self) -> None:
        self.keeper.changed()

    def reload(self) -> None:
        """Another matrix was opened or restored, or this one saved: show it as it is now
        (a file from another catalog may have other columns)."""
        if self.matrix.roles != self._shown_roles:
            self._columns()
        self._rebuild()

    # -- files ------------------------------------------------------------------------------

    @work(group="matrix-file", exclusive=True)
    async def action_save(self) -> None:
        await self.keeper.save()

    @work(group="matrix-file", exclusive=True)
    async def action_save_as(self) -> None:
        await self.keeper.save(save_as=True)

    @work(group="matrix-file", exclusive=True)
    async def action_open(self) -> None:
        await self.keeper.open()

    def action_close(self) -> None:
        self.dismiss(None)

    def on_unmount(self) -> None:
        if self.keeper.view == self.reload:
            self.keeper.view = None


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
