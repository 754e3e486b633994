#pragma once
// The on-disk spool of the ClickHouse store: batches that could not be written to the cluster
// (a shard away) are appended here and fsynced before flush() acknowledges them, and replayed
// in order once the cluster takes writes again (on a later flush and on the next open).
// One writer per spool: an flock on the file keeps a second process out.
#include <cstdint>
#include <functional>
#include <string>

#include "parktwin/common/result.hpp"

namespace parktwin::store::clickhouse {

struct SpooledBatch {
  std::string table;  // e.g. "samples"
  std::uint64_t rows = 0;
  std::string tsv;    // the rows as they go to INSERT: RowBinary for samples, TabSeparated for the rest
};

class Spool {
 public:
  // Opens (creating the folder and file) and locks `dir`/spool.log.
  static Result<Spool> open(const std::string& dir);
  Spool(Spool&&) noexcept;
  Spool& operator=(Spool&&) noexcept;
  ~Spool();

  // Appends and fsyncs; on success the batch survives a crash or power loss.
  Result<void> append(const SpooledBatch& batch);
  bool empty() const { return bytes_ == 0; }
  std::uint64_t bytes() const { return bytes_; }
  // Hands every batch in order to `send`; once all went through, empties the file. A failed
  // send stops the replay and leaves the file as it is (batches sent before it go again next
  // time: the tables are idempotent on replay). A torn last record (a crash during append, so
  // never acknowledged) is dropped.
  Result<std::uint64_t> replay(const std::function<Result<void>(const SpooledBatch&)>& send);
  const std::string& path() const { return path_; }

 private:
  Spool(int fd, std::string path, std::uint64_t bytes) : fd_(fd), path_(std::move(path)), bytes_(bytes) {}
  int fd_ = -1;
  std::string path_;
  std::uint64_t bytes_ = 0;
};

}  // namespace parktwin::store::clickhouse
