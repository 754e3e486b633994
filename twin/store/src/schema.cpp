#include "schema.hpp"

#include <array>
#include <string>

#include "parktwin/store/schema.hpp"

namespace parktwin::store {
namespace {

// migrations[i] takes a file from version i to version i + 1, inside one transaction.
constexpr std::array<const char*, kSchemaVersion> kMigrations = {
    R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
INSERT INTO meta(key, value) VALUES ('schema_version', '1'), ('park_file_hash', '');
CREATE TABLE tags(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  unit TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL DEFAULT '');
CREATE TABLE blocks(
  tag_id INTEGER NOT NULL REFERENCES tags(id),
  t_start_ms INTEGER NOT NULL,
  t_end_ms INTEGER NOT NULL,
  count INTEGER NOT NULL,
  last_value_bits INTEGER NOT NULL, -- IEEE-754 bits of the last value (NaN survives; REAL would not)
  payload BLOB NOT NULL);
CREATE INDEX blocks_by_tag_time ON blocks(tag_id, t_start_ms);
CREATE INDEX blocks_by_time ON blocks(t_start_ms);
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  ts_ms INTEGER NOT NULL,
  kind TEXT NOT NULL,
  severity INTEGER NOT NULL,
  object TEXT NOT NULL,
  message TEXT NOT NULL,
  payload TEXT CHECK (payload IS NULL OR json_valid(payload)));
CREATE INDEX events_by_time ON events(ts_ms);
CREATE TABLE snapshots(ts_ms INTEGER PRIMARY KEY, payload BLOB NOT NULL);
CREATE TABLE rollups_1m(
  tag_id INTEGER NOT NULL REFERENCES tags(id),
  bucket_ms INTEGER NOT NULL,
  count INTEGER NOT NULL,
  min REAL, max REAL, mean REAL,
  PRIMARY KEY (tag_id, bucket_ms)) WITHOUT ROWID;
)sql",
    // 1 -> 2: the time index covers stateAt's filter and answers, so only the block that
    // straddles T is read from the table (stateAt 115 ms -> 48 ms for 10k tags).
    R"sql(
DROP INDEX blocks_by_time;
CREATE INDEX blocks_by_time ON blocks(t_start_ms, t_end_ms, tag_id, last_value_bits);
)sql",
    // 2 -> 3: blocks may be decimal (flag in the payload header, which older builds would call
    // corrupt, hence the version), and meta keeps the longest block span so stateAt scans the
    // time index from the snapshot minus that span instead of minus the 1 h limit; 'late_blocks'
    // says whether any block was written out of order (an older file may have: assume so).
    // The time index drops t_end_ms and the last value: every commit rewrites each tag's open
    // block, and with them its index entry (a fifth of ingest); stateAt decodes the last samples
    // of the one block it needs per tag instead.
    R"sql(
DROP INDEX blocks_by_time;
CREATE INDEX blocks_by_time ON blocks(t_start_ms, tag_id);
INSERT OR REPLACE INTO meta(key, value)
  SELECT 'max_block_span_ms', CAST(coalesce(max(t_end_ms - t_start_ms), 0) AS TEXT) FROM blocks;
INSERT OR REPLACE INTO meta(key, value)
  VALUES ('late_blocks', CASE WHEN EXISTS (SELECT 1 FROM blocks) THEN '1' ELSE '0' END);
)sql",
    // 3 -> 4: the time index split by tag id parity, so that stateAt's two scans (two threads,
    // a half of the tags each) each walk only their half. Only block inserts maintain it: the
    // rewrite of an open block changes neither column.
    R"sql(
CREATE INDEX blocks_by_half_time ON blocks(tag_id % 2, t_start_ms, tag_id);
)sql",
    // 4 -> 5: blocks written from now on may be compact decimal blocks (bit 30 of the header
    // word, which older builds would call corrupt, hence the version). The plain time index
    // goes: every read by time walks the two halves of blocks_by_half_time instead, and each
    // block's entry there was a tenth of a byte per sample.
    R"sql(
