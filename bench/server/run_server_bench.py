#!/usr/bin/python3
"""parktwin-server benchmark, ratios measured in one run (docs/server.md, bench/server).

1. API reads/s: GET .../state and GET .../series from CLIENTS keep-alive connections
   (http_load, plain sockets) against the same reads straight on the historian in-process
   through the server's HistoryAdapter (history_reads), with the same number of threads.
   That baseline is what the data costs without HTTP; the ratio is what the server keeps of it.
   (A static-file server such as `python3 -m http.server` would be a weaker baseline: it
   is single-threaded Python, slower than the historian, and measures nothing of ours.)
2. Broker -> WebSocket latency: RATE values/s published to a real mosquitto (paho-mqtt,
   QoS 0, each payload stamped with its send time), received by a WebSocket client; p50/p99
   of receive time - send time.

3. With --baseline-server PATH (another parktwin-server binary, e.g. main's build): the same API
   reads against it, on the same historian, in the same run, interleaved with ours.

4. Each read twice: one question asked again and again (the answer cache serves it, as it serves
   many screens on one moment) and a new question at every read (state at T + n, a series from
   FROM + n: every read reaches the store and the encoder).

Usage: run_server_bench.py BUILD_DIR [--seconds 5] [--clients 1,4,16] [--rate 10000] [--batch-ms 50]
                           [--baseline-server PATH] [--only state,series,new] [--no-live]"""
import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../tests/server"))
from server_harness import Mosquitto, Server, WebSocket  # noqa: E402

TOKEN = "bench-token"
PARK = "beidu"


def rate(output):
    fields = output.split()
    requests, failures, seconds = int(fields[1]), int(fields[3]), float(fields[5])
    return requests / seconds, failures


