"""The skills-matrix exercise as a screen: skills down, the comparison table's roles across.

The matrix lives on the Recommender pane, so closing this screen loses nothing; every change
is also copied to a recovery file in the background, so a dropped SSH session loses nothing
either. The grid's own keys (0-3, +/-) win over the app's pane digits while it has focus.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Protocol

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Static

from ...catalog.records import Catalog
from ...plan.store import PlanSaveError
from ...recommend.matrix import (
    MAX_SCORE,
    MAX_SKILLS,
    MIN_SCORE,
    RULE,
    WHY,
    Matrix,
    load,
    matrices_dir,
    matrix_roles,
    recovery_path,
    save,
    short_labels,
)
from ...validation.source import SourceError
from ..widgets.fields import Input
from ..widgets.footer import keys_footer
from ..widgets.text import MUTED, label, literal
from .base import AppScreen
from .dialogs import Dialog


class MatrixHolder(Protocol):
    """Where the open matrix lives (the Recommender pane), so closing the screen loses nothing."""

    matrix: Matrix | None
    matrix_path: Path | None

_RECOVERY_LOCK = threading.Lock()
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
        Binding("o", "open", "Open", id="matrix.open"),
    ]

    def __init__(self, catalog: Catalog, pane: MatrixHolder) -> None:
        super().__init__()
        self.catalog = catalog
        self.pane = pane
        assert pane.matrix is not None
        self.matrix: Matrix = pane.matrix
        self.labels = short_labels(matrix_roles(catalog))
        self.dirty = False
        self._edits = self._copied = 0

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
        grid.add_column(label("Skill"), width=SKILL_WIDTH, key="skill")
        for rid in self.matrix.roles:
            grid.add_column(label(self._label(rid).center(CELL_WIDTH)), width=CELL_WIDTH,
                            key=rid)
        self._legend()
        self._rebuild()
        (grid if self.matrix.rows else self.query_one(SkillInput)).focus()
        if self.matrix.rows:
            grid.move_cursor(row=0, column=1, animate=False)

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
            literal("Columns: " + " · ".join(parts) + "\n" + RULE, MUTED))

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
        path = self.pane.matrix_path
        where = (f"{path.name}{' (changed)' if self.dirty else ''}" if path
                 else "not saved (s saves)")
        self.query_one("#mx-title", Static).update(Content.assemble(
            literal("Skills matrix", "bold reverse"),
            literal(f" {len(self.matrix.rows)}/{MAX_SKILLS} skills x the "
                    f"{len(self.matrix.roles)} roles of the comparison table · {where}",
                    MUTED)))

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
        self.dirty = True
        self._edits += 1
        self._recovery_copy(self.matrix.copy(), self._edits)

    @work(thread=True, group="matrix-recovery")
    def _recovery_copy(self, snapshot: Matrix, edit: int) -> None:
        """Keep the last session's matrix, so a dropped connection loses no typing.

        Copies are written one at a time and never an older edit over a newer one.
        """
        with _RECOVERY_LOCK:
            if edit <= self._copied:
                return
            with suppress(PlanSaveError):  # best effort; explicit saves report their errors
                save(snapshot, recovery_path(), durable=False)
            self._copied = edit

    # -- files ------------------------------------------------------------------------------

    def action_save(self) -> None:
        suggested = self.pane.matrix_path or matrices_dir() / "skills-matrix.toml"

        def attempt(path: Path) -> str | None:
            try:
                save(self.matrix, path)
            except PlanSaveError as exc:
                return str(exc)
            self.pane.matrix_path = path
            self.dirty = False
            self._title()
            self.notify(f"Saved {path}", markup=False)
            return None

        self.app.push_screen(PathScreen("Save the matrix to", suggested, attempt,
                                        confirm_replace=self.pane.matrix_path))

    def action_open(self) -> None:
        suggested = self.pane.matrix_path or matrices_dir() / "skills-matrix.toml"

        def attempt(path: Path) -> str | None:
            try:
                matrix = load(path, self.catalog)
            except SourceError as exc:
                return "\n".join(str(p) for p in exc.problems[:6])
            self.matrix = self.pane.matrix = matrix
            self.pane.matrix_path = path
            self.dirty = False
            self._rebuild()
            self.notify(f"Opened {path}", markup=False)
            return None

        self.app.push_screen(PathScreen("Open a matrix from", suggested, attempt))

    def action_close(self) -> None:
        self.dismiss(None)


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def restore_last_session(catalog: Catalog) -> Matrix | None:
    """The recovery copy of the previous session, if there is a readable one."""
    path = recovery_path()
    if not path.exists():
        return None
    try:
        return load(path, catalog)
    except SourceError:
        return None


class PathScreen(Dialog[Path | None]):
    """Ask for a file path; the caller's ``attempt`` does the I/O and returns why it failed."""

    BINDINGS = [Binding("escape,ctrl+g", "cancel", "Cancel", id="path.cancel")]

    def __init__(self, title: str, suggested: Path,
                 attempt: Callable[[Path], str | None], *,
                 confirm_replace: Path | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.suggested = suggested
        self.attempt = attempt
        self.saving = "Save" in title
        self.confirm_replace = confirm_replace
        self._armed: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(literal(self.title_text), classes="dialog-title")
            yield Input(str(self.suggested), id="path-input", compact=True)
            yield Static(id="path-error", classes="dialog-error")
            yield Static(literal(f"Relative names are kept in {matrices_dir()} · "
                                 "enter confirms · esc cancels", MUTED))

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#path-input")
    def _submitted(self, event: Input.Submitted) -> None:
        error = self.query_one("#path-error", Static)
        text = event.value.strip()
        if not text:
            error.update(literal("Type a file path."))
            return
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = matrices_dir() / path
        if path.is_dir():
            error.update(literal(f"{path} is a folder: add a file name."))
            return
        if (self.saving and path.exists() and path != self.confirm_replace
                and path != self._armed):
            self._armed = path
            error.update(literal(f"{path} exists: press enter again to replace it."))
            return
        problem = self.attempt(path)
        if problem:
            error.update(literal(problem))
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
