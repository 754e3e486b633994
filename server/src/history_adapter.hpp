#pragma once
// Every access of parktwin-server to history goes through this class (and its .cpp): the live
// feed's writes, alarm acknowledgements, and the API's reads, over twin/store's Store interface,
// so the server runs on a SQLite historian file or a ClickHouse cluster alike (a store URI,
// docs/server.md). A Store object serves one thread: writes go through one, serialised here;
// reads borrow one of a small pool of read-only ones.
#include <climits>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/model/park.hpp"
#include "parktwin/store/state_spans.hpp"
#include "parktwin/store/store.hpp"
#include "parktwin/store/recording_monitor.hpp"
#include "parktwin/store/types.hpp"
#include "answer_cache.hpp"

namespace parktwin::server {

class HistoryAdapter {
 public:
  // Opens (or creates) the store at `uri` (a path, sqlite:FILE or clickhouse://HOST:PORT/DB)
  // for writing and defines the park's tags.
  static Result<std::unique_ptr<HistoryAdapter>> open(const std::string& uri, const model::Park& park);
  ~HistoryAdapter();

  // --- writing: the feed's thread and acknowledgements, serialised here ---
  void append(std::string_view tag, std::int64_t ts_ms, double value);
  Result<void> commit();
  Result<void> recordEvent(const store::Event& event);  // stored and committed before it returns
  // Through the Store's own acknowledgement call, so every store keeps acks where it reads
  // them back (SQLite: an alarm_ack event; ClickHouse: the acks table). Committed on return.
  Result<void> recordAcknowledgement(const store::Acknowledgement& ack);
  Result<store::FlushResult> close();                    // final commit (shutdown)
  store::RecordingStatus recording() const { return recording_.status(); }

  // --- reading: any thread; each read borrows one of a few read-only connections ---
  Result<std::vector<store::TagState>> stateAt(std::int64_t t_ms);
  Result<std::vector<store::Bucket>> downsample(std::string_view tag, std::int64_t t0_ms, std::int64_t t1_ms,
                                                std::size_t buckets);
  Result<std::vector<store::Event>> eventsBetween(std::int64_t t0_ms, std::int64_t t1_ms, const store::EventFilter& filter);
  Result<std::vector<store::Sample>> samplesBetween(std::string_view tag, std::int64_t t0_ms, std::int64_t t1_ms);
  // store::storedStateSpans of a state tag: the rule a local replay's state bar follows.
  Result<std::vector<store::StateSpan>> stateSpans(std::string_view tag, std::int64_t t0_ms, std::int64_t t1_ms);
  Result<std::vector<store::Acknowledgement>> acknowledgementsBetween(std::int64_t t0_ms, std::int64_t t1_ms);
  // Encoded state and series answers; commit() drops those its samples changed.
  AnswerCache& answerCache() { return answerCache_; }
  Result<std::vector<store::TagSummary>> summary();

 private:
  HistoryAdapter(std::string uri, std::unique_ptr<store::Store> writer);
  class Reader;  // a borrowed read-only store, returned to the pool on destruction
  Result<Reader> borrowReader();

  std::string uri_;
  std::mutex writeMutex_;
  std::unique_ptr<store::Store> writer_;
  std::int64_t oldestUncommittedMs_ = INT64_MAX;  // of the samples appended since the last commit
  AnswerCache answerCache_;
  store::RecordingMonitor recording_;
  std::mutex readersMutex_;
  std::vector<std::unique_ptr<store::Store>> idleReaders_;
};

}  // namespace parktwin::server
