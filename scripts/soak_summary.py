#!/usr/bin/python3
"""The verdict of scripts/soak from its samples.csv (the bounds are listed in scripts/soak).

Usage: soak_summary.py SAMPLES_CSV TOTAL_S PUBLISHED MARKERS STORED RATE
Prints the figures and one line per bound; exit status 0 only when every bound judged holds
(a bound needing more samples than a short run has is printed as not judged, and does not fail).
"""
import csv
import sys

RSS_LIMIT_MB = 400.0
SLOPE_LIMIT_MB_PER_10MIN = 1.0
FD_SPREAD_LIMIT = 2
LATENCY_LIMIT_MS = 5000
BYTES_PER_SAMPLE_RATIO_LIMIT = 1.5
RATE_RATIO_LIMIT = 0.9
# Samples after the warm-up that a slope or the file's growth needs to be judged (5 minutes at the
# default one-minute interval). From fewer, a slope scaled to 10 minutes is the noise of a step or
# two: a 3-minute run's 2 samples, a minute apart, failed the window at +1.390 MB/10 min.
MIN_JUDGED_SAMPLES = 6


def slope_per_10min(ts, ys):
    """Least-squares slope of ys (kB) against ts (s), in MB per 10 minutes."""
    n = len(ts)
    if n < 2:
        return 0.0
    mt, my = sum(ts) / n, sum(ys) / n
    var = sum((t - mt) ** 2 for t in ts)
    if var == 0:
        return 0.0
    cov = sum((t - mt) * (y - my) for t, y in zip(ts, ys))
    return cov / var * 600 / 1024


