#!/usr/bin/python3
"""scripts/soak's verdict (scripts/soak_summary.py) on hand-made samples.

One hour sampled every minute, 10,000 messages/s received by the broker, every marker stored in
250 ms. The slopes are known by construction: a series rising by exactly 2,048 kB every 10
minutes has a least-squares slope of 2.000 MB per 10 minutes.

Short runs: the script samples at the start of each minute (t = 0, 60, ... below the run's
length) and the warm-up is a third of the run, so a 3-minute run has samples at 0, 60 and 120 s
and 2 after its 60-s warm-up; a 9-minute run 6 after 180 s (enough to judge a slope, the least
is 6); an 8-minute run 5 after 160 s (not enough).
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


def rows(window_anon_kb_per_min=0.0, ingest_fds=lambda i: 13, window_rss_kb=270_000, latency_ms=250, samples=61):
    out = []
    for i in range(samples):
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


def verdict(samples, published=36_000_000, markers=61, stored=36_000_061, total_s=3600):
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, "samples.csv")
        with open(path, "w", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(samples)
        run = subprocess.run([sys.executable, SUMMARY, path, str(total_s), str(published), str(markers), str(stored),
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
        self.assertIn("61 samples, every 1.0 min from 0.0 to 60.0 min of the 60.0-min run", text)
        self.assertIn("ok   file growth linear with samples: 1.00 <= 1.5 x 1.00 B/sample", text)
        self.assertNotIn("not judged", text)
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

    # The 3-minute smoke run of docs/soak.md: 2 samples after the warm-up judge no slope and no
    # growth, however steep the line through them (2 MB per 10 minutes fails an hour's run above).
    def test_a_3_minute_run_does_not_judge_slopes_or_growth(self):
        code, text = verdict(rows(window_anon_kb_per_min=2048 / 10, samples=3),
                             published=1_800_000, markers=3, stored=1_800_003, total_s=180)
        self.assertEqual(code, 0, text)
        self.assertIn("3 samples, every 1.0 min from 0.0 to 2.0 min of the 3.0-min run; warm-up 1.0 min", text)
        self.assertIn("--   window RssAnon slope: not judged (2 samples; needs 6)", text)
        self.assertIn("--   ingest RssAnon slope: not judged (2 samples; needs 6)", text)
        self.assertIn("--   file growth linear with samples: not judged (2 samples; needs 6)", text)
        self.assertIn("ok   ingest open fds 13..13", text)  # a bound on every sample is still judged
        self.assertTrue(text.rstrip().endswith("PASS (3 bounds not judged: too few samples after the warm-up; "
                                               "a longer run judges them)"), text)

    def test_a_3_minute_run_still_fails_a_judged_bound(self):
        code, text = verdict(rows(samples=3), published=1_800_000, markers=3, stored=1_799_999, total_s=180)
        self.assertEqual(code, 1, text)
        self.assertIn("FAIL stored 1799999 = published 1800000 + markers 3", text)
        self.assertIn("FAIL (3 bounds not judged", text)

    def test_a_9_minute_run_judges_the_slope(self):
        code, text = verdict(rows(window_anon_kb_per_min=2048 / 10, samples=9),
                             published=4_800_000, markers=9, stored=4_800_009, total_s=540)
        self.assertEqual(code, 1, text)
        self.assertIn("slopes fitted from 3.0 min on (6 samples)", text)
        self.assertIn("FAIL window RssAnon slope +2.000 MB/10 min", text)
        self.assertIn("ok   file growth linear with samples", text)

    def test_an_8_minute_run_does_not(self):
        code, text = verdict(rows(window_anon_kb_per_min=2048 / 10, samples=8),
                             published=4_200_000, markers=8, stored=4_200_008, total_s=480)
        self.assertEqual(code, 0, text)
        self.assertIn("--   window RssAnon slope: not judged (5 samples; needs 6)", text)


if __name__ == "__main__":
    unittest.main()
