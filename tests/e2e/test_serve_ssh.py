"""`airoles-tui serve ssh` end to end: the system `ssh` client logs in to the installed
server, which runs the installed app in a pty per session; the screen is read through pyte.
"""

from __future__ import annotations

import os
import random
import re
import signal
import socket
import string
import subprocess
import termios
import time

import pytest

from airoles_tui.plan.file_format import load_plan
from airoles_tui.ui.app import PANES

from .serve_harness import start_serve_ssh
from .test_org_sighup import wait_focus
from .test_ssh import PANE_MARKS, back_to_the_list
from .sshd import free_port

pytestmark = [pytest.mark.e2e]  # the system ssh client against our own server: no sshd

ROLES, ORG = "roles ·", "hires ·"
READY_MARK = ROLES


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    serve = start_serve_ssh(tmp_path_factory.mktemp("serve-ssh"), users=("alice", "bob", "carol"),
                            extra=["--logins-per-minute", "1000"])
    try:
        yield serve
    finally:
        serve.stop()


def wait_no_apps(server, timeout: float) -> list[int]:
    deadline = time.monotonic() + timeout
    while (pids := server.app_pids()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return pids


def app_env(pid: int) -> dict[str, str]:
    with open(f"/proc/{pid}/environ", "rb") as f:
        items = f.read().decode(errors="replace").split("\0")
    return dict(item.split("=", 1) for item in items if "=" in item)


def test_first_frame_every_pane_resize_and_quit(server):
    with server.login("alice") as term:
        first = term.wait_for(ROLES, timeout=30)
        assert "ML Engineer" in first
        for n, pane in enumerate(PANES, start=1):
            term.press(str(n))
            assert "Traceback" not in term.wait_for(PANE_MARKS[pane.id])
        assert len(term.text().splitlines()[0]) == 80
        term.resize(110, 30)  # ssh sends window-change; the server sets the pty's size
        term.wait_until(lambda: any(line[80:].strip() for line in term.screen.display))
        assert "Org designer" in term.text()
        term.press("1")
        term.wait_for(ROLES)
        term.press("q")
        assert term.wait_exit() == 0
        assert term.restored_terminal()


def test_the_app_gets_a_home_of_its_own_and_a_clean_environment(server):
    sent = ("-o", "SetEnv=COLORTERM=truecolor LD_PRELOAD=/tmp/evil.so")
    with server.login("bob", extra=sent) as term:
        term.wait_for(ROLES, timeout=30)
        pids = server.app_pids()
        envs = [app_env(pid) for pid in pids]
        mine = [e for e in envs if e.get("USER") == "bob"]
        assert len(mine) == 1, envs
        env = mine[0]
        home = server.home("bob")
        assert env["HOME"] == str(home)
        assert env["XDG_DATA_HOME"].startswith(f"{home}/")
        assert env["TERM"] == "xterm-256color"
        assert env["COLORTERM"] == "truecolor" and "LD_PRELOAD" not in env
        # Nothing of the server's environment (the test runner's) reaches the app.
        assert not set(env) - {"PATH", "HOME", "USER", "LOGNAME", "LANG", "TERM",
                               "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME",
                               "XDG_CACHE_HOME", "ESCDELAY", "COLORTERM", "NO_COLOR"}
        assert (home.stat().st_mode & 0o777) == 0o700
        term.press("q")
        assert term.wait_exit() == 0


def save_first_hire(term) -> None:
    term.press("4")
    term.wait_for("0/15 hires")
    term.press("a")
    term.wait_for("1/15 hires")
    wait_focus(term, "Role")  # in the new hire's form
    back_to_the_list(term)
    term.press("ctrl-s")
    term.wait_for("Save plan as")
    term.press("enter")
    term.wait_for("saved (series-b-ai-org.toml)")


def test_two_users_each_keep_their_own_plans(server):
    with server.login("alice") as term:
        term.wait_for(ROLES, timeout=30)
        save_first_hire(term)
        term.press("q")
        assert term.wait_exit() == 0
    alice_plans = list(server.home("alice").rglob("series-b-ai-org.toml"))
    assert len(alice_plans) == 1
    with server.login("bob") as term:
        term.wait_for(ROLES, timeout=30)
        term.press("4")
        term.wait_for("0/15 hires")
        term.press("ctrl-o")
        screen = term.wait_for("Open a plan")
        assert "(no saved plans in" in screen and "series-b-ai-org" not in screen
        term.press("esc")
        term.wait_gone("Open a plan")
        term.press("q")
        assert term.wait_exit() == 0
    assert not list(server.home("bob").rglob("series-b-ai-org.toml"))


def test_the_printed_fingerprint_is_the_host_key_users_meet(server):
    listed = subprocess.run(["ssh-keygen", "-lf", str(server.known_hosts)],
                            capture_output=True, text=True, check=True).stdout.split()
    assert listed[1] == server.fingerprint and listed[-1] == "(ED25519)"
    key = server.root / "host_ed25519"
    assert key.stat().st_mode & 0o777 == 0o600


def test_an_unknown_key_is_refused(server):
    run = server.run("eve")
    assert run.returncode == 255
    assert "Permission denied (publickey)" in run.stderr
    assert "refused key" in server.log()


def test_the_key_that_signs_names_the_user_not_a_key_only_offered(server, tmp_path):
    # bob's public key is offered first (the server accepts it), but the client cannot sign
    # with it; alice's key signs. The session must be alice's.
    offered = tmp_path / "bob.pub"
    offered.write_text((server.key("bob").parent / "bob.pub").read_text())
    offered.chmod(0o600)
    run = server.run("alice", extra=["-v"], keys=[offered, server.key("alice")])
    assert f"Server accepts key: {offered}" in run.stderr  # the trap was really laid
    assert run.returncode == 1  # the no-pty message: it got in
    fingerprint = subprocess.run(["ssh-keygen", "-lf", str(server.key("alice"))],
                                 capture_output=True, text=True, check=True).stdout.split()[1]
    assert f"login alice from 127.0.0.1 with {fingerprint}" in server.log()
    assert "login bob" not in server.log().split(fingerprint)[-1]


def test_a_command_is_refused(server):
    run = server.run("alice", "ls", "/")
    assert run.returncode == 255
    assert "exec request failed" in run.stderr
    assert "bin" not in run.stdout


def test_sftp_is_refused(server):
    run = subprocess.run(
        ["sftp", "-F", str(server.config), "-o", f"UserKnownHostsFile={server.known_hosts}",
         "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
         "-i", str(server.key("alice")), "-P", str(server.port), "alice@127.0.0.1"],
        input="ls\n", capture_output=True, text=True, timeout=30)
    assert run.returncode != 0
    assert "subsystem request failed" in run.stderr


def test_remote_forwarding_is_refused(server):
    run = server.run("alice", extra=["-N", "-o", "ExitOnForwardFailure=yes",
                                     "-R", "0:127.0.0.1:9"])
    assert run.returncode == 255
    assert "remote port forwarding failed" in run.stderr


def test_local_forwarding_is_refused(server):
    port = free_port()
    client = subprocess.Popen(server.ssh_argv("alice", ["-N", "-L", f"{port}:127.0.0.1:9"],
                                              tty=False),
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 20
        while "refused a port forwarding" not in server.log():
            assert time.monotonic() < deadline, server.log()
            try:  # ssh opens the channel only when something connects to its end
                with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                    sock.settimeout(2)
                    assert sock.recv(100) == b""  # closed: nothing came through
            except OSError:
                time.sleep(0.1)
    finally:
        # SIGKILL, not SIGTERM: ssh 9.2 can take a SIGTERM that lands while it is busy
        # (here, with the refused channel) and then sleep in poll() until the server next
        # speaks, which for `-N` is the no-session close, seconds later.
        client.kill()
        client.communicate(timeout=10)
    assert "Traceback" not in server.log()


def test_a_session_without_a_terminal_gets_one_line_and_status_1(server):
    run = server.run("alice")
    assert run.returncode == 1
    assert run.stdout == "airoles-tui: this service is an interactive app; connect with " \
                         "a terminal (ssh -t)\n"


def test_a_100_kb_paste_arrives_whole(server):
    rng = random.Random(15)
    lines = ["".join(rng.choice(string.ascii_lowercase) for _ in range(63))
             for _ in range(1600)]
    paste = "\n".join(lines)
    assert len(paste.encode()) > 100_000
    with server.login("carol") as term:
        term.wait_for(ROLES, timeout=30)
        term.press("4")
        term.wait_for("0/15 hires")
        term.press("a")
        term.wait_for("1/15 hires")
        wait_focus(term, "Role")
        for label in ("Seniority", "Start", "Team", "First-90-day"):
            term.press("tab")
            wait_focus(term, label)
        assert " 1 ? M1 " in term.text()  # the hire has no 90-day deliverable yet
        term.type("\x1b[200~" + paste + "\x1b[201~")  # one bracketed paste, one write
        term.wait_for(lines[-1][:30], timeout=120)
        term.wait_for(" 1   M1 ")  # the plan took it: the hire's "?" is gone
        back_to_the_list(term)
        term.press("ctrl-s")
        term.wait_for("series-b-ai-org.toml")  # the name offered, in the dialog's field
        term.press("ctrl-u")
        term.wait_gone("series-b-ai-org.toml")  # emptied before anything is typed after it
        term.type("pasted")
        term.press("enter")
        term.wait_for("saved (pasted.toml)")
        term.press("q")
        assert term.wait_exit() == 0
    saved = list(server.home("carol").rglob("pasted.toml"))
    assert len(saved) == 1
    assert load_plan(saved[0]).document.hires[0].deliverable_90_days == paste


def test_killing_the_client_ends_the_app_and_its_edits_are_offered_back(server):
    with server.login("alice") as term:
        term.wait_for(ROLES, timeout=30)
        term.press("4")
        # The designer reopens the plan alice last saved, if an earlier test saved one.
        hires = int(re.search(r"(\d+)/15 hires", term.wait_for("/15 hires")).group(1))
        term.press("a")  # a hire, and the cursor in its role choice (type to search)
        term.wait_for(f"{hires + 1}/15 hires")
        wait_focus(term, "Role")
        term.press("ctrl-n")  # the next hire, from inside the form
        term.wait_for(f"{hires + 2}/15 hires")
        # At once: the hang-up itself must write the recovery copy, whether or not the
        # half-second autosave has run.
        pids = server.app_pids()
        assert pids
        term.kill(signal.SIGKILL)  # the client vanishes: no goodbye on the wire
        term.wait_exit()
    assert wait_no_apps(server, 2.0) == [], "an app process outlived its session by 2 s"
    with server.login("alice") as term:
        term.wait_for("Restore unsaved plan", timeout=30)
        term.press("r")
        term.wait_for(f"{hires + 2}/15 hires")
        term.close()
    assert wait_no_apps(server, 5.0) == []


def test_server_sigterm_restores_every_client_terminal(tmp_path):
    serve = start_serve_ssh(tmp_path)
    try:
        terms = [serve.login(user) for user in ("alice", "bob")]
        for term in terms:
            term.wait_for(ROLES, timeout=30)
        terms[0].press("4")
        terms[0].wait_for(ORG)
        serve.process.send_signal(signal.SIGTERM)
        for term in terms:
            assert term.wait_exit(20) == 128 + signal.SIGTERM  # the app's own status
            assert term.restored_terminal(), term.raw[-300:]
            term.close()
        assert serve.process.wait(20) == 0
        assert serve.app_pids() == []
    finally:
        serve.stop()


def test_too_many_logins_from_one_address_are_reset(tmp_path):
    serve = start_serve_ssh(tmp_path, extra=["--logins-per-minute", "2"])
    try:
        assert [serve.run("alice").returncode for _ in range(2)] == [1, 1]
        third = serve.run("alice")
        assert third.returncode == 255
        assert "reset by peer" in third.stderr, third.stderr
        assert "SSH-2.0" not in third.stderr
    finally:
        serve.stop()


def test_sessions_per_user_are_capped(tmp_path):
    serve = start_serve_ssh(tmp_path, extra=["--max-sessions-per-user", "1"])
    try:
        with serve.login("alice") as first:
            first.wait_for(ROLES, timeout=30)
            second = serve.run("alice", tty=True)
            assert second.returncode == 1
            assert "alice already has the most sessions allowed open (1)" in second.stdout
            with serve.login("bob") as other:  # another user is not affected
                other.wait_for(ROLES, timeout=30)
    finally:
        serve.stop()


def test_bad_authorized_keys_are_named_and_refuse_to_start(tmp_path):
    from .sshd import installed_app

    keys = tmp_path / "keys"
    keys.write_text("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMNMPu0/OM9tQ38UW7Y5fgfFqOAxeFlMBcMNwO9jqa0m Alice Smith\n"
                    "command=\"sh\" ssh-ed25519 AAAA x\n")
    run = subprocess.run([str(installed_app()), "serve", "ssh", "--authorized-keys", str(keys),
                          "--root", str(tmp_path / "root")], capture_output=True, text=True,
                         timeout=60, env={**os.environ})
    assert run.returncode == 2
    assert f"{keys}:1: the comment after the key must be the user's name" in run.stderr
    assert f"{keys}:2: " in run.stderr and "options before the key" in run.stderr
    assert "Traceback" not in run.stderr


def keep_typing(term, key: str, until: str, timeout: float = 60.0) -> None:
    """Press ``key`` every half second until ``until`` shows: a user who is not idle while
    a loaded machine is slow to start the app or draw a step."""
    deadline = time.monotonic() + timeout
    while until not in term.text():
        assert time.monotonic() < deadline and term.status is None, term.text()
        term.press(key)
        pressed = time.monotonic()
        while until not in term.text() and time.monotonic() - pressed < 0.5:
            term.pump(0.05)


def test_an_idle_session_gets_sigterm_and_restores_the_terminal(tmp_path):
    serve = start_serve_ssh(tmp_path, extra=["--idle-timeout", "2"])
    try:
        with serve.login("alice") as term:
            # The 2 s must run out only after the edit, however slow the app is to start or
            # to draw: input keeps coming until each step shows ("4" again changes nothing
            # once the designer is shown, nor does tab in the new hire's form).
            keep_typing(term, "4", until="0/15 hires")
            term.press("a")  # an edit: the SIGTERM must save it as a recovery copy
            keep_typing(term, "tab", until="1/15 hires")
            assert term.wait_exit(20) == 128 + signal.SIGTERM
            assert term.restored_terminal()
        assert "idle, asking the app to end" in serve.log()
        assert list(serve.home("alice").rglob(".recovery/*.toml"))
    finally:
        serve.stop()


def test_a_connection_that_opens_no_session_is_closed(tmp_path):
    # `ssh -N` logs in and asks for nothing: a slot held for forwarding or for nothing. A
    # server of its own with a short limit: the module's keeps the default, so the -L test's
    # connection is not closed under it.
    limit = 1.0
    serve = start_serve_ssh(tmp_path, users=("alice",), strangers=(),
                            extra=["--no-session-timeout", f"{limit:g}"])
    try:
        started = time.monotonic()
        run = serve.run("alice", extra=["-N"], timeout=60)
        assert run.returncode == 255, run.stderr  # the server closed it, not a timeout of ours
        assert time.monotonic() - started >= limit  # it was given its time first
        assert f"no session opened within {limit:g} s" in serve.log()  # the limit it was given
    finally:
        serve.stop()


def test_keys_typed_while_the_app_starts_wait_for_it_unechoed(server):
    paste = "x" * 6000  # past the kernel's canonical line limit (4095)
    with server.login("bob") as term:
        # Once ssh has put its own terminal in raw mode (it is connected), nothing it shows
        # comes from this side's echo; then type at once, before the app runs.
        deadline = time.monotonic() + 30
        while termios.tcgetattr(term.fd)[3] & termios.ECHO:
            assert time.monotonic() < deadline, "ssh never set its terminal to raw mode"
            time.sleep(0.005)
        assert not term.pump(0.01) or READY_MARK not in term.text()
        term.type("4")
        term.type("\x1b[200~" + paste + "\x1b[201~")
        term.wait_for(ORG, timeout=30)  # the 4 reached the app
        before_app = bytes(term.raw).split(b"\x1b[?1049h")[0]
        assert b"4" not in before_app and b"xxxx" not in before_app  # nothing echoed
        term.press("q")
        assert term.wait_exit() == 0
