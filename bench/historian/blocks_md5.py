#!/usr/bin/env python3
"""md5 of every block a historian file stores (tag name, row order, each column and the payload
bytes), so that two builds' files of the same data can be compared without trusting either.
Usage: blocks_md5.py FILE.db"""
import hashlib
import sqlite3
import sys

db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
digest = hashlib.md5()
rows = 0
for name, t0, t1, count, last, payload in db.execute(
        "SELECT t.name, b.t_start_ms, b.t_end_ms, b.count, b.last_value_bits, b.payload "
        "FROM blocks b JOIN tags t ON t.id = b.tag_id ORDER BY t.name, b.t_start_ms, b.rowid"):
    digest.update(f"{name}|{t0}|{t1}|{count}|{last}|{len(payload)}|".encode())
    digest.update(payload)
    rows += 1
print(f"{digest.hexdigest()}  {rows} blocks  {sys.argv[1]}")
