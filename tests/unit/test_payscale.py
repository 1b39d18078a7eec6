"""The pay chart's arithmetic: one shared scale, ranges to cells, axis labels that never collide."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from airoles_tui.catalog import payscale
from airoles_tui.catalog.records import Compensation


def test_the_scale_holds_every_range_on_round_ticks(catalog):
    scale = payscale.make_scale(catalog.roles, 40)
    assert (scale.low, scale.high) == (100_000, 500_000)
    assert scale.ticks() == [100_000, 200_000, 300_000, 400_000, 500_000]
    assert scale.cell(scale.low) == 0 and scale.cell(scale.high) == 39


def test_a_bar_covers_its_range_and_an_open_top_is_marked(catalog):
    scale = payscale.make_scale(catalog.roles, 41)  # 10K a cell
    prompt = payscale.bar(catalog.role("prompt-engineer"), scale)  # $100K–$200K
    assert prompt[:11] == payscale.FULL * 11 and payscale.FULL not in prompt[11:]
    research = payscale.bar(catalog.role("ai-research-scientist"), scale)  # $200K–$500K+
    assert research.index(payscale.FULL) == 10
    assert research.endswith(payscale.OPEN_END)
    assert payscale.range_label(catalog.role("ai-research-scientist")) == "$200K–$500K+"


def test_a_role_without_a_figure_has_no_bar_and_sorts_last(catalog):
    unpriced = catalog.role("ml-engineer")._replace(id="x", name="A first name",
                                   compensation=None)
    roles = [unpriced, *catalog.roles]
    scale = payscale.make_scale(roles, 40)
    assert payscale.FULL not in payscale.bar(unpriced, scale)
    assert payscale.range_label(unpriced) == "no figure"
    for by in payscale.SORTS:
        assert payscale.sort_roles(roles, by)[-1] is unpriced
        assert payscale.sort_roles(roles, by, reverse=True)[-1] is unpriced


def test_sorts_by_low_end_high_end_and_name(catalog):
    low = payscale.sort_roles(catalog.roles, "low")
    assert low[0].id == "prompt-engineer" and low[-1].id == "ai-research-scientist"
    high = payscale.sort_roles(catalog.roles, "high", reverse=True)
    assert [r.compensation.max_usd for r in high] == sorted(
        (r.compensation.max_usd for r in catalog.roles), reverse=True)
    names = [r.name for r in payscale.sort_roles(catalog.roles, "name")]
    assert names == sorted(names, key=str.lower)


def test_axis_labels_sit_under_their_ticks_without_overlapping(catalog):
    for width in (10, 24, 39, 60, 120):
        scale = payscale.make_scale(catalog.roles, width)
        line, labels = payscale.axis(scale)
        assert len(line) == len(labels) == width
        assert line.count("┴") == len(scale.ticks())
        words = labels.split()
        assert words and all(w.startswith("$") for w in words)  # no two labels ran together


def test_columns_fit_80_and_60_cells():
    for total in (80, 60):
        name = payscale.name_width_for(total)
        track = payscale.track_width(total, name)
        assert name + 1 + track + 1 + payscale.LABEL_WIDTH <= total
        assert track >= 20


def test_fit_cuts_with_an_ellipsis():
    assert payscale.fit("Forward Deployed Engineer", 10) == "Forward D…"
    assert payscale.fit("MLE", 5) == "MLE  "


@given(ranges=st.lists(st.tuples(st.integers(0, 2_000_000), st.integers(0, 2_000_000),
                                 st.booleans()), min_size=1, max_size=20),
       width=st.integers(2, 200))
def test_every_bar_lies_inside_the_track_in_order(catalog, ranges, width):
    base = catalog.roles[0]
    roles = [base._replace(id=str(i), compensation=Compensation(min(a, b), max(a, b),
                                                                             open_ended=o))
             for i, (a, b, o) in enumerate(ranges)]
    scale = payscale.make_scale(roles, width)
    assert scale.low <= min(r.compensation.min_usd for r in roles)
    assert scale.high >= max(r.compensation.max_usd for r in roles)
    for role in roles:
        track = payscale.bar(role, scale)
        assert len(track) == width
        filled = [i for i, ch in enumerate(track) if ch in (payscale.FULL, payscale.OPEN_END)]
        assert filled == list(range(filled[0], filled[-1] + 1))  # one unbroken run
        assert filled[0] == scale.cell(role.compensation.min_usd)
