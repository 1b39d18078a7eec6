"""The plan as pictures drawn with text: the hiring timeline, burn and runway, the org chart.

Each picture is a list of lines, each line a list of (text, mark) pieces. The text alone reads
right (glyphs carry the meaning: █ paid, ░ after the money, ! a late hire, ▼ the month it
runs out), so NO_COLOR terminals and the Markdown export lose nothing; the mark names what a
piece is, for the screen to colour it. No textual here: the screens (ui/screens/plan_views)
and the reports draw from the same lines.

Drawn by hand rather than with textual-plotext: plotext draws with braille dots and colour
to tell series apart, which needs a font with braille and colour to read, and a 16-colour or
NO_COLOR terminal over SSH has neither for certain; text glyphs work in all of them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..catalog.records import Catalog
from .analysis import Analysis, TeamRollup, growth_steps, monthly_spend, plan_steps
from .model import Hire, OrgPlan, hire_cost, money

# What a piece is, for colouring: "" plain, "head" a heading, "dim" axes and labels, "paid"
# a funded month or the plan's line, "unpaid" after the money runs out, "late" a hire who
# starts after it, "mark" the month it runs out / the raise, "growth" the growth stage,
# "hub" the platform team.
Piece = tuple[str, str]
Line = list[Piece]

PAID, UNPAID, LATE, RUN_OUT = "█", "░", "!", "▼"
PLAN_DOT, GROWTH_DOT, BOTH_DOT, RAISE = "●", "+", "◆", "═"
HUB_WORDS = ("hub", "platform")  # a team named so is the hub of a hub-and-spoke plan
MIN_WIDTH = 40
NEW_AT_GROWTH = "(new at growth)"  # the org chart's place for roles no team holds yet
STAGES = {"now": "Now", "growth": "At growth"}  # the org chart's two stages


@dataclass(frozen=True, slots=True)
class Picture:
    title: str
    lines: tuple[Line, ...]

    def text(self) -> str:
        return "\n".join("".join(t for t, _ in line).rstrip() for line in self.lines)


def wrap(line: Line, width: int) -> list[Line]:
    """A line longer than ``width`` broken at spaces into several, each piece keeping its
    mark; lines that fit (bars, axes, charts) come back as they are."""
    if sum(len(text) for text, _ in line) <= width:
        return [line]
    words: list[Piece] = []
    for text, mark in line:
        for n, word in enumerate(text.split(" ")):
            words.append(((" " if n else "") + word, mark))
    out: list[Line] = [[]]
    used = 0
    for text, mark in words:
        if used + len(text) > width and used:
            out.append([])
            text, used = "  " + text.lstrip(" "), 0
        out[-1].append((text, mark))
        used += len(text)
    return out


def _fit(text: str, width: int) -> str:
    """Cut to ``width`` cells with an ellipsis, padded to exactly ``width``."""
    if width <= 0:
        return ""
    if len(text) > width:
        text = text[: max(0, width - 1)] + "…"
    return text.ljust(width)


def _role_name(catalog: Catalog, role_id: str) -> str:
    role = catalog.role(role_id)
    return role.name if role else f"{role_id} (unknown)"


# -- hiring timeline -------------------------------------------------------------------------


def timeline(plan: OrgPlan, analysis: Analysis, catalog: Catalog, width: int = 78) -> Picture:
    """Months across (as many as the width holds), one row per hire grouped by team, a bar
    from the start month: █ while the raise pays, ░ after it runs out; ! hires that start
    after it. The run-out month is marked ▼ on the axis."""
    width = max(MIN_WIDTH, width)
    label_w = min(30, max(18, width // 3))
    months = width - label_w - 1
    out = analysis.runs_out_month
    lines: list[Line] = [[(f"Hiring timeline: {plan.name or '(untitled)'}", "head")]]
    if out is None:
        lines.append([("The money never runs out at this spending (or nothing is spent).",
                       "dim")])
    else:
        where = "" if out <= months else f", beyond the {months} months shown (▶)"
        lines.append([(f"{RUN_OUT} the money runs out in M{out}{where}", "mark")])
        # The legend on a line of its own: beside a long run-out line it was cut at 80 columns.
        lines.append([(f"{PAID} paid  {UNPAID} after the money  {LATE} starts after it",
                       "dim")])
    lines.append(_axis(label_w, months, out))
    if not plan.hires:
        lines.append([("No hires yet: add one in the designer (a).", "dim")])
    for team in analysis.teams:
        lines.append([(_fit(f"{team.team} ({team.headcount} · {money(team.annual_usd)}/yr)",
                            width), "head")])
        for i in team.hires:
            lines.append(_hire_row(plan, catalog, i, label_w, months, out))
    return Picture("Hiring timeline", tuple(lines))


def _axis(label_w: int, months: int, out: int | None) -> Line:
    """Month labels every 6 (or 3) months, ▼ in the run-out month's column, kept clear."""
    step = 6 if months >= 36 else 3
    cells = [" "] * months
    shown_out = out if out is not None and out <= months else None  # the ▼'s month
    if shown_out is not None:
        cells[shown_out - 1] = RUN_OUT
    for m in range(1, months + 1, step):
        label = f"M{m}"
        span = cells[m - 1: m - 1 + len(label) + 1]  # and one blank after it
        if m - 1 + len(label) <= months and all(c == " " for c in span):
            cells[m - 1: m - 1 + len(label)] = list(label)
    line: Line = [(" " * label_w + " ", "dim")]
    if shown_out is not None:
        line += [("".join(cells[: shown_out - 1]), "dim"), (RUN_OUT, "mark"),
                 ("".join(cells[shown_out:]), "dim")]
    else:
        line.append(("".join(cells), "dim"))
    return line


