"""Two windows on one parktwin-server: a real server on a free loopback port with a SQLite
historian this test imports (parktwin-cli import), a real mosquitto, and two processes of the
Quick test runner (tst_server_window.qml), each one window, on an Xvfb display of their own.
Both connect; this test publishes a value with mosquitto_pub once both are ready; both must show
it (the oracle: what was published). The "acker" acknowledges the alarm the imported data
raised; the "watcher" must show that acknowledgement with the acker's user. Afterwards sqlite3
finds the acknowledgement with the user in the historian. The windows and this test signal each
other with files, each waited on with a deadline.
WindowOverTlsTest: the server over TLS with a self-signed certificate made here with openssl, one
window (tst_server_window_tls.qml, beside TST_QML): refused with no CA file and with another
CA, connected with the certificate as its CA file; the oracle is the value published with
mosquitto_pub shown in the window.
DeskRolesTest: a viewer's window, then an operator's (tst_server_desk_roles.qml): the viewer's
Acknowledge is disabled with a line naming its role; the operator's acknowledges, and sqlite3
finds the acknowledgement with the operator's user.
ServedParkSelectTest: the server serves Jiulong, the window has Beidu open (tst_server_select.qml):
--select waits for the server's park; an id of Beidu only is said to be missing. The ids are
read here from the two park files.
Usage: two_windows_test.py PARKTWIN_SERVER PARKTWIN_CLI RUNNER TST_QML [TEST_CLASS]"""
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "server"))
from server_harness import Mosquitto, Server  # noqa: E402

SERVER, CLI, RUNNER, TST = sys.argv[1:5]
TST_TLS = os.path.join(os.path.dirname(TST), "tst_server_window_tls.qml")
TST_ROLES = os.path.join(os.path.dirname(TST), "tst_server_desk_roles.qml")
TST_SELECT = os.path.join(os.path.dirname(TST), "tst_server_select.qml")
PARKS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "assets", "parks")
T0 = 1_767_225_600_000  # 2026-01-01T00:00:00Z
USERS = {"olga": ("operator", "tok-olga-window"), "wang": ("operator", "tok-wang-window"),
         "vera": ("viewer", "tok-vera-window")}
PUBLISHED = {"tag": "potline-2.current", "v": 412.75}


def wait_for_file(path, procs, deadline_s):
    """True once `path` exists; False at the deadline or when a window process ended first."""
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if os.path.exists(path):
            return True
        if any(p.poll() is not None for p in procs):
            return os.path.exists(path)
        time.sleep(0.05)  # poll interval of a file, not synchronisation
    return False


class Xvfb:
    def __init__(self):
        read, write = os.pipe()
        self.proc = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
                                     pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as f:
            self.display = ":" + f.readline().strip()

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)


class WindowHarness(unittest.TestCase):
    """A server (over TLS when `tls` gives its "tls" configuration), a broker, an Xvfb display."""

    def setUp(self, tls=None, park="beidu"):
        self.dir = tempfile.TemporaryDirectory()
        d = self.dir.name
        csv = os.path.join(d, "data.csv")
        with open(csv, "w") as f:  # 990 degC: above the 975 of potline-1-bath-hot, active at start
            f.write(f"ts,tag,value\n{T0},potline-1.bath_temp,950\n{T0 + 60_000},potline-1.bath_temp,990\n")
        self.db = os.path.join(d, "park.db")
        subprocess.run([CLI, "import", csv, "--db", self.db], check=True, capture_output=True, timeout=60)
        config = os.path.join(d, "server.json")
        with open(config, "w") as f:
            json.dump({"users": [{"name": n, "role": r, "token_sha256": hashlib.sha256(t.encode()).hexdigest()}
                                 for n, (r, t) in USERS.items()], **({"tls": tls(d)} if tls else {})}, f)
        self.broker = Mosquitto(d)
        self.server = Server(SERVER, ["--park", park, "--db", self.db, "--config", config,
                                      "--mqtt", f"127.0.0.1:{self.broker.port}"])
        self.xvfb = Xvfb()
        self.sync = os.path.join(d, "sync")
        os.mkdir(self.sync)

    def tearDown(self):
        self.xvfb.stop()
        self.server.stop()
        self.broker.stop()
        self.dir.cleanup()

    def window(self, role, user, scheme="http", tst=TST, **extra_env):
        env = dict(os.environ, DISPLAY=self.xvfb.display, PARKTWIN_TEST_SERVER=f"{scheme}://127.0.0.1:{self.server.port}",
                   PARKTWIN_TEST_TOKEN=USERS[user][1], PARKTWIN_TEST_ROLE=role, PARKTWIN_TEST_ACK_USER="olga",
                   PARKTWIN_TEST_SYNC=self.sync, LANG="C.UTF-8", LC_ALL="C.UTF-8", **extra_env)
        env.pop("QT_QPA_PLATFORM", None)
        log = open(os.path.join(self.dir.name, role + ".log"), "w")
        return subprocess.Popen([RUNNER, "-input", tst], env=env, stdout=log, stderr=subprocess.STDOUT), log

    def log(self, role):
        with open(os.path.join(self.dir.name, role + ".log")) as f:
            return f.read()

    def run_window(self, role, user, tst, timeout):
        """Runs a window's Quick test file to its end (killed after `timeout` s); its exit status."""
        proc, log = self.window(role, user, tst=tst)
        try:
            proc.wait(timeout=timeout)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            log.close()
        return proc.returncode

    def publish(self):
        """Publishes PUBLISHED to the server's broker, then tells the windows what it was."""
        ts = int(time.time() * 1000)
        self.broker.publish("parktwin/beidu/" + PUBLISHED["tag"], json.dumps({"ts": ts, "v": PUBLISHED["v"]}))
        with open(os.path.join(self.sync, ".published"), "w") as f:
            json.dump(PUBLISHED, f)
        os.rename(os.path.join(self.sync, ".published"), os.path.join(self.sync, "published"))


