"""Replaying a parktwin-server's history in the window: a real server on a free loopback port
with a SQLite historian this test imports (parktwin-cli import) from a CSV it writes, and one
process of the Quick test runner (tst_server_replay.qml) on an Xvfb display of its own. The
window replays the server's history (Data… → ParkTwin server → Replay history), seeks to several
times and must show what the CSV (the oracle) says the state at each time is; a seek while a
request is in flight ends on the last time; with the server stopped it says why and does not
hang; with the server back on the same port it recovers. The window and this test signal each
other with files, each waited on with a deadline. With `clickhouse` the server's store is a
local two-shard ClickHouse cluster (scripts/cluster on free loopback ports, started here in the
test's folder and stopped after) rather than a SQLite historian; the same checks hold.
Usage: replay_test.py PARKTWIN_SERVER PARKTWIN_CLI RUNNER TST_QML [sqlite|clickhouse]"""
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "server"))
from server_harness import Cluster, Server, clickhouse_installed  # noqa: E402
from two_windows_test import Xvfb, wait_for_file  # noqa: E402

SERVER, CLI, RUNNER, TST = sys.argv[1:5]
STORE = sys.argv[5] if len(sys.argv) > 5 else "sqlite"
SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
T0 = 1_767_225_600_000  # 2026-01-01T00:00:00Z
MINUTE = 60_000
N = 120  # two hours of minutes


def bath(i):  # crosses both bath rules of beidu (above 975, below 940)
    return round(960.0 + 30.0 * math.sin(i * 0.1), 3)


def make_rows():
    rows = []
    for i in range(N):
        rows.append((T0 + i * MINUTE, "potline-1.bath_temp", bath(i)))
        if i % 2 == 0:
            rows.append((T0 + i * MINUTE, "potline-1.current", 400.0 + i * 0.25))
        if i % 3 == 0:
            rows.append((T0 + i * MINUTE, "potline-2.current", 410.0 - i * 0.5))
    rows += [(T0, "potline-1.state", 0), (T0 + 60 * MINUTE, "potline-1.state", 3), (T0 + 100 * MINUTE, "potline-1.state", 0)]
    return rows


ROWS = make_rows()


def sparkline(tag, at):
    """GET .../series' buckets for the window's sparkline: [at - 1 h, at + 1) in 60 equal buckets
    (the last takes the remainder), the mean of each, None when empty (docs/server.md)."""
    t0, t1, points = at - 3_600_000, at + 1, 60
    width = (t1 - t0) // points
    means = []
    for k in range(points):
        lo, hi = t0 + k * width, (t0 + (k + 1) * width if k < points - 1 else t1)
        values = [v for ts, t, v in ROWS if t == tag and lo <= ts < hi]
        means.append(sum(values) / len(values) if values else None)
    return means


def state_bar(tag, at):
    """The line state bar of the last hour, [at - 1 h, at + 1), from the CSV alone: cut the hour at
    every report of the tag inside it; each piece has the state of the newest report at or before
    its start (none: unknown, left out); equal neighbours join. Shares are of the known time,
    largest first, the lower state first on a tie (docs/server.md, GET .../spans)."""
    lo, hi = at - 3_600_000, at + 1
    reports = sorted((ts, v) for ts, t, v in ROWS if t == tag)
    cuts = sorted({lo, hi} | {ts for ts, _ in reports if lo < ts < hi})
    spans = []
    for start, end in zip(cuts, cuts[1:]):
        before = [v for ts, v in reports if ts <= start]
        if not before:
            continue
        state = round(before[-1])
        if spans and spans[-1][2] == state and spans[-1][1] == start:
            spans[-1][1] = end
        else:
            spans.append([start, end, state])
    known = sum(end - start for start, end, _ in spans)
    time_in = {}
    for start, end, state in spans:
        time_in[state] = time_in.get(state, 0) + end - start
    shares = sorted(([state, ms / known] for state, ms in time_in.items()), key=lambda s: (-s[1], s[0]))
    return {"spans": spans, "shares": shares}


class ReplayTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        d = self.dir.name
        csv = os.path.join(d, "data.csv")
        with open(csv, "w") as f:
            f.write("ts,tag,value\n" + "".join(f"{ts},{tag},{v}\n" for ts, tag, v in ROWS))
        self.cluster = None
        if STORE == "clickhouse":
            self.cluster = Cluster(SOURCE, d)
            self.store = ["--store", self.cluster.uri + "?park=beidu"]
        else:
            self.store = ["--db", os.path.join(d, "park.db")]
        self.server = self.xvfb = None
        try:
            subprocess.run([CLI, "import", csv, *self.store], check=True, capture_output=True, timeout=120)
            self.server = Server(SERVER, ["--park", "beidu", *self.store])  # history only: no broker
            self.xvfb = Xvfb()
        except BaseException:
            self.tearDown()
            raise
        self.sync = os.path.join(d, "sync")
        os.mkdir(self.sync)
        sparkline_at = T0 + 90 * MINUTE
        # Two inside runs of bath samples over a rule (hot from minute 6, cold from minute 39).
        times = [T0, T0 + 20 * MINUTE + 10_000, T0 + 37 * MINUTE + 5_000, T0 + 50 * MINUTE + 30_000, T0 + 61 * MINUTE,
                 T0 + 100 * MINUTE + 30_000, T0 + (N - 1) * MINUTE]
        while_stopped = [T0 + 20 * MINUTE, T0 + 80 * MINUTE + 1]
        self.write("history.json", {
            "rows": ROWS, "first": T0, "last": max(ts for ts, _, _ in ROWS),
            "times": times,
            "inFlight": [T0 + 15 * MINUTE, T0 + 47 * MINUTE + 30_000],
            "whileStopped": while_stopped,
            "stateTag": "potline-1.state",
            "stateBars": {str(t): state_bar("potline-1.state", t) for t in times + while_stopped},
            "sparkline": {"tag": "potline-1.bath_temp", "at": sparkline_at, "means": sparkline("potline-1.bath_temp", sparkline_at)},
            "hotAbove": 975, "coldBelow": 940})

    def tearDown(self):
        try:
            if self.xvfb:
                self.xvfb.stop()
            if self.server:
                self.server.stop()
        finally:
            self.stop_cluster()
            self.dir.cleanup()

    def stop_cluster(self):
        if self.cluster:
            self.cluster.stop()

    def write(self, name, content):
        with open(os.path.join(self.sync, "." + name), "w") as f:
            json.dump(content, f)
        os.rename(os.path.join(self.sync, "." + name), os.path.join(self.sync, name))

    def log(self):
        with open(os.path.join(self.dir.name, "window.log")) as f:
            return f.read()

    def test_window_replays_the_servers_history(self):
        env = dict(os.environ, DISPLAY=self.xvfb.display, PARKTWIN_TEST_SERVER=f"http://127.0.0.1:{self.server.port}",
                   PARKTWIN_TEST_TOKEN="", PARKTWIN_TEST_ROLE="replay", PARKTWIN_TEST_SYNC=self.sync,
                   LANG="C.UTF-8", LC_ALL="C.UTF-8")
        env.pop("QT_QPA_PLATFORM", None)
        with open(os.path.join(self.dir.name, "window.log"), "w") as log:
            window = subprocess.Popen([RUNNER, "-input", TST], env=env, stdout=log, stderr=subprocess.STDOUT)
            try:
                self.assertTrue(wait_for_file(os.path.join(self.sync, "stop-server"), [window], 180), self.log())
                port = self.server.port
                code, err = self.server.stop()
                self.assertEqual(0, code, err)
                self.write("stopped", {})
                self.assertTrue(wait_for_file(os.path.join(self.sync, "saw-it-stopped"), [window], 120), self.log())
                self.server = Server(SERVER, ["--park", "beidu", *self.store], listen=f"127.0.0.1:{port}")
                self.write("restarted", {})
                window.wait(timeout=180)
            finally:
                if window.poll() is None:
                    window.kill()
                    window.wait()
        print(self.log())  # the window's test functions, for the record
        self.assertEqual(0, window.returncode, self.log())
        self.assertIn("Totals: 9 passed, 0 failed", self.log())  # 7 tests + init/cleanup


if __name__ == "__main__":
    if not shutil.which("Xvfb"):
        print("Xvfb missing")
        sys.exit(1)
    if STORE == "clickhouse" and not clickhouse_installed():
        print("SKIP: clickhouse-server is not installed")
        sys.exit(0)
    unittest.main(argv=[sys.argv[0]], verbosity=2)
