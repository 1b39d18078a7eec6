"""The plan details dialog's refusals name the field and what the plan keeps, blank included:
a refused monthly amount once read "'x' is not an amount … ✗ (kept: )", with neither."""

from __future__ import annotations

import pytest

from airoles_tui.ui.panes.org import OrgPane

from .test_org_designer import type_text
from .test_org_snapshots import example_app, loaded


def label(app, key: str) -> str:
    return str(app.screen.query_one(f"#label-{key}").render())


@pytest.mark.parametrize("key,words", [
    ("monthly_other_burn_usd", ["burn", "kept: none"]),
    ("monthly_compute_usd", ["compute", "kept: none"]),
])
async def test_a_refused_monthly_amount_names_its_field_and_the_kept_blank(
        catalog, tmp_path, key, words):
    app = example_app(catalog, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one(f"#plan-{key}").focus()
        await type_text(pilot, "lots")
        await pilot.pause()
        text = label(app, key)
        assert "✗" in text
        for word in words:
            assert word in text.lower(), text
        assert getattr(app.query_one(OrgPane).doc.plan, key) == 0
