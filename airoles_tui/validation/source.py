"""Read a TOML file for validation: parsed data plus a way back to line numbers.

``tomllib`` gives values but no positions; people fixing a catalog or a plan need
``file:line``. We recover lines from the text itself, and only when there is a problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_parser = None


def toml():
    """The TOML parser, imported on the first parse: tomli, whose wheels are compiled
    (mypyc, ~2-4x the standard library's pure-Python tomllib), else tomllib. Its compiled
    code is ~0.5 MiB of a session's memory, which a session that parses nothing (the
    catalog comes from the cache) should not carry."""
    global _parser
    if _parser is None:
        try:
            import tomli as _parser
        except ImportError:  # pragma: no cover - a platform without tomli
            import tomllib as _parser
    return _parser


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one file, printed as ``file:line: message``."""

    file: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class SourceError(Exception):
    """Problems that stop a file (or a whole catalog) from being used."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


_TOML_POS = re.compile(r"\(at line (\d+), column \d+\)")


@dataclass
class TomlSource:
    path: Path
    display: str
    text: str
    data: dict[str, Any]
    _lines: list[str] | None = field(default=None, repr=False)

    @classmethod
    def read(cls, path: Path, display: str | None = None) -> TomlSource:
        """Parse ``path`` or raise SourceError with one clear problem."""
        shown = display or str(path)
        if not path.exists():
            raise SourceError([Problem(shown, "file not found")])
        if path.is_dir():
            raise SourceError([Problem(shown, "is a directory, expected a TOML file")])
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise SourceError([Problem(shown, f"cannot read: {exc.strerror or exc}")]) from None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise SourceError([Problem(shown, "not UTF-8 text", line)]) from None
        if not text.strip():
            raise SourceError([Problem(shown, "file is empty")])
        try:
            data = toml().loads(text)
        except toml().TOMLDecodeError as exc:
            msg = str(exc)
            m = _TOML_POS.search(msg)
            line = int(m.group(1)) if m else None
            msg = _TOML_POS.sub("", msg).strip()
            raise SourceError([Problem(shown, f"invalid TOML: {msg}", line)]) from None
        return cls(path, shown, text, data)

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.text.splitlines()
        return self._lines

    def locate(self, path: tuple[str | int, ...]) -> int | None:
        """Best-effort line of a value addressed like ``("roles", 3, "compensation", "min_usd")``.

        Walks array-of-tables headers (``[[roles]]``) counting occurrences, then looks for the
        key inside the block. Falls back to the closest enclosing block's header line.
        """
        lines = self.lines
        lo, hi = 0, len(lines)
        found: int | None = None
        prefix: list[str] = []
        i = 0
        while i < len(path):
            part = path[i]
            if isinstance(part, int):
                i += 1
                continue
            nxt = path[i + 1] if i + 1 < len(path) else None
            dotted = ".".join([*prefix, part])
            if isinstance(nxt, int):
                header = re.compile(rf"^\s*\[\[\s*{re.escape(dotted)}\s*\]\]")
                hits = [n for n in range(lo, hi) if header.match(lines[n])]
                if nxt < len(hits):
                    lo = hits[nxt]
                    hi = hits[nxt + 1] if nxt + 1 < len(hits) else self._block_end(lo, hi, dotted)
                    found = lo + 1
                    prefix.append(part)
                    i += 2
                    continue
                inline = self._key_line(lo, hi, part)
                return inline or found
            table = re.compile(rf"^\s*\[\s*{re.escape(dotted)}\s*\]")
            hit = next((n for n in range(lo, hi) if table.match(lines[n])), None)
            if hit is not None and nxt is not None:
                lo, found = hit, hit + 1
                hi = self._block_end(lo, hi, dotted)
                prefix.append(part)
                i += 1
                continue
            key = self._key_line(lo, hi, part)
            return key or (hit + 1 if hit is not None else found)
        return found

    def _block_end(self, start: int, hi: int, dotted: str) -> int:
        """A block runs until the next header that is not nested inside it."""
        for n in range(start + 1, hi):
            s = self.lines[n].strip()
            if s.startswith("["):
                name = s.strip("[] ")
                if not name.startswith(dotted + "."):
                    return n
        return hi

    def _key_line(self, lo: int, hi: int, key: str) -> int | None:
        pat = re.compile(rf"^\s*(\"{re.escape(key)}\"|{re.escape(key)})\s*=")
        for n in range(lo, hi):
            s = self.lines[n]
            if n > lo and s.lstrip().startswith("["):
                break
            if pat.match(s):
                return n + 1
        return None
