// Opening files that are not (or not yet / no longer) historians this build understands.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>

#include "parktwin/store/historian.hpp"
#include "parktwin/store/schema.hpp"
#include "temp_dir.hpp"

namespace parktwin::store {
namespace {

void runSql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
}

std::int64_t queryInt(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
  std::int64_t value = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : -1;
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

}  // namespace

TEST(Schema, NewFileGetsCurrentVersionInPragmaAndMeta) {
  test::TempDir dir;
  const auto path = dir.file("park.db");
  { ASSERT_TRUE(Historian::open(path)); }
  EXPECT_EQ(queryInt(path, "PRAGMA user_version"), kSchemaVersion);
  EXPECT_EQ(queryInt(path, "PRAGMA application_id"), kApplicationId);
  EXPECT_EQ(queryInt(path, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'schema_version'"), kSchemaVersion);
}

TEST(Schema, VersionOneFileIsMigratedAndKeepsItsData) {
  test::TempDir dir;
  const auto path = dir.file("park.db");
  {
    auto h = Historian::open(path, {.max_samples_per_block = 16, .compact_segments = false});  // the rows schema 1 had
    for (int i = 0; i < 100; ++i) ASSERT_TRUE(h->append("a", i * 1000LL, i));
  }
  // Turn it back into what schema version 1 wrote: the time index on t_start_ms only, no
  // max_block_span_ms in meta (version 3 computes it from the blocks).
  runSql(path, "DROP INDEX blocks_by_half_time; CREATE INDEX blocks_by_time ON blocks(t_start_ms); "
               "DELETE FROM meta WHERE key = 'max_block_span_ms'; "
               "PRAGMA user_version = 1; UPDATE meta SET value = '1' WHERE key = 'schema_version';");
  ASSERT_EQ(queryInt(path, "SELECT count(*) FROM pragma_index_info('blocks_by_time')"), 1);
  auto readOnly = Historian::open(path, {.read_only = true});
  ASSERT_FALSE(readOnly);
  EXPECT_NE(readOnly.error().message.find("needs migrating"), std::string::npos) << readOnly.error().message;

  auto h = Historian::open(path);
  ASSERT_TRUE(h) << h.error().message;
  EXPECT_EQ(queryInt(path, "PRAGMA user_version"), kSchemaVersion);
  EXPECT_EQ(queryInt(path, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'schema_version'"), kSchemaVersion);
  EXPECT_EQ(queryInt(path, "SELECT count(*) FROM pragma_index_info('blocks_by_time')"), 0);  // 3 had it, 5 drops it
  EXPECT_EQ(queryInt(path, "SELECT count(*) FROM pragma_index_info('blocks_by_half_time')"), 3);  // schema 4
  // 16-sample blocks at 1 s steps span 15 s.
  EXPECT_EQ(queryInt(path, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'max_block_span_ms'"), 15'000);
  EXPECT_EQ(h->samplesBetween("a", 0, INT64_MAX)->size(), 100U);
  auto state = h->stateAt(49'500);
  ASSERT_TRUE(state);
  ASSERT_EQ(state->size(), 1U);
  EXPECT_EQ(state->at(0).value, 49.0);
}

TEST(Schema, VersionThreeFileReadsWithoutMigratingAndMigratesOnAWritableOpen) {
  test::TempDir dir;
  const auto path = dir.file("park.db");
  {
    auto h = Historian::open(path, {.max_samples_per_block = 16});
    for (int i = 0; i < 100; ++i) ASSERT_TRUE(h->append("a", i * 1000LL, i));
  }
  // What schema 3 wrote: no time index split by tag id parity, the plain one instead.
  runSql(path, "DROP INDEX blocks_by_half_time; CREATE INDEX blocks_by_time ON blocks(t_start_ms, tag_id); "
               "PRAGMA user_version = 3; UPDATE meta SET value = '3' WHERE key = 'schema_version';");
  {
    auto readOnly = Historian::open(path, {.read_only = true});
    ASSERT_TRUE(readOnly) << readOnly.error().message;
    EXPECT_EQ(readOnly->samplesBetween("a", 0, INT64_MAX)->size(), 100U);
    auto state = readOnly->stateAt(49'500);
    ASSERT_TRUE(state && state->size() == 1U);
    EXPECT_EQ(state->front().value, 49.0);
  }
  EXPECT_EQ(queryInt(path, "PRAGMA user_version"), 3) << "a read-only open changes nothing";
  ASSERT_TRUE(Historian::open(path));
  EXPECT_EQ(queryInt(path, "PRAGMA user_version"), kSchemaVersion);
  EXPECT_EQ(queryInt(path, "SELECT count(*) FROM pragma_index_info('blocks_by_half_time')"), 3);
  EXPECT_EQ(queryInt(path, "SELECT count(*) FROM pragma_index_info('blocks_by_time')"), 0) << "schema 5 drops it";
}

TEST(Schema, ParkFileHashIsStoredInMeta) {
  test::TempDir dir;
  auto h = Historian::open(dir.file("park.db"));
  ASSERT_TRUE(h);
  ASSERT_TRUE(h->setParkFileHash("sha256:abc"));
  EXPECT_EQ(h->parkFileHash().value(), "sha256:abc");
}

TEST(Schema, TextFileIsRejectedWithReason) {
  test::TempDir dir;
  const auto path = dir.file("notes.db");
  std::ofstream(path) << "this is not a database, just some text that is long enough to matter\n"
                      << std::string(5000, 'x');
  auto h = Historian::open(path);
  ASSERT_FALSE(h);
  EXPECT_NE(h.error().message.find("not a ParkTwin historian"), std::string::npos) << h.error().message;
  EXPECT_NE(h.error().message.find(path), std::string::npos);
}

TEST(Schema, ForeignSqliteFileIsRejectedAndLeftUntouched) {
  test::TempDir dir;
  const auto path = dir.file("other.db");
  runSql(path, "CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT)");
  auto h = Historian::open(path);
  ASSERT_FALSE(h);
  EXPECT_NE(h.error().message.find("application_id"), std::string::npos) << h.error().message;
  EXPECT_EQ(queryInt(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'blocks'"), 0);
}

TEST(Schema, NewerSchemaIsRejected) {
  test::TempDir dir;
  const auto path = dir.file("park.db");
  { ASSERT_TRUE(Historian::open(path)); }
  runSql(path, "PRAGMA user_version = " + std::to_string(kSchemaVersion + 6));
  auto h = Historian::open(path);
  ASSERT_FALSE(h);
  EXPECT_NE(h.error().message.find("newer than this build supports"), std::string::npos) << h.error().message;
}

TEST(Schema, TruncatedHistorianIsAnErrorNotACrash) {
  test::TempDir dir;
  const auto path = dir.file("park.db");
  {
    auto h = Historian::open(path);
    ASSERT_TRUE(h);
    for (int i = 0; i < 5000; ++i) ASSERT_TRUE(h->append("t" + std::to_string(i % 50), i * 1000LL, i));
    ASSERT_TRUE(h->flush());
  }
  runSql(path, "PRAGMA wal_checkpoint(TRUNCATE)");
  // Keep the header but overwrite the pages after it with garbage.
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096);
    const std::string junk(3 * 4096, '\x5a');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  auto h = Historian::open(path, {.read_only = true});
  if (h) {
    auto samples = h->samplesBetween("t1", 0, INT64_MAX);
    auto state = h->stateAt(INT64_MAX);
    EXPECT_FALSE(samples.has_value() && state.has_value()) << "garbage pages went unnoticed";
  } else {
    EXPECT_FALSE(h.error().message.empty());
  }
}

TEST(Schema, ReadOnlyOpenOfMissingFileFails) {
  test::TempDir dir;
  auto h = Historian::open(dir.file("missing.db"), {.read_only = true});
  ASSERT_FALSE(h);
  EXPECT_NE(h.error().message.find("missing.db"), std::string::npos);
}

}  // namespace parktwin::store
