"""`airoles-tui serve ssh|web`: the app for people without a shell account.

The servers live in airoles_tui/serve/ and need the optional extra (asyncssh,
textual-serve); without it this says how to install it and exits 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_BAD_INPUT = 2


def _listen(text: str) -> tuple[str, int]:
    host, sep, port = text.rpartition(":")
    if not sep or not port.isdigit() or not 0 <= int(port) < 65536:
        raise argparse.ArgumentTypeError(f"expected HOST:PORT, got {text!r}")
    return host.strip("[]") or "127.0.0.1", int(port)


_listen.__name__ = "HOST:PORT"  # argparse names the type so in its messages


def register(subparsers, add_common) -> None:
    serve = subparsers.add_parser(
        "serve", help="serve the app to others: over SSH or in a browser",
        description="Serve the app to people without a shell account on this machine. "
                    "Needs the optional extra: pip install 'airoles-tui[serve]'.")
    kinds = serve.add_subparsers(dest="serve_kind", metavar="KIND", required=True)

    ssh = kinds.add_parser(
        "ssh", help="an SSH server whose only program is the app",
        description="`ssh -p PORT host` lands in the app. Users are named by the comment of "
                    "their key in --authorized-keys (re-read at each login); each gets "
                    "ROOT/users/NAME/ for their plans and settings.")
    ssh.add_argument("--listen", type=_listen, default=("127.0.0.1", 2222),
                     metavar="HOST:PORT", help="where to listen (default 127.0.0.1:2222)")
    ssh.add_argument("--authorized-keys", type=Path, required=True, metavar="FILE",
                     help="OpenSSH public keys, one a line, each with the user's name as "
                          "its comment")
    ssh.add_argument("--root", type=Path, required=True, metavar="DIR",
                     help="the service's directory: users' homes and the host key")
    ssh.add_argument("--host-key", type=Path, metavar="FILE",
                     help="the server's ed25519 key, made on first start "
                          "(default ROOT/host_ed25519)")
    ssh.add_argument("--max-sessions", type=int, default=100, metavar="N",
                     help="sessions in all (default 100)")
    ssh.add_argument("--max-sessions-per-user", type=int, default=3, metavar="N",
                     help="sessions per user (default 3)")
    ssh.add_argument("--logins-per-minute", type=int, default=20, metavar="N",
                     help="connections per client address in any minute (default 20)")
    ssh.add_argument("--idle-timeout", type=float, default=1800, metavar="SECONDS",
                     help="end a session with no input for this long (default 1800)")
    ssh.add_argument("--login-timeout", type=float, default=30, metavar="SECONDS",
                     help="time allowed to log in (default 30)")
    ssh.add_argument("--no-session-timeout", type=float, default=10, metavar="SECONDS",
                     help="close a logged-in connection that opens no session (ssh -N, "
                          "forwarding only) after this long (default 10)")
    ssh.add_argument("--print-systemd-unit", action="store_true",
                     help="print a systemd unit running this command and exit")
    add_common(ssh)
    ssh.set_defaults(handler=_cmd_ssh)

    web = kinds.add_parser(
        "web", help="the app in a browser tab (textual-serve), behind a token",
        description="Serve the app to browsers, one process per tab. Every request needs "
                    "the token (printed at start) as ?token=...")
    web.add_argument("--listen", type=_listen, default=("127.0.0.1", 8000),
                     metavar="HOST:PORT", help="where to listen (default 127.0.0.1:8000)")
    web.add_argument("--token", metavar="TOKEN",
                     help="the token browsers must give (default: a new random one)")
    web.add_argument("--root", type=Path, metavar="DIR",
                     help="keep the sessions' plans and settings in DIR (default: yours)")
    web.add_argument("--max-sessions", type=int, default=20, metavar="N",
                     help="browser tabs at once (default 20)")
    web.add_argument("--public-url", metavar="URL",
                     help="the address browsers use, when behind a proxy")
    add_common(web)
    web.set_defaults(handler=_cmd_web)


def _missing_extra(exc: ImportError) -> int | None:
    if (exc.name or "").split(".")[0] in ("asyncssh", "textual_serve", "aiohttp",
                                         "aiohttp_jinja2", "jinja2", "cryptography"):
        from ..serve import EXTRA_HINT

        print(f"airoles-tui serve needs the optional extra ({exc.name} is not installed):\n"
              f"    {EXTRA_HINT}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return None


def _positive(args: argparse.Namespace, *names: str) -> str | None:
    for name in names:
        if getattr(args, name) <= 0:
            return f"--{name.replace('_', '-')} must be more than 0"
    return None


def _cmd_ssh(args: argparse.Namespace) -> int:
    return _run("ssh", args, ("max_sessions", "max_sessions_per_user", "logins_per_minute",
                              "idle_timeout", "login_timeout", "no_session_timeout"))


def _cmd_web(args: argparse.Namespace) -> int:
    return _run("web", args, ("max_sessions",))


def _run(kind: str, args: argparse.Namespace, positive: tuple[str, ...]) -> int:
    problem = _positive(args, *positive)
    if problem:
        print(f"airoles-tui serve {kind}: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        from importlib import import_module

        runner = import_module(f"airoles_tui.serve.run_{kind}")
    except ImportError as exc:
        status = _missing_extra(exc)
        if status is None:
            raise
        return status
    ended: int = runner.main(args)  # the module is chosen at run time: its type is not known
    return ended
