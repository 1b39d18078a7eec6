"""The designer's file flows driven without a terminal: plan/session.PlanSession decides,
these tests play the user's answers."""

from __future__ import annotations

import os

import pytest

from airoles_tui.paths import example_plans_dir
from airoles_tui.plan.file_format import load_plan
from airoles_tui.plan.model import Hire, OrgPlan
from airoles_tui.plan.recovery import pending_recoveries, write_recovery
from airoles_tui.plan.session import (
    Conflict,
    Opened,
    PlanSession,
    Problems,
    Question,
    Restorable,
    Saved,
)
from airoles_tui.documents.stamp import file_stamp
from airoles_tui.plan.store import file_name_for, save_plan

EXAMPLE = example_plans_dir() / "series-b-legal.toml"


@pytest.fixture
def session(catalog, tmp_path) -> PlanSession:
    return PlanSession(catalog, tmp_path / "plans")


def edit(session: PlanSession, title: str = "edited") -> None:
    """What the pane does on an edit: change the plan and mark it unsaved."""
    session.doc.plan.hires.append(Hire("ml-engineer", title=title))
    session.doc.touch()


def copies(session: PlanSession) -> list:
    return sorted((session.plans_dir / ".recovery").glob("*.toml"))


def test_save_new_asks_for_a_name_then_writes_it(session):
    edit(session)
    assert session.name_to_ask() == "series-b-ai-org.toml"  # from the plan's name
    outcome = session.save(session.target("mine"))
    path = session.plans_dir / "mine.toml"
    assert outcome == Saved(path)
    assert load_plan(path).document == session.doc.plan
    assert not session.doc.dirty and session.doc.path == path
    assert session.doc.stamp == file_stamp(path)
    with pytest.raises(ValueError):  # a plan never saved cannot be saved without a target
        PlanSession(session.catalog, session.plans_dir).save()


def test_save_existing_writes_its_own_file_without_asking(session):
    edit(session)
    session.save(session.target("mine"))
    edit(session, "second")
    assert session.name_to_ask() is None  # ctrl+s: no dialog
    assert session.name_to_ask(save_as=True) == "mine.toml"  # save as suggests its own name
    assert session.save() == Saved(session.plans_dir / "mine.toml")
    assert [h.title for h in load_plan(session.doc.path).document.hires] == ["edited", "second"]


def test_conflict_when_the_file_changed_on_disk(session):
    edit(session)
    session.save(session.target("mine"))
    path = session.doc.path
    other = OrgPlan(name="another session's plan")
    save_plan(other, path, None, force=True)  # another session writes the same file
    edit(session, "mine again")
    outcome = session.save()
    assert isinstance(outcome, Conflict) and outcome.changed and outcome.path == path
    assert outcome.question.title == "File changed on disk"
    assert str(path) in outcome.question.text and "changed on disk" in outcome.question.text
    assert load_plan(path).document == other and session.doc.dirty  # nothing written, nothing lost
    assert session.save(outcome.path, force=True) == Saved(path)  # the user said overwrite
    assert load_plan(path).document == session.doc.plan and not session.doc.dirty


def test_conflict_when_the_file_was_deleted(session):
    edit(session)
    session.save(session.target("mine"))
    session.doc.path.unlink()
    edit(session)
    outcome = session.save()
    assert isinstance(outcome, Conflict) and "deleted or moved" in outcome.reason


def test_touched_but_same_bytes_is_no_conflict(session):
    edit(session)
    session.save(session.target("mine"))
    os.utime(session.doc.path, ns=(1, 1))
    edit(session)
    assert isinstance(session.save(), Saved)


def test_save_as_refuses_to_overwrite_another_file(session):
    existing = session.target("taken")
    save_plan(OrgPlan(name="theirs"), existing, None)
    before = existing.read_bytes()
    edit(session)
    outcome = session.save(session.target("taken"))
    assert isinstance(outcome, Conflict) and not outcome.changed
    assert outcome.question.title == "File exists" and "already exists" in outcome.reason
    assert existing.read_bytes() == before and session.doc.dirty and session.doc.path is None


def test_save_as_to_its_own_name_is_no_conflict(session):
    edit(session)
    session.save(session.target("mine"))
    edit(session)
    assert session.save(session.target(session.name_to_ask(save_as=True))) == \
        Saved(session.plans_dir / "mine.toml")


