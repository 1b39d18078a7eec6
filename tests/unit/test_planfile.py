"""Plan files: exact round trips, every bad file refused untouched, saves that lose nothing."""

from __future__ import annotations

import errno
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from airoles_tui.cli.main import main
from airoles_tui.paths import example_plans_dir
from airoles_tui.plan import store
from airoles_tui.plan.file_format import PlanError, check_plan_files, dumps, load_plan, loads
from airoles_tui.plan.model import SENIORITY_POINTS, Growth, Hire, OrgPlan
from airoles_tui.documents.recovery import session_copy_path
from airoles_tui.plan.recovery import pending_recoveries, write_recovery
from airoles_tui.documents.stamp import file_stamp
from airoles_tui.plan.store import PlanConflict, PlanSaveError, list_plans, save_plan

from .strength import examples

EXAMPLE = example_plans_dir() / "series-b-legal.toml"

# Text a person might type, and text designed to break renderers and TOML writers.
NASTY = ["[", "[/]", "[link=x]", "[bold]x[/bold]", "\x1b[31mred\x1b[0m", "emoji \U0001F600",
         "法律文件审查", "a\r\nb", 'q"""q', "back\\slash", "tab\there", "\u2028", "\x7f", ""]
text = st.one_of(st.sampled_from(NASTY), st.text(st.characters(exclude_categories=("Cs",))))
hire = st.builds(
    Hire, role=st.one_of(st.sampled_from(["ml-engineer", "data-engineer"]),
                         text.filter(lambda s: s.strip() != "")),
    title=text, seniority=st.sampled_from(list(SENIORITY_POINTS)),
    start=st.integers(1, 120), team=text, deliverable_90_days=text, rationale=text)
growth = st.builds(Growth, target=st.integers(0, 500), structure=text,
                   headcount=st.dictionaries(text, st.integers(0, 999), max_size=4),
                   changes=text)
plans = st.builds(
    OrgPlan, name=text.filter(lambda s: s.strip() != ""), company=text, product=text,
    funding_usd=st.integers(0, 10**12), hire_budget=st.integers(0, 1000), structure=text,
    cost_multiplier=st.sampled_from([1.3, 1.0, 1.25, 2.0]),
    hires=st.lists(hire, max_size=6), growth=growth)


@settings(max_examples=examples(200), deadline=None)
@given(plans)
def test_round_trip_is_exact(plan):
    assert loads(dumps(plan)) == plan


def test_round_trip_through_a_file(tmp_path):
    plan = OrgPlan(name="[/]", company="\x1b[2J", hires=[Hire("ml-engineer", title="[link=x]")])
    path = tmp_path / "p.toml"
    save_plan(plan, path, None)
    assert load_plan(path).document == plan


def test_the_example_is_a_good_plan(catalog, capsys):
    assert check_plan_files([EXAMPLE], catalog) == 0
    assert "ok" in capsys.readouterr().out


# -- bad files: refused with file:line, never modified ---------------------------------------

