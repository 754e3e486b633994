"""parktwin-server --connections: the sources of a connections file are the server's live feed.
A pymodbus meter (tests/unit/feed/modbus_test_server.py, a free loopback port) holds 230.5 as a
float32 at holding register 10; the server records it and serves it, and the historian the
server wrote holds it after it stopped (read back by parktwin-cli export). A file that does not
fit the park stops the server with the file's JSON path. The oracle is the meter's register map.
A wall display's window started with --server shows the meter's value through the server.
Usage: server_connections_test.py PARKTWIN_SERVER PARKTWIN_CLI SOURCE_DIR [PARKTWIN_APP]"""
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
import unittest

from server_harness import Server, free_port, wait_for_port

SERVER, CLI, SOURCE = sys.argv[1:4]
APP = sys.argv[4] if len(sys.argv) > 4 else ""  # the window, for --server (optional: a build without it)
TOKEN = "tok-viewer-connections"


class ServerConnectionsTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.port = free_port()
        self.meter = subprocess.Popen(["/usr/bin/python3", os.path.join(SOURCE, "tests/unit/feed/modbus_test_server.py"),
                                       str(self.port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_port(self.port)
        self.config = os.path.join(self.dir.name, "server.json")
        with open(self.config, "w") as f:
            json.dump({"users": [{"name": "wall", "role": "viewer",
                                  "token_sha256": hashlib.sha256(TOKEN.encode()).hexdigest()}]}, f)
        self.db = os.path.join(self.dir.name, "park.db")
        self.server = None

    def tearDown(self):
        if self.server:
            self.server.stop()
        self.meter.kill()
        self.meter.wait()
        self.dir.cleanup()

    def connections(self, tag):
        path = os.path.join(self.dir.name, "plant.json")
        with open(path, "w") as f:
            json.dump({"format": "parktwin-connections/1", "park": "beidu", "sources": [
                {"id": "meter", "kind": "modbus", "host": "127.0.0.1", "port": self.port, "poll_interval_ms": 100,
                 "points": [{"table": "holding_register", "address": 10, "type": "float32", "tag": tag, "unit": "V"}]}]}, f)
        return path

    def voltage(self):
        status, body = self.server.request("GET", "/api/v1/parks/beidu/state", token=TOKEN)
        self.assertEqual(200, status, body)
        return [row[2] for row in body["values"] if row[0] == "potline-1.voltage"]

    def test_a_modbus_meter_is_recorded_and_served(self):
        self.server = Server(SERVER, ["--park", "beidu", "--db", self.db, "--connections",
                                      self.connections("potline-1.voltage"), "--config", self.config])
        self.wait_for_voltage()
        code, err = self.server.stop()
        self.server = None
        self.assertEqual(0, code, err)
        out = subprocess.run([CLI, "export", "--db", self.db, "--tags", "potline-1.voltage"], check=True,
                             capture_output=True, text=True, timeout=60).stdout.strip().splitlines()
        self.assertGreater(len(out), 1, out)
        self.assertEqual({"230.5"}, {line.split(",")[2] for line in out[1:]})

    def wait_for_voltage(self):
        deadline = time.monotonic() + 20
        while not self.voltage() and time.monotonic() < deadline:
            time.sleep(0.1)  # polling the server's answer, as a client would
        self.assertEqual([230.5], self.voltage())

    @unittest.skipUnless(APP, "the window is not built")
    def test_a_wall_display_started_with_server_shows_the_meter(self):
        # The window as a wall display starts it: --server, the token in PARKTWIN_TOKEN. Its
        # --screenshot-info says what its data source said and how many tags it has values for.
        self.server = Server(SERVER, ["--park", "beidu", "--db", self.db, "--connections",
                                      self.connections("potline-1.voltage"), "--config", self.config])
        self.wait_for_voltage()
        info = os.path.join(self.dir.name, "info.json")
        env = dict(os.environ, PARKTWIN_TOKEN=TOKEN)
        done = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x900x24", APP, "--park", "beidu", "--size", "1600x900",
                               "--server", f"http://127.0.0.1:{self.server.port}", "--screenshot",
                               os.path.join(self.dir.name, "wall.png"), "--screenshot-info", info],
                              env=env, capture_output=True, text=True, timeout=120)
        self.assertEqual(0, done.returncode, done.stderr)
        with open(info) as f:
            shown = json.load(f)
        self.assertTrue(shown["data_status"].startswith("Live: "), shown["data_status"])
        self.assertGreaterEqual(shown["data_values"], 1, shown)

    def test_a_file_that_does_not_fit_the_park_stops_the_server(self):
        with self.assertRaises(RuntimeError) as stopped:
            Server(SERVER, ["--park", "beidu", "--db", self.db, "--connections", self.connections("potline-9.voltage"),
                            "--config", self.config])
        self.assertIn("/sources/0/points/0/tag: the park has no tag \"potline-9.voltage\"", str(stopped.exception))


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]], verbosity=2)
