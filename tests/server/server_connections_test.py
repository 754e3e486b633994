"""parktwin-server --connections: the sources of a connections file are the server's live feed.
A pymodbus meter (tests/unit/feed/modbus_test_server.py, a free loopback port) holds 230.5 as a
float32 at holding register 10; the server records it and serves it, and the historian the
server wrote holds it after it stopped (read back by parktwin-cli export). A file that does not
fit the park stops the server with the file's JSON path. The oracle is the meter's register map.
A wall display's window started with --server shows the meter's value through the server. A
Sparkplug B edge node (tests/unit/feed/sparkplug_edge_node.py: paho-mqtt and the official .proto,
independent of our decoder) births, sends data and dies: GET .../sources says the source is
connected, and its death marks the tag stale for a window connected then (a "stale" message)
and for one that connects later (hello).
Usage: server_connections_test.py PARKTWIN_SERVER PARKTWIN_CLI SOURCE_DIR [PARKTWIN_APP]"""
import hashlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import unittest

from server_harness import Mosquitto, Server, WebSocket, free_port, records, wait_for_port

SERVER, CLI, SOURCE = sys.argv[1:4]
APP = sys.argv[4] if len(sys.argv) > 4 else ""  # the window, for --server (optional: a build without it)
TOKEN = "tok-viewer-connections"
OPERATOR = "tok-operator-connections"
T0 = 1767225600000  # the edge node's first timestamp (sparkplug_edge_node.py)


class ServerConnectionsTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.port = free_port()
        self.meter = subprocess.Popen(["/usr/bin/python3", os.path.join(SOURCE, "tests/unit/feed/modbus_test_server.py"),
                                       str(self.port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_port(self.port)
        self.config = os.path.join(self.dir.name, "server.json")
        with open(self.config, "w") as f:
            json.dump({"users": [{"name": "wall", "role": "viewer", "token_sha256": hashlib.sha256(TOKEN.encode()).hexdigest()},
                                 {"name": "li", "role": "operator",
                                  "token_sha256": hashlib.sha256(OPERATOR.encode()).hexdigest()}]}, f)
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

    def edge_node(self, pb_dir, port, scenario):
        done = subprocess.run(["/usr/bin/python3", os.path.join(SOURCE, "tests/unit/feed/sparkplug_edge_node.py"), pb_dir,
                               str(port), scenario], capture_output=True, text=True, timeout=60)
        self.assertEqual(0, done.returncode, done.stdout + done.stderr)

    def sources(self):
        status, body = self.server.request("GET", "/api/v1/parks/beidu/sources", token=OPERATOR)
        self.assertEqual(200, status, body)
        return body["sources"]

    def test_a_sparkplug_death_marks_the_value_stale_in_every_window(self):
        broker = Mosquitto(self.dir.name)
        self.addCleanup(broker.stop)
        pb_dir = os.path.join(self.dir.name, "pb")
        os.mkdir(pb_dir)
        subprocess.run(["protoc", "-I", os.path.join(SOURCE, "twin/feed/proto"), "--python_out", pb_dir, "sparkplug_b.proto"],
                       check=True, timeout=60)
        path = os.path.join(self.dir.name, "edge.json")
        with open(path, "w") as f:
            json.dump({"format": "parktwin-connections/1", "park": "beidu", "sources": [
                {"id": "edge", "kind": "sparkplug", "broker": {"host": "127.0.0.1", "port": broker.port},
                 "group_id": "Plant", "edge_node_id": "Edge1",
                 "metrics": [{"metric": "Line1/Temperature", "tag": "potline-1.voltage"}]}]}, f)
        self.server = Server(SERVER, ["--park", "beidu", "--db", self.db, "--connections", path, "--config", self.config])
        deadline = time.monotonic() + 20
        while not self.sources()[0]["connected"] and time.monotonic() < deadline:
            time.sleep(0.1)  # polling the server's answer until its source has subscribed
        source = self.sources()[0]
        self.assertEqual(("edge", "sparkplug", True), (source["id"], source["kind"], source["connected"]), source)
        status, _ = self.server.request("GET", "/api/v1/parks/beidu/sources", token=TOKEN)
        self.assertEqual(403, status, "a viewer (a wall display) does not see the plant's hosts")
        self.edge_node(pb_dir, broker.port, "births_and_data")  # Line1/Temperature 20.5, then 21.25 at T0 + 10
        deadline = time.monotonic() + 20
        while self.voltage() != [21.25] and time.monotonic() < deadline:
            time.sleep(0.1)
        self.assertEqual([21.25], self.voltage())
        watching = WebSocket(self.server.port, "/api/v1/parks/beidu/live?token=" + TOKEN)
        self.addCleanup(watching.close)
        self.assertEqual([], watching.receive()["stale"])  # hello: nothing stale yet
        # NDEATH: the will's timestamp is from when it was registered, so the death counts from
        # its arrival (docs/connections-sparkplug-opcua.md).
        before_ms = int(time.time() * 1000)
        self.edge_node(pb_dir, broker.port, "node_death")
        message = watching.receive_until(lambda m: m["type"] == "stale")
        after_ms = int(time.time() * 1000)
        marks = records(message, "stale")
        self.assertEqual(["potline-1.voltage"], [m["tag"] for m in marks], marks)
        self.assertTrue(before_ms <= marks[0]["ts"] <= after_ms, (before_ms, marks, after_ms))
        later = WebSocket(self.server.port, "/api/v1/parks/beidu/live?token=" + TOKEN)
        self.addCleanup(later.close)
        hello = later.receive()
        self.assertEqual(["potline-1.voltage"], hello["stale"])
        self.assertIn({"tag": "potline-1.voltage", "ts": T0 + 10, "v": 21.25}, records(hello, "values"))
        self.assertGreaterEqual(self.sources()[0]["values"], 2)

    def test_a_broker_that_is_not_there_is_named_in_the_requests_language(self):
        """QA: GET .../sources gave its errors in English only, and a QoS 1 MQTT source (acknowledged
        once stored) whose broker is not there gave none. The broker's port is bound and never
        listens, so each connect is refused at once; the words are docs/connections.md's."""
        closed = socket.socket()
        closed.bind(("127.0.0.1", 0))
        self.addCleanup(closed.close)
        port = closed.getsockname()[1]
        path = os.path.join(self.dir.name, "gateway.json")
        with open(path, "w") as f:
            json.dump({"format": "parktwin-connections/1", "park": "beidu", "sources": [
                {"id": "gateway", "kind": "mqtt", "broker": {"host": "127.0.0.1", "port": port},
                 "subscriptions": [{"topic": "plant/{line}/current", "payload": "json",
                                    "values": [{"pointer": "/v", "tag": "{line}.current", "unit": "kA"}]}]}]}, f)
        self.server = Server(SERVER, ["--park", "beidu", "--db", self.db, "--connections", path, "--config", self.config])
        deadline = time.monotonic() + 20
        while not self.sources()[0]["last_error"] and time.monotonic() < deadline:
            time.sleep(0.1)  # polling the server's answer until the first attempt to connect failed
        english = "cannot reach the broker 127.0.0.1:%d: Connection refused" % port
        source = self.sources()[0]
        self.assertEqual((False, english, english), (source["connected"], source["last_error"], source["first_error"]), source)
        status, body = self.server.request("GET", "/api/v1/parks/beidu/sources", token=OPERATOR,
                                           headers={"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"})
        self.assertEqual(200, status, body)
        chinese = "无法连接代理 127.0.0.1:%d：Connection refused" % port
        self.assertEqual((chinese, chinese), (body["sources"][0]["last_error"], body["sources"][0]["first_error"]), body)

    def test_a_file_that_does_not_fit_the_park_stops_the_server(self):
        with self.assertRaises(RuntimeError) as stopped:
            Server(SERVER, ["--park", "beidu", "--db", self.db, "--connections", self.connections("potline-9.voltage"),
                            "--config", self.config])
        self.assertIn("/sources/0/points/0/tag: the park has no tag \"potline-9.voltage\"", str(stopped.exception))


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]], verbosity=2)
