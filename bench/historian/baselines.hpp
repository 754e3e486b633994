#pragma once
// The baselines the historian is measured against, on the same samples and batch size:
// plain SQLite with one row per sample, and raw append+fsync of the samples to a file.
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <vector>

#include "parktwin/store/historian.hpp"

namespace parktwin::bench {

class PlainSqlite {
 public:
  PlainSqlite(const std::string& path, bool fullSync);
  ~PlainSqlite();
  void append(std::int64_t tag, std::int64_t ts, double value);
  void commit();
  // Last sample of every tag at or before t: one indexed query per tag.
  std::size_t stateAt(std::int64_t t, std::int64_t tags);
  // min/max/avg/count per bucket by GROUP BY.
  std::size_t downsample(std::int64_t tag, std::int64_t t0, std::int64_t t1, std::int64_t buckets);
  void checkpoint();

 private:
  void exec(const char* sql);
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
  sqlite3_stmt* last_ = nullptr;
  sqlite3_stmt* group_ = nullptr;
  bool inTransaction_ = false;
};

class RawAppendFile {
 public:
  explicit RawAppendFile(const std::string& path);
  ~RawAppendFile();
  void append(std::int64_t tag, std::int64_t ts, double value);
  void commit();  // write the batch, fsync

 private:
  int fd_ = -1;
  std::vector<unsigned char> batch_;
};

using store::bytesOnDisk;  // file plus -wal and -shm

}  // namespace parktwin::bench
