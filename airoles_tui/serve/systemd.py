"""`--print-systemd-unit`: a unit for a dedicated service user, locked down.

KillMode=mixed sends the stop signal to the server alone, which passes SIGTERM to each app
and relays its last output (restored terminals, recovery copies written); whatever is left
at TimeoutStopSec is killed. The memory and task caps are sized from the session cap.
"""

from __future__ import annotations

import shlex
from pathlib import Path

from .homes import app_command

MIB_PER_SESSION = 96   # an app session with headroom; README "Serving" has the measured one
TASKS_PER_SESSION = 8  # the app's threads, with headroom


def unit(argv: list[str], root: Path, sessions_total: int, user: str = "airoles") -> str:
    command = " ".join(shlex.quote(a) for a in [str(app_command()), *argv])
    memory = 256 + MIB_PER_SESSION * sessions_total
    tasks = 64 + TASKS_PER_SESSION * sessions_total
    return f"""\
# /etc/systemd/system/airoles-tui-ssh.service
[Unit]
Description=airoles-tui over SSH (one app per session, no shell accounts)
After=network-online.target
Wants=network-online.target

[Service]
Type=simple
User={user}
Group={user}
ExecStart={command}
Restart=on-failure
KillMode=mixed
TimeoutStopSec=20
NoNewPrivileges=yes
ProtectSystem=strict
ReadWritePaths={root.resolve()}
ProtectHome=read-only
PrivateTmp=yes
PrivateDevices=yes
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectControlGroups=yes
RestrictSUIDSGID=yes
LockPersonality=yes
UMask=0077
MemoryMax={memory}M
TasksMax={tasks}
LimitNOFILE={max(1024, 16 * sessions_total)}

[Install]
WantedBy=multi-user.target
"""
