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

Usage: run_server_bench.py BUILD_DIR [--seconds 5] [--clients 1,4,16] [--rate 10000] [--batch-ms 50]
                           [--baseline-server PATH]"""
import argparse
import hashlib
import json
import os
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


def http_reads(args, server, path, clients):
    out = subprocess.run([os.path.join(args.build, "bench/server/http_load"), str(server.port), path, TOKEN, str(clients),
                          str(args.seconds)], capture_output=True, text=True, check=True).stdout
    return rate(out)


def api_reads(args, server, db, t_at, t0, t1, baseline_server=None):
    rows = []
    series_path = f"/api/v1/parks/{PARK}/series?tag=potline-1.current&from={t0}&to={t1}&points=1000"
    for clients in args.clients:
        for name, path, baseline in [
            ("state", f"/api/v1/parks/{PARK}/state?at={t_at}", ["state", str(t_at)]),
            ("series 1000 points", series_path, ["series", "potline-1.current", str(t0), str(t1), "1000"]),
        ]:
            api, api_fail = http_reads(args, server, path, clients)
            out = subprocess.run([os.path.join(args.build, "bench/server/history_reads"), db, *baseline, str(clients), str(args.seconds)],
                                 capture_output=True, text=True, check=True).stdout
            direct, _ = rate(out)
            rows.append((name, clients, api, api_fail, direct))
            print(f"{name:20s} clients {clients:3d}: API {api:9.0f} reads/s ({api_fail} failed)   "
                  f"historian in-process {direct:9.0f} reads/s   ratio {api / direct:5.2f}", flush=True)
            if baseline_server:
                base, base_fail = http_reads(args, baseline_server, path, clients)
                print(f"{'':20s}             baseline server {base:9.0f} reads/s ({base_fail} failed)   "
                      f"ratio ours/baseline {api / base:5.2f}", flush=True)
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
            live_latency(args, server, broker)
        finally:
            server.stop()
            if baseline:
                baseline.stop()
            broker.stop()


if __name__ == "__main__":
    main()
