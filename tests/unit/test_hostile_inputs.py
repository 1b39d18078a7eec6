"""Hostile files and hostile timing: one case per failure found by the attack of issue 11.

Every case here failed before its fix (a traceback, a hang, code run from the cache, control
sequences reaching the output, a save lost without a word). Each now ends in a clear refusal
that names the file and what is wrong, in bounded time, with the input left unchanged.
Widget and terminal cases live in tests/ui/test_hostile_ui.py and tests/e2e.
"""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import pickle
import re
import shutil
import signal
import time
import zlib
from pathlib import Path

import pytest

from airoles_tui.catalog import cache as catalog_cache
from airoles_tui.catalog.loader import load_catalog
from airoles_tui.catalog.payscale import axis, make_scale
from airoles_tui.catalog.records import Compensation, Role
from airoles_tui.cli.main import main
from airoles_tui.config import load_settings
from airoles_tui.paths import data_dir, example_plans_dir
from airoles_tui.plan.file_format import dumps, load_plan, loads
from airoles_tui.plan.model import Hire, OrgPlan
from airoles_tui.documents.stamp import file_stamp
from airoles_tui.plan.store import PlanConflict, PlanSaveError, check_file_name, save_plan
from airoles_tui.recommend import matrix_file

from .strength import examples

EXAMPLE = example_plans_dir() / "series-b-legal.toml"
# ESC ] 52: set the clipboard; ESC [ 2 J: clear the screen; U+009B: the one-character CSI;
# U+009D: the one-character OSC; BEL ends the OSC.
HOSTILE = "A\x1b]52;c;aGVsbG8=\x07B\x1b[2JC\x9b2JD\x9d52;c;x\x9cE"
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def toml_str(text: str) -> str:
    """``text`` as a TOML basic string, control characters escaped (as a hostile file has
    them: TOML forbids them raw, and \\u escapes decode to the characters themselves)."""
    return json.dumps(text)


def plan_text(**head) -> str:
    fields = {"name": '"x"', "funding_usd": "1000000", "hire_budget": "3", **head}
    body = "".join(f"{k} = {v}\n" for k, v in fields.items())
    return f"format_version = 1\n[plan]\n{body}"


def refused(capsys, argv: list[str], message: str) -> str:
    """Run a command that must refuse its input: status 2, ``message`` on stderr, no
    traceback. Returns stderr."""
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err, err
    assert "Traceback" not in err
    return err


def left_alone(path: Path) -> tuple | None:
    """What shows that a file was not changed: its inode, size and times (a write, truncation
    or replacement moves the change time, which nothing sets back), and its bytes unless it is
    the 65 MiB file, which is not worth reading twice. None for what is not a readable file."""
    try:
        if not path.is_file():
            return None
        st = path.stat()
        small = st.st_size <= 1 << 20
        return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns,
                path.read_bytes() if small else None)
    except OSError:  # a file the test made unreadable: checked by the test itself
        return None


def every_plan_command_refuses(capsys, path: Path, message: str) -> None:
    before = left_alone(path)
    for argv in (["validate", str(path)], ["plan", "export", str(path)], ["open", str(path)]):
        refused(capsys, argv, message)
    if before is not None:
        assert left_alone(path) == before


@pytest.fixture
def cat_dir(tmp_path):
    return shutil.copytree(data_dir(), tmp_path / "catalog", ignore=shutil.ignore_patterns("plans"))


# -- trust boundaries: the catalog cache -----------------------------------------------------