class TwoWindowsTest(WindowHarness):
    def test_two_windows_share_values_and_acknowledgements(self):
        acker, acker_log = self.window("acker", "olga")
        watcher, watcher_log = self.window("watcher", "wang")
        procs = [acker, watcher]
        try:
            for role in ("acker", "watcher"):
                self.assertTrue(wait_for_file(os.path.join(self.sync, "ready-" + role), procs, 120),
                                role + " did not connect:\n" + self.log("acker") + self.log("watcher"))
            self.publish()
            for p in procs:
                p.wait(timeout=180)
        finally:
            for p in procs:
                if p.poll() is None:
                    p.kill()
                    p.wait()
            acker_log.close()
            watcher_log.close()
        self.assertEqual(0, acker.returncode, self.log("acker"))
        self.assertEqual(0, watcher.returncode, self.log("watcher"))
        self.assertIn("Totals: 5 passed, 0 failed", self.log("watcher"))  # 3 tests + init/cleanup
        with sqlite3.connect(self.db) as db:  # the acker's acknowledgement, with its user, in the store
            payloads = [json.loads(p) for (p,) in db.execute("SELECT payload FROM events WHERE kind='alarm_ack'")]
        self.assertEqual([{"rule": "potline-1-bath-hot", "comment": "crew sent", "user": "olga"}], payloads)


class DeskRolesTest(WindowHarness):
    def test_a_viewers_desk_may_not_acknowledge_an_operators_may(self):
        shot = os.environ.get("PARKTWIN_TEST_SCREENSHOT")  # where to save the viewer's alarm panel, if anywhere
        if shot:
            with open(os.path.join(self.sync, "screenshot-path"), "w") as f:
                f.write(shot)
        for role, user in (("viewer", "vera"), ("operator", "olga")):
            self.assertEqual(0, self.run_window(role, user, TST_ROLES, 120), self.log(role))
            self.assertIn("Totals: 3 passed, 0 failed", self.log(role))  # 1 test + init/cleanup
        with sqlite3.connect(self.db) as db:  # only the operator's acknowledgement reached the store
            payloads = [json.loads(p) for (p,) in db.execute("SELECT payload FROM events WHERE kind='alarm_ack'")]
        self.assertEqual([{"rule": "potline-1-bath-hot", "comment": "crew sent", "user": "olga"}], payloads)


def object_ids(park_file):
    """Every object id of a park file (its buildings, lines, machine groups, utilities...)."""
    with open(os.path.join(PARKS, park_file)) as f:
        park = json.load(f)
    ids = set()

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("id"), str):
                ids.add(node["id"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    for key in ("buildings", "lines", "utilities", "enterprises", "externals"):
        walk(park.get(key, []))
    return ids


class ServedParkSelectTest(WindowHarness):
    def setUp(self):
        super().setUp(park="jiulong")

    def test_select_waits_for_the_servers_park(self):
        served, window = object_ids("jiulong.json"), object_ids("beidu.json")
        with open(os.path.join(PARKS, "jiulong.json")) as f:
            served_name = json.load(f)["name"]["en"]
        ids = {"servedOnly": "bosch-plant", "windowOnly": "casthouse", "servedName": served_name}
        self.assertIn(ids["servedOnly"], served - window)
        self.assertIn(ids["windowOnly"], window - served)
        with open(os.path.join(self.sync, "select-ids"), "w") as f:
            json.dump(ids, f)
        self.assertEqual(0, self.run_window("select", "olga", TST_SELECT, 150), self.log("select"))
        self.assertIn("Totals: 4 passed, 0 failed", self.log("select"))  # 2 tests + init/cleanup


def self_signed(folder, name):
    """A certificate for 127.0.0.1 signed by its own key (openssl), and that key."""
    cert, key = os.path.join(folder, name + ".crt"), os.path.join(folder, name + ".key")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True, timeout=60)
    return cert, key


class WindowOverTlsTest(WindowHarness):
    def setUp(self):
        def tls(folder):
            self.cert, key = self_signed(folder, "server")
            self.other_ca, _ = self_signed(folder, "other")
            return {"cert_file": self.cert, "key_file": key}
        super().setUp(tls)

    def test_window_trusts_the_server_only_with_its_ca_file(self):
        window, window_log = self.window("tls", "olga", scheme="https", tst=TST_TLS,
                                         PARKTWIN_TEST_CA=self.cert, PARKTWIN_TEST_WRONG_CA=self.other_ca)
        try:
            self.assertTrue(wait_for_file(os.path.join(self.sync, "ready-tls"), [window], 150),
                            "the window did not connect over TLS:\n" + self.log("tls"))
            self.publish()
            window.wait(timeout=120)
        finally:
            if window.poll() is None:
                window.kill()
                window.wait()
            window_log.close()
        self.assertEqual(0, window.returncode, self.log("tls"))
        self.assertIn("Totals: 10 passed, 0 failed", self.log("tls"))  # 8 tests + init/cleanup


if __name__ == "__main__":
    if not shutil.which("mosquitto") or not shutil.which("Xvfb"):
        print("mosquitto or Xvfb missing")
        sys.exit(1)
    unittest.main(argv=[sys.argv[0], *sys.argv[5:6]], verbosity=2)
