"""Skill progress: which of a role's key skills a person has, is learning, or skips.

What roadmap.sh users expect of a map of skills: tick what you know, see how far along you
are ("4/9"), and get the list of what is left. The marks are the person's own data, so they
are saved at every change (nothing to lose when the connection drops) into one TOML file in
the XDG data dir, atomically. A file that does not validate is reported with ``file:line``
and left exactly as it is: marks are refused until it is fixed, never written over it.

A mark is keyed by role id and the skill's text as the catalog words it. Marks for skills or
roles the catalog no longer has (another ``--data-dir``, an edited catalog) are kept in the
file and ignored in the counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..catalog.records import Role
from ..paths import user_data_dir
from ..validation.source import Problem, SourceError

HAVE, LEARNING, SKIP = "have", "learning", "skip"
STATES = (HAVE, LEARNING, SKIP)
FORMAT = "airoles-tui/skill-progress"
VERSION = 1
FILE_NAME = "skill-progress.toml"
COUNT_RULE = "the key skills you have, of those you did not skip"


def progress_path() -> Path:
    return user_data_dir() / FILE_NAME


@dataclass(frozen=True, slots=True)
class Count:
    have: int
    learning: int
    skipped: int
    total: int

    @property
    def goal(self) -> int:
        """The skills that count: skipping one takes it out of the goal."""
        return self.total - self.skipped

    @property
    def marked(self) -> bool:
        return bool(self.have or self.learning or self.skipped)

    def label(self) -> str:
        return f"{self.have}/{self.goal}"


@dataclass
class Progress:
    """Marks by (role id, skill text). Mutable: the person marks one skill at a time."""

    marks: dict[tuple[str, str], str] = field(default_factory=dict)

    def state(self, role_id: str, skill: str) -> str | None:
        return self.marks.get((role_id, skill))

    def set(self, role_id: str, skill: str, state: str | None) -> None:
        if state is None:
            self.marks.pop((role_id, skill), None)
        elif state not in STATES:
            raise ValueError(f"a mark is one of {', '.join(STATES)}, not {state!r}")
        else:
            self.marks[(role_id, skill)] = state

    def of_role(self, role: Role) -> dict[str, str]:
        """The role's key skills that are marked, skill text -> state."""
        return {s: m for s in role.key_skills if (m := self.marks.get((role.id, s)))}

    def count(self, role: Role) -> Count:
        states = [self.marks.get((role.id, s)) for s in role.key_skills]
        return Count(states.count(HAVE), states.count(LEARNING), states.count(SKIP),
                     len(role.key_skills))


def next_state(state: str | None) -> str | None:
    """Space cycles: unmarked -> have -> learning -> skip -> unmarked."""
    cycle = [None, *STATES]
    return cycle[(cycle.index(state) + 1) % len(cycle)]


# -- the file ---------------------------------------------------------------------------------

def dumps(progress: Progress) -> str:
    import tomli_w

    marks = [{"role": r, "skill": s, "state": m}
             for (r, s), m in sorted(progress.marks.items())]
    head = ("# airoles-tui skill progress: your marks on each role's key skills.\n"
            f"# state is one of: {', '.join(STATES)}. Written by the app at every change.\n")
    return head + tomli_w.dumps({"format": FORMAT, "version": VERSION, "marks": marks})


def save(progress: Progress, path: Path, *, durable: bool = True) -> None:
    """Atomic (and with ``durable``, fsync'd); raises files.WriteError with a message a
    person can act on."""
    from ..files import write_atomic

    write_atomic(path, dumps(progress).encode("utf-8"), durable=durable)


def load(path: Path) -> Progress:
    """The marks in ``path`` (none if it does not exist); SourceError lists what is wrong."""
    if not path.exists():
        return Progress()
    from ..validation.schema import ID, INT, STR, F, Spec, read_versioned

    mark: Spec = {"role": F(ID), "skill": F(STR), "state": F(STR)}
    spec: Spec = {"format": F(STR), "version": F(INT), "marks": F(mark, required=False, many=True)}
    data, checker = read_versioned(path, spec, FORMAT, VERSION)
    progress = Progress()
    for n, item in enumerate(data.get("marks", [])):
        key = (item["role"], item["skill"])
        if item["state"] not in STATES:
            checker.add(("marks", n, "state"), f"marks[{n + 1}].state: expected one of "
                                               f"{', '.join(STATES)}, got {item['state']!r}")
        elif key in progress.marks:
            checker.add(("marks", n, "skill"), f"marks[{n + 1}]: {item['skill']!r} of "
                                               f"{item['role']!r} is marked twice")
        else:
            progress.marks[key] = item["state"]
    if checker.problems:
        raise SourceError(checker.problems)
    return progress


def describe(problems: Iterable[Problem]) -> str:
    return "\n".join(str(p) for p in problems)


class ProgressStore:
    """The person's marks as a session keeps them: read once, written at every change.

    Each change re-reads the file when another session has written it since (so two
    sessions of one person do not undo each other's marks), applies the one change, and
    writes the whole file atomically. Once renamed into place the file outlives the
    process however it ends (SIGHUP, SIGTERM, a kill, a crash); the fsync that would also
    carry it through a power cut would triple a keystroke's time (tests/bench), so it is
    left to ``flush``, which runs when the skill list closes and when the session ends. A file that does not
    validate, at start or later, turns marking off with ``problem`` set and is never written.
    A write that fails (disk full) keeps the mark in memory for ``flush`` to retry.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or progress_path()
        self.problem: str | None = None
        self.pending = False  # a mark not written yet (its write failed)
        self.unsynced = False  # written, not yet fsync'd
        self._seen: tuple[int, int] | None = None
        self.progress = Progress()
        self._read()

    def _stamp(self) -> tuple[int, int] | None:
        try:
            st = self.path.stat()
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def _read(self) -> bool:
        stamp = self._stamp()
        try:
            self.progress = load(self.path)
        except SourceError as exc:
            self.problem = (f"{describe(exc.problems)}\nSkill marks are off until the file "
                            "is fixed or moved away; it is left as it is.")
            return False
        self.problem = None
        self._seen = stamp
        return True

    def state(self, role_id: str, skill: str) -> str | None:
        return self.progress.state(role_id, skill)

    def of_role(self, role: Role) -> dict[str, str]:
        return self.progress.of_role(role)

    def count(self, role: Role) -> Count:
        return self.progress.count(role)

    def mark(self, role_id: str, skill: str, state: str | None) -> None:
        """Set one mark and save. ValueError (with the file's problems) when refused;
        files.WriteError when the write failed (the mark is kept, ``pending``)."""
        if self.problem is not None or (self._stamp() != self._seen and not self.pending
                                        and not self._read()):
            raise ValueError(self.problem)
        self.progress.set(role_id, skill, state)
        self.pending = True
        self._write(durable=False)

    def flush(self) -> None:
        """Make every mark durable (fsync'd); retries a write that failed."""
        if (self.pending or self.unsynced) and self.problem is None:
            self._write(durable=True)

    def _write(self, *, durable: bool) -> None:
        save(self.progress, self.path, durable=durable)
        self.pending, self.unsynced = False, not durable
        self._seen = self._stamp()
