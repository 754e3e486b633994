"""An acknowledgement survives a restart of parktwin-server: acknowledged by an operator, the
server stopped and started again on the same historian, GET alarms shows it acknowledged by
that user. The oracle: the CSV this test imported (which alarm is active) and sqlite3 on the
historian (the acknowledgement with its user is in the file). A later episode of the same alarm
(cleared, then raised again after the acknowledgement) is not acknowledged after a restart.
Usage: server_ack_restart_test.py PARKTWIN_SERVER PARKTWIN_CLI SOURCE_DIR"""
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

from server_harness import Server

SERVER, CLI, SOURCE = sys.argv[1:4]
T0 = 1_767_225_600_000  # 2026-01-01T00:00:00Z
RULE = "potline-1-bath-hot"  # potline-1.bath_temp above 975 (assets/parks/beidu.json)
TOKEN = "tok-olga-restart"


def import_csv(folder, db, name, rows):
    csv = os.path.join(folder, name)
    with open(csv, "w") as f:
        f.write("ts,tag,value\n")
        for ts, tag, v in rows:
            f.write(f"{ts},{tag},{v}\n")
    subprocess.run([CLI, "import", csv, "--db", db], check=True, capture_output=True, timeout=60)


class AckRestartTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.dir.name, "park.db")
        # 950 then 990: the bath-hot alarm is active at start.
        import_csv(self.dir.name, self.db, "a.csv", [(T0, "potline-1.bath_temp", 950.0),
                                                     (T0 + 60_000, "potline-1.bath_temp", 990.0)])
        self.config = os.path.join(self.dir.name, "server.json")
        with open(self.config, "w") as f:
            json.dump({"users": [{"name": "olga", "role": "operator",
                                  "token_sha256": hashlib.sha256(TOKEN.encode()).hexdigest()}]}, f)
        self.server = None

    def tearDown(self):
        if self.server:
            self.server.stop()
        self.dir.cleanup()

    def start(self):
        self.server = Server(SERVER, ["--park", "beidu", "--db", self.db, "--config", self.config])

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
        with sqlite3.connect(self.db) as db:  # in the file, with the user
            payloads = [json.loads(p) for (p,) in db.execute("SELECT payload FROM events WHERE kind='alarm_ack'")]
        self.assertEqual([{"rule": RULE, "comment": "crew sent", "user": "olga"}], payloads)

    def test_a_later_episode_of_the_alarm_is_not_acknowledged_after_a_restart(self):
        self.start()
        ack = self.acknowledge("first episode")
        code, err = self.server.stop()
        self.server = None
        self.assertEqual(0, code, err)
        # After the acknowledgement the bath cooled (alarm cleared), then got hot again.
        after = ack["acknowledged_at_ms"]
        import_csv(self.dir.name, self.db, "b.csv", [(after + 1, "potline-1.bath_temp", 960.0),
                                                     (after + 2, "potline-1.bath_temp", 991.0)])
        self.start()
        hot = self.hot_alarm()
        self.assertFalse(hot["acknowledged"], hot)
        self.assertAlmostEqual(991.0, hot["value"])


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]], verbosity=2)
