"""A real parktwin-server (and a real mosquitto) for tests and the benchmark: each started on
a free loopback port in a temp folder and stopped afterwards. Python standard library only,
including a small WebSocket client (RFC 6455), so the peer is not our own code."""
import base64
import hashlib
import http.client
import json
import os
import select
import shutil
import socket
import struct
import subprocess
import time


def records(body, key):
    """Rows of a columnar response ({"columns": [...], key: [[...], ...]}) as dicts."""
    return [dict(zip(body["columns"], row)) for row in body[key]]


def latest_at(rows, t):
    """The oracle of state at T: per tag, the newest (ts, value) of `rows` at or before t."""
    latest = {}
    for ts, tag, v in rows:
        if ts <= t and (tag not in latest or latest[tag][0] <= ts):
            latest[tag] = (ts, v)
    return latest


def assert_state_equals(test, expected, body, t):
    """A state answer holds exactly the expected tags with their (ts, value), at time t."""
    got = {v["tag"]: (v["ts"], v["v"]) for v in records(body, "values")}
    test.assertEqual(set(expected), set(got), t)
    for tag, (ts, v) in expected.items():
        test.assertEqual(ts, got[tag][0], (t, tag))
        test.assertAlmostEqual(v, got[tag][1], places=9, msg=(t, tag))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, deadline_s=10.0):
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.02)  # poll interval while the process starts, not synchronisation
    return False


class Mosquitto:
    def __init__(self, folder):
        self.port = free_port()
        conf = os.path.join(folder, "mosquitto.conf")
        with open(conf, "w") as f:
            f.write(f"listener {self.port} 127.0.0.1\nallow_anonymous true\npersistence false\n")
        self.proc = subprocess.Popen(["mosquitto", "-c", conf], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not wait_for_port(self.port):
            self.stop()
            raise RuntimeError("mosquitto did not start")

    def publish(self, topic, payload):
        subprocess.run(["mosquitto_pub", "-h", "127.0.0.1", "-p", str(self.port), "-q", "1", "-t", topic, "-m", payload],
                       check=True, timeout=10)

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)


def clickhouse_installed():
    return bool(shutil.which("clickhouse-server") or os.path.exists("/usr/sbin/clickhouse-server"))


class Cluster:
    """scripts/cluster up in the test's folder: a local two-shard ClickHouse cluster on free
    loopback ports; `uri` is its store URI, `tcp_port` the native port of shard 1 (for
    clickhouse-client). stop() takes it down."""

    def __init__(self, source, folder):
        self.env = dict(os.environ, PARKTWIN_CLUSTER_DIR=os.path.join(folder, "cluster"))
        self.script = os.path.join(source, "scripts/cluster")
        up = subprocess.run([self.script, "up"], env=self.env, capture_output=True, text=True, timeout=180)
        if up.returncode != 0:
            self.stop()
            raise RuntimeError("cluster did not start: " + up.stderr)
        self.uri = up.stdout.strip().splitlines()[-1]
        with open(os.path.join(self.env["PARKTWIN_CLUSTER_DIR"], "shard1", "tcp_port")) as f:
            self.tcp_port = f.read().strip()

    def stop(self):
        subprocess.run([self.script, "down"], env=self.env, capture_output=True, timeout=120)


class Server:
    """parktwin-server on 127.0.0.1:0; the port is read from its first line of output."""

    def __init__(self, binary, args, deadline_s=30.0, listen="127.0.0.1:0", tls_context=None):
        self.tls_context = tls_context
        self.proc = subprocess.Popen([binary, "--listen", listen, *args], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        end = time.monotonic() + deadline_s
        line = ""
        while time.monotonic() < end and "serving" not in line:
            ready, _, _ = select.select([self.proc.stdout], [], [], max(0.0, end - time.monotonic()))
            if not ready:
                break
            line = self.proc.stdout.readline()
            if not line:
                break
        if "serving" not in line:
            self.proc.kill()
            raise RuntimeError("parktwin-server did not start: " + self.proc.stderr.read())
        self.port = int(line.strip().rsplit(":", 1)[1])

    def request(self, method, path, token=None, body=None, headers=None, raw=False):
        conn = (http.client.HTTPSConnection("127.0.0.1", self.port, timeout=30, context=self.tls_context)
                if self.tls_context else http.client.HTTPConnection("127.0.0.1", self.port, timeout=30))
        h = dict(headers or {})
        if token is not None:
            h["Authorization"] = "Bearer " + token
        if isinstance(body, (dict, list)):
            body = json.dumps(body)
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        data = r.read()
        conn.close()
        if raw:  # a model file's bytes
            return r.status, data
        return r.status, (json.loads(data) if data else None)

    def stop(self):
        """SIGTERM; returns (exit code, stderr)."""
        self.proc.terminate()
        try:
            _, err = self.proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
        return self.proc.returncode, err


class WebSocket:
    """Minimal RFC 6455 client: handshake, text frames in, close out."""

    GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    def __init__(self, port, path, tls_context=None, headers=None):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        if tls_context:
            self.sock = tls_context.wrap_socket(self.sock, server_hostname="127.0.0.1")
        key = base64.b64encode(os.urandom(16)).decode()
        extra = "".join(f"{name}: {value}\r\n" for name, value in (headers or {}).items())
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n{extra}\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("closed during handshake: " + head.decode(errors="replace"))
            head += chunk
        head, self.buffer = head.split(b"\r\n\r\n", 1)
        lines = head.decode().split("\r\n")
        self.status = int(lines[0].split()[1])
        self.headers = {l.split(":", 1)[0].lower(): l.split(":", 1)[1].strip() for l in lines[1:] if ":" in l}
        if self.status != 101:  # a refusal: its JSON body, as the Content-Length says
            self.refusal = json.loads(self._read(int(self.headers.get("content-length", "0")), time.monotonic() + 10))
        if self.status == 101:
            expected = base64.b64encode(hashlib.sha1((key + self.GUID).encode()).digest()).decode()
            if self.headers.get("sec-websocket-accept") != expected:
                raise ConnectionError("bad Sec-WebSocket-Accept")

    def _read(self, n, deadline):
        while len(self.buffer) < n:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("no WebSocket message in time")
            self.sock.settimeout(remaining)
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("WebSocket closed")
            self.buffer += chunk
        out, self.buffer = self.buffer[:n], self.buffer[n:]
        return out

    def receive(self, timeout_s=10.0):
        """The next text message as JSON."""
        deadline = time.monotonic() + timeout_s
        message = b""
        while True:
            b0, b1 = self._read(2, deadline)
            fin, opcode, length = b0 & 0x80, b0 & 0x0F, b1 & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._read(2, deadline))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._read(8, deadline))[0]
            payload = self._read(length, deadline)
            if opcode == 0x8:
                raise ConnectionError("WebSocket closed by the server")
            if opcode in (0x0, 0x1):  # a text frame or its continuation (a fragmented message)
                message += payload
                if fin:
                    return json.loads(message)

    def receive_until(self, predicate, timeout_s=10.0):
        deadline = time.monotonic() + timeout_s
        while True:
            message = self.receive(max(0.01, deadline - time.monotonic()))
            if predicate(message):
                return message

    def close(self):
        try:
            mask = os.urandom(4)
            self.sock.sendall(bytes([0x88, 0x80]) + mask)
        except OSError:
            pass
        self.sock.close()
