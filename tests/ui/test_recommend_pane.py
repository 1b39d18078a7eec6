"""Pilot tests of the Recommender pane and the skills-matrix screen, plus their snapshots."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from textual.widgets import Input, OptionList, Static

from airoles_tui.recommend.matrix_file import dumps, load
from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.panes.recommend import ChoiceList, RecommendPane
from airoles_tui.ui.panes.roles import RolesPane
from airoles_tui.ui.screens.dialogs import ChoiceScreen, OpenPlanScreen, ProblemsScreen, SaveAsScreen
from airoles_tui.ui.screens.skills_matrix import MatrixGrid, SkillsMatrixScreen
from tests.unit.test_recommender import ARTICLE_EXAMPLES

from .widget_app import paste, wait_for


def text_of(prompt) -> str:
    if hasattr(prompt, "plain"):
        return prompt.plain
    console = Console(width=70, no_color=True, record=True, file=io.StringIO())
    console.print(prompt)
    return console.export_text()


def results(app) -> dict[str, str]:
    """Option id -> its text, for the options that can be chosen."""
    options = app.query_one("#rec-results", OptionList).options
    return {o.id: text_of(o.prompt) for o in options if o.id}


def static_text(app, selector: str) -> str:
    return app.screen.query_one(selector, Static).visual.plain


async def open_pane(pilot):
    await pilot.press("3")
    await pilot.pause()
    return pilot.app.query_one(RecommendPane)


async def test_opens_on_the_first_background_with_its_answer(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_pane(pilot)
        assert app.focused is app.query_one("#rec-background", ChoiceList)
        assert [s.role for s in pane.result.top] == [
            "ml-engineer", "mlops-engineer", "research-engineer"]
        got = results(app)
        assert list(got)[:3] == ["top:ml-engineer", "top:mlops-engineer", "top:research-engineer"]
        assert "Your SWE skills transfer directly — learn ML fundamentals" in got["top:ml-engineer"]
        assert "Type your years (y)" in got["years"]
        assert "From Software Engineering to ML Engineer" in got["pathway:swe-to-mle"]
        options = app.query_one("#rec-background", ChoiceList).options
        assert [text_of(o.prompt) for o in options] == [
            "(*) Software engineering", "( ) Data analytics", "( ) Academia / research",
            "( ) Non-technical"]


async def test_the_form_reproduces_the_articles_third_example(catalog):
    """Marketing analyst: data_analytics, interests ["product", "data"], 7 years."""
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_pane(pilot)
        await pilot.press("down")                       # Data analytics: chosen on the move
        await pilot.press("tab", "down", "down", "down", "space")  # Product
        await pilot.press("up", "space")                 # then Data
        await pilot.press("tab", *"7")
        await pilot.pause()
        assert pane.background == "data_analytics"
        assert pane.interests == ["product", "data"]
        assert pane.years == 7
        assert [(s.role, s.reason) for s in pane.result.top] == [
            ("data-scientist", "Natural progression — add Python + statistics depth"),
            ("ai-product-manager", "Your domain + analytics skill is the PM foundation"),
            ("data-engineer", "Focus on the infrastructure side of the data stack"),
        ]
        ticks = [text_of(o.prompt) for o in app.query_one("#rec-interests", ChoiceList).options]
        assert ticks == ["[ ] Research", "[ ] Deployment", "[x] Data", "[x] Product",
                         "[ ] Safety", "[ ] Client-facing"]
        got = results(app)
        # Pay: 7 years of analytics transfer as 3 (our rule): the mid band, the second quarter
        # of $120K-$250K, not the senior band that total years gave.
        assert "2026 pay $120K–$250K (2026 range from the comparison table) mid band: " \
               "$152K–$185K, below your senior level (3 transferable years)" in " ".join(
            got["top:data-scientist"].split())
        scored = " ".join(got["all:data-scientist"].split())
        assert "5 points, tied with AI Product Manager, Data Engineer" in scored
        assert "+3 Natural progression" in scored and "+2 Matches your interest in data" in scored
        assert "4.  Prompt Engineer: 2 points" in got["all:prompt-engineer"]
        years = " ".join(got["years"].split())
        assert "7 years in your field, 0 doing the target work: you leave at the senior band " \
               "(6–9 years)" in years
        assert "A change of career usually means entering below your current level" in years
        assert "Our rule, not the article's" in years
        assert "Assumption (ours, not the article's)" in years
        assert static_text(app, "#rec-years-status") == "senior level there (6–9 years)"
        await pilot.press("tab", "4")                    # 4 years already doing the work
        await pilot.pause()
        assert app.focused is app.query_one("#rec-target-years", Input)
        assert pane.target_years == 4
        assert static_text(app, "#rec-target-years-status") == "these count in full"
        assert [s.role for s in pane.result.top] == [
            "data-scientist", "ai-product-manager", "data-engineer"]
        got = results(app)
        assert "senior band: $185K–$218K, below your staff+ level (7 transferable years)" \
            in " ".join(got["top:data-scientist"].split())


async def test_unticking_and_the_tie_at_the_cut(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_pane(pilot)
        await pilot.press("down", "down")                # Academia / research
        await pilot.press("tab", "down", "space", "down", "down", "down", "down", "space")
        assert pane.interests == ["deployment", "client_facing"]
        notes = [text_of(o.prompt) for o in app.query_one("#rec-results", OptionList).options
                 if o.disabled]
        assert any(n.startswith("Tie at the cut: AI Safety Researcher scored 3 like Applied "
                                "Scientist") for n in notes)
        assert "- beyond the article's top 3 -" in notes
        assert "No points from these answers: Research Engineer, Data Engineer, Prompt " \
               "Engineer, Data Scientist, AI Ethics Specialist." in [" ".join(n.split())
                                                                     for n in notes]
        await pilot.press("up", "up", "up", "up", "space")   # untick Deployment
        assert pane.interests == ["client_facing"]
        assert [s.role for s in pane.result.top] == [
            "ai-research-scientist", "applied-scientist", "ai-safety-researcher"]


async def test_years_refuses_anything_but_a_whole_number_with_a_reason(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_pane(pilot)
        await pilot.press("y")
        years = app.query_one("#rec-years", Input)
        assert app.focused is years
        for typed, why in [("5.5", "Refused: '5.5' is not a whole number of years"),
                           ("-3", "Refused: years cannot be negative"),
                           ("51", "Refused: 51 is more than 50 years"),
                           ("five", "Refused: 'five' is not a whole number of years")]:
            years.value = ""
            await pilot.press(*typed)
            await pilot.pause()
            assert static_text(app, "#rec-years-status") == why
            assert pane.years is None and years.has_class("-invalid")
            assert "Type your years" in results(app)["years"]
        years.value = ""
        await pilot.press("1", "2")
        assert pane.years == 12 and not years.has_class("-invalid")
        assert static_text(app, "#rec-years-status") == "staff+ level there (10+ years)"
        await pilot.press("enter")
        assert app.focused is app.query_one("#rec-results", OptionList)


async def test_digits_typed_in_years_do_not_switch_panes(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_pane(pilot)
        await pilot.press("y", "1", "2")
        assert app.query_one("#panes").active == "recommender"
        assert pane.years == 12


async def test_enter_on_a_recommended_role_opens_its_card(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_pane(pilot)
        await pilot.press("tab", "tab", "tab", "tab")  # past both years fields
        results_list = app.query_one("#rec-results", OptionList)
        assert app.focused is results_list
        assert results_list.highlighted_option.id == "top:ml-engineer"
        await pilot.press("down", "enter")           # the second of the article's answer
        await pilot.pause()
        assert app.query_one("#panes").active == "roles"
        assert app.query_one(RolesPane).current_role.id == "mlops-engineer"


async def test_markup_in_a_custom_catalog_is_shown_as_typed(catalog):
    import dataclasses

    rules = catalog.recommender
    odd = rules.backgrounds[0]._replace(label="[bold]Soft[/]ware",
                              roles=((rules.backgrounds[0].roles[0][0], "reason [/x] here"),
                                     *rules.backgrounds[0].roles[1:]))
    custom = dataclasses.replace(catalog, recommender=
        rules._replace(backgrounds=(odd, *rules.backgrounds[1:])), _role_index={})
    app = AiRolesApp(custom, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_pane(pilot)
        assert "reason [/x] here" in results(app)["top:ml-engineer"]
        labels = [text_of(o.prompt) for o in app.query_one("#rec-background").options]
        assert labels[0] == "(*) [bold]Soft[/]ware"


async def test_small_terminal_does_not_crash(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_pane(pilot)
        await pilot.press("down", "tab", "space", "y", "4", "enter", "m")
        await pilot.pause()
        assert isinstance(app.screen, SkillsMatrixScreen)
        await add_skills(pilot, "Python")
        await pilot.press("escape", "0")   # the first role's column
        assert app.matrix_keeper.matrix.rows[0].scores["ai-research-scientist"] == 0


# -- the skills matrix ------------------------------------------------------------------------

async def open_matrix(pilot):
    await open_pane(pilot)
    await pilot.press("m")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SkillsMatrixScreen)
    return pilot.app.matrix_keeper  # where the matrix lives while its screen comes and goes


async def add_skills(pilot, *names: str) -> None:
    """Skills into the matrix's add field, each pasted and entered: the matrix is the
    subject, not typing (test_matrix_proposes_scores_and_keys_adjust_them types its own)."""
    for name in names:
        await paste(pilot, name)
        await pilot.press("enter")


async def test_matrix_proposes_scores_and_keys_adjust_them(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_matrix(pilot)
        screen = app.screen
        assert app.focused is screen.query_one("#mx-add", Input)
        await pilot.press(*"Python", "enter", *"SQL", "enter")
        matrix = pane.matrix
        assert [r.name for r in matrix.rows] == ["Python", "SQL"]
        assert matrix.rows[0].scores["ml-engineer"] == 3  # core skill of the ML Engineer
        await pilot.press("escape")
        grid = screen.query_one(MatrixGrid)
        assert app.focused is grid
        # The cursor is on SQL; move to its ML Engineer column (4th role).
        grid.move_cursor(row=1, column=4)
        await pilot.press("3")                        # a pane digit: here it sets the score
        assert app.query_one("#panes").active == "recommender"
        assert matrix.rows[1].scores["ml-engineer"] == 3
        await pilot.press("minus", "minus")
        assert matrix.rows[1].scores["ml-engineer"] == 1
        await pilot.press("4")                        # refused: scores stop at 3
        assert matrix.rows[1].scores["ml-engineer"] == 1
        assert "Scores go from 0" in static_text(app, "#mx-cell")
        await pilot.press("plus")
        assert matrix.rows[1].scores["ml-engineer"] == 2
        assert "you changed it; proposed 2" not in static_text(app, "#mx-cell")
        await pilot.press("minus")
        assert static_text(app, "#mx-cell") == \
            "SQL x ML Engineer: 1 (you changed it; proposed 2: in its key skills)"
        assert grid.get_cell_at((1, 4)).plain.strip() == "1*"
        assert grid.get_cell_at((2, 4)).plain.strip() == "4"       # the Sum row
        assert static_text(app, "#mx-rank").startswith(
            "Ranking: 1= DE 5  1= DS 5  3. MLE 4  4= ARS 2")
        await pilot.press("r")
        assert matrix.rows[1].scores == matrix.rows[1].proposed
        await pilot.press("x")
        assert [r.name for r in matrix.rows] == ["Python"]


async def test_matrix_survives_closing_and_the_sum_row_is_not_editable(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_matrix(pilot)
        await add_skills(pilot, "Writing")
        await pilot.press("escape", "down", "2")
        assert "Sum row adds up" in static_text(app, "#mx-cell")
        await pilot.press("escape")
        assert isinstance(app.screen, SkillsMatrixScreen) is False
        await pilot.press("m")
        assert [r.name for r in app.screen.matrix.rows] == ["Writing"]
        assert app.screen.matrix is pane.matrix


async def test_matrix_at_most_ten_skills_and_brackets_are_text(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_matrix(pilot)
        await pilot.press(*"[/s0]", "enter")  # typed: brackets are text, not markup
        await add_skills(pilot, *(f"[/s{n}]" for n in range(1, 10)))
        assert [r.name for r in pane.matrix.rows] == [f"[/s{n}]" for n in range(10)]
        assert app.focused is app.screen.query_one(MatrixGrid)
        await pilot.press("a")
        await add_skills(pilot, "eleven")
        assert len(pane.matrix.rows) == 10
        assert static_text(app, "#mx-cell") == "The exercise asks for at most 10 skills."


def showing(app, kind) -> bool:
    """The screen ``kind`` is on top and mounted (its parts there to read and answer)."""
    return isinstance(app.screen, kind) and app.screen.is_mounted


async def answer(pilot, kind, *keys) -> None:
    """Wait for the dialog ``kind`` to be on top, then press ``keys`` in it."""
    await wait_for(pilot, lambda: showing(pilot.app, kind))
    await pilot.press(*keys)


def folder_of_matrices():
    from airoles_tui.paths import matrices_dir

    return matrices_dir()


async def test_matrix_saves_and_reopens_through_the_plans_dialogs(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    target = folder_of_matrices() / "mine.toml"
    async with app.run_test(size=(80, 24)) as pilot:
        await open_matrix(pilot)
        keeper = app.matrix_keeper
        await add_skills(pilot, "Python")
        await pilot.press("escape", "0", "s")
        await wait_for(pilot, lambda: showing(app, SaveAsScreen))
        field = app.screen.query_one(Input)
        assert field.value == "skills-matrix.toml"
        assert static_text(app, ".dialog-title") == "Save skills matrix as"
        field.value = "mine"
        await pilot.press("enter")
        await wait_for(pilot, lambda: showing(app, SkillsMatrixScreen))
        await wait_for(pilot, lambda: keeper.doc.path == target)
        saved = load(target, catalog)
        assert saved.rows[0].scores["ai-research-scientist"] == 0
        assert "mine.toml" in static_text(app, "#mx-title")
        # Another session saves the same file meanwhile: s asks instead of overwriting.
        saved.rows[0].scores["ai-research-scientist"] = 3
        target.write_text(dumps(saved))
        await pilot.press("2", "s")
        await answer(pilot, ChoiceScreen, "c")
        assert load(target, catalog).rows[0].scores["ai-research-scientist"] == 3
        assert "mine.toml (changed)" in static_text(app, "#mx-title")
        # Opening asks about the unsaved score, then lists the folder's matrices.
        await pilot.press("o")
        await answer(pilot, ChoiceScreen, "d")
        await wait_for(pilot, lambda: showing(app, OpenPlanScreen))
        listed = app.screen.query_one(OptionList)
        ids = [listed.get_option_at_index(n).id for n in range(listed.option_count)]
        assert ids == ["new:blank", None, f"file:{target}"] or ids[-1] == f"file:{target}"
        listed.highlighted = ids.index(f"file:{target}")
        await pilot.press("enter")
        await wait_for(pilot, lambda: showing(app, SkillsMatrixScreen))
        await wait_for(pilot, lambda: keeper.matrix.rows[0].scores["ai-research-scientist"]
                       == 3)
        assert app.screen.matrix is keeper.matrix and not keeper.doc.dirty
        assert static_text(app, "#mx-cell").startswith("Python x AI Research Scientist: 3")


async def test_opening_a_bad_file_shows_its_problems_and_keeps_the_matrix(catalog):
    bad = folder_of_matrices() / "bad.toml"
    bad.parent.mkdir(parents=True)
    bad.write_text('format = "airoles-tui/skills-matrix"\nversion = 9\nroles = []\n')
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_matrix(pilot)
        await add_skills(pilot, "SQL")
        await pilot.press("escape", "o")
        await answer(pilot, ChoiceScreen, "d")  # the unsaved SQL row: discard (kept open)
        await answer(pilot, OpenPlanScreen, "end", "enter")
        await wait_for(pilot, lambda: showing(app, ProblemsScreen))
        body = app.screen.query_one("#problems-body Static", Static).visual.plain
        assert f"{bad}:2: version: this app reads version 1, the file is version 9" in body
        await pilot.press("escape")
        assert [r.name for r in app.matrix_keeper.matrix.rows] == ["SQL"]
    assert bad.read_text().endswith("roles = []\n")  # never written


async def test_saving_over_another_file_asks_first(catalog):
    other = folder_of_matrices() / "other.toml"
    other.parent.mkdir(parents=True)
    other.write_text("keep me")
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_matrix(pilot)
        await add_skills(pilot, "SQL")
        await pilot.press("escape", "s")
        await wait_for(pilot, lambda: showing(app, SaveAsScreen))
        app.screen.query_one(Input).value = "other"
        await pilot.press("enter")
        await wait_for(pilot, lambda: showing(app, ChoiceScreen))
        assert static_text(app, ".dialog-title") == "File exists"
        assert other.read_text() == "keep me"
        await pilot.press("o")
        await wait_for(pilot, lambda: other.read_text() != "keep me")
        assert load(other, catalog).rows[0].name == "SQL"


def copies():
    return sorted((folder_of_matrices() / ".recovery").glob("*.toml"))


async def test_an_edit_is_copied_within_half_a_second_and_a_save_removes_the_copy(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_matrix(pilot)
        await add_skills(pilot, "Kubernetes")
        await wait_for(pilot, lambda: len(copies()) == 1)
        assert load(copies()[0], catalog).rows[0].name == "Kubernetes"
        await pilot.press("escape", "s")
        await answer(pilot, SaveAsScreen, "enter")
        await wait_for(pilot, lambda: copies() == [])
        assert load(folder_of_matrices() / "skills-matrix.toml", catalog).rows[0].name == \
            "Kubernetes"


async def edit_in_a_session(catalog, *skills: str) -> None:
    """A session that types skills into the matrix and is cut off (what SIGHUP does)."""
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_matrix(pilot)
        await add_skills(pilot, *skills)
        app.save_unsaved()


async def test_two_sessions_keep_two_copies(catalog):
    """The copy was one shared file: the second session overwrote the first's work."""
    await edit_in_a_session(catalog, "Rust")
    await edit_in_a_session(catalog, "Go", "SQL")
    kept = sorted([r.name for r in load(path, catalog).rows] for path in copies())
    assert kept == [["Go", "SQL"], ["Rust"]]


