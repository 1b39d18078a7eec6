"""`airoles-tui serve ssh` from the command line: check the inputs, print what users need
to check (the host key fingerprint), then serve until SIGTERM."""

from __future__ import annotations

import argparse
import asyncio
import sys

from .keys import HostKeyError, read_authorized_keys
from .limits import Limits
from .ssh import Settings, serve
from .systemd import unit

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def settings_from(args: argparse.Namespace) -> Settings:
    root = args.root.resolve()
    limits = Limits(logins_per_minute=args.logins_per_minute,
                    login_timeout=args.login_timeout,
                    no_session_timeout=args.no_session_timeout,
                    sessions_per_user=args.max_sessions_per_user,
                    sessions_total=args.max_sessions,
                    idle_timeout=args.idle_timeout)
    return Settings(host=args.listen[0], port=args.listen[1],
                    authorized_keys=args.authorized_keys.resolve(), root=root,
                    host_key=(args.host_key or root / "host_ed25519").resolve(),
                    data_dir=getattr(args, "data_dir", None), limits=limits)


def _argv_for_unit(args: argparse.Namespace, s: Settings) -> list[str]:
    argv = ["serve", "ssh", "--listen", f"{s.host}:{s.port}",
            "--authorized-keys", str(s.authorized_keys), "--root", str(s.root),
            "--host-key", str(s.host_key),
            "--max-sessions", str(args.max_sessions),
            "--max-sessions-per-user", str(args.max_sessions_per_user),
            "--logins-per-minute", str(args.logins_per_minute),
            "--idle-timeout", f"{args.idle_timeout:g}",
            "--login-timeout", f"{args.login_timeout:g}",
            "--no-session-timeout", f"{args.no_session_timeout:g}"]
    if s.data_dir is not None:
        argv[:0] = ["--data-dir", str(s.data_dir.resolve())]
    return argv


def main(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    if args.print_systemd_unit:
        print(unit(_argv_for_unit(args, settings), settings.root, args.max_sessions), end="")
        return EXIT_OK
    keys = read_authorized_keys(settings.authorized_keys)
    if keys.problems:
        for problem in keys.problems:
            print(problem, file=sys.stderr)
        print("airoles-tui serve ssh: not starting: fix the authorized keys above",
              file=sys.stderr)
        return EXIT_BAD_INPUT

    def ready(service) -> None:
        names = sorted(set(keys.users.values()))
        print(f"airoles-tui serve ssh: listening on {settings.host}:{service.port}\n"
              f"host key {settings.host_key}\n"
              f"host key fingerprint: {service.fingerprint()} (ED25519)\n"
              f"{len(names)} users in {settings.authorized_keys}: {', '.join(names)}\n"
              f"users' files under {service.root / 'users'}", flush=True)

    try:
        return asyncio.run(serve(settings, ready))
    except HostKeyError as exc:
        print(f"airoles-tui serve ssh: {exc}", file=sys.stderr)
    except OSError as exc:
        print(f"airoles-tui serve ssh: cannot listen on {settings.host}:{settings.port} "
              f"or use {settings.root}: {exc.strerror or exc}", file=sys.stderr)
    except KeyboardInterrupt:
        return 130
    return EXIT_BAD_INPUT