class _Payload:
    """Unpickling this creates a file: proof that loading the cache ran code."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_a_planted_cache_runs_no_code(cat_dir, tmp_path):
    marker = tmp_path / "pwned"
    folder = tmp_path / "xdg-cache" / "airoles-tui"
    folder.mkdir(parents=True)
    key = zlib.crc32(str(cat_dir.resolve()).encode())
    for suffix in ("pickle", "json"):  # the old name and the new
        target = folder / f"catalog-{key:08x}.{suffix}"
        target.write_bytes(pickle.dumps(_Payload(marker)))
        os.chmod(target, 0o600)
    assert catalog_cache.load_catalog_cached(cat_dir) == load_catalog(cat_dir)
    assert not marker.exists()


def _cached_then(cat_dir, monkeypatch, spoil) -> int:
    """Cache the catalog, ``spoil`` each cache file, and count the parses of the next load."""
    catalog_cache.load_catalog_cached(cat_dir)
    files = list(catalog_cache.cache_dir().iterdir())
    assert files
    for f in files:
        spoil(f)
    calls = []
    real = catalog_cache.load_catalog
    monkeypatch.setattr(catalog_cache, "load_catalog", lambda d: calls.append(d) or real(d))
    assert catalog_cache.load_catalog_cached(cat_dir) == load_catalog(cat_dir)
    return len(calls)


def test_a_cache_others_can_write_is_not_trusted(cat_dir, monkeypatch):
    assert _cached_then(cat_dir, monkeypatch, lambda f: os.chmod(f, 0o666)) == 1


def test_a_cache_owned_by_someone_else_is_not_trusted(cat_dir, monkeypatch):
    if os.geteuid() != 0:
        pytest.skip("giving a file away needs root")
    assert _cached_then(cat_dir, monkeypatch, lambda f: os.chown(f, 12345, 12345)) == 1


@pytest.mark.timeout(30)
def test_a_cache_that_is_a_fifo_does_not_hang(cat_dir, monkeypatch):
    def fifo(f: Path) -> None:
        f.unlink()
        os.mkfifo(f, 0o600)

    assert _cached_then(cat_dir, monkeypatch, fifo) == 1


def test_a_cache_with_the_wrong_shape_is_parsed_again(cat_dir, monkeypatch):
    def retype(f: Path) -> None:
        saved = json.loads(f.read_bytes())
        saved[1][1][0][1] = {"not": "a name"}  # the first role's name
        f.write_text(json.dumps(saved))

    assert _cached_then(cat_dir, monkeypatch, retype) == 1


def test_the_cache_is_written_private(cat_dir):
    catalog_cache.load_catalog_cached(cat_dir)
    for f in catalog_cache.cache_dir().iterdir():
        assert f.stat().st_mode & 0o077 == 0 and f.stat().st_uid == os.geteuid()


# -- trust boundaries: control characters in headless output ---------------------------------


def test_validate_shows_control_characters_in_quoted_keys(tmp_path, capsys):
    path = tmp_path / "p.toml"
    path.write_text(plan_text(**{toml_str(HOSTILE): "1"}))
    err = refused(capsys, ["validate", str(path)], "unknown field")
    assert not RAW_CONTROL.search(err) and "␛]52" in err and "⍰9B" in err


def test_plan_export_shows_control_characters(tmp_path, capsys):
    path = tmp_path / "p.toml"
    path.write_text(plan_text(name=toml_str(HOSTILE), company=toml_str(HOSTILE))
                    + f'[[hires]]\nrole = "ml-engineer"\ntitle = {toml_str(HOSTILE)}\n'
                    f"rationale = {toml_str(HOSTILE)}\n")
    assert main(["plan", "export", str(path)]) == 0
    md = capsys.readouterr().out
    assert not RAW_CONTROL.search(md) and "␛" in md and "⍰9B" in md
    assert main(["plan", "export", "--format", "json", str(path)]) == 0
    out = capsys.readouterr().out
    assert not RAW_CONTROL.search(out)
    assert json.loads(out)["plan"]["name"] == HOSTILE  # the data itself stays exact
    assert main(["plan", "export", "--format", "csv", str(path)]) == 0
    out = capsys.readouterr().out
    assert not RAW_CONTROL.search(out.replace("\r\n", "")) and "␛" in out and "⍰9B" in out
    assert main(["--plans-dir", str(tmp_path), "plan", "list"]) == 0
    out = capsys.readouterr().out
    assert not RAW_CONTROL.search(out.replace("\n", "")) and "␛" in out and "⍰9B" in out


def test_recommend_output_shows_control_characters(cat_dir, capsys):
    rec = cat_dir / "recommender.toml"
    text = rec.read_text()
    reason = re.search(r'^reason = "(.*)"$', text, re.M)
    rec.write_text(text.replace(reason.group(0), f"reason = {toml_str(HOSTILE)}", 1))
    for extra in ([], ["--all"], ["--json"]):
        assert main(["--data-dir", str(cat_dir), "recommend", "--background", "software_engineering", *extra]) == 0
        out = capsys.readouterr().out
        assert not RAW_CONTROL.search(out.replace("\n", "")), extra
    assert main(["--data-dir", str(cat_dir), "recommend", "--background", "software_engineering", "--all"]) == 0
    assert "␛]52" in capsys.readouterr().out


# -- no lost save ----------------------------------------------------------------------------


def _save_racer(path: str, name: str, barrier, results) -> None:
    loaded = load_plan(Path(path))
    barrier.wait()
    plan = loaded.document
    plan.name = name
    try:
        save_plan(plan, Path(path), loaded.stamp)
        results.put((name, "saved"))
    except PlanConflict:
        results.put((name, "conflict"))


def test_two_sessions_saving_at_once_never_both_succeed(tmp_path):
    """The race of the attack: both sessions opened the same file and save at one moment.
    Without a lock both were told "saved" in 9 runs of 10 and one side's edits were gone, so
    ten rounds (strength.py) find a lost lock all but surely."""
    path = tmp_path / "plan.toml"
    ctx = multiprocessing.get_context("fork")
    rounds = examples(10)
    for n in range(rounds):
        path.write_bytes(EXAMPLE.read_bytes())
        os.utime(path, ns=(n, n))
        barrier, results = ctx.Barrier(2), ctx.Queue()
        racers = [ctx.Process(target=_save_racer, args=(str(path), f"{who} {n}", barrier,
                                                        results)) for who in ("A", "B")]
        for p in racers:
            p.start()
        for p in racers:
            p.join(60)
        outcome = dict(results.get(timeout=10) for _ in racers)
        saved = [who for who, what in outcome.items() if what == "saved"]
        assert len(saved) == 1, (n, outcome)
        assert load_plan(path).document.name == saved[0]  # the winner's edits are on disk


def test_saving_through_a_symlink_writes_the_target(tmp_path):
    target = tmp_path / "real" / "plan.toml"
    target.parent.mkdir()
    target.write_bytes(EXAMPLE.read_bytes())
    link = tmp_path / "plan.toml"
    link.symlink_to(target)
    loaded = load_plan(link)
    loaded.document.name = "Through the link"
    save_plan(loaded.document, link, loaded.stamp)
    assert link.is_symlink() and link.resolve() == target
    assert load_plan(target).document.name == "Through the link"
    assert sorted(p.name for p in target.parent.iterdir()) == ["plan.toml"]  # no temp left


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", ["device", "fifo", "directory"])
def test_export_refuses_a_target_that_is_not_a_file(tmp_path, capsys, kind):
    out = tmp_path / "out"
    if kind == "device":
        out = Path(os.devnull)
    elif kind == "fifo":
        os.mkfifo(out)
    else:
        out.mkdir()
    refused(capsys, ["plan", "export", str(EXAMPLE), "-o", str(out)], "not writing the export")
    assert out.exists() and not out.is_file()


def test_export_dash_means_stdout(capsys):
    assert main(["plan", "export", str(EXAMPLE), "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("# Series B legal review")
    assert not Path("-").exists()


def test_a_number_toml_cannot_hold_is_not_written(tmp_path):
    plan = OrgPlan(name="x", funding_usd=2**64)
    with pytest.raises(PlanSaveError, match="64-bit"):
        save_plan(plan, tmp_path / "p.toml", None)
    assert not (tmp_path / "p.toml").exists()


# -- every hostile file gets a clear refusal in bounded time ---------------------------------

PARSER_LIMITS = {
    "deep nesting": ("x = " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
    "a 5000-digit integer": ("x = " + "9" * 5000 + "\n", "too many digits"),
}


@pytest.mark.parametrize("case", sorted(PARSER_LIMITS))
def test_parser_limits_are_refusals_in_every_reader(tmp_path, capsys, cat_dir, case):
    text, message = PARSER_LIMITS[case]
    plan = tmp_path / "plan.toml"
    plan.write_text(text)
    every_plan_command_refuses(capsys, plan, message)
    # a catalog file
    (cat_dir / "history.toml").write_text(text)
    refused(capsys, ["--data-dir", str(cat_dir), "validate"], message)
    refused(capsys, ["--data-dir", str(cat_dir), "recommend", "--background", "x"], message)
    # the settings file: ignored with its problem, never a crash
    config = tmp_path / "config.toml"
    config.write_text(text)
    settings, problems = load_settings(config)
    assert settings.theme is None and message in str(problems[0])
    # a skills matrix file
    with pytest.raises(matrix_file.SourceError, match=message):
        matrix_file.load(plan, load_catalog(data_dir()))


OUT_OF_RANGE = {
    "funding_usd": (plan_text(funding_usd=str(10**15)), "plan.funding_usd: must be from 0 to"),
    "hire_budget": (plan_text(hire_budget=str(2**62)), "plan.hire_budget: must be from 0 to"),
    "cost_multiplier": (plan_text(cost_multiplier="inf"), "plan.cost_multiplier: must be"),
    "start": (plan_text() + '[[hires]]\nrole = "ml-engineer"\nstart = 99999999999\n',
              "hires[1].start: must be from 1 to 1,200"),
    "headcount": (plan_text() + "[growth]\nheadcount = { ml-engineer = 100000000000 }\n",
                  "growth.headcount.ml-engineer: expected a whole number of people from 0"),
    "negative growth target": (plan_text() + "[growth]\ntarget = -5\n",
                               "growth.target: must be from 0 to"),
    "beyond 64 bits": (plan_text() + '[[hires]]\nrole = "ml-engineer"\norder = '
                       + str(2**70) + "\n", "hires[1].order: must be from 0 to"),
}


@pytest.mark.parametrize("case", sorted(OUT_OF_RANGE))
def test_numbers_out_of_range_are_refused_naming_the_range(tmp_path, capsys, case):
    text, message = OUT_OF_RANGE[case]
    path = tmp_path / "plan.toml"
    path.write_text(text)
    every_plan_command_refuses(capsys, path, message)


def test_a_huge_pay_figure_is_refused_by_validate(cat_dir, capsys):
    roles = cat_dir / "roles.toml"
    text = roles.read_text()
    top = re.search(r"^max_usd = \d+$", text, re.M)
    roles.write_text(text.replace(top.group(0), f"max_usd = {10**15}", 1))
    refused(capsys, ["--data-dir", str(cat_dir), "validate"],
            "compensation.max_usd: must be from 0 to 1,000,000,000")


def test_the_pay_chart_ticks_are_bounded_by_its_width():
    role = Role("r", "R", "f", 1, "", "", "", "", (), Compensation(0, 10**18))
    for width in (10, 40, 80):
        scale = make_scale([role], width)
        assert 2 <= len(scale.ticks()) <= width
        assert len(axis(scale)[1]) == width


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "directory", "too large"])
def test_files_that_are_not_plans_are_refused_without_hanging(tmp_path, capsys, kind):
    path = tmp_path / "plan.toml"
    if kind == "fifo":
        os.mkfifo(path)
        message = "FIFO"
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
        message = "device"
    elif kind == "directory":
        path.mkdir()
        message = "directory"
    else:
        with open(path, "wb") as f:
            f.truncate(65 * 1024 * 1024)  # sparse: nothing is really written
        message = "too large"
    every_plan_command_refuses(capsys, path, message)


@pytest.mark.timeout(30)
def test_a_catalog_file_that_is_a_fifo_is_refused(cat_dir, capsys):
    (cat_dir / "pathways.toml").unlink()
    os.mkfifo(cat_dir / "pathways.toml")
    refused(capsys, ["--data-dir", str(cat_dir), "validate"], "pathways.toml: is a FIFO")


@pytest.mark.timeout(30)
def test_a_settings_file_that_is_a_fifo_is_ignored(tmp_path):
    path = tmp_path / "config.toml"
    os.mkfifo(path)
    settings, problems = load_settings(path)
    assert settings.theme is None and "FIFO" in str(problems[0])


def test_a_folder_that_cannot_be_searched_is_a_message(tmp_path, capsys, monkeypatch):
    # Tests run as root, where chmod 000 still opens: deny what the kernel would deny.
    locked = tmp_path / "locked"
    locked.mkdir()
    plan = locked / "plan.toml"
    plan.write_bytes(EXAMPLE.read_bytes())

    def deny(real):
        def call(path, *args, **kwargs):
            if str(path).startswith(str(locked) + os.sep):
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real(path, *args, **kwargs)
        return call

    monkeypatch.setattr(os, "stat", deny(os.stat))
    monkeypatch.setattr(os, "open", deny(os.open))
    every_plan_command_refuses(capsys, plan, "permission denied")
    refused(capsys, ["--data-dir", str(locked / "catalog"), "validate"], "permission denied")
    monkeypatch.undo()
    assert plan.read_bytes() == EXAMPLE.read_bytes()


@pytest.mark.parametrize("template, message", [
    ("Matches your interest in {hobby}", "unknown placeholder {hobby}"),
    ("Matches {interest.__class__}", "unknown placeholder {interest.__class__}"),
    ("Matches {interest:>999999999}", "must be plain"),
    ("Matches {interest", "not a valid template"),
])
def test_recommender_reason_templates_are_validated(cat_dir, capsys, template, message):
    rec = cat_dir / "recommender.toml"
    text = rec.read_text()
    rec.write_text(re.sub(r'^interest_reason = ".*"$', f"interest_reason = {toml_str(template)}",
                          text, count=1, flags=re.M))
    refused(capsys, ["--data-dir", str(cat_dir), "validate"], message)
    refused(capsys, ["--data-dir", str(cat_dir), "recommend", "--background", "software_engineering", "--interest", "research"],
            message)


def test_thousands_of_problems_are_capped(tmp_path, capsys):
    path = tmp_path / "plan.toml"
    path.write_text(plan_text() + '[[hires]]\nrole = "ml-engineer"\nseniority = "god"\n' * 3000)
    err = refused(capsys, ["validate", str(path)], "and 2,900 more problems not listed")
    lines = err.strip().splitlines()
    assert len(lines) == 101
    # located, each at its own [[hires]] block, without rescanning the file per problem
    assert lines[0].startswith(f"{path}:8: hires[1].seniority")
    assert lines[99].startswith(f"{path}:{8 + 3 * 99}: hires[100].seniority")


def test_a_bom_is_named(tmp_path, capsys):
    path = tmp_path / "plan.toml"
    path.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    every_plan_command_refuses(capsys, path, "byte order mark (BOM)")


def test_a_symlink_loop_is_named(tmp_path, capsys):
    path = tmp_path / "plan.toml"
    path.symlink_to(path)
    every_plan_command_refuses(capsys, path, "symbolic link loop")


@pytest.mark.parametrize("name, problem", [
    ("a" * 300, "at most 240 bytes"),
    ("é" * 118, "at most 240 bytes"),  # 236 bytes, and .toml: 241
    ("tab\there", "control characters"),
    ("new\nline", "control characters"),
])
def test_save_as_names_the_file_system_cannot_take(name, problem):
    assert problem in check_file_name(name)


def test_the_longest_allowed_name_saves(tmp_path):
    name = "a" * 235  # 240 bytes with .toml
    assert check_file_name(name) is None
    save_plan(OrgPlan(name="x"), tmp_path / f"{name}.toml", None)


# -- the shipped data is untouched by all this ----------------------------------------------


def test_the_shipped_catalog_and_example_still_load(catalog, capsys):
    assert len(catalog.roles) > 0
    plan = load_plan(EXAMPLE).document
    assert loads(dumps(plan)) == plan and len(plan.hires) == 15
    assert main(["validate", str(EXAMPLE)]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_a_hostile_plan_round_trips_exactly(tmp_path):
    plan = OrgPlan(name=HOSTILE, hires=[Hire("ml-engineer", title=HOSTILE, rationale=HOSTILE)])
    path = tmp_path / "p.toml"
    save_plan(plan, path, None)
    assert load_plan(path).document == plan  # the file keeps the data; only its display changes
    assert file_stamp(path) is not None



def _save_forever(path: str, ready) -> None:
    plans = [OrgPlan(name=n, hires=[Hire("ml-engineer", rationale=n * 2000)]) for n in "AB"]
    ready.set()
    n = 0
    while True:
        save_plan(plans[n % 2], Path(path), None, force=True)
        n += 1


def test_sigkill_mid_save_never_tears_the_plan(tmp_path):
    """50 SIGKILLs (strength.py) at random moments of a loop of saves: each time the plan on
    disk is one whole plan or the other, never a mix or an empty file. The savers are forks
    of this process (a new interpreter each time cost most of the unit tests' time). A kill
    lands in the first save or two, where a save that writes in place is torn as often as
    later on."""
    import random

    path = tmp_path / "plan.toml"
    save_plan(OrgPlan(name="A"), path, None)
    rng = random.Random(11)
    ctx = multiprocessing.get_context("fork")
    for _ in range(examples(50)):
        ready = ctx.Event()
        child = ctx.Process(target=_save_forever, args=(str(path), ready))
        child.start()
        assert ready.wait(30)
        time.sleep(rng.uniform(0.0, 0.01))
        child.kill()
        child.join(30)
        assert child.exitcode == -signal.SIGKILL
        assert load_plan(path).document.name in ("A", "B")
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith(".")] == ["plan.toml"]


def test_plan_diff_shows_control_characters(tmp_path, capsys):
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    save_plan(OrgPlan(name="A", hires=[Hire("ml-engineer", title="x")]), a, None)
    save_plan(OrgPlan(name=HOSTILE, hires=[Hire("ml-engineer", title=HOSTILE)]), b, None)
    assert main(["plan", "diff", str(a), str(b)]) == 0
    md = capsys.readouterr().out
    assert not RAW_CONTROL.search(md) and "␛" in md and "⍰9B" in md
    assert main(["plan", "diff", "--format", "json", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert not RAW_CONTROL.search(out)
    assert json.loads(out)["same"] is False  # still JSON a program can read
