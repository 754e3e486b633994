#pragma once
// Every access of parktwin-server to history goes through this class (and its .cpp): the live
// feed's writes, alarm acknowledgements, and the API's reads. Today it is the SQLite historian
// (twin/store historian.hpp); switching the server to the Store interface changes this file
// pair only.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/model/park.hpp"
#include "parktwin/store/historian.hpp"
#include "parktwin/store/recording_monitor.hpp"
#include "parktwin/store/types.hpp"

namespace parktwin::server {

class HistoryAdapter {
 public:
  // Opens (or creates) the historian at `path` for writing and defines the park's tags.
  static Result<std::unique_ptr<HistoryAdapter>> open(const std::string& path, const model::Park& park);
  ~HistoryAdapter();

  // --- writing: the feed's thread and acknowledgements, serialised here ---
  void append(std::string_view tag, std::int64_t ts_ms, double value);
  Result<void> commit();
  Result<void> recordEvent(const store::Event& event);  // stored and committed before it returns
  Result<store::FlushResult> close();                    // final commit (shutdown)
  store::RecordingStatus recording() const { return recording_.status(); }

  // --- reading: any thread; each read borrows one of a few read-only connections ---
  Result<std::vector<store::TagState>> stateAt(std::int64_t t_ms);
  Result<std::vector<store::Bucket>> downsample(std::string_view tag, std::int64_t t0_ms, std::int64_t t1_ms,
                                                std::size_t buckets);
  Result<std::vector<store::Event>> eventsBetween(std::int64_t t0_ms, std::int64_t t1_ms, const store::EventFilter& filter);

 private:
  HistoryAdapter(std::string path, store::Historian writer);
  class Reader;  // a borrowed read-only historian, returned to the pool on destruction
  Result<Reader> borrowReader();

  std::string path_;
  std::mutex writeMutex_;
  store::Historian writer_;
  store::RecordingMonitor recording_;
  std::mutex readersMutex_;
  std::vector<std::unique_ptr<store::Historian>> idleReaders_;
};

}  // namespace parktwin::server
