#!/usr/bin/env python3
"""InfluxDB 1.x baseline for the historian benchmark (optional; needs the Debian `influxdb`
package). Starts a private influxd on a loopback port with a temp dir, feeds it the same data
model as historian_bench (10k tags at 1 Hz, 70 % quantised random walks, 30 % rare-changing
states; same shape, not bit-identical values) as line protocol in batches, and reports ingest
samples/s, bytes on disk per sample and last-value-per-tag (stateAt) latency.
With --lines FILE it sends FILE's line protocol instead (store_bench --influx-lines writes the
very samples it gives the SQLite historian and the cluster; scripts/bench-store), in batches of
--batch lines; --tags and --seconds then say what FILE holds.
Usage: influx_baseline.py [--tags N] [--seconds S] [--batch B] [--queries Q] [--lines FILE]"""
import argparse, http.client, os, random, shutil, socket, subprocess, sys, tempfile, time, urllib.parse

T0_MS = 1_777_593_600_000

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def dir_bytes(path):
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            # allocated size: influxd preallocates sparse series-index segments
            total += os.stat(os.path.join(root, f)).st_blocks * 512
    return total

def generated_batches(a, rng):
    """historian_bench's data model, as line protocol bodies of a.batch lines."""
    walk = [20.0 + (t % 97) if t % 10 < 7 else float(t % 3) for t in range(a.tags)]
    batches, lines = [], []
    for k in range(a.seconds):
        for t in range(a.tags):
            if t % 10 < 7:
                walk[t] += rng.gauss(0.0, 0.05)
                v = round(walk[t] * 100) / 100
            elif rng.random() < 0.001:
                walk[t] = v = float(rng.randrange(4))
            else:
                v = walk[t]
            lines.append(f"m,id=tag{t} v={v!r} {T0_MS + k * 1000 + t % 1000}")
            if len(lines) == a.batch:
                batches.append("\n".join(lines).encode())
                lines = []
    if lines:
        batches.append("\n".join(lines).encode())
    return batches, a.tags * a.seconds


def batches_of_file(path, batch):
    """FILE's lines as bodies of `batch` lines; the count of lines and the first timestamp."""
    with open(path, "rb") as f:
        lines = f.read().splitlines()
    if not lines:
        raise SystemExit(f"influx baseline: {path}: no lines")
    batches = [b"\n".join(lines[i:i + batch]) for i in range(0, len(lines), batch)]
    return batches, len(lines), int(lines[0].rsplit(b" ", 1)[1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tags", type=int, default=10000)
    ap.add_argument("--seconds", type=int, default=300)
    ap.add_argument("--batch", type=int, default=100000)
    ap.add_argument("--queries", type=int, default=10)
    ap.add_argument("--lines", help="line protocol to send instead of generated data (time-ordered, ms timestamps)")
    a = ap.parse_args()
    if shutil.which("influxd") is None:
        print("influx baseline: influxd not installed (apt-get install influxdb); skipped")
        return 0
    tmp = tempfile.mkdtemp(prefix="parktwin-influx-")
    http_port, rpc_port = free_port(), free_port()
    conf = os.path.join(tmp, "influxdb.conf")
    with open(conf, "w") as f:
        f.write(f"""reporting-disabled = true
bind-address = "127.0.0.1:{rpc_port}"
[meta]
  dir = "{tmp}/meta"
[data]
  dir = "{tmp}/data"
  wal-dir = "{tmp}/wal"
  wal-fsync-delay = "0s"
  query-log-enabled = false
  cache-snapshot-write-cold-duration = "1s"
  compact-full-write-cold-duration = "2s"
[http]
  bind-address = "127.0.0.1:{http_port}"
  log-enabled = false
  max-body-size = 0
[monitor]
  store-enabled = false
[continuous_queries]
  enabled = false
[coordinator]
  # A batch of 100,000 lines takes longer than the default 10 s on a host at load 20.
  write-timeout = "120s"
""")
    log = open(os.path.join(tmp, "influxd.log"), "w")
    proc = subprocess.Popen(["influxd", "-config", conf], stdout=log, stderr=subprocess.STDOUT)
    try:
        conn = None
        for _ in range(200):  # readiness: /ping answers 204 once influxd listens
            try:
                conn = http.client.HTTPConnection("127.0.0.1", http_port, timeout=300)
                conn.request("GET", "/ping")
                r = conn.getresponse()
                r.read()
                if r.status == 204:
                    break
            except OSError:
                conn = None
            if proc.poll() is not None:
                print("influx baseline: influxd exited, see", log.name)
                return 1
            time.sleep(0.05)
        def query(q):
            conn.request("POST", "/query?" + urllib.parse.urlencode({"q": q, "db": "bench"}))
            r = conn.getresponse()
            body = r.read()
            if r.status != 200:
                raise RuntimeError(body)
            return body
        query("CREATE DATABASE bench")

        rng = random.Random(42)
        t0_ms = T0_MS
        if a.lines:
            batches, total, t0_ms = batches_of_file(a.lines, a.batch)
        else:
            batches, total = generated_batches(a, rng)

        start = time.perf_counter()
        for body in batches:
            conn.request("POST", "/write?db=bench&precision=ms", body=body)
            r = conn.getresponse()
            answer = r.read()
            if r.status != 204:
                raise RuntimeError(f"write failed: {r.status} {answer[:300]!r}")
        seconds = time.perf_counter() - start
        on_disk = dir_bytes(os.path.join(tmp, "data")) + dir_bytes(os.path.join(tmp, "wal"))
        # Let influxd turn its WAL into compressed TSM files (cold-write durations set low above),
        # then measure again: that is the fair steady-state size.
        deadline, previous = time.monotonic() + 90, -1
        while time.monotonic() < deadline:
            time.sleep(1.0)
            current = dir_bytes(os.path.join(tmp, "data")) + dir_bytes(os.path.join(tmp, "wal"))
            if current == previous and dir_bytes(os.path.join(tmp, "wal")) < 1_000_000:
                break
            previous = current
        compacted = dir_bytes(os.path.join(tmp, "data")) + dir_bytes(os.path.join(tmp, "wal"))

        lat = []
        for q in range(a.queries):
            t = t0_ms + 1000 + rng.randrange(a.seconds * 1000 - 1000)
            s = time.perf_counter()
            query(f"SELECT last(v) FROM m WHERE time <= {t}ms GROUP BY id")
            lat.append((time.perf_counter() - s) * 1000)
        lat.sort()
        print(f"\nINFLUXDB 1.6 baseline  {a.tags} tags x {a.seconds} s = {total} samples, batch {a.batch} lines/POST,"
              f" wal-fsync-delay 0s, loopback HTTP")
        print(f"  ingest {total / seconds:14.0f} samples/s   {on_disk / total:8.2f} bytes/sample on disk right after"
              f" ingest (data+wal), {compacted / total:.2f} after TSM snapshot/compaction")
        print(f"  stateAt (last(v) GROUP BY id) p50 {lat[len(lat) // 2]:8.2f} ms  max {lat[-1]:8.2f} ms ({len(lat)} queries)")
        return 0
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(tmp, ignore_errors=True)

if __name__ == "__main__":
    sys.exit(main())
