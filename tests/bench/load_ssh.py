"""A class of 20 on one server: concurrent ssh sessions through the private sshd.

    python tests/bench/load_ssh.py [--sessions 20] [--seconds 15] [--idle 10]

Starts the private sshd of the e2e tests (tests/e2e/sshd.py: needs openssh-server, run as the
user that logs in), logs N sessions in with `ssh -tt ... airoles-tui`, then has every session
move through the role tree at once, each key sent when the previous answer went quiet plus
a short think time. Prints the median and 90th percentile key latency over all sessions, each
session's peak memory beside the minimal Textual app's, and the CPU the sessions use while
idle. A benchmark, not a test: budgets are printed with PASS/MISS.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import select
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.bench.run import MIN_READY, Session, minimal_argv  # noqa: E402
from tests.e2e.ptyterm import PtyTerm, key_bytes  # noqa: E402
from tests.e2e.sshd import session_pids, start_sshd  # noqa: E402

QUIET = 0.05  # an answer is complete after this long without output
THINK = (0.05, 0.25)  # a person's pause between keys, seconds


def status_kib(pid: int, field: str) -> int:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def cpu_ticks(pid: int) -> int:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def drive(terms: list[PtyTerm], seconds: float) -> list[float]:
    """All sessions move through the tree at once; returns every key's latency in seconds."""
    rng = random.Random(6)
    n = len(terms)
    direction = ["down"] * n
    steps = [0] * n
    sent_at: list[float | None] = [None] * n
    last_byte: list[float | None] = [None] * n
    next_send = [time.perf_counter() + rng.uniform(*THINK) for _ in range(n)]
    latencies: list[float] = []
    by_fd = {t.fd: i for i, t in enumerate(terms)}
    end = time.perf_counter() + seconds
    while time.perf_counter() < end or any(s is not None for s in sent_at):
        now = time.perf_counter()
        for i, term in enumerate(terms):
            if sent_at[i] is None and now >= next_send[i] and now < end:
                steps[i] += 1
                if steps[i] % 12 == 0:  # back and forth over the dozen roles
                    direction[i] = "up" if direction[i] == "down" else "down"
                os.write(term.fd, key_bytes(direction[i]))
                sent_at[i], last_byte[i] = now, None
            elif sent_at[i] is not None and last_byte[i] is not None \
                    and now - last_byte[i] >= QUIET:
                latencies.append(last_byte[i] - sent_at[i])
                sent_at[i] = None
                next_send[i] = now + rng.uniform(*THINK)
            elif sent_at[i] is not None and now - sent_at[i] > 10:
                raise RuntimeError(f"session {i} did not answer a key within 10 s")
        ready, _, _ = select.select(list(by_fd), [], [], 0.005)
        stamp = time.perf_counter()
        for fd in ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                data = b""
            if not data:
                raise RuntimeError(f"session {by_fd[fd]} ended during the run")
            terms[by_fd[fd]].raw.extend(data)  # kept raw: emulating 20 screens would be us
            if sent_at[by_fd[fd]] is not None:
                last_byte[by_fd[fd]] = stamp
    return latencies


def idle_cpu(terms: list[PtyTerm], pids: list[int], seconds: float) -> list[float]:
    before = {pid: cpu_ticks(pid) for pid in pids}
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([t.fd for t in terms], [], [], 0.2)
        for fd in ready:
            os.read(fd, 65536)  # drain anything (there should be nothing)
    hz = os.sysconf("SC_CLK_TCK")
    return [(cpu_ticks(pid) - before[pid]) / hz for pid in pids]


def minimal_peak_kib() -> int:
    return peak_after_moves(minimal_argv(), MIN_READY)


def peak_after_moves(argv: list[str], ready: tuple[str, ...]) -> int:
    """Peak memory of a program run locally in a pty after a dozen moves down its tree."""
    s = Session.start(argv, ready)
    for _ in range(12):
        s.term.press("down")
    s.term.settle(0.3)
    peak = s.peak_rss_kib()
    s.quit()
    return peak


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=15.0, help="how long everyone moves")
    ap.add_argument("--idle", type=float, default=10.0, help="idle period for the CPU figure")
    a = ap.parse_args(argv)

    minimal_kib = minimal_peak_kib()
    with tempfile.TemporaryDirectory() as tmp:
        sshd = start_sshd(Path(tmp) / "sshd", max_sessions=a.sessions * 2)
        terms: list[PtyTerm] = []
        try:
            t0 = time.perf_counter()
            for _ in range(a.sessions):
                terms.append(PtyTerm(sshd.ssh_argv("airoles-tui"),
                                     env={"COLORTERM": ""}))  # ssh does not forward it
            for term in terms:
                term.wait_for("roles ·", timeout=120)
            all_up = time.perf_counter() - t0
            for term in terms:
                term.settle(0.3)
            pids = session_pids(sshd)
            if len(pids) != a.sessions:
                raise RuntimeError(f"found {len(pids)} airoles-tui processes, "
                                   f"expected {a.sessions}")
            latencies = drive(terms, a.seconds)
            peaks = [status_kib(pid, "VmHWM") for pid in pids]
            idle = idle_cpu(terms, pids, a.idle)
            for term in terms:
                os.write(term.fd, b"q")
            for term in terms:
                term.wait_exit(30)
        finally:
            for term in terms:
                term.close()
            sshd.stop()

    lat_ms = sorted(x * 1000 for x in latencies)
    med = statistics.median(lat_ms)
    p90 = lat_ms[int(len(lat_ms) * 0.9)]
    mem_ratio = statistics.median(peaks) / minimal_kib
    worst_ratio = max(peaks) / minimal_kib
    idle_total = sum(idle)
    rows = [
        (f"{a.sessions} sessions logged in and drawn", f"{all_up:.1f} s", "-", True),
        (f"median key latency, {a.sessions} sessions moving",
         f"{med:.1f} ms (p90 {p90:.1f}, {len(lat_ms)} keys)", "< 50 ms", med < 50),
        ("peak memory per session vs minimal app",
         f"{statistics.median(peaks) / 1024:.1f} / {minimal_kib / 1024:.1f} MiB = "
         f"{mem_ratio:.2f}x (worst {worst_ratio:.2f}x)", "<= 1.3x", mem_ratio <= 1.3),
        (f"idle CPU, all sessions, {a.idle:.0f} s",
         f"{idle_total:.2f} s total, max {max(idle):.2f} s", "~0 (< 0.05 s each)",
         max(idle) < 0.05),
    ]
    for name, value, budget, ok in rows:
        print(f"{'PASS' if ok else 'MISS'}  {name:<44} {value:<40} budget {budget}")
    print(json.dumps({"sessions": a.sessions, "keys": len(lat_ms), "median_ms": round(med, 2),
                      "p90_ms": round(p90, 2), "peak_kib": peaks, "minimal_kib": minimal_kib,
                      "idle_cpu_s": idle, "login_all_s": round(all_up, 2)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