BAD = {
    "not-toml.toml": ("plan = [unclosed", "invalid TOML"),
    "empty.toml": ("", "file is empty"),
    "blank.toml": ("  \n\n", "file is empty"),
    "future.toml": ("format_version = 2\n[plan]\nname='x'\n", "newer than this airoles-tui"),
    "wrong-types.toml": ('format_version = 1\n[plan]\nname = "x"\nfunding_usd = "lots"\n'
                         'hire_budget = 15\n', "plan.funding_usd: expected an integer"),
    "no-version.toml": ('[plan]\nname = "x"\nfunding_usd = 1\nhire_budget = 1\n',
                        "format_version: missing required field"),
    "not-a-plan.toml": ('title = "something else"\n', "not an airoles-tui plan"),
    "bad-hire.toml": ('format_version = 1\n[plan]\nname = "x"\nfunding_usd = 1\n'
                      'hire_budget = 1\n[[hires]]\nrole = "ml-engineer"\nstart = 0\n'
                      'seniority = "god"\n', "hires[1].start"),
    "negative.toml": ('format_version = 1\n[plan]\nname = "x"\nfunding_usd = -5\n'
                      'hire_budget = 1\n', "plan.funding_usd: must be from 0 to 1,000,000,000,000"),
    "not-utf8.toml": (b"format_version = 1\n\xff\xfe", "not UTF-8"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_files_are_refused_and_left_alone(tmp_path, catalog, capsys, name):
    content, message = BAD[name]
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    with pytest.raises(PlanError) as exc:
        load_plan(path)
    assert message in str(exc.value) and str(path) in str(exc.value)
    assert check_plan_files([path], catalog) == 2
    assert message in capsys.readouterr().err
    assert main(["validate", str(path)]) == 2
    assert main(["plan", "export", str(path)]) == 2
    assert main(["open", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and message in err
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_problems_carry_line_numbers(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text('format_version = 1\n[plan]\nname = "x"\nfunding_usd = 1\nhire_budget = 1\n'
                    '\n[[hires]]\nrole = "ml-engineer"\n\n[[hires]]\nrole = 7\n')
    with pytest.raises(PlanError) as exc:
        load_plan(path)
    assert f"{path}:11: hires[2].role: expected a non-empty string" in str(exc.value)


def test_missing_file(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nope.toml")]) == 2
    assert "file not found" in capsys.readouterr().err


def test_unknown_roles_load_flagged_but_fail_validation(tmp_path, catalog, capsys):
    path = tmp_path / "p.toml"
    save_plan(OrgPlan(name="x", hires=[Hire("ml-engineer"), Hire("wizard")]), path, None)
    plan = load_plan(path).document  # opens: the hire is kept, not dropped
    assert [h.role for h in plan.hires] == ["ml-engineer", "wizard"]
    assert check_plan_files([path], catalog) == 2
    err = capsys.readouterr().err
    assert "hires[2].role: unknown role 'wizard'" in err
    assert err.startswith(f"{path}:")


def test_hires_are_read_in_order(tmp_path):
    text = dumps(OrgPlan(name="x", hires=[Hire("a"), Hire("b"), Hire("c")]))
    text = text.replace("order = 1", "order = 9")
    assert [h.role for h in loads(text).hires] == ["b", "c", "a"]


# -- saving ------------------------------------------------------------------------------------

def test_save_is_atomic_and_keeps_no_temp_files(tmp_path, monkeypatch):
    path = tmp_path / "p.toml"
    stamp = save_plan(OrgPlan(name="old"), path, None)
    calls = []
    real_replace = os.replace

    def crash(src, dst):
        calls.append(src)
        raise OSError(errno.EIO, "simulated crash before rename")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(PlanSaveError):
        save_plan(OrgPlan(name="new"), path, stamp)
    monkeypatch.setattr(os, "replace", real_replace)
    assert load_plan(path).document.name == "old"  # the old file, whole
    assert calls and not Path(calls[0]).exists()
    assert [p.name for p in tmp_path.iterdir()] == ["p.toml"]


def test_full_disk_is_a_clear_message(tmp_path, monkeypatch):
    path = tmp_path / "p.toml"
    save_plan(OrgPlan(name="old"), path, None)

    def full(fd, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(PlanSaveError, match="the disk is full"):
        save_plan(OrgPlan(name="new"), path, file_stamp(path))
    monkeypatch.undo()
    assert load_plan(path).document.name == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["p.toml"]


def test_unwritable_folder_is_a_clear_message(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(PlanSaveError, match="could not save .*not a folder"):
        save_plan(OrgPlan(name="x"), blocker / "plans" / "p.toml", None)


def test_second_session_is_told_the_file_changed(tmp_path):
    path = tmp_path / "p.toml"
    first = save_plan(OrgPlan(name="one"), path, None)
    second_view = load_plan(path).stamp
    assert second_view.sha256 == first.sha256
    save_plan(OrgPlan(name="one, edited"), path, first)  # session 1 saves
    with pytest.raises(PlanConflict, match="changed on disk"):
        save_plan(OrgPlan(name="two"), path, second_view)  # session 2 must choose
    assert load_plan(path).document.name == "one, edited"
    save_plan(OrgPlan(name="two"), path, second_view, force=True)  # it chose to overwrite
    assert load_plan(path).document.name == "two"


def test_new_name_that_exists_and_touched_files(tmp_path):
    path = tmp_path / "p.toml"
    stamp = save_plan(OrgPlan(name="x"), path, None)
    with pytest.raises(PlanConflict, match="already exists"):
        save_plan(OrgPlan(name="y"), path, None)
    os.utime(path, ns=(1, 1))  # touched, same bytes: not a change
    save_plan(OrgPlan(name="y"), path, stamp)
    path.unlink()
    with pytest.raises(PlanConflict, match="deleted or moved"):
        save_plan(OrgPlan(name="z"), path, stamp)


def test_save_keeps_the_files_permissions(tmp_path):
    path = tmp_path / "p.toml"
    stamp = save_plan(OrgPlan(name="x"), path, None)
    os.chmod(path, 0o640)
    save_plan(OrgPlan(name="y"), path, stamp)
    assert path.stat().st_mode & 0o777 == 0o640


# -- recovery and listing ----------------------------------------------------------------------

def test_recovery_copy_round_trip(tmp_path):
    plans = tmp_path / "plans"
    source = plans / "p.toml"
    stamp = save_plan(OrgPlan(name="saved"), source, None)
    rec = session_copy_path(plans)
    assert rec.parent == plans / ".recovery"
    write_recovery(OrgPlan(name="edited [/]"), rec, source, stamp)
    loaded = load_plan(rec)
    assert loaded.document.name == "edited [/]"
    assert loaded.recovery_source == source.absolute()
    assert loaded.source_stamp.sha256 == stamp.sha256
    # Our own (live) session's copy is not offered; a dead session's is.
    assert pending_recoveries(plans) == []
    dead = rec.with_name("session-20200101T000000-999999999.toml")
    rec.rename(dead)
    entries = pending_recoveries(plans)
    assert [e.path for e in entries] == [dead] and entries[0].source == str(source.absolute())
    assert [e.name for e in list_plans(plans)] == ["saved"]  # .recovery is not a plan


def test_list_plans_newest_first_with_problems(tmp_path):
    save_plan(OrgPlan(name="older"), tmp_path / "a.toml", None)
    save_plan(OrgPlan(name="newer"), tmp_path / "b.toml", None)
    os.utime(tmp_path / "a.toml", (1, 1))
    (tmp_path / "bad.toml").write_text("nope = [")
    (tmp_path / "notes.txt").write_text("x")
    os.utime(tmp_path / "bad.toml", (0, 0))
    entries = list_plans(tmp_path)
    assert [e.name for e in entries] == ["newer", "older", "bad"]
    assert entries[2].problem and "invalid TOML" in entries[2].problem
    assert list_plans(tmp_path / "missing") == []


@pytest.mark.parametrize("name, problem", [
    ("", "type a file name"), ("a/b", "a name, not a path"), (".hidden", "hidden"),
    ("ok name", None)])
def test_file_names(name, problem):
    got = store.check_file_name(name)
    assert (got is None) if problem is None else (problem in got)
    assert store.file_name_for("Series B [legal]!") == "series-b-legal.toml"
    assert store.file_name_for("///") == "plan.toml"


# -- export ------------------------------------------------------------------------------------

def test_export_markdown_and_json(tmp_path, capsys):
    assert main(["plan", "export", str(EXAMPLE)]) == 0
    md = capsys.readouterr().out
    assert md.startswith("# Series B legal review: 15 AI hires")
    assert "## Hires in order" in md and "### 15. AI Safety Researcher" in md
    assert "## Growth to 50" in md and "runway" in md.lower()
    out = tmp_path / "plan.json"
    assert main(["plan", "export", str(EXAMPLE), "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text())
    assert data["format_version"] == 1 and len(data["hires"]) == 15
    assert data["analysis"]["hires"] == 15 and data["analysis"]["advice"] == []


def test_export_keeps_user_text_literal(tmp_path, catalog):
    from airoles_tui.plan.report import plan_markdown

    md = plan_markdown(OrgPlan(name="# [x](y) <b>", hires=[Hire("ml-engineer",
                                                               rationale="\x1b[2J")]), catalog)
    assert "\x1b" not in md and "\\#" in md and "\\[x\\]" in md and "\\<b\\>" in md


def test_export_refuses_to_overwrite_the_plan(tmp_path, capsys):
    path = tmp_path / "p.toml"
    save_plan(OrgPlan(name="x"), path, None)
    before = path.read_bytes()
    assert main(["plan", "export", str(path), "-o", str(path)]) == 2
    assert path.read_bytes() == before


def test_validate_writes_to_given_streams(catalog, tmp_path):
    out, err = io.StringIO(), io.StringIO()
    assert check_plan_files([EXAMPLE, tmp_path / "x.toml"], catalog, out, err) == 2
    assert "ok" in out.getvalue() and "file not found" in err.getvalue()


def test_validate_counts_one_hire_in_the_singular(catalog, tmp_path):
    one = tmp_path / "one.toml"
    one.write_text(dumps(OrgPlan(name="p", hires=[Hire("ml-engineer",
                                                       deliverable_90_days="x")])))
    out = io.StringIO()
    assert check_plan_files([one, EXAMPLE], catalog, out, io.StringIO()) == 0
    lines = out.getvalue().splitlines()
    assert lines[0].endswith("'p', 1 hire)") and lines[1].endswith("15 hires)")


def test_export_finds_a_plan_by_name_in_the_plans_folder(tmp_path, capsys):
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "mine.toml").write_bytes(EXAMPLE.read_bytes())
    assert main(["--plans-dir", str(plans), "plan", "export", "mine", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["plan"]["name"].startswith("Series B legal")


def test_a_missing_plan_names_the_folder_it_looked_in(tmp_path, capsys):
    plans = tmp_path / "plans"
    plans.mkdir()
    assert main(["--plans-dir", str(plans), "plan", "export", "nosuch"]) == 2
    err = capsys.readouterr().err
    assert "nosuch" in err and str(plans) in err and "Traceback" not in err