async def test_an_ended_sessions_matrix_is_offered_at_the_next_start(catalog):
    await edit_in_a_session(catalog, "Kubernetes")
    [copy] = copies()  # a session that is gone (its process id no longer runs):
    copy.rename(copy.with_name("session-20200101T000000-999999999.toml"))
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: showing(app, ChoiceScreen))
        assert static_text(app, ".dialog-title") == "Restore unsaved skills matrix?"
        await pilot.press("r")
        await wait_for(pilot, lambda: showing(app, SkillsMatrixScreen))
        assert [r.name for r in app.screen.matrix.rows] == ["Kubernetes"]
        assert app.matrix_keeper.doc.dirty and "not saved" in static_text(app, "#mx-title")
        assert [p.name for p in copies()] != ["session-20200101T000000-999999999.toml"]
        await pilot.press("s")
        await answer(pilot, SaveAsScreen, "enter")
        await wait_for(pilot, lambda: copies() == [])
    assert load(folder_of_matrices() / "skills-matrix.toml", catalog).rows[0].name == \
        "Kubernetes"


async def test_the_shared_copy_of_an_earlier_version_is_offered_once(catalog):
    from airoles_tui.recommend.matrix import Matrix
    from airoles_tui.recommend.matrix_file import LEGACY_COPY, save

    legacy = folder_of_matrices() / LEGACY_COPY
    matrix = Matrix.empty(catalog)
    matrix.add_skill(catalog, "Writing")
    save(matrix, legacy, None)
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await answer(pilot, ChoiceScreen, "r")
        await wait_for(pilot, lambda: showing(app, SkillsMatrixScreen))
        assert [r.name for r in app.screen.matrix.rows] == ["Writing"]
        assert not legacy.exists() and len(copies()) == 1  # now this session's copy


