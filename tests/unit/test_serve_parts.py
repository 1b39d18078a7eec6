"""The serve extra's pure parts: who is in the authorized-keys file, the limits, the
environment and home a session gets, the systemd unit, and the CLI without the extra."""

from __future__ import annotations

import subprocess
import sys

import pytest

asyncssh = pytest.importorskip("asyncssh")  # the [test] extra installs it: CI runs these

from airoles_tui.serve.homes import child_env, user_home, valid_name  # noqa: E402
from airoles_tui.serve.keys import load_or_create_host_key, read_authorized_keys  # noqa: E402
from airoles_tui.serve.limits import RateLimiter, SessionCounter  # noqa: E402
from airoles_tui.serve.systemd import unit  # noqa: E402


def public_line(comment: str) -> str:
    key = asyncssh.generate_private_key("ssh-ed25519")
    return f"{key.export_public_key().decode().split()[0]} " \
           f"{key.export_public_key().decode().split()[1]} {comment}"


def test_authorized_keys_name_users_and_report_bad_lines(tmp_path):
    alice, alice2, bob = public_line("alice"), public_line("alice"), public_line("bob")
    path = tmp_path / "keys"
    path.write_text("\n".join([
        "# the class of 2026", alice, alice2, "", bob,
        public_line("Alice Smith"), public_line("../etc"), 'command="sh" ' + bob,
        "ssh-ed25519 not-base64 carol", bob.rsplit(" ", 1)[0] + " mallory",
    ]) + "\n")
    keys = read_authorized_keys(path)
    assert sorted(keys.users.values()) == ["alice", "alice", "bob"]
    lines = [p.split(":")[1] for p in keys.problems]
    assert lines == ["6", "7", "8", "9", "10"], keys.problems
    assert "must be the user's name" in keys.problems[0]
    assert "options before the key are not supported" in keys.problems[2]
    assert "not a public key" in keys.problems[3]
    assert "already given to 'bob'" in keys.problems[4]


def test_an_unreadable_keys_file_lets_nobody_in_and_says_why(tmp_path):
    keys = read_authorized_keys(tmp_path / "missing")
    assert keys.users == {}
    assert "cannot read the authorized keys" in keys.problems[0]
    fifo = tmp_path / "fifo"
    import os

    os.mkfifo(fifo)
    assert "not a regular file" in read_authorized_keys(fifo).problems[0]  # and no hang


@pytest.mark.parametrize("name,ok", [("alice", True), ("a_b-1", True), ("", False),
                                     ("..", False), ("Alice", False), ("-x", False),
                                     ("a/b", False), ("x" * 33, False)])
def test_user_names(name, ok):
    assert valid_name(name) is ok


def test_user_home_is_private_all_the_way_down(tmp_path):
    home = user_home(tmp_path / "root", "alice")
    assert home == (tmp_path / "root" / "users" / "alice").resolve()
    for folder in (tmp_path / "root", tmp_path / "root" / "users", home, home / ".local",
                   home / ".local" / "share", home / ".config"):
        assert folder.stat().st_mode & 0o777 == 0o700, folder
    with pytest.raises(ValueError):
        user_home(tmp_path / "root", "..")


def test_the_child_environment_is_built_from_nothing(monkeypatch, tmp_path):
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "server-secret")
    env = child_env(tmp_path, "alice", "xterm-kitty",
                    {"COLORTERM": "truecolor", "NO_COLOR": "1", "LD_PRELOAD": "/tmp/x.so",
                     "PATH": "/tmp"})
    assert env["TERM"] == "xterm-kitty" and env["COLORTERM"] == "truecolor"
    assert env["NO_COLOR"] == "1" and env["HOME"] == str(tmp_path)
    assert "LD_PRELOAD" not in env and "AWS_SECRET_ACCESS_KEY" not in env
    assert "/tmp" not in env["PATH"].split(":")  # the client's PATH is not taken
    hostile = child_env(tmp_path, "alice", "xterm\x1b]52;c;AAAA\x07",
                        {"COLORTERM": "a\nb"})
    assert hostile["TERM"] == "xterm-256color" and "COLORTERM" not in hostile


