"""Pay at a glance: every role's 2026 range on one shared scale, laid out in character cells.

Kept free of the terminal so the part that can quietly be wrong (rounding a range to cells,
open-ended tops, tick labels colliding on a narrow screen) is unit-tested directly. The bars
are plain characters, so they keep their meaning with colour off.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from .records import Role

FULL = "█"
OPEN_END = "▶"  # the last cell of a range the article leaves open ("$500K+")
GRID = "·"      # marks a tick's column in rows whose bar does not cover it
NAME_WIDTH = 26
LABEL_WIDTH = 12  # "$200K–$500K+"
SORTS = ("low", "high", "name")
_STEPS = (10_000, 25_000, 50_000, 100_000, 200_000, 250_000, 500_000, 1_000_000)
_MIN_TICK_GAP = 5  # "$100K"; axis() skips a label that would touch its neighbour


def short_money(usd: int) -> str:
    if usd >= 1_000_000 and usd % 100_000 == 0:
        return f"${usd / 1_000_000:g}M"
    return f"${usd // 1000}K"


def range_label(role: Role) -> str:
    comp = role.compensation
    if comp is None:
        return "no figure"
    return f"{short_money(comp.min_usd)}–{short_money(comp.max_usd)}{'+' if comp.open_ended else ''}"


def sort_roles(roles: Iterable[Role], by: str, reverse: bool = False) -> list[Role]:
    """Roles in chart order; roles the article gives no figure for always come last."""
    if by not in SORTS:
        raise ValueError(f"unknown sort {by!r}; expected one of {', '.join(SORTS)}")
    priced = [r for r in roles if r.compensation]
    unpriced = sorted((r for r in roles if not r.compensation), key=lambda r: r.name.lower())

    def key(r: Role) -> tuple:
        comp = r.compensation
        assert comp is not None
        if by == "low":
            return (comp.min_usd, comp.max_usd, r.name.lower())
        if by == "high":
            return (comp.max_usd, comp.min_usd, r.name.lower())
        return (r.name.lower(),)

    return sorted(priced, key=key, reverse=reverse) + unpriced


@dataclass(frozen=True, slots=True)
class Scale:
    """Maps dollars to one of ``width`` cells, ``low`` at cell 0 and ``high`` at the last."""

    low: int
    high: int
    width: int
    step: int

    def cell(self, usd: int) -> int:
        usd = min(max(usd, self.low), self.high)
        return round((usd - self.low) * (self.width - 1) / (self.high - self.low))

    def ticks(self) -> list[int]:
        return list(range(self.low, self.high + 1, self.step))


def make_scale(roles: Iterable[Role], width: int, min_tick_gap: int = _MIN_TICK_GAP) -> Scale:
    """The smallest round scale that holds every range, with ticks ``min_tick_gap`` cells apart
    (far enough to label them, by default)."""
    comps = [r.compensation for r in roles if r.compensation]
    lo = min((c.min_usd for c in comps), default=0)
    hi = max((c.max_usd for c in comps), default=100_000)
    width = max(width, 2)
    for step in _STEPS:
        low = lo // step * step
        high = max(math.ceil(hi / step) * step, low + step)
        gaps = (high - low) // step
        if (width - 1) / gaps >= min_tick_gap:
            return Scale(low, high, width, step)
    # Wider than the round steps: a 1-2-5 step that keeps the ticks as far apart, so the
    # number of ticks stays bounded by the width whatever a catalog's figures are.
    step = _nice(max(_STEPS[-1], (hi - lo) * min_tick_gap // max(width - 1, 1)))
    while True:
        low = lo // step * step
        high = max(math.ceil(hi / step) * step, low + step)
        if (high - low) // step <= max((width - 1) // max(min_tick_gap, 1), 1):
            return Scale(low, high, width, step)
        step = _nice(step + 1)


def _nice(at_least: int) -> int:
    """The smallest 1, 2 or 5 times a power of ten that is at least ``at_least``."""
    power: int = 10 ** max(len(str(max(at_least, 1))) - 1, 0)  # typeshed: int ** int is Any
    for m in (1, 2, 5, 10):
        if m * power >= at_least:
            return m * power
    return 10 * power


def bar(role: Role, scale: Scale) -> str:
    """The row's track: the range as solid cells, tick columns dotted elsewhere."""
    cells = [" "] * scale.width
    for t in scale.ticks():
        cells[scale.cell(t)] = GRID
    comp = role.compensation
    if comp is not None:
        start, end = scale.cell(comp.min_usd), scale.cell(comp.max_usd)
        for x in range(start, end + 1):
            cells[x] = FULL
        if comp.open_ended:
            cells[end] = OPEN_END
    return "".join(cells)


def axis(scale: Scale) -> tuple[str, str]:
    """The axis line under the bars and the tick labels under it, each ``scale.width`` wide."""
    line = ["─"] * scale.width
    labels = [" "] * scale.width
    free_from = 0
    for t in scale.ticks():
        x = scale.cell(t)
        line[x] = "┴"
        text = short_money(t)
        start = min(max(x - len(text) // 2, 0), scale.width - len(text))
        if start >= free_from:
            labels[start:start + len(text)] = text
            free_from = start + len(text) + 1
    return "".join(line), "".join(labels)


def fit(text: str, width: int) -> str:
    """``text`` padded or cut to exactly ``width`` cells, an ellipsis marking a cut."""
    if len(text) <= width:
        return text.ljust(width)
    return text[: max(width - 1, 0)] + "…"


def track_width(total: int, name_width: int = NAME_WIDTH) -> int:
    """Cells left for the bars once the name and range label columns are placed."""
    return max(total - name_width - LABEL_WIDTH - 2, 10)


def name_width_for(total: int) -> int:
    """Narrow terminals give up name width before bar width."""
    return max(min(NAME_WIDTH, total - LABEL_WIDTH - 2 - 24), 12)
