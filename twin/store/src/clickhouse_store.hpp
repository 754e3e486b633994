#pragma once
// The ClickHouse store (docs/server.md): Distributed tables over the shards of a cluster, written
// in TabSeparated batches over HTTP, an on-disk spool for batches the cluster did not take.
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "clickhouse_http.hpp"
#include "clickhouse_spool.hpp"
#include "parktwin/store/store.hpp"
#include "parktwin/store/store_uri.hpp"

namespace parktwin::store::clickhouse {

// One replica of a shard as system.clusters lists it: how errors name the shard that is away.
struct ShardReplica {
  int shard = 0;
  std::string address;  // host:tcp_port, as ClickHouse's own messages write it
};

class ClickHouseStore final : public Store {
 public:
  static Result<std::unique_ptr<Store>> open(const ClickHouseAddress& address, bool readOnly);
  ~ClickHouseStore() override;

  std::string describe() const override;
  Result<void> defineTag(std::string_view name, std::string_view unit, std::string_view kind) override;
  Result<void> append(std::string_view tag, std::int64_t ts_ms, double value) override;
  Result<void> appendEvent(const Event& event) override;
  Result<void> acknowledge(const Acknowledgement& ack) override;
  Result<FlushResult> flush() override;
  Result<void> setParkFileHash(std::string_view hash) override;

  Result<std::string> parkFileHash() override;
  Result<std::vector<TagInfo>> tags() override;
  Result<std::vector<Sample>> samplesBetween(std::string_view tag, std::int64_t t0_ms, std::int64_t t1_ms) override;
  Result<std::vector<TagState>> stateAt(std::int64_t t_ms) override;
  Result<std::vector<Bucket>> downsample(std::string_view tag, std::int64_t t0_ms, std::int64_t t1_ms,
                                         std::size_t buckets) override;
  Result<std::vector<Event>> eventsBetween(std::int64_t t0_ms, std::int64_t t1_ms, const EventFilter& filter) override;
  Result<std::vector<Acknowledgement>> acknowledgementsBetween(std::int64_t t0_ms, std::int64_t t1_ms) override;
  Result<std::vector<TagSummary>> summary() override;

  // Rows waiting in the spool, for tests and status lines (bytes, 0 when the cluster took all).
  std::uint64_t spooledBytes() const { return spool_ ? spool_->bytes() : 0; }

 private:
  ClickHouseStore(const ClickHouseAddress& address, bool readOnly);
  Result<void> createSchema();
  Result<void> loadShards();
  // A query's rows; an error from a shard that is away names it (shard number and address).
  Result<std::vector<std::vector<std::string>>> select(const std::string& sql, std::size_t columns);
  Error nameShard(Error error) const;
  Result<void> insert(const SpooledBatch& batch);
  Result<void> replaySpool();
  Result<void> sendOrSpool(SpooledBatch batch);
  // The pending batch of `table` with one more row counted, after the checks every write makes.
  Result<SpooledBatch*> rowFor(const char* table, std::int64_t ts_ms);
  std::string parkIs() const;  // "park = '<park>'"
  // stateAt as one argMax over every sample at or before T (StateQuery::scan).
  Result<std::vector<TagState>> stateAtScan(std::int64_t t_ms);
  // The newest sample per tag among those `where` selects, added to `found` for tags not in it yet.
  Result<void> newestPerTag(const std::string& where, std::map<std::string, TagState, std::less<>>& found);
  std::uint64_t nextId();

  ClickHouseAddress address_;
  bool readOnly_;
  HttpClient http_;
  std::optional<Spool> spool_;
  std::vector<ShardReplica> shards_;
  // Pending rows per table, TabSeparated, and how many.
  std::map<std::string, SpooledBatch> pending_;
  std::set<std::string, std::less<>> knownTags_;
  std::uint64_t accepted_ = 0;     // samples accepted this session
  std::int64_t newestMs_ = INT64_MIN;
  std::uint64_t lastId_ = 0;
  // While the cluster refuses writes, flush() spools without trying until this time passes;
  // the wait doubles per failure up to kMaxBackoff (a shard that is away costs no time per flush).
  std::chrono::steady_clock::time_point retryAt_{};
  std::chrono::milliseconds backoff_{0};
};

}  // namespace parktwin::store::clickhouse
