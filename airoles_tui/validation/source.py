"""Read a TOML file for validation: parsed data plus a way back to line numbers.

``tomllib`` gives values but no positions; people fixing a catalog or a plan need
``file:line``. We recover lines from the text itself, and only when there is a problem.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from ..controls import visible_line

_parser: ModuleType | None = None


def toml() -> ModuleType:
    """The TOML parser, imported on the first parse: tomli (a dependency on every Python
    this supports), whose wheels are compiled, unlike the standard library's tomllib. Its
    compiled code is a share of a session's memory that a session that parses nothing (the
    catalog comes from the cache) should not carry."""
    global _parser
    if _parser is None:
        import tomli

        _parser = tomli
    return _parser


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one file, printed as ``file:line: message``."""

    file: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        # Messages quote what the file holds (an unknown key, a bad value), and file names
        # are data too: shown with their control characters visible, on one line.
        where = f"{self.file}:{self.line}" if self.line else self.file
        return visible_line(f"{where}: {self.message}")


class SourceError(Exception):
    """Problems that stop a file (or a whole catalog) from being used."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


_HEADER = re.compile(r"^\[(\[?)\s*([^\[\]]+?)\s*\]")
_DOTS = re.compile(r"\s*\.\s*")
_TOML_POS = re.compile(r"\(at line (\d+), column \d+\)")

# Past this many problems in one file the rest are counted, not listed (nor located): a file
# of 10,000 bad records is fixed from its first problems, and listing all of them is output
# nobody reads.
MAX_PROBLEMS = 100


def parse_toml(text: str, shown: str) -> dict[str, Any]:
    """``text`` parsed, or SourceError: decode errors with their line, and the parser's other
    refusals (nesting past its limit raises RecursionError, an integer past Python's digit
    limit ValueError) as problems rather than tracebacks."""
    parser = toml()
    try:
        data: dict[str, Any] = parser.loads(text)
        return data
    except parser.TOMLDecodeError as exc:
        msg = str(exc)
        m = _TOML_POS.search(msg)
        line = int(m.group(1)) if m else None
        msg = _TOML_POS.sub("", msg).strip()
        raise SourceError([Problem(shown, f"invalid TOML: {msg}", line)]) from None
    except RecursionError:
        raise SourceError([Problem(shown, "invalid TOML: arrays or tables nested too deeply")]
                          ) from None
    except (ValueError, MemoryError) as exc:
        why = ("an integer has too many digits" if "digits" in str(exc)
               else str(exc).split(":")[0] or "cannot be parsed")
        raise SourceError([Problem(shown, f"invalid TOML: {why}")]) from None


@dataclass
class TomlSource:
    path: Path
    display: str
    text: str
    data: dict[str, Any]
    _lines: list[str] | None = field(default=None, repr=False)
    _headers: dict[tuple[str, bool], list[int]] | None = field(default=None, repr=False)
    _header_lines: list[tuple[int, str]] = field(default_factory=list, repr=False)

    @classmethod
    def read(cls, path: Path, display: str | None = None) -> TomlSource:
        """Parse ``path`` or raise SourceError with one clear problem.

        Whatever the file holds, this ends in bounded time with data or a SourceError: the
        bounded reader refuses FIFOs, devices, directories and huge files, and every error
        the parser can raise (not only TOMLDecodeError) becomes a problem.
        """
        from ..files import ReadError, read_regular

        shown = display or str(path)
        try:
            raw = read_regular(path)
        except ReadError as exc:
            raise SourceError([Problem(shown, str(exc))]) from None
        return cls.parse(path, shown, raw)

    @classmethod
    def parse(cls, path: Path, shown: str, raw: bytes) -> TomlSource:
        if raw.startswith(b"\xef\xbb\xbf"):
            raise SourceError([Problem(shown, "starts with a UTF-8 byte order mark (BOM), "
                                              "which TOML does not allow: save it as UTF-8 "
                                              "without BOM", 1)])
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise SourceError([Problem(shown, "not UTF-8 text", line)]) from None
        if not text.strip():
            raise SourceError([Problem(shown, "file is empty")])
        return cls(path, shown, text, parse_toml(text, shown))

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.text.splitlines()
        return self._lines

    def _index(self) -> dict[tuple[str, bool], list[int]]:
        """Header lines by (dotted name, is an array of tables), built once per file: each
        problem's lookup is then a bisection, not a rescan (10,000 problems were quadratic)."""
        if self._headers is None:
            self._headers = {}
            self._header_lines = []
            for n, line in enumerate(self.lines):
                s = line.strip()
                if not s.startswith("["):
                    continue
                m = _HEADER.match(s)
                if not m:
                    continue
                name = _DOTS.sub(".", m.group(2).strip())
                self._headers.setdefault((name, bool(m.group(1))), []).append(n)
                self._header_lines.append((n, name))
        return self._headers

    def _between(self, name: str, array: bool, lo: int, hi: int) -> list[int]:
        hits = self._index().get((name, array), [])
        return hits[bisect_left(hits, lo):bisect_left(hits, hi)]

    def locate(self, path: tuple[str | int, ...]) -> int | None:
        """Best-effort line of a value addressed like ``("roles", 3, "compensation", "min_usd")``.

        Walks array-of-tables headers (``[[roles]]``) counting occurrences, then looks for the
        key inside the block. Falls back to the closest enclosing block's header line.
        """
        lo, hi = 0, len(self.lines)
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
                hits = self._between(dotted, True, lo, hi)
                if nxt < len(hits):
                    lo = hits[nxt]
                    hi = hits[nxt + 1] if nxt + 1 < len(hits) else self._block_end(lo, hi, dotted)
                    found = lo + 1
                    prefix.append(part)
                    i += 2
                    continue
                inline = self._key_line(lo, hi, part)
                return inline or found
            tables = self._between(dotted, False, lo, hi)
            hit = tables[0] if tables else None
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
        self._index()
        headers = self._header_lines
        k = bisect_right(headers, (start, "\uffff"))
        while k < len(headers) and headers[k][0] < hi:
            if not headers[k][1].startswith(dotted + "."):
                return headers[k][0]
            k += 1
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