# -- how it looks -------------------------------------------------------------------------------

def test_snapshot_form_with_results(snap_compare, catalog):
    # Software engineering, deployment + client-facing, 5 years: the article's first example.
    keys = ["3", "tab", "down", "space", "down", "down", "down", "down", "space", "y", "5",
            "enter"]
    assert snap_compare(AiRolesApp(catalog, lazy_panes=True), terminal_size=(80, 24), press=keys)


def test_snapshot_matrix(snap_compare, catalog):
    async def four_skills(pilot) -> None:
        await open_matrix(pilot)
        await add_skills(pilot, "Python", "SQL", "Stakeholder management", "Writing")

    keys = ["escape", "right", "right", "right", "1"]
    assert snap_compare(AiRolesApp(catalog, lazy_panes=True), terminal_size=(80, 24),
                        run_before=four_skills, press=keys)


def _underlined(strip) -> str:
    return "".join(seg.text for seg in strip if seg.style and seg.style.underline).strip()


async def test_the_cursor_shows_without_colour(catalog):
    """NO_COLOR drops colours (and the colour swap Textual uses for reverse): underline stays."""
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_pane(pilot)
        await pilot.press("tab", "tab", "tab", "tab")  # past both years fields
        results_list = app.query_one("#rec-results", OptionList)
        assert _underlined(results_list.render_line(1)).startswith("1.  ML Engineer")
        assert _underlined(results_list.render_line(0)) == ""
        await pilot.press("m")
        await wait_for(pilot, lambda: showing(app, SkillsMatrixScreen))
        await add_skills(pilot, "SQL")
        await pilot.press("escape")
        grid = app.screen.query_one(MatrixGrid)
        assert _underlined(grid.render_line(1)) == "0"     # SQL x AI Research Scientist


