"""Pilot tests of skill marks: the skill list from a card, the tree's "4/9", the card, the
recommender's list, the learning plan; a bad progress file is reported and left alone."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import OptionList, Static

from airoles_tui.recommend.progress import load, progress_path
from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.panes.roles import RoleCard, RolesPane, RoleTree
from airoles_tui.ui.screens.help import HelpScreen
from airoles_tui.ui.screens.learning_plan import LearningPlanScreen, PlanView
from airoles_tui.ui.screens.skills import SkillsScreen

from .bracketed import NASTY, bracketed
from .test_recommend_pane import results, text_of
from .widget_app import palette_hits, paste

BAD = (b'format = "airoles-tui/skill-progress"\nversion = 1\n'
       b'[[marks]]\nrole = "ml-engineer"\nskill = "SQL"\nstate = "mastered"\n')


def tree_label(app, name: str) -> str:
    tree = app.query_one(RoleTree)
    labels = [str(n.label) for f in tree.root.children for n in f.children]
    return next(lb for lb in labels if lb.startswith(name))


def skill_lines(app) -> list[str]:
    options = app.screen.query_one("#skills-list", OptionList).options
    return [" ".join(text_of(o.prompt).split()) for o in options]


async def open_skills_of_mle(pilot):
    app = pilot.app
    await pilot.press("down", "down", "down", "down")  # the tree starts on the first role
    assert app.query_one(RolesPane).current_role.id == "ml-engineer"
    await pilot.press("s")
    await pilot.pause()
    assert isinstance(app.screen, SkillsScreen)


async def test_marks_are_saved_at_once_and_counted_in_the_tree_and_card(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_skills_of_mle(pilot)
        await pilot.press("h", "down", "l", "down", "s")   # Python, SQL, Docker
        assert load(progress_path()).marks == {
            ("ml-engineer", "Python"): "have", ("ml-engineer", "SQL"): "learning",
            ("ml-engineer", "Docker"): "skip"}
        lines = skill_lines(app)
        assert lines[:4] == ["[✓] have Python", "[~] learning SQL", "[-] skip Docker",
                             "[ ] Kubernetes"]
        title = app.screen.query_one("#skills-title", Static).visual.plain
        assert title == "Key skills: ML Engineer  have 1/8 · learning 1 · skipped 1"
        await pilot.press("escape")                      # the tree and card follow
        assert tree_label(app, "ML Engineer") == "ML Engineer 1/8"
        assert tree_label(app, "Data Scientist") == "Data Scientist"
        assert app.focused is app.query_one(RoleTree)
        card = app.query_one(RoleCard).plain
        assert "Key skills: you have 1/8 (s marks them)" in card
        assert "✓ Python (have)" in card and "~ SQL (learning)" in card
        assert "- Docker (skip)" in card and "• Kubernetes" in card


async def test_closing_the_list_makes_the_marks_durable(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_skills_of_mle(pilot)
        await pilot.press("h", "down", "h")
        assert app.progress.unsynced  # written (renamed into place), not fsync'd yet
        await pilot.press("escape")
        assert not app.progress.unsynced and not isinstance(app.screen, SkillsScreen)


async def test_space_cycles_and_u_clears(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_skills_of_mle(pilot)
        await pilot.press("space")
        assert app.progress.state("ml-engineer", "Python") == "have"
        await pilot.press("space", "space")
        assert app.progress.state("ml-engineer", "Python") == "skip"
        await pilot.press("u")
        assert app.progress.state("ml-engineer", "Python") is None
        assert load(progress_path()).marks == {}
        await pilot.press("escape")
        assert tree_label(app, "ML Engineer") == "ML Engineer"


async def test_the_recommenders_list_shows_progress(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_skills_of_mle(pilot)
        await pilot.press("h", "escape", "3")
        await pilot.pause()
        got = results(app)
        assert got["top:ml-engineer"].startswith("1.  ML Engineer · skills 1/9")
        assert "ML Engineer: 3 points · skills 1/9" in got["all:ml-engineer"]
        assert "· skills" not in got["top:mlops-engineer"]  # nothing marked there


async def test_marks_from_the_last_session_show_at_start(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_skills_of_mle(pilot)
        await pilot.press("h")
    again = AiRolesApp(catalog, lazy_panes=True)
    async with again.run_test(size=(80, 24)):
        assert tree_label(again, "ML Engineer") == "ML Engineer 1/9"


async def test_a_bad_file_is_reported_marking_is_refused_and_the_file_left_alone(catalog):
    path = progress_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(BAD)
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_skills_of_mle(pilot)
        note = app.screen.query_one("#skills-note", Static).visual.plain
        assert f"{path}:6: marks[1].state: expected one of have, learning, skip" in note
        await pilot.press("h")
        assert app.progress.state("ml-engineer", "Python") is None
        assert skill_lines(app)[0] == "[ ] Python"
    assert path.read_bytes() == BAD


async def test_s_on_a_family_says_what_it_needs(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("up", "s")
        await pilot.pause()
        assert not isinstance(app.screen, SkillsScreen)


async def test_a_failed_save_is_retried_when_the_session_ends(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        folder = progress_path().parent
        folder.parent.mkdir(parents=True)
        folder.write_text("in the way")  # the data dir cannot be made: the save fails
        await open_skills_of_mle(pilot)
        await pilot.press("h")
        note = app.screen.query_one("#skills-note", Static).visual.plain
        assert note.startswith("Marked, but not saved yet: could not save")
        assert app.progress.pending
        folder.unlink()
        app.save_unsaved()  # what SIGHUP and SIGTERM run (ui/lifecycle.py)
    assert load(progress_path()).marks == {("ml-engineer", "Python"): "have"}


async def test_the_skill_keys_are_in_the_footer_and_help(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_skills_of_mle(pilot)
        shown = {b.key: b.description for _n, b, _e, _t in app.screen.active_bindings.values()
                 if b.show}
        assert {k: shown.get(k) for k in "hlsup"} == {
            "h": "Have", "l": "Learning", "s": "Skip", "u": "Clear", "p": "Plan"}
        await pilot.press("escape", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert ("Open", "s", "Skills: mark have / learning / skip") in app.screen.rows


async def test_p_and_the_palette_open_the_learning_plan(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_skills_of_mle(pilot)
        await pilot.press("h", "down", "l", "p")
        await pilot.pause()
        assert isinstance(app.screen, LearningPlanScreen)
        text = app.screen.query_one(PlanView).plain
        assert "Key skills still to learn (8 of 9)" in text
        assert "[~] SQL (learning)" in text and "Already have: Python." in text
        assert "From Software Engineering to ML Engineer" in text
        assert "Case studies that show the role at work" in text
        await pilot.press("escape", "escape")
        await pilot.press("3", "down")                    # the Recommender: Data analytics
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await paste(pilot, "learning plan: data scientist")
        await palette_hits(pilot, "learning plan: data scientist")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LearningPlanScreen)
        text = app.screen.query_one(PlanView).plain
        assert text.startswith("Learning plan: Data Scientist")
        assert "The article's pathway for your background (Data analytics)" in text


async def test_skill_and_role_text_is_shown_literally(catalog):
    app = AiRolesApp(bracketed(catalog), lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_skills_of_mle(pilot)
        await pilot.press("l")                             # the bracketed skill comes first
        assert skill_lines(app)[0] == f"[~] learning {NASTY} skill"
        title = app.screen.query_one("#skills-title", Static).visual.plain
        assert title.startswith(f"Key skills: {NASTY} ML Engineer")
        await pilot.press("p")
        await pilot.pause()
        text = app.screen.query_one(PlanView).plain
        assert f"[~] {NASTY} skill (learning)" in text
        assert f"Learning plan: {NASTY} ML Engineer" in text
        await pilot.press("escape", "escape")
        assert tree_label(app, f"{NASTY} ML Engineer") == f"{NASTY} ML Engineer 0/10"
        assert f"~ {NASTY} skill (learning)" in app.query_one(RoleCard).plain