def test_rate_limiter_slides():
    now = [0.0]
    rate = RateLimiter(2, clock=lambda: now[0])
    assert [rate.allow("a"), rate.allow("a"), rate.allow("a"), rate.allow("b")] == \
           [True, True, False, True]
    now[0] = 60.0
    assert rate.allow("a")


def test_session_counter_caps_per_user_and_in_all():
    counter = SessionCounter(per_user=2, total=3)
    assert counter.admit("a") is None and counter.admit("a") is None
    assert "a already has the most sessions allowed open (2)" in counter.admit("a")
    assert counter.admit("b") is None
    assert "the server is full" in counter.admit("c")
    counter.release("a")
    assert counter.admit("c") is None and counter.open == 3


def test_host_key_is_made_once_private_and_refused_when_not(tmp_path):
    path = tmp_path / "k" / "host"
    first = load_or_create_host_key(path)
    assert path.stat().st_mode & 0o777 == 0o600
    again = load_or_create_host_key(path)
    assert again.get_fingerprint() == first.get_fingerprint()
    path.chmod(0o644)
    from airoles_tui.serve.keys import HostKeyError

    with pytest.raises(HostKeyError, match="chmod 600"):
        load_or_create_host_key(path)


def test_systemd_unit_is_locked_down(tmp_path):
    text = unit(["serve", "ssh", "--root", str(tmp_path)], tmp_path, sessions_total=10)
    for line in ("NoNewPrivileges=yes", "ProtectSystem=strict", f"ReadWritePaths={tmp_path}",
                 "KillMode=mixed", "MemoryMax=1216M", "TasksMax=144"):
        assert line in text.splitlines(), line
    assert "serve ssh --root" in text


def test_serve_without_the_extra_says_how_to_install_it(tmp_path):
    code = ("import sys\n"
            "sys.modules['asyncssh'] = None  # as if not installed\n"
            "from airoles_tui.cli.main import main\n"
            f"raise SystemExit(main(['serve', 'ssh', '--authorized-keys', 'k', '--root', "
            f"{str(tmp_path)!r}]))\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 2
    assert "pip install 'airoles-tui[serve]'" in run.stderr
    assert "Traceback" not in run.stderr


def test_both_servers_listen_on_loopback_unless_told():
    from airoles_tui.cli.main import build_parser

    parser = build_parser()
    ssh = parser.parse_args(["serve", "ssh", "--authorized-keys", "k", "--root", "r"])
    web = parser.parse_args(["serve", "web"])
    assert (ssh.listen, web.listen) == (("127.0.0.1", 2222), ("127.0.0.1", 8000))
    assert parser.parse_args(["serve", "web", "--listen", "[::1]:9000"]).listen == ("::1", 9000)


def test_print_systemd_unit_from_the_command_line(tmp_path, capsys):
    from airoles_tui.cli.main import main

    status = main(["serve", "ssh", "--listen", "0.0.0.0:2222", "--authorized-keys",
                   str(tmp_path / "keys"), "--root", str(tmp_path / "root"),
                   "--max-sessions", "40", "--no-session-timeout", "5",
                   "--print-systemd-unit"])
    out = capsys.readouterr().out
    assert status == 0
    exec_start = next(line for line in out.splitlines() if line.startswith("ExecStart="))
    assert "serve ssh --listen 0.0.0.0:2222" in exec_start
    assert f"--root {(tmp_path / 'root').resolve()}" in exec_start
    assert "--max-sessions 40" in exec_start and "--no-session-timeout 5 " in f"{exec_start} "
    assert "MemoryMax=4096M" in out.splitlines()
    assert not (tmp_path / "root").exists()  # printing the unit makes nothing