def _hire_row(plan: OrgPlan, catalog: Catalog, i: int, label_w: int, months: int,
              out: int | None) -> Line:
    hire = plan.hires[i]
    late = out is not None and hire.start > out
    name = hire.title or _role_name(catalog, hire.role)
    label = _fit(f"{LATE if late else ' '}{i + 1:>2} {name}", label_w)
    start = max(1, hire.start)
    line: Line = [(label, "late" if late else ""), (" ", "")]
    if start > months:
        return [*line, (" " * (months - 1) + "▶", "late" if late else "dim")]
    paid_to = months if out is None else min(months, out)
    paid = max(0, paid_to - start + 1)
    line.append((" " * (start - 1), ""))
    if late:
        line.append((LATE + UNPAID * (months - start), "late"))
        return line
    line.append((PAID * paid, "paid"))
    unpaid = months - (start - 1) - paid
    if unpaid > 0:
        line.append((UNPAID * unpaid, "unpaid"))
    return line


# -- burn and runway -------------------------------------------------------------------------


def burn(plan: OrgPlan, analysis: Analysis, width: int = 78, height: int = 10) -> Picture:
    """Cumulative spend from month 1 against the raise (═), for the plan as planned (●) and
    grown to the growth stage (+), until each runs out; each stage's monthly cost below."""
    width = max(MIN_WIDTH, width)
    lines: list[Line] = [[(f"Burn and runway: {plan.name or '(untitled)'}", "head")]]
    stages = [("plan", PLAN_DOT, "paid", plan_steps(plan, analysis.costs), analysis.runway)]
    if analysis.growth is not None:
        stages.append(("growth", GROWTH_DOT, "growth",
                       growth_steps(plan, analysis.costs, analysis.growth.annual_usd),
                       analysis.growth.runway))
    ends = [r for *_, r in stages if r is not None]
    if plan.funding_usd <= 0 or not ends:
        lines.append([("Nothing to draw: give the plan its funding and at least one hire "
                       "with a pay range.", "dim")])
        return Picture("Burn and runway", tuple(lines + _burn_legend(plan, analysis)))
    axis_w = 8
    cols = width - axis_w - 1
    span = max(math.ceil(max(ends)) + 1, 12)
    per_col = max(1, math.ceil(span / cols))
    cols = min(cols, math.ceil(span / per_col))
    top = plan.funding_usd * 1.1
    grid = [[" "] * cols for _ in range(height)]
    marks = [[""] * cols for _ in range(height)]
    raise_row = height - 1 - round(plan.funding_usd / top * (height - 1))
    for c in range(cols):
        grid[raise_row][c], marks[raise_row][c] = RAISE, "mark"
    for _, dot, mark, steps, end in stages:
        spend = monthly_spend(steps, cols * per_col)
        total = 0.0
        for c in range(cols):
            total += sum(spend[c * per_col: (c + 1) * per_col])
            if end is not None and c * per_col >= math.ceil(end):
                break
            row = height - 1 - round(min(total, top) / top * (height - 1))
            if grid[row][c] in (PLAN_DOT, GROWTH_DOT) and grid[row][c] != dot:
                grid[row][c], marks[row][c] = BOTH_DOT, "head"
            else:
                grid[row][c], marks[row][c] = dot, mark
    for r in range(height):
        value = top * (height - 1 - r) / (height - 1)
        label = (money(plan.funding_usd) if r == raise_row
                 else money(value) if r % 3 == 0 and abs(r - raise_row) > 1 else "")
        line: Line = [(label.rjust(axis_w - 1) + " ┤", "dim")]
        for c in range(cols):
            line.append((grid[r][c], marks[r][c]))
        lines.append(line)
    ticks = [" "] * cols
    for c in range(0, cols, max(1, 12 // per_col)):
        label = f"M{c * per_col + 1}"
        if c + len(label) <= cols and all(t == " " for t in ticks[c: c + len(label)]):
            ticks[c: c + len(label)] = list(label)
    lines.append([(" " * (axis_w - 1) + " └" + "─" * cols, "dim")])
    lines.append([(" " * (axis_w + 1) + "".join(ticks), "dim"),
                  (f"  ({per_col} month{'s' if per_col > 1 else ''} a column)", "dim")])
    return Picture("Burn and runway", tuple(lines + _burn_legend(plan, analysis)))


def _burn_legend(plan: OrgPlan, analysis: Analysis) -> list[Line]:
    out: list[Line] = [[(f"{RAISE} raise {money(plan.funding_usd)}", "mark")]]
    full = analysis.monthly_usd + analysis.other_monthly_usd
    ends = "never runs out" if analysis.runway is None else (
        f"runs out in M{analysis.runs_out_month} ({analysis.runway:.1f} months)")
    out.append([(f"{PLAN_DOT} as planned: ", "paid"),
                (f"{money(full)}/mo with everyone on board, {ends}", "")])
    g = analysis.growth
    if g is not None:
        g_month = g.annual_usd / 12 + analysis.other_monthly_usd
        when = f"from M{g.month}" if g.month else "from M1 (no growth month set)"
        g_ends = "never runs out" if g.runway is None else (
            f"runs out in M{math.ceil(g.runway)} ({g.runway:.1f} months)")
        out.append([(f"{GROWTH_DOT} grown to {g.headcount} {when}: ", "growth"),
                    (f"{money(g_month)}/mo, {g_ends}", "")])
    out.append([(f"Counts {analysis.runway_counts}.", "dim")])
    return out


# -- org chart -------------------------------------------------------------------------------


def growth_by_team(plan: OrgPlan, teams: tuple[TeamRollup, ...]) -> dict[str, dict[str, int]]:
    """The growth headcount placed in today's teams: each role's count split the way that
    role's hires are split now (largest remainder); roles nobody holds yet go to "(new at
    growth)"."""
    placed: dict[str, dict[str, int]] = {t.team: {} for t in teams}
    for role_id, count in plan.growth.headcount.items():
        now = [(t.team, sum(1 for i in t.hires if plan.hires[i].role == role_id))
               for t in teams]
        now = [(team, n) for team, n in now if n]
        if not now:
            placed.setdefault(NEW_AT_GROWTH, {})[role_id] = count
            continue
        held = sum(n for _, n in now)
        shares = [(team, count * n / held) for team, n in now]
        floors = {team: math.floor(s) for team, s in shares}
        rest = count - sum(floors.values())
        for team, _ in sorted(shares, key=lambda p: p[1] - math.floor(p[1]), reverse=True)[:rest]:
            floors[team] += 1
        for team, n in floors.items():
            if n:
                placed[team][role_id] = n
    return placed


@dataclass(frozen=True, slots=True)
class _Box:
    """A team as the chart draws it: its name, size and cost, and who is in it."""

    team: str
    size: str
    names: tuple[str, ...]


def org_chart(plan: OrgPlan, analysis: Analysis, catalog: Catalog, width: int = 78,
              stage: str = "now") -> Picture:
    """The structure as the article draws it, each team with its headcount and yearly cost:
    ``now`` each hire in their team; ``growth`` the growth stage's headcount placed in the
    same teams (see growth_by_team), drawn in the growth stage's structure."""
    width = max(MIN_WIDTH, width)
    lines: list[Line] = [[(f"Org chart: {plan.name or '(untitled)'}", "head")]]
    growing = stage == "growth"
    kind = (plan.growth.structure or plan.structure) if growing else plan.structure
    structure = catalog.team_structure(kind)
    if growing and analysis.growth is not None:
        total = f"{analysis.growth.headcount} · {money(analysis.growth.annual_usd)}/yr"
    else:
        total = f"{analysis.hires} · {money(analysis.annual_usd)}/yr"
    lines.append([(f"{STAGES[stage]}: ", "growth" if growing else "head"), (total, "")])
    lines.append([(structure.name if structure else "No team structure chosen", "head")])
    if not plan.hires:
        lines.append([("No hires yet: add one in the designer (a).", "dim")])
        return Picture("Org chart", tuple(lines))
    if growing and not plan.growth.headcount:
        lines.append([("No growth stage yet: set its headcount in the designer (g).", "dim")])
        return Picture("Org chart", tuple(lines))
    boxes = _growth_boxes(plan, analysis, catalog) if growing else [
        _Box(t.team, f"{t.headcount} · {money(t.annual_usd)}/yr",
             tuple(f"{i + 1} {_role_name(catalog, plan.hires[i].role)}" for i in t.hires))
        for t in analysis.teams]
    new = next((b for b in boxes if b.team == NEW_AT_GROWTH), None)
    teams = [b for b in boxes if b is not new]
    if kind == "hub-and-spoke":
        hubs = [t for t in teams if any(w in t.team.lower() for w in HUB_WORDS)]
        spokes = [t for t in teams if t not in hubs]
        if not hubs:
            lines.append([("◉ HUB  (no platform hub team: name one \"Hub: …\" or "
                           "\"… platform\")", "late")])
        for t in hubs:
            lines += _team_box(t, width, "◉ HUB  ", "│      ", "hub")
        lines.append([("│ shared pipelines, feature store, serving, monitoring", "dim")])
        for n, t in enumerate(spokes):
            last = n == len(spokes) - 1 and new is None
            lines += _team_box(t, width, ("└─" if last else "├─") + "◎ SPOKE ",
                               ("  " if last else "│ ") + "        ", "")
    elif kind == "centralised":
        lines.append([("▣ ONE CENTRAL AI TEAM, serving every business unit", "hub")])
        for n, t in enumerate(teams):
            last = n == len(teams) - 1 and new is None
            lines += _team_box(t, width, ("└─" if last else "├─") + "▪ ",
                               ("  " if last else "│ ") + "  ", "")
    else:
        head = ("Product teams, each with its own ML people (no shared platform)"
                if kind == "embedded" else "Teams")
        lines.append([(head, "dim")])
        for t in teams:
            lines += _team_box(t, width, "◎ ", "  ", "")
    if new is not None:
        lines += _team_box(new, width, "└─+ ", "    ", "growth")
    return Picture("Org chart", tuple(lines))


def _growth_boxes(plan: OrgPlan, analysis: Analysis, catalog: Catalog) -> list[_Box]:
    boxes = []
    for team, roles in growth_by_team(plan, analysis.teams).items():
        if not roles:
            continue
        now = next((t.headcount for t in analysis.teams if t.team == team), 0)
        cost = sum(_midpoint_cost(plan, catalog, r) * n for r, n in roles.items())
        size = f"{sum(roles.values())} · {money(cost)}/yr" + (f" (now {now})" if now else "")
        boxes.append(_Box(team, size, tuple(f"{_role_name(catalog, r)} {n}"
                                            for r, n in roles.items())))
    return boxes


def org_side_by_side(plan: OrgPlan, analysis: Analysis, catalog: Catalog,
                     width: int) -> Picture:
    """Now on the left, the growth stage on the right, each half the width; one title."""
    half = (width - 3) // 2
    title, *_ = org_chart(plan, analysis, catalog, width).lines
    now, grown = (_finish(Picture("", org_chart(plan, analysis, catalog, half, stage).lines[1:]),
                          half) for stage in ("now", "growth"))
    lines: list[Line] = [list(title)]
    for n in range(max(len(now.lines), len(grown.lines))):
        left = list(now.lines[n]) if n < len(now.lines) else []
        used = sum(len(t) for t, _ in left)
        right = list(grown.lines[n]) if n < len(grown.lines) else []
        lines.append([*left, (" " * (half - used) + " │ ", "dim"), *right])
    return Picture("Org chart", tuple(lines))


def _team_box(box: _Box, width: int, lead: str, indent: str, mark: str) -> list[Line]:
    head: Line = [(lead, mark or "dim"), (box.team, mark or "head"), (f"  {box.size}", "")]
    out = [head]
    row = ""
    for name in box.names:
        piece = name if not row else " · " + name
        if len(indent) + len(row) + len(piece) > width and row:
            out.append([(indent, "dim"), (row, "")])
            row = name
        else:
            row += piece
    if row:
        out.append([(indent, "dim"), (_fit(row, width - len(indent)).rstrip(), "")])
    return out


def _midpoint_cost(plan: OrgPlan, catalog: Catalog, role_id: str) -> float:
    return hire_cost(Hire(role=role_id), catalog, plan.cost_multiplier).annual_usd


PICTURES = {"timeline": "Hiring timeline", "burn": "Burn and runway", "org": "Org chart"}


def picture(kind: str, plan: OrgPlan, analysis: Analysis, catalog: Catalog,
            width: int = 78, stage: str = "now") -> Picture:
    """One picture, every line within ``width`` cells; ``stage`` is the org chart's: "now",
    "growth", or "both" side by side."""
    width = max(MIN_WIDTH, width)
    if kind == "timeline":
        pic = timeline(plan, analysis, catalog, width)
    elif kind == "burn":
        pic = burn(plan, analysis, width)
    elif kind == "org" and stage == "both":
        pic = org_side_by_side(plan, analysis, catalog, width)
    elif kind == "org":
        pic = org_chart(plan, analysis, catalog, width, stage)
    else:
        raise ValueError(kind)
    return _finish(pic, width)


def _finish(pic: Picture, width: int) -> Picture:
    """Each line flattened and wrapped to ``width``."""
    # A line break typed into a name (a hand-edited file) would break the picture's rows.
    flat = ([(text.replace("\r", " ").replace("\n", " "), mark) for text, mark in line]
            for line in pic.lines)
    return Picture(pic.title, tuple(part for line in flat for part in wrap(line, width)))
