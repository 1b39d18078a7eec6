"""The article's beginner exercise: score your own skills 0–3 against each role, sum the columns.

A blank 10x11 grid is a chore, so we propose a first score from what the catalog says each role
needs, and the person corrects it. The proposal is deliberately simple enough to explain in one
line (``RULE``): a skill named in the role's core skills (the comparison table's column) is
essential (3), named in its key skills 2, only among its tools or half-matched 1.

Its file (``matrix_file.py``) is saved, stamped and kept in recovery copies as a plan is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..catalog.records import Catalog, Role

MIN_SCORE, MAX_SCORE = 0, 3
MAX_SKILLS = 10
MAX_NAME = 60
FORMAT = "airoles-tui/skills-matrix"
VERSION = 1
RULE = ("Proposed: 3 if the skill is in the role's core skills, 2 if in its key skills, "
        "1 if among its tools or half its words match, else 0. * marks a score you changed.")
WHY = {3: "in its core skills", 2: "in its key skills",
       1: "among its tools, or half the words match", 0: "not among its listed skills"}

# Words that say how much, not what: "strong Python" is the skill "Python".
_FILLER = frozenset("""a an and the of in on for with to at by or from as strong basic good
    advanced expert expert-level deep solid excellent experience experienced knowledge skill
    skills ability understanding proficiency proficient fluency familiarity""".split())
# Spellings that mean the same thing, folded to one token.
_SAME = {"k8s": "kubernetes", "js": "javascript", "postgres": "postgresql", "llms": "llm",
         "genai": "llm", "visualization": "visualisation", "modeling": "modelling",
         "optimization": "optimisation", "statistical": "statistics", "stats": "statistics",
         "communicating": "communication", "writer": "writing", "written": "writing",
         "coding": "programming"}
_PHRASES = [("machine learning", "ml"), ("large language model", "llm"),
            ("deep learning", "dl"), ("natural language processing", "nlp"),
            ("product management", "pm"), ("product manager", "pm"),
            ("continuous integration", "ci"), ("continuous delivery", "cd"),
            ("full stack", "full-stack")]
_WORD = re.compile(r"[a-z0-9][a-z0-9+#]*(?:-[a-z0-9+#]+)*")


def _tokens(text: str) -> set[str]:
    low = text.lower()
    for phrase, short in _PHRASES:
        low = low.replace(phrase, short)
    out: set[str] = set()
    for word in _WORD.findall(low):
        word = _SAME.get(word, word)
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        out.add(word)
        if "-" in word:
            out.update(word.split("-"))
    return out


def _content(skill: str) -> set[str]:
    words = _tokens(skill) - _FILLER
    # "Python programming" is the skill Python; "programming" alone is a skill of its own.
    return words - {"programming"} if len(words) > 1 else words


def matrix_roles(catalog: Catalog) -> tuple[Role, ...]:
    """The exercise's columns: the roles of the article's comparison table (11 of them)."""
    return tuple(r for r in catalog.roles if r.in_comparison_table)


def short_labels(roles: Iterable[Role]) -> dict[str, str]:
    """A unique label of at most five characters per role, for narrow grid columns."""
    labels: dict[str, str] = {}
    for role in roles:
        words = [w for w in re.split(r"[\s/]+", role.name) if w[:1].isalpha()]
        candidates = [role.abbreviation, "".join(w[0] for w in words).upper(),
                      words[0][:5] if words else ""]
        labels[role.id] = next((c for c in candidates if c and len(c) <= 5
                                and c not in labels.values()), role.id[:5])
    return labels


def propose(skill: str, role: Role) -> int:
    """A first guess at how much ``role`` values ``skill``; see ``RULE``."""
    want = _content(skill)
    if not want:
        return 0
    if want <= _tokens(role.core_skills):
        return 3
    key_items = [_tokens(item) for item in role.key_skills]
    if any(want <= item for item in key_items):
        return 2
    if any(want <= _tokens(tool) | _tokens(role.name) for tool in role.tools):
        return 1
    if len(want) > 1:
        half = (len(want) + 1) // 2
        if any(len(want & item) >= half for item in [_tokens(role.core_skills), *key_items]):
            return 1
    return 0



def proposals(catalog: Catalog, skill: str, role_ids: Iterable[str]) -> dict[str, int]:
    """``propose`` for each role of a matrix; 0 for one the catalog no longer has (a file
    is checked against the catalog when read, so only a stale matrix meets that)."""
    return {rid: propose(skill, role) if (role := catalog.role(rid)) is not None else 0
            for rid in role_ids}

@dataclass
class SkillRow:
    name: str
    scores: dict[str, int]
    proposed: dict[str, int]

    def adjusted(self, role_id: str) -> bool:
        return self.scores[role_id] != self.proposed[role_id]


@dataclass(frozen=True, slots=True)
class Ranked:
    role: str
    total: int
    rank: int
    tied: bool


@dataclass
class Matrix:
    """Skills (rows) by roles (columns). Mutable: the person edits it cell by cell."""

    roles: tuple[str, ...]
    rows: list[SkillRow] = field(default_factory=list)

    @classmethod
    def empty(cls, catalog: Catalog) -> Matrix:
        return cls(tuple(r.id for r in matrix_roles(catalog)))

    def copy(self) -> Matrix:
        return Matrix(self.roles, [SkillRow(r.name, dict(r.scores), dict(r.proposed))
                                   for r in self.rows])

    def add_skill(self, catalog: Catalog, name: str) -> SkillRow:
        name = clean_name(name)
        if len(self.rows) >= MAX_SKILLS:
            raise ValueError(f"the exercise asks for at most {MAX_SKILLS} skills")
        if any(r.name.casefold() == name.casefold() for r in self.rows):
            raise ValueError(f"{name!r} is already in the matrix")
        proposed = proposals(catalog, name, self.roles)
        row = SkillRow(name, dict(proposed), proposed)
        self.rows.append(row)
        return row

    def remove(self, index: int) -> SkillRow:
        return self.rows.pop(index)

    def set(self, index: int, role_id: str, value: int) -> int:
        value = max(MIN_SCORE, min(MAX_SCORE, value))
        self.rows[index].scores[role_id] = value
        return value

    def bump(self, index: int, role_id: str, delta: int) -> int:
        return self.set(index, role_id, self.rows[index].scores[role_id] + delta)

    def reset(self, index: int) -> None:
        self.rows[index].scores.update(self.rows[index].proposed)

    def total(self, role_id: str) -> int:
        return sum(r.scores[role_id] for r in self.rows)

    def ranking(self) -> list[Ranked]:
        """Columns by their sum, highest first. Equal sums share a rank (1, 2=, 2=, 4) and
        keep column order."""
        totals = {rid: self.total(rid) for rid in self.roles}
        order = sorted(self.roles, key=lambda rid: totals[rid], reverse=True)
        values = list(totals.values())
        return [Ranked(rid, totals[rid], 1 + sum(v > totals[rid] for v in values),
                       values.count(totals[rid]) > 1) for rid in order]


def clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValueError("type a skill first")
    if len(name) > MAX_NAME:
        raise ValueError(f"keep a skill under {MAX_NAME} characters")
    return name
