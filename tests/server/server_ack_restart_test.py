"""An acknowledgement survives a restart of parktwin-server: acknowledged by an operator, the
server stopped and started again on the same store, GET alarms shows it acknowledged by that
user. The oracle: the CSV this test imported (which alarm is active) and the store's own client
reading the acknowledgement with its user: sqlite3 on the SQLite historian, or clickhouse-client
on a real two-shard ClickHouse cluster (scripts/cluster, random loopback ports, stopped after).
A later episode of the same alarm (cleared, then raised again after the acknowledgement) is not
acknowledged after a restart.
Usage: server_ack_restart_test.py PARKTWIN_SERVER PARKTWIN_CLI SOURCE_DIR [sqlite|clickhouse]"""
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import unittest

from server_harness import Cluster, Server, clickhouse_installed

SERVER, CLI, SOURCE = sys.argv[1:4]
STORE = sys.argv[4] if len(sys.argv) > 4 else "sqlite"
T0 = 1_767_225_600_000  # 2026-01-01T00:00:00Z
RULE = "potline-1-bath-hot"  # potline-1.bath_temp above 975 (assets/parks/beidu.json)
TOKEN = "tok-olga-restart"


def write_csv(folder, name, rows):
    csv = os.path.join(folder, name)
    with open(csv, "w") as f:
        f.write("ts,tag,value\n")
        for ts, tag, v in rows:
            f.write(f"{ts},{tag},{v}\n")
    return csv


class SqliteStore:
    """A historian file in the test's folder; sqlite3 reads it."""

    def __init__(self, folder):
        self.db = os.path.join(folder, "park.db")

    def args(self):
        return ["--db", self.db]

    def acknowledgements(self):
        with sqlite3.connect(self.db) as db:
            return [json.loads(p) for (p,) in db.execute("SELECT payload FROM events WHERE kind='alarm_ack'")]

    def close(self):
        pass


class ClickHouseCluster:
    """scripts/cluster up in the test's folder (two shards on free loopback ports); clickhouse-client
    reads the acknowledgement rows of the Distributed table, i.e. from both shards."""

    def __init__(self, folder):
        self.cluster = Cluster(SOURCE, folder)
        self.uri = self.cluster.uri + "?park=beidu"

    def args(self):
        return ["--store", self.uri]

    def acknowledgements(self):
        out = subprocess.run(["clickhouse-client", "--host", "127.0.0.1", "--port", self.cluster.tcp_port, "--query",
                              "SELECT rule, comment, user FROM parktwin.acks WHERE park = 'beidu' "
                              "ORDER BY ts FORMAT JSONEachRow"], check=True, capture_output=True, text=True, timeout=60)
        return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]

    def close(self):
        self.cluster.stop()


class AckRestartTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.server = None
        self.store = ClickHouseCluster(self.dir.name) if STORE == "clickhouse" else SqliteStore(self.dir.name)
        # 950 then 990: the bath-hot alarm is active at start.
        self.import_rows("a.csv", [(T0, "potline-1.bath_temp", 950.0), (T0 + 60_000, "potline-1.bath_temp", 990.0)])
        self.config = os.path.join(self.dir.name, "server.json")
        with open(self.config, "w") as f:
            json.dump({"users": [{"name": "olga", "role": "operator",
                                  "token_sha256": hashlib.sha256(TOKEN.encode()).hexdigest()}]}, f)

    def import_rows(self, name, rows):
        csv = write_csv(self.dir.name, name, rows)
        subprocess.run([CLI, "import", csv, *self.store.args()], check=True, capture_output=True, timeout=120)

    def tearDown(self):
        try:
            if self.server:
                self.server.stop()
        finally:
            self.store.close()
            self.dir.cleanup()

    def start(self):
        self.server = Server(SERVER, ["--park", "beidu", *self.store.args(), "--config", self.config])

    def restart(self):
        code, err = self.server.stop()
        self.assertEqual(0, code, err)
        self.start()

    def hot_alarm(self):
        status, alarms = self.server.request("GET", "/api/v1/parks/beidu/alarms", token=TOKEN)
        self.assertEqual(200, status, alarms)
        hot = [a for a in alarms if a["id"] == RULE]
        self.assertEqual(1, len(hot), alarms)
        return hot[0]

    def acknowledge(self, comment):
        status, body = self.server.request("POST", f"/api/v1/parks/beidu/alarms/{RULE}/ack", token=TOKEN,
                                           body={"comment": comment})
        self.assertEqual(200, status, body)
        return body

    def test_acknowledgement_is_shown_again_after_a_restart(self):
        self.start()
        self.assertFalse(self.hot_alarm()["acknowledged"])
        ack = self.acknowledge("crew sent")
        self.restart()
        hot = self.hot_alarm()
        self.assertTrue(hot["acknowledged"])
        self.assertEqual(("olga", "crew sent", ack["acknowledged_at_ms"]),
                         (hot["acknowledged_by"], hot["comment"], hot["acknowledged_at_ms"]))
        # In the store, with the user, as the store's own client reads it.
        self.assertEqual([{"rule": RULE, "comment": "crew sent", "user": "olga"}], self.store.acknowledgements())

    def test_a_later_episode_of_the_alarm_is_not_acknowledged_after_a_restart(self):
        self.start()
        ack = self.acknowledge("first episode")
        code, err = self.server.stop()
        self.server = None
        self.assertEqual(0, code, err)
        # After the acknowledgement the bath cooled (alarm cleared), then got hot again.
        after = ack["acknowledged_at_ms"]
        self.import_rows("b.csv", [(after + 1, "potline-1.bath_temp", 960.0), (after + 2, "potline-1.bath_temp", 991.0)])
        self.start()
        hot = self.hot_alarm()
        self.assertFalse(hot["acknowledged"], hot)
        self.assertAlmostEqual(991.0, hot["value"])

    def test_an_alarm_active_at_start_began_at_its_first_hot_sample(self):
        # Hot from T0 + 60 s (990, setUp) through T0 + 3 h and T0 + 5 h: a restart seeds the
        # alarm with the newest sample, and the start is read back from the rows imported here.
        self.import_rows("c.csv", [(T0 + 3 * 3_600_000, "potline-1.bath_temp", 995.0),
                                   (T0 + 5 * 3_600_000, "potline-1.bath_temp", 992.0)])
        self.start()
        hot = self.hot_alarm()
        self.assertEqual(T0 + 60_000, hot["since_ms"], hot)
        self.assertAlmostEqual(992.0, hot["value"])


if __name__ == "__main__":
    if STORE == "clickhouse" and not clickhouse_installed():
        print("SKIP: clickhouse-server is not installed")
        sys.exit(0)
    unittest.main(argv=[sys.argv[0]], verbosity=2)
