"""The range every number in a plan must fall in, shared by the file checks and the designer.

Far beyond any real plan, and small enough that the analysis (costs, month-by-month runway,
growth totals) stays ordinary arithmetic and every value fits TOML's 64-bit integers: a plan
file with a 400-digit funding figure passed `validate` and then crashed the export, and a
figure typed into the designer could be saved into a file that no longer opened.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

LIMITS: dict[str, tuple[int, int]] = {
    "funding_usd": (0, 10**12), "monthly_usd": (0, 10**11), "hire_budget": (0, 10_000),
    "order": (0, 10**6), "start": (1, 1200), "target": (0, 1_000_000),
    "headcount": (0, 1_000_000),
}


def in_range(key: str, value: int | float) -> bool:
    lo, hi = LIMITS[key]
    return lo <= value <= hi  # NaN is not


def bounded(key: str):
    """A declared field's check (plan/declare): the value within ``key``'s range."""
    def check(value: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
        if not in_range(key, value):
            yield (), f"must be {describe(key)}"
    return check


def bounded_counts(key: str):
    """A table of name -> whole number within ``key``'s range (headcount per role)."""
    def check(value: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
        for name, count in value.items():
            if not isinstance(count, int) or isinstance(count, bool) or not in_range(key, count):
                yield (name,), f"expected a whole number of people {describe(key)}"
    return check


def whole_number(text: str, key: str) -> int | None:
    """``text`` as a whole number within ``key``'s range, else None (never an exception: a
    5,000-digit paste is past Python's int() digit limit)."""
    text = text.strip()
    if not text.isascii() or not text.isdigit() or len(text) > 15:
        return None
    value = int(text)
    return value if in_range(key, value) else None


def describe(key: str) -> str:
    lo, hi = LIMITS[key]
    return f"from {lo:,} to {hi:,}"
