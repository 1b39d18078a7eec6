"""A class of N on `airoles-tui serve ssh`: concurrent sessions, memory, a stalled client.

    python tests/bench/load_serve.py [--sessions 50] [--seconds 15]

Starts the installed server (tests/e2e/serve_harness.py) with one key per student, logs N
sessions in at once with the system `ssh -tt`, and prints:
- first frame: from starting `ssh` to the role tree on its screen, p50 and p95 over all;
- key latency while every session moves through the tree at once (load_ssh.drive);
- memory per session: each app's peak (VmHWM) plus the server's own growth per session,
  against the same app run locally in a pty doing the same moves;
- a stalled client: one client stops reading while its app is made to repaint the whole
  screen hundreds of times; the server's memory before and after, and that the session
  still answers once the client reads again.
A benchmark, not a test: budgets are printed with PASS/MISS. The machine's load average is
printed too, because every figure depends on it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.bench.load_ssh import drive, peak_after_moves, status_kib  # noqa: E402
from tests.bench.run import APP_READY, app_argv  # noqa: E402
from tests.e2e.ptyterm import PtyTerm  # noqa: E402
from tests.e2e.serve_harness import start_serve_ssh  # noqa: E402

READY = APP_READY[0]


def percentile(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p * (len(xs) - 1))))]


def login_all(serve, users: list[str], spread: float) -> tuple[list[PtyTerm], list[float]]:
    """Start the clients (at once, or evenly over ``spread`` seconds) while reading every
    started one; returns each one's time from start to first frame."""
    import select

    starts: list[float] = []
    terms: list[PtyTerm] = []
    firsts: list[float | None] = []
    t0 = time.perf_counter()
    deadline = t0 + spread + 300
    while len(terms) < len(users) or any(f is None for f in firsts):
        now = time.perf_counter()
        if now > deadline:
            raise RuntimeError(f"{firsts.count(None)} sessions never drew their first frame")
        while len(terms) < len(users) and now >= t0 + spread * len(terms) / len(users):
            starts.append(time.perf_counter())
            terms.append(serve.login(users[len(terms)]))
            firsts.append(None)
        by_fd = {t.fd: i for i, t in enumerate(terms)}
        ready, _, _ = select.select(list(by_fd), [], [], 0.02)
        for fd in ready:
            i = by_fd[fd]
            data = os.read(fd, 65536)
            if not data:
                raise RuntimeError(f"session {i} ended:\n{terms[i].text()}\n{serve.log()}")
            terms[i].raw.extend(data)
            terms[i].stream.feed(data)
            if firsts[i] is None and READY in terms[i].text():
                firsts[i] = time.perf_counter() - starts[i]
    return terms, firsts  # type: ignore[return-value]


def wchan(pid: int) -> list[str]:
    """Where each thread of ``pid`` sleeps in the kernel: a writer blocked on a full pty
    waits in n_tty_write (wchan wait_woken)."""
    names = []
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/wchan") as f:
                names.append(f.read().strip())
        except OSError:
            pass
    return names


def stalled_client(serve, user: str, limit: float) -> dict:
    """A client that stops reading (asyncssh's client with its channel paused: OpenSSH's
    client stops reading its keyboard too once its screen is full, so it cannot be made to
    ask for more) while it keeps sending ctrl+l, a full repaint of a 200x60 screen, until
    the app's writer thread stays blocked on its full pty for a second (the server stopped
    reading it) or
    ``limit`` seconds pass. The server's memory is read meanwhile and for 3 s more."""
    import asyncio

    import asyncssh

    async def run() -> dict:
        got = bytearray()

        class Client(asyncssh.SSHClientSession):
            def data_received(self, data, datatype):
                got.extend(data)

        async with asyncssh.connect("127.0.0.1", serve.port, username=user,
                                    client_keys=[str(serve.key(user))], known_hosts=None,
                                    config=None) as conn:
            chan, _ = await conn.create_session(Client, term_type="xterm-256color",
                                                term_size=(200, 60), encoding=None)
            deadline = time.monotonic() + 60
            while b"roles \xc2\xb7" not in got and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
            await asyncio.sleep(0.5)
            server_pid = serve.process.pid
            app = serve.app_pids()[0]
            before = status_kib(server_pid, "VmRSS")
            chan.pause_reading()  # the stall: nothing more is read, no window is granted
            sent, blocked_after, t0, streak = 0, None, time.monotonic(), 0
            while time.monotonic() - t0 < limit:
                chan.write(b"\x0c")
                sent += 1
                await asyncio.sleep(0.01)  # far enough apart that each is a frame
                if sent % 10 == 0:  # a writer caught mid-write is not blocked: ask for 1 s
                    streak = streak + 1 if "wait_woken" in wchan(app) else 0
                    if streak >= 10:
                        blocked_after = time.monotonic() - t0
                        break
            peak = before
            for _ in range(30):
                await asyncio.sleep(0.1)
                peak = max(peak, status_kib(server_pid, "VmRSS"))
            still = "wait_woken" in wchan(app)
            mark = len(got)
            chan.resume_reading()
            quiet_since = time.monotonic()
            while time.monotonic() - quiet_since < 1.0:  # read until quiet
                n = len(got)
                await asyncio.sleep(0.1)
                if len(got) != n:
                    quiet_since = time.monotonic()
            held_back = len(got) - mark
            chan.write(b"q")
            await asyncio.wait_for(chan.wait_closed(), 30)
        return {"repaints_sent": sent, "writer_blocked_after_s": blocked_after,
                "writer_still_blocked_3s_later": still, "server_rss_before_kib": before,
                "server_rss_peak_stalled_kib": peak, "bytes_held_back": held_back}

    return asyncio.run(run())


