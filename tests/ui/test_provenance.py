"""What is ours is marked, without colour, wherever catalog text is shown (issue 14)."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from airoles_tui.catalog.library import entries
from airoles_tui.catalog.provenance import LEGEND, OURS_TAG
from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.panes.role_card import role_card
from airoles_tui.ui.panes.roles import RoleCard
from airoles_tui.ui.screens.compare import CompareScreen
from airoles_tui.ui.screens.reader import LinkList, ReaderBody, render_entry

CARD_HEADINGS = {"primary_focus": "Primary focus", "focus_areas": "Focus areas",
                 "background": "Typical background", "employers": "Where this role works"}


async def test_the_card_marks_each_field_that_is_ours_and_explains_the_mark(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        app.show_role("ai-ethics-specialist")
        await pilot.pause()
        text = app.query_one(RoleCard).plain
        for heading in CARD_HEADINGS.values():
            assert f"{heading}  {OURS_TAG}\n" in text
        assert "Key skills\n" in text  # the article's: no mark
        assert f"a year ({OURS_TAG}: annual, 2026)" in text
        assert f"• {OURS_TAG}: The field is talent-constrained." in text
        assert text.splitlines()[1].startswith(f"{OURS_TAG}: Shares its section")
        assert text.endswith("Source: the article's section \u201cAI Safety Researcher / AI "
                             f"Ethics Specialist\u201d\n{LEGEND}")
        app.show_role("ml-engineer")
        await pilot.pause()
        text = app.query_one(RoleCard).plain
        assert "Primary focus\n" in text and f"Primary focus  {OURS_TAG}" not in text
        # The case study is the article's; linking it to the MLE is our reading.
        assert (f"From Search to Generation: How Foundation Models Are Reshaping the API "
                f"Economy (2018–2021 to 2022 on)  {OURS_TAG}: the link to this role") in text
        assert "Spotify's ML Team Structure (Current (undated in the article))\n" in text


def test_every_card_has_its_source_and_a_legend_exactly_when_marked(catalog):
    for role in catalog.roles:
        text = role_card(catalog, role).plain
        assert f"Source: the article's section \u201c{role.source}\u201d" in text
        assert (OURS_TAG in text.replace(LEGEND, "")) == (LEGEND in text), role.id
        shown = [f for f in role.ours if f in CARD_HEADINGS]
        for field in shown:
            assert f"{CARD_HEADINGS[field]}  {OURS_TAG}" in text, (role.id, field)
    assert LEGEND not in role_card(catalog, catalog.role("ai-research-scientist")).plain


def test_every_document_has_its_source_and_a_legend_exactly_when_marked(catalog):
    for entry in entries(catalog):
        text = render_entry(entry).plain
        assert f"\u201c{entry.record.source}\u201d" in text, entry.key
        marked = OURS_TAG in text.replace(LEGEND, "") or any(lk.ours for lk in entry.links)
        assert marked == (LEGEND in text), entry.key


async def test_the_reader_marks_fields_and_links_that_are_ours(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        app.show_document("team:hub-and-spoke")
        await pilot.pause()
        text = app.query_one(ReaderBody).plain
        assert f"Risks  {OURS_TAG}\n" in text and "Strengths\n" in text
        assert text.endswith(LEGEND)
        app.show_document("case:scale-ai")
        await pilot.pause()
        links = [str(o.prompt) for o in app.query_one(LinkList, OptionList).options]
        assert links == [f"Role: Forward Deployed Engineer  {OURS_TAG}",
                         f"Role: ML Engineer  {OURS_TAG}"]
        app.show_document("era:academic-era")
        await pilot.pause()
        text = app.query_one(ReaderBody).plain
        assert f"{OURS_TAG}: the name \u201cThe academic era\u201d" in text


async def test_compare_marks_fields_that_are_ours(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(CompareScreen([catalog.role("ai-safety-researcher"),
                                       catalog.role("ai-ethics-specialist")]))
        await pilot.pause()
        cells = [s.visual.plain for s in app.screen.query(Static) if s.visual is not None]
        assert f"{OURS_TAG}: AI governance, policies & standards" in cells
        assert "Alignment, robustness, red-teaming" in cells  # the article's table: no mark
        assert any(c.endswith(f"({OURS_TAG}: annual, 2026)") for c in cells)
        assert LEGEND in cells
        app.pop_screen()
        app.push_screen(CompareScreen([catalog.role("ml-engineer"), catalog.role("data-engineer")]))
        await pilot.pause()
        cells = [s.visual.plain for s in app.screen.query(Static) if s.visual is not None]
        assert not any(OURS_TAG in c for c in cells)


def test_the_learning_plan_page_marks_links_that_are_ours(catalog):
    from airoles_tui.recommend.learning import learning_plan
    from airoles_tui.recommend.progress import Progress
    from airoles_tui.ui.screens.learning_plan import plan_doc

    role = catalog.role("ml-engineer")
    text = plan_doc(catalog, learning_plan(catalog, Progress(), role, "software_engineering")).plain
    assert f"{OURS_TAG}: the article does not tie its pathways" in text
    assert "(2018–2021 to 2022 on): NLP product teams" in text
    assert text.count(f"{OURS_TAG}: the link to this role") == 2  # API economy, Scale AI
    assert text.endswith(LEGEND)


async def test_the_recommender_says_the_pathway_match_is_ours(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        headings = [o.prompt.plain for o in app.query_one("#rec-results", OptionList).options
                    if not o.id and hasattr(o.prompt, "plain")]
        assert (f"The article's pathway for your background  {OURS_TAG}: the match"
                in [h.strip() for h in headings]), headings