def test_a_failed_save_keeps_the_plan_and_says_where(session, monkeypatch):
    edit(session)

    def full(path, data, *, durable=True):
        from airoles_tui.plan.store import PlanSaveError

        if ".recovery" not in str(path):
            raise PlanSaveError(f"{path}: No space left on device")
        from airoles_tui import files
        files.write_atomic(path, data, durable=durable)
        return file_stamp(path)

    monkeypatch.setattr("airoles_tui.documents.store.write_atomic", full)
    monkeypatch.setattr("airoles_tui.plan.recovery.write_atomic", full)
    outcome = session.save(session.target("mine"))
    assert isinstance(outcome, Problems) and outcome.title == "Plan not saved"
    assert "No space left" in outcome.problems[0]
    assert str(session.recovery_path) in outcome.note and "nothing is lost" in outcome.note
    assert session.doc.dirty and load_plan(session.recovery_path).document == session.doc.plan
    assert not (session.plans_dir / "mine.toml").exists()


def test_open_with_unsaved_changes_asks_and_discarding_drops_the_copy(session):
    assert session.unsaved("open another plan") is None  # clean: nothing to ask
    edit(session)
    assert session.save_recovery().kept and copies(session)
    question = session.unsaved("open another plan")
    assert isinstance(question, Question) and question.title == "Unsaved changes"
    assert "Series B AI org" in question.text and "open another plan" in question.text
    session.discard_changes()
    assert not session.doc.dirty and not copies(session)
    opened = session.open(EXAMPLE, template=True)
    assert opened == Opened()
    assert session.doc.path is None and session.doc.plan == load_plan(EXAMPLE).document
    assert session.name_to_ask() == file_name_for(session.doc.plan.name)  # not the example's


def test_open_a_saved_plan_and_a_bad_one(session, tmp_path):
    path = tmp_path / "p.toml"
    save_plan(OrgPlan(name="p", hires=[Hire("wizard")]), path, None)
    opened = session.open(path)
    assert isinstance(opened, Opened) and "wizard" in opened.warning  # kept, and said
    assert session.doc.path == path and session.doc.stamp == file_stamp(path)
    bad = tmp_path / "bad.toml"
    bad.write_text("plan = [unclosed")
    refused = session.open(bad)
    assert isinstance(refused, Problems) and refused.title == "Cannot open bad.toml"
    assert "invalid TOML" in refused.problems[0] and refused.note == "The file was not changed."
    assert session.doc.path == path and bad.read_text() == "plan = [unclosed"


def test_recovery_copy_written_on_edit_and_removed_on_save(session):
    assert session.save_recovery().kept and not copies(session)  # clean: no copy
    edit(session, "typed")
    assert session.save_recovery().kept
    assert copies(session) == [session.recovery_path]
    assert load_plan(session.recovery_path).document == session.doc.plan
    session.save(session.target("mine"))
    assert not copies(session)


def test_recovery_copy_stays_for_an_unsaved_plan_when_the_designer_closes(session):
    edit(session)
    session.save_recovery()
    session.close()
    assert copies(session) == [session.recovery_path]
    session.discard_changes()
    session.close()
    assert not copies(session)


def test_recovery_failure_warns_once_in_a_row(session, monkeypatch):
    from airoles_tui.plan import recovery
    from airoles_tui.plan.store import PlanSaveError

    edit(session)
    real = recovery.write_atomic

    def full(path, data, *, durable=True):
        raise PlanSaveError(f"{path}: No space left on device")

    monkeypatch.setattr(recovery, "write_atomic", full)
    first, second = session.save_recovery(), session.save_recovery()
    assert not first.kept and "Recovery copy not written" in first.warning
    assert "No space left" in first.warning and "alt+s" in first.warning
    assert not second.kept and second.warning == ""  # said once, not on every keystroke
    monkeypatch.setattr(recovery, "write_atomic", real)
    third = session.save_recovery()
    assert third.kept and not third.warning and copies(session) == [session.recovery_path]


