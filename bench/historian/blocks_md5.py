#!/usr/bin/env python3
"""md5 of every block a historian file stores (tag name, row order, each column and the payload
bytes), so that two builds' files of the same data can be compared without trusting either.
Since schema 8 most blocks of a file live in group rows (block_groups): their bytes, in id
order, go into the same digest, so two schema-8 files compare whole; a schema-7 file and a
schema-8 one of the same data differ by design.
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
groups = 0
if db.execute("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'block_groups'").fetchone()[0]:
    for gid, payload in db.execute("SELECT id, payload FROM block_groups ORDER BY id"):
        digest.update(f"group {gid}|{len(payload)}|".encode())
        digest.update(payload)
        groups += 1
print(f"{digest.hexdigest()}  {rows} blocks, {groups} group rows  {sys.argv[1]}")
