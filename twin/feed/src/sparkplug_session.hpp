#pragma once
// What a Sparkplug B host application does with each message of one edge node, with no I/O:
// births teach aliases and data types, seq (0-255, wrapping) and bdSeq are checked, data becomes
// tag samples, deaths make tags stale. The caller does the MQTT part (sparkplug_source.cpp) and
// the fuzz target drives this directly.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parktwin/feed/connections.hpp"
#include "parktwin/feed/sparkplug_payload.hpp"
#include "parktwin/feed/value_mapping.hpp"
#include "source_error.hpp"

namespace parktwin::feed::detail {

struct SparkplugEffects {
  struct Sample {
    std::string tag;
    std::int64_t ts_ms = 0;
    double value = 0;
  };
  struct Stale {
    std::string tag;
    std::int64_t ts_ms = 0;
  };
  std::vector<Sample> samples;
  std::vector<Stale> stale;
  bool requestRebirth = false;  // send NCMD "Node Control/Rebirth" now
};

class SparkplugSession {
 public:
  explicit SparkplugSession(const SparkplugSource& config);
  // mapped_ points into config_.
  SparkplugSession(const SparkplugSession&) = delete;
  SparkplugSession& operator=(const SparkplugSession&) = delete;

  SparkplugEffects onMessage(std::string_view topic, std::string_view payload, std::int64_t now_ms);
  // The counters this session keeps: values, polls (messages), errors, gaps, last_error.
  const SourceCounters& counters() const { return counters_; }

  // A rebirth request is repeated at most this often while the node stays unknown.
  static constexpr std::int64_t kRebirthInterval_ms = 2000;

 private:
  struct Declared {
    std::string device;
    std::string name;
    std::optional<SparkplugDataType> datatype;
  };

  void onBirth(const SparkplugTopic& topic, const SparkplugPayload& payload, std::int64_t now_ms, SparkplugEffects& out);
  void onData(const SparkplugTopic& topic, const SparkplugPayload& payload, std::int64_t now_ms, SparkplugEffects& out);
  void onNodeDeath(const SparkplugPayload& payload, std::int64_t now_ms, SparkplugEffects& out);
  void onDeviceDeath(const SparkplugTopic& topic, const SparkplugPayload& payload, std::int64_t now_ms, SparkplugEffects& out);
  // False (and a rebirth asked for) when the node is unknown or a message was missed.
  bool checkSequence(const SparkplugTopic& topic, const SparkplugPayload& payload, std::int64_t now_ms, SparkplugEffects& out);
  const Declared* resolve(const std::string& device, const SparkplugMetricValue& metric) const;
  void emit(const Declared& declared, const SparkplugMetricValue& metric, std::int64_t ts_ms, SparkplugEffects& out);
  void markStale(const std::string* device, std::int64_t ts_ms, SparkplugEffects& out);
  void problem(SourceError text);
  void askRebirth(std::int64_t now_ms, SparkplugEffects& out);

  SparkplugSource config_;
  // device + '\0' + metric name -> the tags fed by that metric.
  std::map<std::string, std::vector<const ValueMapping*>, std::less<>> mapped_;
  bool born_ = false;
  std::optional<std::uint64_t> bdSeq_;
  std::optional<std::uint64_t> lastSeq_;
  std::unordered_map<std::uint64_t, Declared> byAlias_;
  std::map<std::string, Declared, std::less<>> byName_;  // device + '\0' + name
  std::optional<std::int64_t> lastRebirthRequest_ms_;
  DeadbandFilter deadband_;
  SourceCounters counters_;
};

}  // namespace parktwin::feed::detail
