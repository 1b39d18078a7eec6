"""The performance budget, measured: airoles-tui beside a minimal Textual app, as ratios.

    python tests/bench/run.py            (or: python -m tests.bench.run)   [--runs N] [--quick]
    python tests/bench/run.py --patches  what each Textual patch (ui/textual_compat) buys

Both programs run in a real pty at 80x24 (TERM=xterm-256color, no COLORTERM: what an ssh
login gets), in alternating runs so machine noise hits both alike. Prints one line per figure
with its budget and PASS/MISS, then a JSON summary. A benchmark, not a test: nothing here is
collected by pytest, and a MISS is a finding to profile (pyinstrument), not a flake to retry.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.bench.gen_catalog import generate  # noqa: E402
from tests.e2e.ptyterm import PtyTerm, key_bytes  # noqa: E402
from tests.e2e.sshd import installed_app  # noqa: E402

ENV = {"TERM": "xterm-256color", "COLORTERM": "", "TEXTUAL_ANIMATIONS": "none"}
os.environ.pop("NO_COLOR", None)  # Textual treats even an empty NO_COLOR as set
# The runs get a home of their own: the user's saved theme or a pending plan recovery must
# neither change what is measured nor be touched by it.
_HOME = tempfile.mkdtemp(prefix="airoles-bench-")
ENV.update({f"XDG_{kind}_HOME": f"{_HOME}/{kind.lower()}" for kind in ("DATA", "CONFIG",
                                                                         "STATE", "CACHE")})
APP_READY = ("roles ·", "Quit")
MIN_READY = ("Item 12", "Quit")


def app_argv(*extra: str) -> list[str]:
    return [str(installed_app()), *extra]


def minimal_argv() -> list[str]:
    return [sys.executable, str(REPO / "tests" / "bench" / "minimal_app.py")]


@dataclass
class Session:
    """One program in a pty, with byte and time accounting per keystroke."""

    term: PtyTerm
    started: float
    first_frame: float = 0.0
    frame_bytes: int = 0
    moves: list[int] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)

    @classmethod
    def start(cls, argv: list[str], ready: tuple[str, ...], cols: int = 80, rows: int = 24,
              env: dict[str, str] | None = None) -> Session:
        t0 = time.perf_counter()
        term = PtyTerm(argv, cols=cols, rows=rows, env={**ENV, **(env or {})})
        session = cls(term, t0)
        deadline = t0 + 60
        while time.perf_counter() < deadline:
            term.pump(0.005)
            screen = term.text()
            if all(r in screen for r in ready):
                session.first_frame = time.perf_counter() - t0
                break
        else:
            raise RuntimeError(f"{argv} never showed {ready}:\n{term.text()}")
        term.settle(0.4)
        session.frame_bytes = len(term.raw)
        return session

    def _status_kib(self, name: str) -> int:
        with open(f"/proc/{self.term.pid}/status") as f:
            for line in f:
                if line.startswith(f"{name}:"):
                    return int(line.split()[1])
        return 0

    def peak_rss_kib(self) -> int:
        return self._status_kib("VmHWM")

    def rss_kib(self) -> int:
        return self._status_kib("VmRSS")

    def cpu_ticks(self) -> int:
        with open(f"/proc/{self.term.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime

    def quit(self, key: str = "q") -> None:
        os.write(self.term.fd, key.encode())
        try:
            self.term.wait_exit(10)
        finally:
            self.term.close()


def precise_latency(session: Session, key: str, first: float = 0.1) -> tuple[int, float]:
    """Key -> last byte with byte-level timing (pump() alone overstates by its 20 ms tail).

    Waits up to ``first`` seconds for the first byte, then until 0.1 s pass without output.
    """
    import select

    term = session.term
    before = len(term.raw)
    sent = time.perf_counter()
    os.write(term.fd, key_bytes(key) if len(key) > 1 else key.encode())
    last = sent
    chunks: list[bytes] = []
    while True:
        r, _, _ = select.select([term.fd], [], [], 0.1 if chunks else first)
        if not r:
            break
        data = os.read(term.fd, 65536)
        if not data:
            break
        last = time.perf_counter()
        chunks.append(data)
    for data in chunks:  # parsed afterwards: pyte's cost must not count as the app's latency
        term.raw.extend(data)
        term.stream.feed(data)
    return len(term.raw) - before, last - sent


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def run_pair(runs: int, moves: int) -> dict:
    """Alternating runs of both apps: first frame, bytes and latency per move, memory."""
    out: dict[str, dict[str, list]] = {
        "app": {"frame": [], "frame_bytes": [], "move": [], "lat": [], "rss": [],
                "rss_roles": [], "full": [], "switch": []},
        "min": {"frame": [], "frame_bytes": [], "move": [], "lat": [], "rss": []},
    }
    # One unmeasured start of each: the app's first start in the bench's fresh home parses
    # the catalog and caches the parse, which every later start (and every real one) reuses.
    Session.start(minimal_argv(), MIN_READY).quit()
    Session.start(app_argv(), APP_READY).quit()
    for _ in range(runs):
        for which in ("min", "app"):
            s = (Session.start(minimal_argv(), MIN_READY) if which == "min"
                 else Session.start(app_argv(), APP_READY))
            rec = out[which]
            rec["frame"].append(s.first_frame)
            rec["frame_bytes"].append(s.frame_bytes)
            precise_latency(s, "down")  # the first move pays one-off costs; not a "move"
            s.term.settle(0.2)
            for _ in range(moves):
                n, lat = precise_latency(s, "down")
                rec["move"].append(n)
                rec["lat"].append(lat)
            if which == "app":
                rec["rss_roles"].append(s.peak_rss_kib())  # a session browsing roles
                # One full-screen repaint, the yardstick of a pane switch: ctrl+l redraws
                # every cell (start-up's bytes are several frames, not one).
                n, _ = precise_latency(s, "\x0c")
                s.term.settle(0.2)
                rec["full"].append(n)
                tabs = re.findall(r"(?:^|\s)(\d) \w", s.term.screen.display[0])
                for n in [t for t in tabs if t != "1"] + ["1"]:
                    before = len(s.term.raw)
                    precise_latency(s, str(n))
                    s.term.settle(0.3)
                    rec["switch"].append(len(s.term.raw) - before)
            rec["rss"].append(s.peak_rss_kib())
            s.quit()
    return out


def headless(runs: int) -> dict:
    app = str(installed_app())
    cmds = {
        "validate": [app, "validate"],
        "recommend": [app, "recommend", "--background", "software_engineering"],
        "learn": [app, "learn", "ml-engineer"],
    }
    result = {}
    for name, argv in cmds.items():
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            done = subprocess.run(argv, capture_output=True, text=True)
            times.append(time.perf_counter() - t0)
            if done.returncode != 0:
                raise RuntimeError(f"{argv} failed: {done.stderr}")
        imp = subprocess.run([sys.executable, "-X", "importtime", "-m", "airoles_tui",
                              *argv[1:]], capture_output=True, text=True)
        textual = bool(re.search(r"\|\s+textual\b", imp.stderr))
        result[name] = {"median_s": median(times), "textual_imported": textual}
    return result


def scale(runs: int, keys: str) -> dict:
    """First frame with a 10,000-role catalog (the first start parses it, later ones reuse
    the parse) and the latency of each filter keystroke."""
    big_ready = ("10000 roles", "Quit")
    with tempfile.TemporaryDirectory() as tmp:
        big = generate(Path(tmp) / "big")
        s = Session.start(app_argv("--data-dir", str(big)), big_ready)
        cold = s.first_frame
        s.quit()
        frames, normal, filt = [], [], []
        for _ in range(runs):
            s = Session.start(app_argv(), APP_READY)
            normal.append(s.first_frame)
            s.quit()
            s = Session.start(app_argv("--data-dir", str(big)), big_ready)
            frames.append(s.first_frame)
            precise_latency(s, "/", first=2.0)
            s.term.settle(0.3)
            for ch in keys:
                _, lat = precise_latency(s, ch, first=2.0)
                filt.append(lat)
            s.quit("\x11")  # ctrl+q: q would be typed into the filter
    return {"frame_s": median(frames), "cold_frame_s": cold, "normal_frame_s": median(normal),
            "filter_key_s": filt}


def pictures(runs: int, opens: int = 5) -> dict:
    """Keystroke to the last byte of each plan picture (h, b, o) on the worked example, the
    designer opened with `open`, back to the designer (esc) between opens; the analysis
    screen (v), a plain document, is measured alongside as the reference. Also the app's CPU
    time per open and close, which a loaded machine stretches less than wall time."""
    from airoles_tui.paths import example_plans_dir

    ready = ("An ingestion pipeline", "palette")  # hire 1 in the form
    times: dict[str, list[float]] = {"h": [], "b": [], "o": [], "v": []}
    ticks: dict[str, int] = dict.fromkeys(times, 0)
    for _ in range(runs):
        s = Session.start(app_argv("open", str(example_plans_dir() / "series-b-legal.toml")),
                          ready)
        for _ in range(opens):
            for key in times:
                before = s.cpu_ticks()
                _, lat = precise_latency(s, key, first=2.0)
                times[key].append(lat)
                precise_latency(s, "esc", first=2.0)
                ticks[key] += s.cpu_ticks() - before
        s.quit("\x11")
    hz = os.sysconf("SC_CLK_TCK")
    names = (("h", "timeline"), ("b", "burn"), ("o", "org_chart"), ("v", "analysis_reference"))
    return {name: {"p50_s": median(times[key]),
                   "cpu_open_close_s": ticks[key] / hz / (runs * opens)}
            for key, name in names}


def marking(runs: int, marks: int = 8) -> dict:
    """Keystroke to the last byte of marking a key skill (space in a role's skill list): the
    mark is written to disk (atomic, fsync'd) before the screen answers, so this is the cost
    a person feels for "saved at every change"."""
    times: list[float] = []
    moves: list[float] = []  # the yardstick: a cursor move in the same list, nothing saved
    for _ in range(runs):
        s = Session.start(app_argv(), APP_READY)
        for key in ("down",) * 4 + ("s",):
            precise_latency(s, key, first=2.0)
        s.term.settle(0.3)
        for n in range(marks):
            _, lat = precise_latency(s, " ", first=2.0)
            times.append(lat)
            _, lat = precise_latency(s, "up" if n % 2 else "down", first=2.0)
            moves.append(lat)
        s.quit("\x11")
    return {"median_s": median(times), "worst_s": max(times), "move_median_s": median(moves)}


def idle_cpu(seconds: float) -> dict:
    s = Session.start(app_argv(), APP_READY)
    s.term.settle(1.0)
    t0 = s.cpu_ticks()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        s.term.pump(0.2)
    ticks = s.cpu_ticks() - t0
    s.quit()
    hz = os.sysconf("SC_CLK_TCK")
    return {"idle_cpu_s": ticks / hz, "over_s": seconds}


STOCK_ENV = "AIROLES_TUI_STOCK_TEXTUAL"
LONG_SESSION_SWITCHES = 40


def patched_session(stock: str, moves: int) -> dict[str, float]:
    """One session with the patches named in ``stock`` turned off ("1": all of them):
    start, cursor moves, a filter typed, every pane visited, then a long run of switches."""
    s = Session.start(app_argv(), APP_READY, env={STOCK_ENV: stock})
    got: dict[str, float] = {"frame_s": s.first_frame, "frame_bytes": s.frame_bytes}
    precise_latency(s, "down")
    s.term.settle(0.2)
    move = [precise_latency(s, "down") for _ in range(moves)]
    got["move_bytes"] = median([n for n, _ in move])
    got["move_ms"] = median([t for _, t in move]) * 1000
    precise_latency(s, "/")
    s.term.settle(0.2)
    typed = [precise_latency(s, ch) for ch in "engineer"]
    got["filter_key_ms"] = median([t for _, t in typed]) * 1000
    precise_latency(s, "\x1b")  # esc: clear the filter
    s.term.settle(0.3)
    panes = [t for t in re.findall(r"(?:^|\s)(\d) \w", s.term.screen.display[0])]
    switch = []
    for n in [t for t in panes if t != "1"] + ["1"]:
        before = len(s.term.raw)
        precise_latency(s, n, first=2.0)
        s.term.settle(0.3)
        switch.append(len(s.term.raw) - before)
    got["switch_bytes"] = median(switch)
    got["every_pane_peak_mib"] = s.peak_rss_kib() / 1024
    settled = s.rss_kib()
    for i in range(LONG_SESSION_SWITCHES):
        precise_latency(s, panes[i % len(panes)], first=2.0)
    s.term.settle(1.0)  # the collection after the last switch
    got["growth_mib"] = (s.rss_kib() - settled) / 1024
    s.quit()
    return got


def patch_worth(runs: int, moves: int) -> dict[str, dict[str, float]]:
    """Each patch turned off alone, and all of them (stock Textual), against all in force;
    alternating, so machine noise hits each configuration alike."""
    from airoles_tui.ui.textual_compat import NAMES

    configs = {"all in force": "", **{f"{name} off": name for name in NAMES},
               "collect_after_switch off": "collect_after_switch", "stock Textual": "1"}
    Session.start(app_argv(), APP_READY).quit()  # the first start caches the catalog's parse
    results: dict[str, list[dict[str, float]]] = {label: [] for label in configs}
    for _ in range(runs):
        for label, stock in configs.items():
            results[label].append(patched_session(stock, moves))
    return {label: {k: median([r[k] for r in rs]) for k in rs[0]}
            for label, rs in results.items()}


PATCH_FIGURES = (("move_bytes", "B/move", "{:.0f}"), ("switch_bytes", "B/switch", "{:.0f}"),
                 ("frame_bytes", "B/start", "{:.0f}"),
                 ("every_pane_peak_mib", "MiB peak", "{:.1f}"),
                 ("growth_mib", f"MiB/{LONG_SESSION_SWITCHES} switches", "{:+.2f}"),
                 ("move_ms", "ms/move", "{:.1f}"), ("filter_key_ms", "ms/filter key", "{:.1f}"),
                 ("frame_s", "s to first frame", "{:.2f}"))


def patch_table(worth: dict[str, dict[str, float]]) -> str:
    """One row per configuration; every figure but the first row's is the change from it."""
    base = worth["all in force"]
    head = f"{'':<24}" + "".join(f"{unit:>18}" for _, unit, _ in PATCH_FIGURES)
    rows = [head]
    for label, got in worth.items():
        cells = []
        for key, _unit, fmt in PATCH_FIGURES:
            if label == "all in force":
                cells.append(fmt.format(got[key]))
            else:
                delta = got[key] - base[key]
                cells.append(("+" if delta >= 0 else "") + fmt.format(delta).lstrip("+"))
        rows.append(f"{label:<24}" + "".join(f"{c:>18}" for c in cells))
    return "\n".join(rows)


def line(name: str, value: str, budget: str, ok: bool) -> str:
    return f"{'PASS' if ok else 'MISS'}  {name:<44} {value:<28} budget {budget}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="alternating runs per app")
    ap.add_argument("--moves", type=int, default=10, help="cursor moves measured per run")
    ap.add_argument("--quick", action="store_true", help="fewer runs, no scale or idle")
    ap.add_argument("--patches", action="store_true",
                    help="what each Textual patch buys: each turned off alone, and all")
    a = ap.parse_args(argv)
    if a.patches:
        worth = patch_worth(a.runs, a.moves)
        print(patch_table(worth))
        print(json.dumps(worth, default=lambda o: round(o, 4)))
        return 0
    runs = 2 if a.quick else a.runs
    pair = run_pair(runs, a.moves)
    app, mini = pair["app"], pair["min"]
    res: dict[str, object] = {"runs": runs, "moves_per_run": a.moves}
    rows = []

    ff = median(app["frame"]) / median(mini["frame"])
    res["first_frame"] = {"app_s": median(app["frame"]), "minimal_s": median(mini["frame"]),
                          "ratio": ff}
    rows.append(line("time to first full frame",
                     f"{median(app['frame']):.3f}s / {median(mini['frame']):.3f}s = {ff:.2f}x",
                     "<= 1.5x", ff <= 1.5))
    mv = median(app["move"]) / median(mini["move"])
    res["bytes_per_move"] = {"app": median(app["move"]), "minimal": median(mini["move"]),
                             "ratio": mv}
    rows.append(line("bytes per cursor move in the role tree",
                     f"{median(app['move']):.0f} / {median(mini['move']):.0f} = {mv:.2f}x",
                     "<= 2x", mv <= 2))
    full = median(app["full"])
    sw = max(app["switch"]) if app["switch"] else 0
    res["pane_switch"] = {"max_bytes": sw, "median_bytes": median(app["switch"]),
                          "full_repaint_bytes": full, "startup_bytes": median(app["frame_bytes"]),
                          "ratio": sw / full if full else None}
    rows.append(line("pane switch vs one full-screen repaint (worst)",
                     f"{sw:.0f} / {full:.0f} = {sw / full:.2f}x", "well under 1x",
                     sw / full < 0.75))
    lat = median(app["lat"]) * 1000
    res["key_latency_ms"] = {"app": lat, "minimal": median(mini["lat"]) * 1000}
    rows.append(line("median keystroke-to-quiet latency",
                     f"{lat:.1f} ms (minimal {median(mini['lat']) * 1000:.1f} ms)",
                     "< 16 ms", lat < 16))
    # Panes are made on first visit: a session browsing roles, and one that has visited
    # every pane (the most a session holds), each against the minimal app after its moves.
    for key, name in (("rss_roles", "peak memory, roles browsed (VmHWM)"),
                      ("rss", "peak memory, every pane visited (VmHWM)")):
        rss = median(app[key]) / median(mini["rss"])
        res[f"peak_{key}"] = {"app_kib": median(app[key]), "minimal_kib": median(mini["rss"]),
                              "ratio": rss}
        rows.append(line(name, f"{median(app[key]) / 1024:.1f} / "
                         f"{median(mini['rss']) / 1024:.1f} MiB = {rss:.2f}x", "<= 1.3x",
                         rss <= 1.3))
    for name, h in headless(runs).items():
        res[f"headless_{name}"] = h
        rows.append(line(f"headless `{name}` wall time, textual not imported",
                         f"{h['median_s'] * 1000:.0f} ms, textual "
                         f"{'IMPORTED' if h['textual_imported'] else 'absent'}",
                         "< 100 ms", h["median_s"] < 0.1 and not h["textual_imported"]))
    pics = pictures(max(1, runs // 2))
    res["pictures_open_s"] = pics
    ref = pics["analysis_reference"]["p50_s"]
    for name, value in pics.items():
        if name == "analysis_reference":
            continue
        p50, cpu = value["p50_s"], value["cpu_open_close_s"]
        rows.append(line(f"plan picture opens: {name} (worked example, p50)",
                         f"{p50 * 1000:.0f} ms ({p50 / ref:.2f}x v); cpu {cpu * 1000:.0f} ms",
                         "< 100 ms", p50 < 0.1))
    mk = marking(max(1, runs // 2))
    res["skill_mark_s"] = mk
    rows.append(line("skill mark, saved before the screen answers",
                     f"{mk['median_s'] * 1000:.1f} ms (a move {mk['move_median_s'] * 1000:.1f})",
                     "< 50 ms", mk["median_s"] < 0.05))
    if not a.quick:
        sc = scale(max(2, runs // 2), "engineer")
        res["scale"] = sc
        r = sc["frame_s"] / sc["normal_frame_s"]
        rows.append(line("10,000 roles: first frame vs normal catalog",
                         f"{sc['frame_s']:.2f}s / {sc['normal_frame_s']:.2f}s = {r:.2f}x",
                         "<= 2x", r <= 2))
        rows.append(line("10,000 roles: very first start (parses ~19 MB)",
                         f"{sc['cold_frame_s']:.2f}s", "(no budget)", True))
        worst = max(sc["filter_key_s"]) * 1000
        med = median(sc["filter_key_s"]) * 1000
        rows.append(line("10,000 roles: filter keystroke (median/worst)",
                         f"{med:.0f} / {worst:.0f} ms", "< 50 ms", worst < 50))
        idle = idle_cpu(10.0)
        res["idle"] = idle
        rows.append(line("idle CPU over 10 s", f"{idle['idle_cpu_s']:.2f} s", "~0 (< 0.05 s)",
                         idle["idle_cpu_s"] < 0.05))
    print("\n".join(rows))
    print(json.dumps(res, default=lambda o: round(o, 4) if isinstance(o, float) else str(o)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
