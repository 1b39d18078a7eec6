"""The limits that keep one user (or one address) from taking the service from the others."""

from __future__ import annotations

import time
from collections import defaultdict, deque
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    logins_per_minute: int = 20      # connections per client address in any 60 s
    login_timeout: float = 30.0      # to finish authentication
    no_session_timeout: float = 10.0  # an authenticated connection that opens no session
    sessions_per_user: int = 3
    sessions_total: int = 100
    keepalive_interval: float = 30.0
    keepalive_count_max: int = 3
    idle_timeout: float = 30 * 60.0  # no input for this long: the app gets SIGTERM
    hangup_grace: float = 1.0        # after the pty is hung up, before SIGTERM
    term_grace: float = 0.5          # after SIGTERM, before SIGKILL
    shutdown_grace: float = 10.0     # server SIGTERM: how long the apps get to finish


class RateLimiter:
    """At most ``per_minute`` events per key in any sliding 60 s window."""

    def __init__(self, per_minute: int, clock=time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._seen: dict[str, deque[float]] = defaultdict(deque)

    def allow(self, key: str) -> bool:
        now = self.clock()
        seen = self._seen[key]
        while seen and now - seen[0] >= 60.0:
            seen.popleft()
        if len(seen) >= self.per_minute:
            return False
        seen.append(now)
        if len(self._seen) > 10_000:  # forget quiet addresses; a scan must not grow memory
            for other in [k for k, v in self._seen.items() if not v or now - v[-1] >= 60.0]:
                del self._seen[other]
        return True


class SessionCounter:
    """Open sessions per user and in all; ``admit`` says why not when a cap is reached."""

    def __init__(self, per_user: int, total: int) -> None:
        self.per_user, self.total = per_user, total
        self.by_user: dict[str, int] = defaultdict(int)

    @property
    def open(self) -> int:
        return sum(self.by_user.values())

    def admit(self, user: str) -> str | None:
        if self.open >= self.total:
            return f"the server is full ({self.total} sessions); try again later"
        if self.by_user[user] >= self.per_user:
            return (f"{user} already has the most sessions allowed open "
                    f"({self.by_user[user]}); close one and try again")
        self.by_user[user] += 1
        return None

    def release(self, user: str) -> None:
        self.by_user[user] -= 1
        if self.by_user[user] <= 0:
            del self.by_user[user]
