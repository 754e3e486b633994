-- ParkTwin's ClickHouse schema (docs/server.md), for ClickHouse 18.16 and later. Run on every
-- node of the cluster: the store runs it on the node its URI names, scripts/cluster on each
-- shard. {db} and {cluster} are replaced before it runs. Times are Unix ms as UInt64 (18.16
-- has no DateTime64). Per node a *_local MergeTree table, and a Distributed table over the
-- shards with the same columns; the store reads and writes the Distributed ones.
--
-- Idempotent on replay: a batch sent again (after a failed insert that reached one shard but
-- not the other, or from the spool) lands as duplicate rows. ReplacingMergeTree collapses rows
-- with the same sorting key in background merges, keeping the highest ver; until a merge runs
-- reads collapse them themselves (GROUP BY the key, argMax by ver). A sample's ver is
-- 2^64 - 1 - (nanoseconds at append), so the first value stored for a (tag, ts) wins, as in
-- the SQLite historian; tags and park rows use the append time itself (the last one wins).
CREATE DATABASE IF NOT EXISTS {db};
CREATE TABLE IF NOT EXISTS {db}.samples_local (park String, tag String, ts UInt64, value Float64, ver UInt64)
  ENGINE = ReplacingMergeTree(ver) PARTITION BY toYYYYMM(toDateTime(intDiv(ts, 1000))) ORDER BY (park, tag, ts);
CREATE TABLE IF NOT EXISTS {db}.samples AS {db}.samples_local
  ENGINE = Distributed({cluster}, {db}, samples_local, cityHash64(park, tag));
CREATE TABLE IF NOT EXISTS {db}.events_local (park String, ts UInt64, id UInt64, kind String, severity Int32,
  object String, message String, payload String)
  ENGINE = ReplacingMergeTree PARTITION BY toYYYYMM(toDateTime(intDiv(ts, 1000))) ORDER BY (park, ts, id);
CREATE TABLE IF NOT EXISTS {db}.events AS {db}.events_local
  ENGINE = Distributed({cluster}, {db}, events_local, cityHash64(park));
CREATE TABLE IF NOT EXISTS {db}.acks_local (park String, ts UInt64, id UInt64, rule String, object String,
  user String, comment String)
  ENGINE = ReplacingMergeTree PARTITION BY toYYYYMM(toDateTime(intDiv(ts, 1000))) ORDER BY (park, ts, id);
CREATE TABLE IF NOT EXISTS {db}.acks AS {db}.acks_local
  ENGINE = Distributed({cluster}, {db}, acks_local, cityHash64(park));
CREATE TABLE IF NOT EXISTS {db}.tags_local (park String, name String, unit String, kind String, ver UInt64)
  ENGINE = ReplacingMergeTree(ver) ORDER BY (park, name);
CREATE TABLE IF NOT EXISTS {db}.tags AS {db}.tags_local
  ENGINE = Distributed({cluster}, {db}, tags_local, cityHash64(park));
CREATE TABLE IF NOT EXISTS {db}.parks_local (park String, file_hash String, ver UInt64)
  ENGINE = ReplacingMergeTree(ver) ORDER BY park;
CREATE TABLE IF NOT EXISTS {db}.parks AS {db}.parks_local
  ENGINE = Distributed({cluster}, {db}, parks_local, cityHash64(park));
