#pragma once
// A SourceSink for tests: keeps every sample, thread-safe (sources call it from their threads).
#include <algorithm>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "parktwin/feed/connections.hpp"

namespace feedtest {

struct CollectedSample {
  std::string tag;
  std::int64_t ts_ms = 0;
  double value = 0;
};

class SampleCollector {
 public:
  parktwin::feed::SourceSink sink() {
    parktwin::feed::SourceSink s;
    s.sample = [this](std::string_view tag, std::int64_t ts, double v) {
      std::lock_guard lock(mutex_);
      samples_.push_back({std::string(tag), ts, v});
    };
    return s;
  }
  std::size_t size() const {
    std::lock_guard lock(mutex_);
    return samples_.size();
  }
  std::vector<CollectedSample> samples() const {
    std::lock_guard lock(mutex_);
    return samples_;
  }
  // The newest value of each tag.
  std::map<std::string, double> latest() const {
    std::lock_guard lock(mutex_);
    std::map<std::string, double> out;
    for (const auto& s : samples_) out[s.tag] = s.value;
    return out;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<CollectedSample> samples_;
};

}  // namespace feedtest
