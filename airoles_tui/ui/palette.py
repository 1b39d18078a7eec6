"""Command palette providers: one per kind of thing a person can jump to."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from .app_api import app_of
from .widgets.text import as_markup, literal, visible


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
            yield DiscoveryHit(literal(label), command, help=as_markup(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, command, help_text in self.entries():
            score = matcher.match(visible(label))
            if score > 0:
                yield Hit(score, highlight(matcher, label), command, help=as_markup(help_text))


class RoleCommands(EntryProvider):
    """Jump to any role's card by (fuzzy) name."""

    def entries(self):
        app = app_of(self)
        for role in app.catalog.roles:
            yield (f"Role: {role.name}", partial(app.show_role, role.id), role.primary_focus)


class LearningPlanCommands(EntryProvider):
    """"Learning plan: <role>": the skills still to learn, the way in, the role at work."""

    def entries(self):
        app = app_of(self)
        for role in app.catalog.roles:
            yield (f"Learning plan: {role.name}",
                   partial(app.open_learning_plan, role.id),
                   "skills you have not marked, the article's pathway, its case studies")


class DocumentCommands(EntryProvider):
    """Jump to any case study, team structure, pathway, era or exercise by (fuzzy) name."""

    def entries(self):
        from ..catalog.library import KIND_NAMES, entries

        app = app_of(self)
        for entry in entries(app.catalog):
            yield (f"{KIND_NAMES[entry.kind]}: {entry.title}",
                   partial(app.show_document, entry.key),
                   entry.subtitle)


class AppCommands(EntryProvider):
    """The app's own commands: panes, the table, the pay chart, help. (Themes are textual's.)"""

    def entries(self):
        app = app_of(self)
        for n, pane in enumerate(app.PANES, start=1):
            yield (f"Go to pane: {pane.title}", partial(app.action_show_pane, pane.id),
                   f"key {n}")
        yield ("Open the comparison table", app.action_comparison, "key t")
        yield ("Open pay at a glance (chart)", app.action_pay_chart, "key p")
        yield ("Help: keys of this screen", app.action_help, "key ? or F1")
        from .panes.recommend import open_skills_matrix

        yield ("Skills matrix: map your skills to the roles (exercise)",
               partial(open_skills_matrix, app), "key m in the Recommender")