def cpu_seconds(pids: list[int]) -> float:
    from tests.bench.load_ssh import cpu_ticks

    return sum(cpu_ticks(pid) for pid in pids) / os.sysconf("SC_CLK_TCK")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=15.0, help="how long everyone moves")
    ap.add_argument("--stall-limit", type=float, default=60.0,
                    help="longest the stalled client is made to wait, seconds")
    ap.add_argument("--spread", type=float, default=0.0,
                    help="log the sessions in over this many seconds (default: all at once)")
    a = ap.parse_args(argv)

    local_kib = peak_after_moves(app_argv(), APP_READY)  # the same app, run locally
    users = [f"student{i:02d}" for i in range(a.sessions)]
    with tempfile.TemporaryDirectory() as tmp:
        serve = start_serve_ssh(Path(tmp), users=[*users, "stall"], strangers=(),
                                extra=["--logins-per-minute", str(4 * a.sessions),
                                       "--max-sessions", str(a.sessions + 5)])
        terms: list[PtyTerm] = []
        try:
            server_idle = status_kib(serve.process.pid, "VmRSS")
            stall = stalled_client(serve, "stall", a.stall_limit)
            terms, firsts = login_all(serve, users, a.spread)
            for term in terms:
                term.settle(0.3)
            pids = serve.app_pids()
            if len(pids) != a.sessions:
                raise RuntimeError(f"found {len(pids)} app processes, expected {a.sessions}")
            server_loaded = status_kib(serve.process.pid, "VmRSS")
            cpu_before = (cpu_seconds([serve.process.pid]), cpu_seconds(pids))
            latencies = drive(terms, a.seconds)
            cpu_drive = (cpu_seconds([serve.process.pid]) - cpu_before[0],
                         cpu_seconds(pids) - cpu_before[1])
            peaks = [status_kib(pid, "VmHWM") for pid in pids]
            server_peak = status_kib(serve.process.pid, "VmHWM")
            for term in terms:
                os.write(term.fd, b"q")
            for term in terms:
                term.wait_exit(60)
        finally:
            for term in terms:
                term.close()
            serve.stop()

    load = os.getloadavg()[0]
    first_ms = [f * 1000 for f in firsts]
    lat_ms = [x * 1000 for x in latencies]
    server_per_session = max(0, server_loaded - server_idle) / a.sessions
    per_session = statistics.median(peaks) + server_per_session
    ratio = per_session / local_kib
    growth = stall["server_rss_peak_stalled_kib"] - stall["server_rss_before_kib"]
    blocked = stall["writer_blocked_after_s"]
    rows = [
        (f"first frame, {a.sessions} logging in "
         + (f"over {a.spread:.0f} s" if a.spread else "at once"),
         f"p50 {percentile(first_ms, .5):.0f} ms, p95 {percentile(first_ms, .95):.0f} ms",
         "-", True),
        (f"key latency p50, {a.sessions} sessions moving",
         f"{percentile(lat_ms, .5):.1f} ms (p95 {percentile(lat_ms, .95):.1f}, "
         f"{len(lat_ms)} keys)", "< 50 ms", percentile(lat_ms, .5) < 50),
        ("memory per session (app peak + server share) vs local",
         f"{per_session / 1024:.1f} ({statistics.median(peaks) / 1024:.1f} + "
         f"{server_per_session / 1024:.2f}) / {local_kib / 1024:.1f} MiB = {ratio:.2f}x",
         "<= 1.2x", ratio <= 1.2),
        (f"CPU while {a.sessions} sessions move, {a.seconds:.0f} s",
         f"server {cpu_drive[0]:.1f} s, apps {cpu_drive[1]:.1f} s "
         f"({cpu_drive[0] / max(cpu_drive[1], 1e-9):.2f} s of server per app second)",
         "-", True),
        ("server memory while a client stalls",
         f"+{growth / 1024:.1f} MiB; the app's writer blocked on its pty after "
         + (f"{blocked:.1f} s ({stall['repaints_sent']} repaints)" if blocked is not None
            else "NEVER") +
         f"; {stall['bytes_held_back'] / 1024:.0f} KiB held back, delivered on resume",
         "flat (< 8 MiB), writer blocked", growth < 8 * 1024 and blocked is not None),
    ]
    print(f"load average {load:.1f} on {os.cpu_count()} CPUs")
    for name, value, budget, ok in rows:
        print(f"{'PASS' if ok else 'MISS'}  {name:<52} {value:<48} budget {budget}")
    print(json.dumps({"sessions": a.sessions, "first_frame_ms": [round(x) for x in first_ms],
                      "key_ms_p50": round(percentile(lat_ms, .5), 2), "keys": len(lat_ms),
                      "app_peak_kib": peaks, "local_peak_kib": local_kib,
                      "server_idle_kib": server_idle, "server_loaded_kib": server_loaded,
                      "server_peak_kib": server_peak, "stall": stall, "load": load,
                      "cpu_server_s": round(cpu_drive[0], 2),
                      "cpu_apps_s": round(cpu_drive[1], 2), "spread_s": a.spread}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