def main():
    path, total_s, published, markers, stored, rate = sys.argv[1], *map(int, sys.argv[2:7])
    with open(path) as f:
        rows = [{k: float(v) if v not in ("", None) else -1.0 for k, v in r.items()} for r in csv.DictReader(f)]
    if len(rows) < 3:
        print(f"FAIL: only {len(rows)} samples")
        return 1
    warmup_s = min(600, total_s / 3)
    steady = [r for r in rows if r["t_s"] >= warmup_s] or rows[-2:]
    fit_from = max(warmup_s, rows[-1]["t_s"] - 2400)
    fitted = [r for r in steady if r["t_s"] >= fit_from]
    checks = []
    not_judged = []

    def check(ok, text):
        checks.append(ok)
        print(("ok   " if ok else "FAIL ") + text)

    def skip(text, n):
        not_judged.append(text)
        print(f"--   {text}: not judged ({n} samples; needs {MIN_JUDGED_SAMPLES})")

    has_window = rows[0]["rss_window_kb"] > 0
    load = sorted(r["load1"] for r in rows)
    print(f"host load (1-min average) min {load[0]:.1f}, median {load[len(load) // 2]:.1f}, max {load[-1]:.1f}")
    # The last sample is taken at the start of the run's last interval, not at its end.
    every = (rows[-1]["t_s"] - rows[0]["t_s"]) / (len(rows) - 1)
    print(f"{len(rows)} samples, every {every / 60:.1f} min from {rows[0]['t_s'] / 60:.1f} to {rows[-1]['t_s'] / 60:.1f} min "
          f"of the {total_s / 60:.1f}-min run; warm-up {warmup_s / 60:.1f} min; "
          f"slopes fitted from {fit_from / 60:.1f} min on ({len(fitted)} samples)")
    procs = ["window", "ingest", "sim", "broker"] if has_window else ["ingest", "sim", "broker"]
    for p in procs:
        rss = [r[f"rss_{p}_kb"] / 1024 for r in rows]
        fd = [int(r[f"fd_{p}"]) for r in steady]
        s = slope_per_10min([r["t_s"] for r in fitted], [r[f"rss_{p}_kb"] for r in fitted])
        cpu = rows[-1][f"cpu_{p}_s"]
        slope = f"slope {s:+.3f} MB/10 min" if len(fitted) >= MIN_JUDGED_SAMPLES else "no slope (too few samples)"
        print(f"  {p:7s} RSS first {rss[0]:.1f} MB, after warm-up {steady[0][f'rss_{p}_kb'] / 1024:.1f} MB, "
              f"last {rss[-1]:.1f} MB, max {max(rss):.1f} MB; {slope}; "
              f"fds {min(fd)}..{max(fd)}; CPU {cpu:.0f} s")
    for p in (["window"] if has_window else []):
        peak = max(r["rss_window_kb"] for r in rows) / 1024
        check(peak < RSS_LIMIT_MB, f"window RSS max {peak:.1f} MB < {RSS_LIMIT_MB:.0f} MB")
    # The slope bound is on RssAnon when it was sampled: VmRSS also counts resident pages of mapped
    # files (SQLite maps the historian file, which grows by design), pages the kernel may drop.
    has_anon = "anon_ingest_kb" in rows[0]
    for p in (["window", "ingest"] if has_window else ["ingest"]):
        ts = [r["t_s"] for r in fitted]
        s = slope_per_10min(ts, [r[f"rss_{p}_kb"] for r in fitted])
        if len(fitted) < MIN_JUDGED_SAMPLES:
            skip(f"{p} {'RssAnon' if has_anon else 'RSS'} slope", len(fitted))
        elif has_anon:
            a = slope_per_10min(ts, [r[f"anon_{p}_kb"] for r in fitted])
            check(a < SLOPE_LIMIT_MB_PER_10MIN, f"{p} RssAnon slope {a:+.3f} MB/10 min < +{SLOPE_LIMIT_MB_PER_10MIN} "
                  f"(VmRSS {s:+.3f}; RssAnon {fitted[0][f'anon_{p}_kb'] / 1024:.1f} -> {fitted[-1][f'anon_{p}_kb'] / 1024:.1f} MB)")
        else:
            check(s < SLOPE_LIMIT_MB_PER_10MIN, f"{p} RSS slope {s:+.3f} MB/10 min < +{SLOPE_LIMIT_MB_PER_10MIN}")
        fd = [int(r[f"fd_{p}"]) for r in steady]
        check(max(fd) - min(fd) <= FD_SPREAD_LIMIT, f"{p} open fds {min(fd)}..{max(fd)}, spread <= {FD_SPREAD_LIMIT}")

    # File growth against samples accepted by ingest (its counter, read at each sample).
    size = [(r["db_bytes"] + r["wal_bytes"], r["ingest_accepted"]) for r in steady if r["ingest_accepted"] >= 0]
    if len(size) >= MIN_JUDGED_SAMPLES:
        mid = len(size) // 2
        first = (size[mid][0] - size[0][0]) / max(1.0, size[mid][1] - size[0][1])
        second = (size[-1][0] - size[mid][0]) / max(1.0, size[-1][1] - size[mid][1])
        print(f"  file {rows[0]['db_bytes'] / 1e6:.1f} -> {rows[-1]['db_bytes'] / 1e6:.1f} MB (+ wal "
              f"{rows[-1]['wal_bytes'] / 1e6:.1f} MB); bytes per accepted sample: first half {first:.2f}, "
              f"second half {second:.2f}")
        check(second <= BYTES_PER_SAMPLE_RATIO_LIMIT * max(first, 0.01),
              f"file growth linear with samples: {second:.2f} <= {BYTES_PER_SAMPLE_RATIO_LIMIT} x {first:.2f} B/sample")
    else:
        skip("file growth linear with samples", len(size))
    lat = [r["latency_ms"] for r in rows]
    good = sorted(x for x in lat if x >= 0)
    if good:
        print(f"  marker latency publish -> readable in the file: min {good[0]:.0f}, median {good[len(good) // 2]:.0f}, "
              f"max {good[-1]:.0f} ms (poll resolution up to {max(r['latency_poll_ms'] for r in rows):.0f} ms)")
    check(min(lat) >= 0 and max(lat) < LATENCY_LIMIT_MS,
          f"every marker stored, latency max {max(lat):.0f} ms < {LATENCY_LIMIT_MS} ms")
    span = rows[-1]["t_s"] - rows[0]["t_s"]
    received = (rows[-1]["broker_received"] - rows[0]["broker_received"]) / max(span, 1.0)
    check(received >= RATE_RATIO_LIMIT * rate,
          f"broker received {received:.0f} messages/s between the first and the last sample, "
          f">= {RATE_RATIO_LIMIT:.0%} of {rate}")
    check(stored == published + markers,
          f"stored {stored} = published {published} + markers {markers} (nothing lost or doubled)")
    verdict = "PASS" if all(checks) else "FAIL"
    if not_judged:
        verdict += f" ({len(not_judged)} bounds not judged: too few samples after the warm-up; a longer run judges them)"
    print(verdict)
    return 0 if all(checks) else 1


if __name__ == "__main__":
    sys.exit(main())
