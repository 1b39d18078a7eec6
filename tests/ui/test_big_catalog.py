"""A company-sized catalog: families start closed and fill when opened; the filter stays cheap.

Built from the generator the scale benchmark uses (tests/bench/gen_catalog.py), smaller here.
"""

from __future__ import annotations

import pytest

from airoles_tui.catalog.loader import load_catalog
from airoles_tui.catalog.records import Role
from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.panes.roles import OPEN_LIMIT, RoleCard, RolesPane, RoleTree
from tests.bench.gen_catalog import generate


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    return load_catalog(generate(tmp_path_factory.mktemp("big"), roles=600, families=20))


def family_labels(app) -> list[str]:
    return [str(n.label) for n in app.query_one(RoleTree).root.children]


async def test_many_roles_start_with_closed_families_and_counts(big):
    app = AiRolesApp(big, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        tree = app.query_one(RoleTree)
        assert len(big.roles) > OPEN_LIMIT
        assert [n.is_expanded for n in tree.root.children] == [False] * 20
        assert family_labels(app)[0] == "Research & Science (33)"
        assert sum(len(n.children) for n in tree.root.children) == 0  # nothing built yet
        assert app.query_one(RoleCard).plain.startswith("Research & Science")
        await pilot.press("enter")  # opens the family: its roles appear
        await pilot.pause()
        first = tree.root.children[0]
        assert first.is_expanded and len(first.children) == 33
        await pilot.press("down")
        assert app.query_one(RolesPane).current_role == first.children[0].data


async def test_filter_narrows_counts_then_opens_families_when_few_match(big):
    app = AiRolesApp(big, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"engineer")
        await pilot.pause()
        labels = family_labels(app)
        matching = [r for r in big.roles if "engineer" in r.search_text()]
        assert len(matching) > OPEN_LIMIT
        assert sum(int(lab.rsplit("(", 1)[1].rstrip(")")) for lab in labels) == len(matching)
        await pilot.press(*" 00001")  # one generated role only
        await pilot.pause()
        tree = app.query_one(RoleTree)
        roles = [n.data for f in tree.root.children for n in f.children]
        assert [r.name for r in roles] == ["Research Engineer 00001"]
        assert all(n.is_expanded for n in tree.root.children)


async def test_show_role_opens_its_closed_family(big):
    app = AiRolesApp(big, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        target = big.roles[-1]  # in the last family, closed at the start
        assert app.query_one(RolesPane).show_role(target.id)
        await pilot.pause()
        current = app.query_one(RolesPane).current_role
        assert isinstance(current, Role) and current.id == target.id
        assert app.query_one(RoleCard).plain.startswith(target.name)
