"""A document file read back, in one shape for every kind of document.

The plan (plan/file_format) and the skills matrix (recommend/matrix_file) read into this
same record, so the document session (documents/session) handles a recovery copy of either
without asking which it holds: ``Loaded[OrgPlan]`` and ``Loaded[Matrix]`` are one class.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from .stamp import Stamp

D = TypeVar("D")


@dataclass(frozen=True, slots=True)
class Loaded(Generic[D]):
    """``document`` as read from ``path`` (whose bytes ``stamp`` identifies); for a
    recovery copy, the file it was editing and that file's stamp when the copy was made."""

    document: D
    path: Path
    stamp: Stamp
    recovery_source: Path | None = None
    source_stamp: Stamp | None = None