async def test_the_palette_opens_the_matrix(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await paste(pilot, "skills matrix")
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SkillsMatrixScreen)
        await pilot.press("escape")
        assert app.query_one("#panes").active == "recommender"


async def test_enter_on_the_pathway_opens_it_and_on_the_years_line_edits_them(catalog):
    from airoles_tui.ui.panes.cases import CasesPane

    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_pane(pilot)
        await pilot.press("tab", "tab", "tab", "tab", "end")
        results_list = app.query_one("#rec-results", OptionList)
        assert results_list.highlighted_option.id == "pathway:swe-to-mle"
        await pilot.press("up", "enter")
        assert app.focused is app.query_one("#rec-years", Input)
        await pilot.press("enter", "end", "enter")
        await pilot.pause()
        assert app.query_one("#panes").active == "cases"
        assert app.query_one(CasesPane).current.key == "pathway:swe-to-mle"


async def test_help_on_the_matrix_lists_its_keys(catalog):
    from airoles_tui.ui.screens.help import HelpScreen

    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_matrix(pilot)
        await add_skills(pilot, "SQL")
        await pilot.press("escape", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one("#help-text", Static).visual.plain
        assert text.startswith("Keys: Skills matrix")
        for line in ["0-3+-", "Score", "Raise the score", "Lower the score",
                     "Reset the row to the proposal", "Remove", "Add skill", "Save", "alt+s", "Save as", "Open"]:
            assert line in text


async def fill_form(pilot, catalog, background: str, interests: list[str], years: int) -> None:
    """Drive the form with the keyboard only, ticking interests in the order given."""
    rules = catalog.recommender
    await pilot.press(*["down"] * [b.id for b in rules.backgrounds].index(background))
    await pilot.press("tab")
    at = 0
    for interest in interests:
        target = [i.id for i in rules.interests].index(interest)
        await pilot.press(*(["down"] * (target - at) if target > at else ["up"] * (at - target)),
                          "space")
        at = target
    await pilot.press("y", *str(years), "enter")


@pytest.mark.parametrize(("args", "expected"), ARTICLE_EXAMPLES)
async def test_the_articles_four_examples_through_the_form(catalog, args, expected):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_pane(pilot)
        await fill_form(pilot, catalog, *args)
        assert (pane.background, pane.interests, pane.years) == (args[0], args[1], args[2])
        assert [(s.role, s.reason) for s in pane.result.top] == expected
        shown = results(app)
        for role, reason in expected:
            assert reason in " ".join(shown[f"top:{role}"].split())


FRESH_START = """
import asyncio, gc, sys
from airoles_tui.catalog.loader import load_catalog
from airoles_tui.paths import data_dir
from airoles_tui.ui.app import AiRolesApp

async def main():
    app = AiRolesApp(load_catalog(data_dir()), lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        # Past the first frame, when a waiting copy would be offered: the app freezes the
        # objects start-up made (gc.freeze) right after that offer.
        for _ in range(1000):
            if gc.get_freeze_count():
                break
            await pilot.pause()
        else:
            sys.exit("the first frame never ended")
    print("airoles_tui.recommend.matrix_file" in sys.modules)

asyncio.run(main())
"""


def test_a_start_without_matrices_loads_none_of_the_matrix(tmp_path):
    """Looking for a matrix's recovery copy costs a folder check, not the matrix's modules,
    for the sessions (most) that never open one."""
    import subprocess
    import sys

    def loaded() -> str:
        return subprocess.run([sys.executable, "-c", FRESH_START], capture_output=True,
                              text=True, timeout=120, check=True).stdout.strip()

    assert loaded() == "False"
    folder_of_matrices().mkdir(parents=True)  # a matrix was made here once: now it looks
    assert loaded() == "True"
