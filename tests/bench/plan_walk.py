"""How many keys a 15-hire plan costs: the article's exercise built from blank, in a pty.

    python tests/bench/plan_walk.py            (or: python -m tests.bench.plan_walk) [--show]

The installed `airoles-tui` runs in a real pty at 80x24 with a home of its own. The walk is
what a user who knows the designer does: open it, fill in the plan details, add 15 hires
(role, seniority, start month, team, first-90-day deliverable, rationale), set the growth
stage to 50 hires, save. The content is the worked example (data/plans/series-b-legal.toml)
without its titles; the saved file is read back and compared with it, so a walk that loses or
garbles anything fails instead of reporting a figure.

Counted apart: keys (enter, tab, esc, ctrl+n, command letters like `a`, `e`, `g`), the text
typed into fields, and the letters typed to search a choice list ("ml" for ML Engineer),
which are text but are reported on their own so nothing hides in them. A benchmark, not a
test: pytest collects nothing here.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.e2e.ptyterm import PtyTerm, user_dirs  # noqa: E402
from tests.e2e.sshd import installed_app  # noqa: E402

EXAMPLE = REPO / "data" / "plans" / "series-b-legal.toml"
BEFORE = 315  # keys the same walk took before fast entry (issue 13)
TARGET = 150
SENIORITY_LETTER = {"junior": "j", "mid": "m", "senior": "s", "lead": "l"}


@dataclass
class Walk:
    term: PtyTerm
    keys: list[str] = field(default_factory=list)
    typed: int = 0
    searched: int = 0
    show: bool = False

    def key(self, name: str, *, settle: float = 0.12) -> None:
        self.keys.append(name)
        self.term.press(name)
        self.term.settle(quiet=settle)
        self.trace(name)

    def trace(self, what: str) -> None:
        if self.show and len(self.keys) < 30:
            print(f"--- after {what!r}\n" + "\n".join(self.term.text().splitlines()[2:14]))

    def text(self, text: str) -> None:
        if not text:
            return
        self.typed += len(text)
        # Line breaks are typed as the enter key does it; in chunks, as a fast typist's
        # terminal sends them.
        data = text.replace("\n", "\r")
        for at in range(0, len(data), 64):
            self.term.type(data[at:at + 64])
        self.term.settle(quiet=0.12)

    def search(self, letters: str) -> None:
        self.searched += len(letters)
        self.term.type(letters)
        self.term.settle(quiet=0.12)
        self.trace(letters)

    def wait(self, needle: str) -> None:
        self.term.wait_for(needle, timeout=20)

    def focused_label(self) -> str:
        """The label of the focused field: the form shows it reversed (FieldRow)."""
        screen = self.term.screen
        for y in range(screen.lines):
            row = screen.buffer[y]
            cells = [row[x] for x in range(36, screen.columns)]
            if any(c.reverse and c.data.strip() for c in cells):
                return "".join(c.data for c in cells if c.reverse).strip()
        return ""

    def at(self, label: str) -> None:
        """Wait until the field whose label starts with ``label`` has focus: the walk
        measures keys, so it never types ahead into a field still on its way."""
        self.term.wait_until(lambda: self.focused_label().startswith(label), timeout=20)


def search_letters(names: list[str], wanted: str) -> str:
    """The shortest start of ``wanted`` that a choice list's search (a substring, earliest
    match first, then list order) resolves to ``wanted``: what a user learns to type."""
    for n in range(1, len(wanted) + 1):
        query = wanted[:n].lower()
        best, at = None, None
        for name in names:
            found = name.lower().find(query)
            if found != -1 and (at is None or found < at):
                best, at = name, found
        if best == wanted:
            return wanted[:n]
    return wanted


def role_names() -> dict[str, str]:
    from airoles_tui.catalog.loader import load_catalog
    from airoles_tui.paths import data_dir

    return {r.id: r.name for r in load_catalog(data_dir()).roles}


def structure_search(structure: str) -> str:
    from airoles_tui.catalog.loader import load_catalog
    from airoles_tui.paths import data_dir

    names = {t.id: t.name for t in load_catalog(data_dir()).team_structures}
    return search_letters(list(names.values()), names[structure])


def walk(show: bool) -> dict:
    plan = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    names = role_names()
    home = Path(tempfile.mkdtemp(prefix="airoles-walk-"))
    term = PtyTerm([str(installed_app())], 80, 24,
                   env={**user_dirs(home), "TEXTUAL_ANIMATIONS": "none"})
    w = Walk(term, show=show)
    try:
        w.wait("roles ·")
        w.key("4")
        w.wait("No hires yet")

        # Plan details: name, company; the exercise's product, funding and budget are given.
        p = plan["plan"]
        w.key("e")
        w.wait("Plan details")
        w.text(p["name"])
        w.key("enter")
        w.text(p["company"])
        w.key("enter")
        for _given in ("product", "funding", "budget", "multiplier", "other burn", "compute"):
            w.key("tab")
        w.search(structure_search(p["structure"]))
        w.key("enter")
        w.key("esc")
        w.wait(p["name"][:20])

        # The hires: each new one starts as a copy of the one before (role, seniority, team,
        # start), so what is the same costs one tab.
        w.key("a")
        w.wait("1/15 hires")
        previous: dict = {"role": None, "seniority": "mid", "start": 1, "team": ""}
        steps = (("seniority", "Seniority"), ("start", "Start"), ("team", "Team"))
        for n, hire in enumerate(plan["hires"]):
            w.at("Role")
            if hire["role"] == previous["role"]:
                w.key("tab")
            else:
                w.search(search_letters(list(names.values()), names[hire["role"]]))
                w.wait("▲")  # the list is open
                w.key("enter")
            for name, label in steps:
                w.at(label)
                if hire[name] == previous[name]:
                    w.key("tab")
                elif name == "seniority":
                    w.search(SENIORITY_LETTER[hire["seniority"]])
                    w.wait("▲")
                    w.key("enter")
                else:
                    w.text(str(hire[name]))
                    w.key("enter")
            w.at("First-90-day")
            w.text(hire["deliverable_90_days"])
            w.key("tab")
            w.at("Why this hire")
            w.text(hire["rationale"])
            last = n == len(plan["hires"]) - 1
            w.key("esc" if last else "ctrl-n", settle=0.2)
            if not last:
                w.wait(f"{n + 2}/15 hires")
            previous = hire

        # Growth to 50: the counts start from the plan's; structure and target are given.
        g = plan["growth"]
        w.key("g")
        w.wait("Growth stage")
        w.key("tab")  # target: 50, the exercise's
        w.text(str(g["month"]))  # the month the plan grows to it
        w.key("tab")
        w.key("tab")  # structure then: the plan's
        counts: dict[str, int] = {}
        for hire in plan["hires"]:
            counts[hire["role"]] = counts.get(hire["role"], 0) + 1
        for role_id in names:
            want = g["headcount"].get(role_id, 0)
            if want != counts.get(role_id, 0):
                w.text(str(want))
            w.key("tab")
        w.text(g["changes"])
        w.key("esc")

        w.key("ctrl-s")
        w.wait("Save plan as")
        w.key("enter")
        w.wait("Saved ")
        screen = term.text()
    finally:
        term.close()
    saved = sorted((home / "data" / "airoles-tui" / "plans").glob("*.toml"))
    problems = compare(plan, tomllib.loads(saved[0].read_text(encoding="utf-8"))
                       if saved else {})
    if show:
        print(screen)
    return {"keys": len(w.keys), "typed_characters": w.typed,
            "search_letters": w.searched, "before": BEFORE, "target": TARGET,
            "saved": str(saved[0]) if saved else None, "problems": problems}


def compare(want: dict, got: dict) -> list[str]:
    """What the saved plan lacks of the example (titles and order numbers aside)."""
    out = []
    for key in ("name", "company", "product", "funding_usd", "hire_budget", "structure"):
        if got.get("plan", {}).get(key) != want["plan"][key]:
            out.append(f"plan.{key}: {got.get('plan', {}).get(key)!r}")
    hires = got.get("hires", [])
    if len(hires) != len(want["hires"]):
        out.append(f"{len(hires)} hires, not {len(want['hires'])}")
    for n, (a, b) in enumerate(zip(want["hires"], hires), start=1):
        for key in ("role", "seniority", "start", "team", "deliverable_90_days", "rationale"):
            if a[key] != b.get(key, {"seniority": "mid", "start": 1}.get(key, "")):
                out.append(f"hire {n} {key}: {b.get(key)!r}")
    growth = got.get("growth", {})
    for key in ("target", "month", "structure", "changes", "headcount"):
        if growth.get(key) != want["growth"][key]:
            out.append(f"growth.{key}: {growth.get(key)!r}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="print the last screen")
    args = parser.parse_args(argv)
    result = walk(args.show)
    ok = not result["problems"] and result["keys"] <= TARGET
    print(f"15-hire plan from blank: {result['keys']} keys besides typed text "
          f"(before: {BEFORE}; target <= {TARGET}) {'PASS' if ok else 'MISS'}")
    print(f"  typed: {result['typed_characters']} characters of text, and "
          f"{result['search_letters']} letters typed to search choice lists")
    for problem in result["problems"]:
        print(f"  saved plan differs: {problem}")
    print(json.dumps(result))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
