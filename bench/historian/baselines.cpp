#include "baselines.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace parktwin::bench {

PlainSqlite::PlainSqlite(const std::string& path, bool fullSync) {
  sqlite3_open(path.c_str(), &db_);
  exec("PRAGMA journal_mode=WAL");
  exec(fullSync ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
  // The table a reader needs: clustered by (tag, ts) so per-tag range reads are index seeks.
  exec("CREATE TABLE IF NOT EXISTS samples(tag_id INTEGER, ts INTEGER, value REAL, PRIMARY KEY(tag_id, ts)) WITHOUT ROWID");
  sqlite3_prepare_v2(db_, "INSERT OR IGNORE INTO samples VALUES (?, ?, ?)", -1, &insert_, nullptr);
  sqlite3_prepare_v2(db_, "SELECT ts, value FROM samples WHERE tag_id = ? AND ts <= ? ORDER BY ts DESC LIMIT 1", -1, &last_,
                     nullptr);
  sqlite3_prepare_v2(db_,
                     "SELECT (ts - ?2) / ?4, min(value), max(value), avg(value), count(*) FROM samples "
                     "WHERE tag_id = ?1 AND ts >= ?2 AND ts < ?3 GROUP BY 1",
                     -1, &group_, nullptr);
}

PlainSqlite::~PlainSqlite() {
  commit();
  sqlite3_finalize(insert_);
  sqlite3_finalize(last_);
  sqlite3_finalize(group_);
  sqlite3_close(db_);
}

void PlainSqlite::exec(const char* sql) {
  if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "plain sqlite: %s: %s\n", sql, sqlite3_errmsg(db_));
    std::exit(1);
  }
}

void PlainSqlite::append(std::int64_t tag, std::int64_t ts, double value) {
  if (!inTransaction_) {
    exec("BEGIN");
    inTransaction_ = true;
  }
  sqlite3_bind_int64(insert_, 1, tag);
  sqlite3_bind_int64(insert_, 2, ts);
  sqlite3_bind_double(insert_, 3, value);
  sqlite3_step(insert_);
  sqlite3_reset(insert_);
}

void PlainSqlite::commit() {
  if (inTransaction_) exec("COMMIT");
  inTransaction_ = false;
}

std::size_t PlainSqlite::stateAt(std::int64_t t, std::int64_t tags) {
  std::size_t found = 0;
  for (std::int64_t tag = 0; tag < tags; ++tag) {
    sqlite3_bind_int64(last_, 1, tag);
    sqlite3_bind_int64(last_, 2, t);
    if (sqlite3_step(last_) == SQLITE_ROW) ++found;
    sqlite3_reset(last_);
  }
  return found;
}

std::size_t PlainSqlite::downsample(std::int64_t tag, std::int64_t t0, std::int64_t t1, std::int64_t buckets) {
  sqlite3_bind_int64(group_, 1, tag);
  sqlite3_bind_int64(group_, 2, t0);
  sqlite3_bind_int64(group_, 3, t1);
  sqlite3_bind_int64(group_, 4, (t1 - t0) / buckets);
  std::size_t rows = 0;
  while (sqlite3_step(group_) == SQLITE_ROW) ++rows;
  sqlite3_reset(group_);
  return rows;
}

void PlainSqlite::checkpoint() { exec("PRAGMA wal_checkpoint(TRUNCATE)"); }

RawAppendFile::RawAppendFile(const std::string& path) {
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_TRUNC, 0644);
  if (fd_ < 0) {
    std::perror(path.c_str());
    std::exit(1);
  }
}

RawAppendFile::~RawAppendFile() {
  commit();
  ::close(fd_);
}

void RawAppendFile::append(std::int64_t tag, std::int64_t ts, double value) {
  // The same 20 bytes a row carries: 4-byte tag id, 8-byte timestamp, 8-byte value.
  const auto tag32 = static_cast<std::uint32_t>(tag);
  unsigned char record[20];
  std::memcpy(record, &tag32, 4);
  std::memcpy(record + 4, &ts, 8);
  std::memcpy(record + 12, &value, 8);
  batch_.insert(batch_.end(), record, record + sizeof record);
}

void RawAppendFile::commit() {
  if (batch_.empty()) return;
  std::size_t written = 0;
  while (written < batch_.size()) {
    const auto n = ::write(fd_, batch_.data() + written, batch_.size() - written);
    if (n <= 0) {
      std::perror("raw append");
      std::exit(1);
    }
    written += static_cast<std::size_t>(n);
  }
  ::fsync(fd_);
  batch_.clear();
}

}  // namespace parktwin::bench
