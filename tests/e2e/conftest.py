"""Fixtures of the real-terminal tests: the private sshd lives in sshd.py."""

from .sshd import sshd  # noqa: F401  (a fixture, used by name)