def cpu_seconds(pid):
    """User + system CPU time of a process so far (/proc/PID/stat fields 14 and 15)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def http_reads(args, server, path, clients, first):
    """Reads/s and failures, and the server's CPU microseconds per read: on a host shared with
    other builds the rate depends on the share of the cores the server gets, its CPU per read
    does not (much)."""
    cpu_before = cpu_seconds(server.proc.pid)
    out = subprocess.run([os.path.join(args.build, "bench/server/http_load"), str(server.port), path, TOKEN, str(clients),
                          str(args.seconds), str(first)], capture_output=True, text=True, check=True).stdout
    cpu = cpu_seconds(server.proc.pid) - cpu_before
    per_second, failures = rate(out)
    return per_second, failures, cpu * 1e6 / max(1, int(out.split()[1]))


def read_kinds(t_at, t0, t1):
    """(name, API path, history_reads arguments, first n, new each read). A path with "{n}" asks
    something new at every read (http_load numbers them from first n): no kept answer serves it."""
    series = f"/api/v1/parks/{PARK}/series?tag=potline-1.current&from={{n}}&to={t1}&points=1000"
    return [
        ("state", f"/api/v1/parks/{PARK}/state?at={t_at}", ["state", str(t_at)], 0, False),
        ("state, new T each", f"/api/v1/parks/{PARK}/state?at={{n}}", ["state", str(t_at)], t_at, True),
        ("series 1000 points", series.replace("{n}", str(t0)), ["series", "potline-1.current", str(t0), str(t1), "1000"], 0, False),
        ("series, new range each", series, ["series", "potline-1.current", str(t0), str(t1), "1000"], t0, True),
    ]


def api_reads(args, server, db, t_at, t0, t1, baseline_server=None):
    rows = []
    kinds = [k for k in read_kinds(t_at, t0, t1) if not args.only or any(o in k[0] for o in args.only.split(","))]
    for clients in args.clients:
        for name, path, baseline, first, new_each in kinds:
            api, api_fail, api_cpu = http_reads(args, server, path, clients, first)
            children = resource.getrusage(resource.RUSAGE_CHILDREN)
            out = subprocess.run([os.path.join(args.build, "bench/server/history_reads"), db, *baseline, str(clients), str(args.seconds),
                                  *(["new"] if new_each else [])],
                                 capture_output=True, text=True, check=True).stdout
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            direct, _ = rate(out)
            direct_cpu = (after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime) * 1e6 / max(1, int(out.split()[1]))
            rows.append((name, clients, api, api_fail, direct))
            print(f"{name:24s} clients {clients:3d}: API {api:9.0f} reads/s ({api_fail} failed, server CPU {api_cpu:6.0f} us/read)   "
                  f"historian in-process {direct:9.0f} reads/s (CPU {direct_cpu:6.0f} us/read)   ratio {api / direct:5.2f}", flush=True)
            if baseline_server:
                base, base_fail, base_cpu = http_reads(args, baseline_server, path, clients, first)
                print(f"{'':24s}             baseline server {base:9.0f} reads/s ({base_fail} failed, server CPU {base_cpu:6.0f} us/read)   "
                      f"ratio ours/baseline {api / base:5.2f}, CPU per read {api_cpu / base_cpu:5.2f}", flush=True)
    return rows


def publish(port, rate, seconds, tags, sent_out):
    """The publisher, in its own process so that it never delays the receiving client."""
    import paho.mqtt.client as mqtt
    client = mqtt.Client()
    client.connect("127.0.0.1", port)
    client.loop_start()
    sent, start = 0, time.monotonic()
    while time.monotonic() - start < seconds:
        due = int((time.monotonic() - start) * rate)
        while sent < due:
            ts = int(time.time() * 1000)
            client.publish(f"parktwin/{PARK}/{tags[sent % len(tags)]}", f'{{"ts":{ts},"v":{sent}}}', qos=0)
            sent += 1
        time.sleep(0.001)  # pacing the publisher, not synchronisation
    client.loop_stop()
    sent_out.put(sent)


def live_latency(args, server, broker):
    import multiprocessing
    ws = WebSocket(server.port, f"/api/v1/parks/{PARK}/live?token={TOKEN}")
    ws.receive()  # hello
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../assets/parks/beidu.json")) as f:
        tags = [t["id"] for t in json.load(f)["tags"]][:100]
    # Baseline in the same run: the same messages straight from the broker to a plain MQTT
    # client (mosquitto_sub), stamped on arrival by this process as the WebSocket ones are.
    direct = []
    sub = subprocess.Popen(["mosquitto_sub", "-h", "127.0.0.1", "-p", str(broker.port), "-t", f"parktwin/{PARK}/#"],
                           stdout=subprocess.PIPE, text=True, bufsize=1)

    def read_direct():
        for line in sub.stdout:
            try:
                direct.append(time.time() * 1000 - json.loads(line)["ts"])
            except (ValueError, KeyError):
                pass

    import threading
    direct_reader = threading.Thread(target=read_direct)
    direct_reader.start()
    time.sleep(0.5)  # lets mosquitto_sub subscribe before the first message (a start-up delay, not a wait on a result)
    sent_out = multiprocessing.Queue()
    publisher = multiprocessing.Process(target=publish, args=(broker.port, args.rate, args.seconds, tags, sent_out))
    publisher.start()
    latencies = []
    end = time.monotonic() + args.seconds + 10
    sent = None
    while time.monotonic() < end:
        if sent is None and not publisher.is_alive():
            sent = sent_out.get()
        if sent is not None and len(latencies) >= sent:
            break
        try:
            m = ws.receive(timeout_s=0.5)
        except TimeoutError:
            continue
        now = time.time() * 1000
        if m["type"] == "values":
            latencies.extend(now - v[1] for v in m["values"])  # columns tag, ts, v
    publisher.join()
    if sent is None:
        sent = sent_out.get()
    ws.close()
    sub.terminate()
    direct_reader.join()
    latencies.sort()
    direct.sort()
    if not latencies:
        print("live: no values received")
        return
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
    q = lambda values, share: values[min(len(values) - 1, int(share * len(values)))] if values else float("nan")
    print(f"baseline: broker -> mosquitto_sub received {len(direct)}; latency p50 {q(direct, 0.5):.1f} ms, "
          f"p99 {q(direct, 0.99):.1f} ms")
    print(f"live: published {sent} values at {sent / args.seconds:.0f}/s, received {len(latencies)}; "
          f"broker -> WebSocket latency p50 {p(0.5):.1f} ms, p99 {p(0.99):.1f} ms, max {latencies[-1]:.1f} ms "
          f"(batches every {args.batch_ms} ms: a value waits up to that long for its batch)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--seconds", type=float, default=5)
    ap.add_argument("--clients", default="1,4,16")
    ap.add_argument("--rate", type=int, default=10_000)
    ap.add_argument("--batch-ms", type=int, default=50, help="the server's live_batch_ms")
    ap.add_argument("--baseline-server", help="another parktwin-server binary to measure the API reads against")
    ap.add_argument("--only", default="", help="comma-separated parts of the read names to run (state, series, new); "
                                                "default all")
    ap.add_argument("--no-live", action="store_true", help="skip the broker -> WebSocket latency")
    args = ap.parse_args()
    args.clients = [int(c) for c in args.clients.split(",")]
    args.bin = os.path.join(args.build, "bin")
    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, "park.db")
        t0 = 1_767_225_600_000
        subprocess.run([os.path.join(args.bin, "parktwin-cli"), "simulate", "--park", PARK, "--from", str(t0),
                        "--duration", "1d", "--db", db], check=True, capture_output=True)
        t1 = t0 + 86_400_000
        config = os.path.join(d, "server.json")
        with open(config, "w") as f:
            json.dump({"users": [{"name": "bench", "role": "viewer",
                                  "token_sha256": hashlib.sha256(TOKEN.encode()).hexdigest()}],
                       "live_batch_ms": args.batch_ms}, f)
        broker = Mosquitto(d)
        server = Server(os.path.join(args.bin, "parktwin-server"),
                        ["--park", PARK, "--db", db, "--config", config, "--mqtt", f"127.0.0.1:{broker.port}", "--qos", "0"])
        # The park by its file: another binary may live where no bundled parks are installed.
        park_file = os.path.join(os.path.dirname(os.path.abspath(__file__)), f"../../assets/parks/{PARK}.json")
        baseline = (Server(args.baseline_server, ["--park", park_file, "--db", db, "--config", config])
                    if args.baseline_server else None)
        try:
            print(f"machine: {os.cpu_count()} CPUs; historian: {PARK}, 1 simulated day; {args.seconds:g} s per figure; "
                  f"load {os.getloadavg()[0]:.1f}")
            api_reads(args, server, db, t0 + 43_200_000, t0, t1, baseline)
            if not args.no_live:
                live_latency(args, server, broker)
        finally:
            server.stop()
            if baseline:
                baseline.stop()
            broker.stop()


if __name__ == "__main__":
    main()
