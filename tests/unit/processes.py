"""Another session of the same user, as another process."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable


def in_another_process(target: Callable[..., object], *args: object) -> None:
    """Run ``target(*args)`` in a fork of this process and wait for it to end: a session with
    its own process id, started in the same second. A fork costs a fraction of a new
    interpreter, which would import the package again; an exception in it fails the test."""
    child = multiprocessing.get_context("fork").Process(target=target, args=args)
    child.start()
    child.join(60)
    assert child.exitcode == 0, f"the other session ended with {child.exitcode}"
