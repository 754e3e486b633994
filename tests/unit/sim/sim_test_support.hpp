#pragma once
// Shared by the simulator tests: load a bundled park, record what the simulator emits.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "parktwin/model/park_file.hpp"
#include "parktwin/sim/simulator.hpp"
#include "parktwin/common/time_text.hpp"

namespace simtest {

inline parktwin::model::Park loadPark(const std::string& name) {
  auto park = parktwin::model::loadPark(std::string(PARKTWIN_SOURCE_DIR) + "/assets/parks/" + name + ".json");
  if (!park) ADD_FAILURE() << park.error().message;
  return park ? *park : parktwin::model::Park{};
}

inline std::int64_t instant(const char* text) { return *parktwin::parseInstantMs(text); }

struct Series {
  std::vector<std::int64_t> ts;
  std::vector<double> v;
};

class RecordingSink : public parktwin::sim::SampleSink {
 public:
  void sample(std::string_view tag, std::int64_t ts_ms, double value) override {
    auto& s = series[std::string(tag)];
    s.ts.push_back(ts_ms);
    s.v.push_back(value);
  }
  void event(const parktwin::sim::SimEvent& e) override { events.push_back(e); }
  std::map<std::string, Series> series;
  std::vector<parktwin::sim::SimEvent> events;
};

// Every byte of every sample and event, in emission order.
class ByteSink : public parktwin::sim::SampleSink {
 public:
  void sample(std::string_view tag, std::int64_t ts_ms, double value) override {
    bytes.append(tag);
    append(&ts_ms, sizeof ts_ms);
    append(&value, sizeof value);
  }
  void event(const parktwin::sim::SimEvent& e) override {
    bytes += std::string(kindName(e.kind)) + e.object + e.from + e.to + e.reason;
    append(&e.start_ms, sizeof e.start_ms);
    append(&e.end_ms, sizeof e.end_ms);
    append(&e.amount_t, sizeof e.amount_t);
    append(&e.from_position, sizeof e.from_position);
    append(&e.to_position, sizeof e.to_position);
  }
  std::string bytes;

 private:
  void append(const void* p, std::size_t n) { bytes.append(static_cast<const char*>(p), n); }
};

inline RecordingSink simulate(const parktwin::model::Park& park, const char* from, std::int64_t duration_ms,
                              std::int64_t step_ms = 60'000, std::uint64_t seed = 7) {
  RecordingSink sink;
  auto sim = parktwin::sim::Simulator::create(park, {seed, instant(from), step_ms});
  if (!sim) {
    ADD_FAILURE() << sim.error().message;
    return sink;
  }
  sim->runUntil(instant(from) + duration_ms, sink);
  return sink;
}

inline double mean(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  return v.empty() ? 0 : sum / static_cast<double>(v.size());
}

constexpr std::int64_t kHour = 3'600'000, kDay = 24 * kHour;

}  // namespace simtest
