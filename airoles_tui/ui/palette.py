"""Command palette providers: one per kind of thing a person can jump to."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from .text import literal, visible


def highlight(matcher: Matcher, candidate: str) -> Content:
    """Matcher.highlight parses the candidate as markup; this keeps it literal."""
    content = literal(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, content.plain)
    if score:
        for offset in offsets:
            if not content.plain[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class EntryProvider(Provider):
    """A provider over (label, action, help) entries; subclasses only list the entries."""

    def entries(self) -> Iterable[tuple[str, Callable[[], object], str]]:
        raise NotImplementedError

    async def discover(self) -> Hits:
        for label, command, help_text in self.entries():
            yield DiscoveryHit(literal(label), command, help=visible(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, command, help_text in self.entries():
            score = matcher.match(visible(label))
            if score > 0:
                yield Hit(score, highlight(matcher, label), command, help=visible(help_text))


class RoleCommands(EntryProvider):
    """Jump to any role's card by (fuzzy) name."""

    def entries(self):
        app = self.app
        for role in app.catalog.roles:  # type: ignore[attr-defined]
            yield (f"Role: {role.name}", partial(app.show_role, role.id), role.primary_focus)
