#!/usr/bin/python3
"""scripts/soak's verdict (scripts/soak_summary.py) on hand-made samples.

One hour sampled every minute, 10,000 messages/s received by the broker, every marker stored in
250 ms. The slopes are known by construction: a series rising by exactly 2,048 kB every 10
minutes has a least-squares slope of 2.000 MB per 10 minutes.
"""
import csv
import os
import subprocess
import sys
import tempfile
import unittest

SUMMARY = os.path.join(os.path.dirname(__file__), "..", "..", "..", "scripts", "soak_summary.py")
COLUMNS = ("t_s,rss_window_kb,rss_ingest_kb,rss_sim_kb,rss_broker_kb,fd_window,fd_ingest,fd_sim,fd_broker,"
           "cpu_window_s,cpu_ingest_s,cpu_sim_s,cpu_broker_s,db_bytes,wal_bytes,broker_received,broker_sent,"
           "ingest_received,ingest_accepted,latency_ms,latency_poll_ms,load1,anon_window_kb,anon_ingest_kb").split(",")


def rows(window_anon_kb_per_min=0.0, ingest_fds=lambda i: 13, window_rss_kb=270_000, latency_ms=250):
    out = []
    for i in range(61):
        t = 60 * i
        received = 10_000 * t
        out.append({
            "t_s": t, "rss_window_kb": window_rss_kb, "rss_ingest_kb": 21_000 + 100 * i,  # file pages only
            "rss_sim_kb": 19_000, "rss_broker_kb": 9_000, "fd_window": 15, "fd_ingest": ingest_fds(i), "fd_sim": 8,
            "fd_broker": 10, "cpu_window_s": i, "cpu_ingest_s": i, "cpu_sim_s": i, "cpu_broker_s": i,
            "db_bytes": 1_000_000 + received, "wal_bytes": 4_000_000,  # 1 byte per sample
            "broker_received": received, "broker_sent": received, "ingest_received": received,
            "ingest_accepted": received, "latency_ms": latency_ms, "latency_poll_ms": 50, "load1": 3.0,
            "anon_window_kb": 125_000 + window_anon_kb_per_min * i, "anon_ingest_kb": 5_500,
        })
    return out


def verdict(samples, published=36_000_000, markers=61, stored=36_000_061):
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, "samples.csv")
        with open(path, "w", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(samples)
        run = subprocess.run([sys.executable, SUMMARY, path, "3600", str(published), str(markers), str(stored),
                              "10000"], capture_output=True, text=True)
        return run.returncode, run.stdout


class SoakSummaryTest(unittest.TestCase):
    def test_flat_run_passes(self):
        code, text = verdict(rows())
        self.assertEqual(code, 0, text)
        self.assertIn("window RssAnon slope +0.000 MB/10 min", text)
        # VmRSS of ingest rises by 100 kB a minute (mapped file pages): reported, not judged.
        self.assertIn("VmRSS +0.977", text)
        self.assertIn("broker received 10000 messages/s", text)
        self.assertTrue(text.rstrip().endswith("PASS"), text)

    def test_anonymous_growth_of_2_mb_per_10_min_fails(self):
        code, text = verdict(rows(window_anon_kb_per_min=2048 / 10))
        self.assertEqual(code, 1, text)
        self.assertIn("FAIL window RssAnon slope +2.000 MB/10 min", text)

    def test_a_leaking_file_descriptor_fails(self):
        code, text = verdict(rows(ingest_fds=lambda i: 13 + i // 10))
        self.assertEqual(code, 1, text)
        self.assertIn("FAIL ingest open fds 14..19", text)

    def test_window_over_400_mb_fails(self):
        code, text = verdict(rows(window_rss_kb=410 * 1024))
        self.assertEqual(code, 1, text)
        self.assertIn("FAIL window RSS max 410.0 MB", text)

    def test_a_lost_sample_fails(self):
        code, text = verdict(rows(), stored=36_000_060)
        self.assertEqual(code, 1, text)
        self.assertIn("FAIL stored 36000060 = published 36000000 + markers 61", text)

    def test_a_lost_marker_fails(self):
        samples = rows()
        samples[30]["latency_ms"] = -1
        code, text = verdict(samples)
        self.assertEqual(code, 1, text)
        self.assertIn("FAIL every marker stored", text)


if __name__ == "__main__":
    unittest.main()
