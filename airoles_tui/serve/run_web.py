"""`airoles-tui serve web` from the command line: a clean environment for the tabs' apps,
the token printed once, then serve until SIGTERM or ctrl+c."""

from __future__ import annotations

import argparse
import os
import secrets
import shlex
import sys

from aiohttp import web

from .homes import app_command, child_env, private_dir
from .web import TokenServer

EXIT_BAD_INPUT = 2


def _clean_environment(args: argparse.Namespace) -> None:
    """textual-serve hands its own environment to every app it starts: make that
    environment the tabs' (their HOME, the XDG dirs) and nothing else of ours."""
    if args.root is not None:
        home = private_dir(args.root.resolve() / "web")
        env = child_env(home, "web", "xterm-256color")
        for sub in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            private_dir(home / env[sub])
    else:
        env = {k: os.environ[k] for k in ("HOME", "USER", "LOGNAME", "LANG", "XDG_DATA_HOME",
                                          "XDG_CONFIG_HOME", "XDG_STATE_HOME",
                                          "XDG_CACHE_HOME", "NO_COLOR") if k in os.environ}
        env["PATH"] = f"{app_command().parent}:/usr/local/bin:/usr/bin:/bin"
        env.setdefault("LANG", "C.UTF-8")
    os.environ.clear()
    os.environ.update(env)


def main(args: argparse.Namespace) -> int:
    host, port = args.listen
    token = args.token or secrets.token_urlsafe(24)
    if len(token) < 16 or not all(c.isalnum() or c in "-_." for c in token):
        print("airoles-tui serve web: --token must be at least 16 letters, digits, '-', '_' "
              "or '.'", file=sys.stderr)
        return EXIT_BAD_INPUT
    command = shlex.join([str(app_command()), *(
        ["--data-dir", str(args.data_dir.resolve())] if getattr(args, "data_dir", None) else [])])
    _clean_environment(args)
    shown = f"[{host}]" if ":" in host else host
    public_url = args.public_url or f"http://{shown}:{port}"
    server = TokenServer(command, host, port, token, args.max_sessions, public_url)
    print(f"airoles-tui serve web: open {public_url}/?token={token}\n"
          f"(at most {args.max_sessions} tabs at once; anyone with this address can use the "
          "app)", flush=True)
    try:
        web.run_app(server.application(), host=host, port=port, print=None,
                    handle_signals=True, shutdown_timeout=10)
    except OSError as exc:
        print(f"airoles-tui serve web: cannot listen on {host}:{port}: "
              f"{exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0