DROP INDEX blocks_by_time;
)sql",
    // 5 -> 6: blocks may span more than an hour (a scenario run's 1/min tags: a day), which a
    // build bounding its scans by the hour would read wrongly, hence the version. Reads bound
    // them by meta.max_block_span_ms, which every older file already holds (<= 1 h): no change.
    R"sql(
SELECT 1;
)sql",
    // 6 -> 7: the tail. A commit writes what it adds as one row here and rewrites the open
    // blocks only at a fold, every few commits; readers merge the rows. An older build would
    // miss the samples in it, hence the version. AUTOINCREMENT: a fold deletes every row, and a
    // reused seq would let a reader take a new row for one it decoded before.
    R"sql(
CREATE TABLE IF NOT EXISTS tail(seq INTEGER PRIMARY KEY AUTOINCREMENT, payload BLOB NOT NULL);
)sql",
    // 7 -> 8: group rows (block_groups.hpp). The writer moves the blocks of each segment of data
    // time into one row per 48 tags, so that stateAt reads tags / 48 rows; readers take the
    // union. An older build would miss the samples in them, hence the version.
    R"sql(
CREATE TABLE IF NOT EXISTS block_groups(id INTEGER PRIMARY KEY, payload BLOB NOT NULL);
)sql",
    // 8 -> 9: blocks written from now on may be dense compact blocks (restart points every 128
    // bits, bit 6 of the exponent byte, which older builds would call corrupt, hence the
    // version). Older blocks stay as they are and still decode.
    R"sql(
SELECT 1;
)sql",
};

Result<void> migrate(sql::Database& db, int from) {
  for (int version = from; version < kSchemaVersion; ++version) {
    auto tx = sql::Transaction::begin(db);
    if (!tx) return std::unexpected(tx.error());
    if (auto ok = db.exec(kMigrations[static_cast<std::size_t>(version)]); !ok) {
      return fail("migrating to schema " + std::to_string(version + 1) + ": " + ok.error().message);
    }
    const auto next = std::to_string(version + 1);
    if (auto ok = db.exec("PRAGMA user_version = " + next + "; PRAGMA application_id = " +
                          std::to_string(kApplicationId) + "; UPDATE meta SET value = '" + next +
                          "' WHERE key = 'schema_version';");
        !ok) {
      return std::unexpected(ok.error());
    }
    if (auto ok = tx->commit(); !ok) return std::unexpected(ok.error());
  }
  return {};
}

}  // namespace

Result<void> prepareSchema(sql::Database& db, bool readOnly) {
  const std::string& path = db.path();
  // The first real read tells a non-database apart ("file is not a database").
  auto objects = db.queryInt("SELECT count(*) FROM sqlite_schema");
  if (!objects) return fail(path + ": not a ParkTwin historian (" + db.lastError() + ")");
  auto version = db.queryInt("PRAGMA user_version");
  auto appId = db.queryInt("PRAGMA application_id");
  if (!version || !appId) return fail(path + ": cannot read the schema version: " + db.lastError());

  if (*objects == 0 && *version == 0) {
    if (readOnly) return fail(path + ": empty file, not a ParkTwin historian");
    // Before the first table, or never: lets a closing writer give the pages of the deleted tail
    // rows back to the file system (Historian::~Historian) instead of leaving them free inside.
    if (auto ok = db.exec("PRAGMA auto_vacuum = INCREMENTAL"); !ok) return ok;
    return migrate(db, 0);
  }
  if (*appId != kApplicationId) {
    return fail(path + ": not a ParkTwin historian (SQLite file with application_id " + std::to_string(*appId) +
                ", expected " + std::to_string(kApplicationId) + ")");
  }
  if (*version > kSchemaVersion) {
    return fail(path + ": historian schema version " + std::to_string(*version) +
                " is newer than this build supports (" + std::to_string(kSchemaVersion) + "); upgrade ParkTwin");
  }
  if (*version < kSchemaVersion) {
    if (readOnly && *version >= kOldestReadableSchema) return {};
    if (readOnly) {
      return fail(path + ": historian schema version " + std::to_string(*version) + " needs migrating to " +
                  std::to_string(kSchemaVersion) + "; open it read-write once");
    }
    return migrate(db, static_cast<int>(*version));
  }
  return {};
}

}  // namespace parktwin::store
