"""parktwin-server over a ClickHouse cluster (--store): a real two-shard cluster (scripts/cluster),
data imported with parktwin-cli from a CSV this test writes, and the server's state and series
answers checked against values computed here from that CSV. Skipped (exit 0 with the reason)
only when clickhouse-server is not installed.
Usage: server_clickhouse_test.py PARKTWIN_SERVER PARKTWIN_CLI SOURCE_DIR"""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from server_harness import Server, assert_state_equals, latest_at, records

SERVER, CLI, SOURCE = sys.argv[1:4]
T0 = 1_767_225_600_000  # 2026-01-01T00:00:00Z
STEP = 60_000
N = 90
ROWS = [(T0 + i * STEP, "potline-1.current", 400.0 + i * 0.25) for i in range(N)]
ROWS += [(T0 + i * STEP, "potline-2.current", 380.0 - (i % 11) * 0.5) for i in range(0, N, 3)]


def state_at(t):
    return latest_at(ROWS, t)


class ServerOnClickHouseTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        env = dict(os.environ, PARKTWIN_CLUSTER_DIR=os.path.join(cls.dir.name, "cluster"))
        cls.env = env
        up = subprocess.run([os.path.join(SOURCE, "scripts/cluster"), "up"], env=env, capture_output=True,
                            text=True, timeout=180)
        if up.returncode != 0:
            subprocess.run([os.path.join(SOURCE, "scripts/cluster"), "down"], env=env, capture_output=True, timeout=120)
            raise RuntimeError("cluster did not start: " + up.stderr)
        cls.uri = up.stdout.strip().splitlines()[-1] + "?park=beidu"
        csv = os.path.join(cls.dir.name, "data.csv")
        with open(csv, "w") as f:
            f.write("ts,tag,value\n")
            for ts, tag, v in ROWS:
                f.write(f"{ts},{tag},{v}\n")
        subprocess.run([CLI, "import", csv, "--store", cls.uri], check=True, capture_output=True, timeout=120)
        cls.server = Server(SERVER, ["--park", "beidu", "--store", cls.uri])

    @classmethod
    def tearDownClass(cls):
        try:
            code, err = cls.server.stop()
            assert code == 0, "server did not stop cleanly: " + err
        finally:
            subprocess.run([os.path.join(SOURCE, "scripts/cluster"), "down"], env=cls.env, capture_output=True,
                           timeout=120)
            cls.dir.cleanup()

    def test_state_at_many_times_comes_from_the_cluster(self):
        for t in [T0 - 1, T0, T0 + 2 * STEP + 1, T0 + 47 * STEP, T0 + 10 * N * STEP]:
            status, body = self.server.request("GET", f"/api/v1/parks/beidu/state?at={t}")
            self.assertEqual(200, status, body)
            assert_state_equals(self, state_at(t), body, t)

    def test_series_min_max_from_the_cluster(self):
        t0, t1 = T0, T0 + N * STEP
        status, body = self.server.request("GET", f"/api/v1/parks/beidu/series?tag=potline-1.current&from={t0}&to={t1}&points=1")
        self.assertEqual(200, status, body)
        (bucket,) = records(body, "buckets")
        values = [v for ts, tag, v in ROWS if tag == "potline-1.current" and t0 <= ts < t1]
        self.assertAlmostEqual(min(values), bucket["min"])
        self.assertAlmostEqual(max(values), bucket["max"])
        self.assertEqual(len(values), bucket["count"])


if __name__ == "__main__":
    if not (shutil.which("clickhouse-server") or os.path.exists("/usr/sbin/clickhouse-server")
            or shutil.which("clickhouse")):
        print("SKIP: clickhouse-server is not installed")
        sys.exit(0)
    unittest.main(argv=sys.argv[:1], verbosity=2)
