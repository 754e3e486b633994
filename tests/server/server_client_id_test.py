"""One connections file, several programs: MQTT allows one connection per client id (a broker
ends the older of two), so each program must keep a session of its own (QA4 Q8).

1. parktwin-server --connections and parktwin-cli ingest --connections with the SAME file, whose
   MQTT source has "client_id": "plant-gateway" (the user guide's advice for QoS 1), both record
   every message a publisher sent (mosquitto_pub -q 1, numbered 1..N: the numbers are the
   oracle), and the server's GET .../sources says no reconnect, no gap, no error. Before the fix
   both used plant-gateway and kicked each other off (the broker's queue went to one or the other).
2. Two ingests with the same client id (two recorders of one file): each says in words that
   another client took over client id plant-gateway, one in English, one in Chinese (--lang zh).
   Before the fix they fought in silence ("0 errors", no text).
A real mosquitto on a free loopback port (server_harness.Mosquitto).
Usage: server_client_id_test.py PARKTWIN_SERVER PARKTWIN_CLI SOURCE_DIR"""
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
import unittest

from server_harness import Mosquitto, Server

SERVER, CLI, SOURCE = sys.argv[1:4]
TOKEN = "tok-operator-client-id"
T0 = 1780000000000
N = 30
TAKEN_OVER_EN = "another client took over client id plant-gateway (MQTT allows one connection per client id)"
TAKEN_OVER_ZH = "另一个客户端接管了客户端 ID plant-gateway（MQTT 每个客户端 ID 只允许一个连接）"


def wait_until(predicate, deadline_s, what):
    end = time.monotonic() + deadline_s
    while not predicate():
        if time.monotonic() > end:
            raise AssertionError("not within %d s: %s" % (deadline_s, what))
        time.sleep(0.05)  # poll interval of a condition with a deadline


def text_of(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


class ClientIdTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.broker = Mosquitto(self.dir.name)
        self.file = os.path.join(self.dir.name, "plant.json")
        with open(self.file, "w") as f:
            json.dump({"format": "parktwin-connections/1", "park": "beidu", "sources": [
                {"id": "gateway", "kind": "mqtt",
                 "broker": {"host": "127.0.0.1", "port": self.broker.port, "client_id": "plant-gateway"},
                 "subscriptions": [{"topic": "site/{line}/amps", "payload": "json", "qos": 1,
                                    "timestamp": "epoch_ms", "timestamp_pointer": "/t",
                                    "values": [{"pointer": "/a", "tag": "{line}.current"}]}]}]}, f)
        self.config = os.path.join(self.dir.name, "server.json")
        with open(self.config, "w") as f:
            json.dump({"users": [{"name": "li", "role": "operator",
                                  "token_sha256": hashlib.sha256(TOKEN.encode()).hexdigest()}]}, f)
        self.server = None
        self.ingests = []

    def tearDown(self):
        for proc, log in self.ingests:
            if proc.poll() is None:
                proc.kill()
            proc.wait()
            log.close()
        if self.server:
            self.server.stop()
        self.broker.stop()
        self.dir.cleanup()

    def ingest(self, name, *extra):
        log_path = os.path.join(self.dir.name, name + ".log")
        log = open(log_path, "w")
        # "gateway: connected" is read in English unless a test asks for a language.
        language = [] if "--lang" in extra else ["--lang", "en"]
        proc = subprocess.Popen([CLI, "ingest", "--park", "beidu", "--connections", self.file,
                                 "--db", os.path.join(self.dir.name, name + ".db"), *language, *extra],
                                stdout=subprocess.DEVNULL, stderr=log)
        self.ingests.append((proc, log))
        return proc, log_path

    def gateway(self):
        status, body = self.server.request("GET", "/api/v1/parks/beidu/sources", token=TOKEN)
        self.assertEqual(200, status, body)
        return next(s for s in body["sources"] if s["id"] == "gateway")

    def stored(self, db):
        out = subprocess.run([CLI, "export", "--db", db, "--tags", "potline-1.current"], check=True,
                             capture_output=True, text=True, timeout=60).stdout.strip().splitlines()
        return sorted(float(line.split(",")[2]) for line in out[1:])

    def test_the_server_and_ingest_with_one_file_both_receive_every_message(self):
        server_db = os.path.join(self.dir.name, "server.db")
        self.server = Server(SERVER, ["--park", "beidu", "--db", server_db, "--connections", self.file,
                                      "--config", self.config])
        ingest, log = self.ingest("ingest", "--count", str(N))
        wait_until(lambda: self.gateway()["connected"], 20, "the server connected")
        wait_until(lambda: "gateway: connected" in text_of(log), 20, "ingest connected: " + text_of(log))
        lines = "".join('{"t": %d, "a": %d}\n' % (T0 + i * 1000, i) for i in range(1, N + 1))
        subprocess.run(["mosquitto_pub", "-h", "127.0.0.1", "-p", str(self.broker.port), "-q", "1",
                        "-t", "site/potline-1/amps", "-l"], input=lines, text=True, check=True, timeout=20)
        # ingest stops by itself after N samples; the server counts them in GET .../sources.
        self.assertEqual(0, ingest.wait(timeout=30), text_of(log))
        wait_until(lambda: self.gateway()["values"] >= N, 20, "the server received %d values" % N)
        gateway = self.gateway()
        self.assertEqual((0, 0, ""), (gateway["reconnects"], gateway["gaps"], gateway["last_error"]), gateway)
        code, err = self.server.stop()
        self.server = None
        self.assertEqual(0, code, err)
        expected = [float(i) for i in range(1, N + 1)]
        self.assertEqual(expected, self.stored(server_db))
        self.assertEqual(expected, self.stored(os.path.join(self.dir.name, "ingest.db")))

    def test_two_ingests_with_one_client_id_say_it_was_taken_over(self):
        _, english = self.ingest("first")
        wait_until(lambda: "gateway: connected" in text_of(english), 20, "the first ingest connected")
        _, chinese = self.ingest("second", "--lang", "zh")
        wait_until(lambda: TAKEN_OVER_EN in text_of(english), 60, "the takeover worded: " + text_of(english))
        wait_until(lambda: TAKEN_OVER_ZH in text_of(chinese), 60, "the takeover worded in Chinese: " + text_of(chinese))


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