def test_quit_with_unsaved_changes_asks_and_keeps_the_copy(session):
    assert session.unsaved("quit") is None
    edit(session)
    session.save_recovery()
    question = session.unsaved("quit")
    assert question is not None and question.text.endswith("Save them before you quit?")
    session.close()  # the app ended anyway (a hang-up): the copy is what is left
    assert copies(session) == [session.recovery_path]
    assert pending_recoveries(session.plans_dir) == []  # not offered while this session lives
    assert load_plan(session.recovery_path).document == session.doc.plan


def test_a_copy_left_by_an_ended_session_is_offered_and_restored(session, catalog, tmp_path):
    source = session.target("mine")
    save_plan(OrgPlan(name="mine"), source, None)
    left = session.plans_dir / ".recovery" / "session-20200101T000000-999999999.toml"
    edited = OrgPlan(name="mine", hires=[Hire("ml-engineer", title="unsaved")])
    write_recovery(edited, left, source, file_stamp(source))
    entry, question, count = session.recovery_offer()
    assert entry.path == left and count == 1 and question.title == "Restore unsaved plan?"
    assert "It was editing mine.toml in" in question.text
    found = session.read_recovery(entry)
    assert isinstance(found, Restorable) and found.outside is None
    session.restore(found)
    assert session.doc.plan == edited and session.doc.dirty and session.doc.path == source
    assert not left.exists() and copies(session) == [session.recovery_path]
    assert session.recovery_offer() is None  # this session's own copy is never offered
    assert session.save() == Saved(source)  # the stamp came with it: no false conflict


def test_a_copy_naming_a_file_outside_the_plans_folder_is_asked_about(session, tmp_path):
    outside = tmp_path / "elsewhere.toml"
    save_plan(OrgPlan(name="x"), outside, None)
    left = session.plans_dir / ".recovery" / "session-20200101T000000-999999999.toml"
    write_recovery(OrgPlan(name="x"), left, outside, file_stamp(outside))
    found = session.read_recovery(session.recovery_offer()[0])
    assert found.outside is not None and str(outside) in found.outside.text
    session.restore(found, keep_source=False)
    assert session.doc.path is None and session.doc.stamp is None  # saved under a new name


def test_a_copy_discarded_at_launch_is_gone(session):
    left = session.plans_dir / ".recovery" / "session-20200101T000000-999999999.toml"
    write_recovery(OrgPlan(name="x"), left, None, None)
    entry, _, _ = session.recovery_offer()
    session.discard_offered(entry)
    assert session.recovery_offer() is None


def test_a_broken_copy_is_left_where_it_is(session):
    left = session.plans_dir / ".recovery" / "session-20200101T000000-999999999.toml"
    left.parent.mkdir(parents=True)
    left.write_text("format_version = 1\n[plan]\nname = 5\n")
    entry = session.recovery_offer()[0]
    found = session.read_recovery(entry)
    assert isinstance(found, Problems) and found.title == "Cannot restore"
    assert left.exists() and str(left.parent) in found.note


def test_duplicate_saves_a_copy_and_goes_on_in_it(session):
    edit(session)
    session.save(session.target("orig"))
    assert session.copy_name() == "series-b-ai-org-copy.toml"
    taken = session.duplicate("orig")
    assert isinstance(taken, Conflict) and session.doc.path.name == "orig.toml"
    outcome = session.duplicate("what-if")
    assert outcome == Saved(session.plans_dir / "what-if.toml")
    assert session.doc.path == outcome.path and session.doc.plan.name.endswith("(copy)")
    assert load_plan(session.plans_dir / "orig.toml").document.name == "Series B AI org"


def test_export_asks_before_replacing(session):
    edit(session)
    first = session.export("md")
    target = session.plans_dir / "series-b-ai-org.md"
    assert first == Saved(target) and target.read_text().startswith("#")
    target.write_text("edited by hand")
    again = session.export("md")
    assert isinstance(again, Question) and again.title == "Export exists"
    assert target.read_text() == "edited by hand"
    assert session.export("md", force=True) == Saved(target)
    assert target.read_text() != "edited by hand"


def test_read_other_for_comparing_leaves_the_open_plan(session, tmp_path):
    before = session.doc.plan.copy()
    assert session.read_other(EXAMPLE) == load_plan(EXAMPLE).document
    bad = tmp_path / "bad.toml"
    bad.write_text("")
    assert isinstance(session.read_other(bad), Problems)
    assert session.doc.plan == before and not session.doc.dirty
