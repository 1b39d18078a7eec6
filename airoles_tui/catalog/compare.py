"""Two or three roles side by side: the key skills they share and the ones that set each apart.

The article words the same skill differently per role ("Python/R", "Python", "Strong
programming in Python/PyTorch/JAX"), so skills are compared by their terms, not their text: the
skill's head with qualifiers like "strong" dropped, each alternative of an "A/B" head, and the
short items named in its brackets ("Infrastructure-as-code (Docker, Kubernetes, Slurm)").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .records import Role

MAX_ROLES = 3
_QUALIFIERS = ("strong ", "deep ", "basic ", "excellent ", "expert ", "traditional ")
_BRACKETS = re.compile(r"\(([^)]*)\)")
_CONJUNCTION = re.compile(r"^(and|or) ")
_SHORT_ITEM_WORDS = 3  # bracketed items longer than this are explanations, not skills


def _norm(text: str) -> str:
    text = " ".join(text.lower().split()).strip(" .,;:")
    for q in _QUALIFIERS:
        text = text.removeprefix(q)
    return text


def skill_terms(skill: str) -> dict[str, str]:
    """The skill's terms, normalised -> as written (the written form is what a reader sees)."""
    terms: dict[str, str] = {}

    def add(raw: str) -> None:
        raw = raw.strip(" .,;:")
        key = _norm(raw)
        if key and key not in terms:
            words = raw.split()
            if words and words[0].lower() + " " in _QUALIFIERS:
                raw = " ".join(words[1:])
            terms[key] = raw

    head = _BRACKETS.sub("", skill).strip()
    add(head)
    if "/" in head and " " not in head.replace(" & ", "&"):
        for part in head.split("/"):
            add(part)
    for inner in _BRACKETS.findall(skill):
        items = [_CONJUNCTION.sub("", item.strip()) for item in inner.split(",")]
        # One long item means the brackets explain rather than list: "(many come from ...)".
        if all(0 < len(item.split()) <= _SHORT_ITEM_WORDS for item in items):
            for item in items:
                add(item)
    return terms


@dataclass(frozen=True, slots=True)
class SharedSkill:
    term: str
    roles: tuple[str, ...]  # ids of the compared roles that list it, in comparison order


@dataclass(frozen=True, slots=True)
class SkillComparison:
    shared: tuple[SharedSkill, ...]
    distinct: dict[str, tuple[str, ...]]  # role id -> its key skills no other compared role has
    shared_tools: tuple[str, ...]


def compare_skills(roles: Sequence[Role]) -> SkillComparison:
    """Which terms two or more of ``roles`` share, and each role's skills that nobody else has.

    A skill counts as shared when any of its terms appears among another role's terms; it is
    distinct otherwise, and shown in the article's own wording.
    """
    per_role: dict[str, dict[str, str]] = {}
    for role in roles:
        terms: dict[str, str] = {}
        for skill in role.key_skills:
            for key, shown in skill_terms(skill).items():
                terms.setdefault(key, shown)
        per_role[role.id] = terms

    shared: list[SharedSkill] = []
    seen: set[str] = set()
    for role in roles:
        for key, shown in per_role[role.id].items():
            if key in seen:
                continue
            holders = tuple(r.id for r in roles if key in per_role[r.id])
            if len(holders) > 1:
                seen.add(key)
                shared.append(SharedSkill(shown, holders))
    # Most widely shared first, then in the order the first role lists them.
    shared.sort(key=lambda s: -len(s.roles))

    distinct = {
        role.id: tuple(skill for skill in role.key_skills
                       if not any(k in seen for k in skill_terms(skill)))
        for role in roles
    }
    tool_sets = [{t.lower(): t for t in r.tools} for r in roles]
    common = set.intersection(*(set(t) for t in tool_sets)) if tool_sets else set()
    shared_tools = tuple(t for t in (roles[0].tools if roles else ()) if t.lower() in common)
    return SkillComparison(tuple(shared), distinct, shared_tools)
