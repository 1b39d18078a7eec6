"""How many tries a randomised test makes: the examples of a property test, the kills or
rounds of a race.

A test names its count at Hypothesis's default strength (100 examples per test), and the
profile loaded scales it: the suite and CI run the default; the README's quick loop loads
``--hypothesis-profile=quick`` (tests/conftest.py), a tenth, for a loop of a few seconds.
"""

from __future__ import annotations

from hypothesis import settings

DEFAULT = 100  # Hypothesis's own max_examples


def examples(count: int) -> int:
    """``count`` at the default strength, scaled by the loaded profile (read when the test
    module is imported, after pytest has loaded the profile)."""
    return max(1, count * settings.default.max_examples // DEFAULT)
