"""The hire form follows the plan's declaration: a field added in a throwaway subclass
(tests/unit/test_plan_declaration.py) shows in the form with its label, takes what is typed,
refuses what its declared check refuses, and is saved to the file."""

from __future__ import annotations

from textual.widgets import Input, Static

from airoles_tui.plan.file_format import load_plan
from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.panes.hire_editor import HireEditor
from airoles_tui.ui.panes.org import OrgPane
from tests.unit.test_plan_declaration import (  # noqa: F401  (laptop_format: a fixture)
    HireWithLaptop,
    PlanWithLaptops,
    laptop_format,
)

from .test_org_designer import save_named, type_text, wait_for


def label(app, field: str) -> str:
    return app.query_one(f"#hire-{field}-label", Static).visual.plain


async def test_an_added_hire_field_is_in_the_form_and_saved(catalog, tmp_path, monkeypatch,
                                                            laptop_format):  # noqa: F811
    monkeypatch.setattr(HireEditor, "HIRE", HireWithLaptop)  # the form is for that hire
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        pane = app.query_one(OrgPane)
        pane._load(PlanWithLaptops(name="p", funding_usd=1, hires=[
            HireWithLaptop("ml-engineer", laptop="ThinkPad", desk=3)]), None, None)
        laptop = app.query_one("#hire-laptop", Input)
        await wait_for(pilot, lambda: laptop.value == "ThinkPad")
        assert app.query_one("#hire-desk", Input).value == "3"
        assert (label(app, "laptop"), label(app, "desk")) == ("Laptop", "Desk")
        # In the form's order: after the declared fields it follows, before the optional title.
        ids = [w.id for w in app.query_one(HireEditor).query("Input, TextArea, ChoiceSelect")]
        assert ids.index("hire-rationale") < ids.index("hire-laptop") < ids.index(
            "hire-desk") < ids.index("hire-title")
        laptop.focus()
        await pilot.press("ctrl+u")
        await type_text(pilot, "MacBook [/]")
        await wait_for(pilot, lambda: pane.doc.plan.hires[0].laptop == "MacBook [/]")
        desk = app.query_one("#hire-desk", Input)
        desk.focus()
        await pilot.press("ctrl+u")
        await type_text(pilot, "0")  # the declared check: desks count from 1
        await wait_for(pilot, lambda: "desks count from 1" in label(app, "desk"))
        assert pane.doc.plan.hires[0].desk == 3
        await type_text(pilot, "7")  # "07"
        await wait_for(pilot, lambda: pane.doc.plan.hires[0].desk == 7)
        assert label(app, "desk") == "Desk"
        await save_named(pilot, "laptops")
    text = (tmp_path / "laptops.toml").read_text(encoding="utf-8")
    assert 'laptop = "MacBook [/]"' in text and "desk = 7" in text
    again = load_plan(tmp_path / "laptops.toml").document.hires[0]
    assert isinstance(again, HireWithLaptop) and (again.laptop, again.desk) == ("MacBook [/]", 7)
