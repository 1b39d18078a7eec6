"""The notice after a save names the file first and whole: with the folder first, a long
plans folder wrapped the toast mid-name ("…/plans/wal" then "k.toml"), as a walk at 80x24
showed; the folder comes after it."""

from __future__ import annotations

from airoles_tui.ui.app import AiRolesApp

from .test_org_designer import add_hire, save_named, wait_for


def toast_lines(app) -> list[str]:
    return [s.text for t in app.screen.query("Toast") for y in range(t.size.height)
            for s in t.render_line(y)]


async def test_the_saved_notice_names_the_file_whole_however_long_the_folder(catalog, tmp_path):
    plans = tmp_path / ("a-long-folder-name-" * 3) / "data" / "airoles-tui" / "plans"
    app = AiRolesApp(catalog, plans_dir=plans, lazy_panes=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await add_hire(pilot)
        await save_named(pilot, "walk")
        await wait_for(pilot, lambda: any("Saved" in line for line in toast_lines(app)))
        lines = [line.strip() for line in toast_lines(app) if line.strip()]
        # The name first, whole on the first line; where it lies comes after.
        assert lines[0] == "Saved walk.toml", lines
        assert str(plans.name) in " ".join(lines)
    assert (plans / "walk.toml").is_file()
