#pragma once
// One storage interface for what the CLI, the scenario runner and the history reader need:
// append samples and events, make them durable, read state at T, ranges, downsampled buckets,
// events and alarm acknowledgements. Two implementations: the SQLite historian (a file) and a
// ClickHouse cluster (docs/server.md). openStore() picks one from a URI. As with the Historian,
// one Store object per thread; any number of them may read and write the same history.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/store/historian.hpp"
#include "parktwin/store/types.hpp"

namespace parktwin::store {

// A person acknowledged an active alarm (its rule) at a time, with a comment.
struct Acknowledgement {
  std::int64_t ts_ms = 0;
  std::string rule;
  std::string object;  // what the rule watches, if known
  std::string user;    // who; empty where nobody is signed in (the desktop today)
  std::string comment;
  friend bool operator==(const Acknowledgement&, const Acknowledgement&) = default;
};

class Store {
 public:
  virtual ~Store() = default;
  // Where this store is, for messages: "sqlite:park.db", "clickhouse://127.0.0.1:8123/parktwin".
  virtual std::string describe() const = 0;

  // --- writing: buffered until flush() ---
  virtual Result<void> defineTag(std::string_view name, std::string_view unit, std::string_view kind) = 0;
  // Duplicate (tag, ts): the first value stored wins.
  virtual Result<void> append(std::string_view tag, std::int64_t ts_ms, double value) = 0;
  virtual Result<void> appendEvent(const Event& event) = 0;
  virtual Result<void> acknowledge(const Acknowledgement& ack) = 0;
  // Returns once every sample, event and acknowledgement accepted so far is durable: in the
  // store, or (ClickHouse with a shard away) in the on-disk spool that is replayed later.
  virtual Result<FlushResult> flush() = 0;
  virtual Result<void> setParkFileHash(std::string_view hash) = 0;

  // --- reading ---
  virtual Result<std::string> parkFileHash() = 0;
  virtual Result<std::vector<TagInfo>> tags() = 0;
  // Samples with t0 <= ts <= t1 in time order.
  virtual Result<std::vector<Sample>> samplesBetween(std::string_view tag, std::int64_t t0_ms, std::int64_t t1_ms) = 0;
  // For every tag with a sample at or before T: its last such sample, ordered by tag name.
  virtual Result<std::vector<TagState>> stateAt(std::int64_t t_ms) = 0;
  // [t0, t1) in `buckets` equal buckets (the last takes the remainder), as Historian::downsample.
  virtual Result<std::vector<Bucket>> downsample(std::string_view tag, std::int64_t t0_ms, std::int64_t t1_ms,
                                                 std::size_t buckets) = 0;
  // Events with t0 <= ts <= t1 in time order (acknowledgements are not among them).
  virtual Result<std::vector<Event>> eventsBetween(std::int64_t t0_ms, std::int64_t t1_ms,
                                                   const EventFilter& filter = {}) = 0;
  virtual Result<std::vector<Acknowledgement>> acknowledgementsBetween(std::int64_t t0_ms, std::int64_t t1_ms) = 0;
  // Per tag: first and last time and sample count (blocks and bytes where the store has them).
  virtual Result<std::vector<TagSummary>> summary() = 0;
};

struct StoreOptions {
  bool read_only = false;
  HistorianOptions historian;  // the SQLite store only
};

// "park.db" or "sqlite:park.db": the SQLite historian file.
// "clickhouse://HOST:PORT/DB[?park=NAME&cluster=NAME&spool=DIR&state=window|scan]": a ClickHouse cluster through
// the HTTP port of one of its nodes (docs/server.md).
Result<std::unique_ptr<Store>> openStore(const std::string& uri, const StoreOptions& options = {});

// The SQLite historian behind the Store interface (the historian file stays as it is).
std::unique_ptr<Store> storeOver(Historian historian, std::string path);

}  // namespace parktwin::store
