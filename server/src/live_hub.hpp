#pragma once
// The park's live side: the newest value of every tag, the values that arrived since the last
// WebSocket batch, and the alarm board (twin/model alarms.hpp holds the rules' logic) with who
// acknowledged what. The feed's thread writes samples; the batch timer calls tick(); API
// threads read alarms and acknowledge. Thread-safe; no network code here.
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "parktwin/common/result.hpp"
#include "parktwin/model/alarms.hpp"
#include "parktwin/model/park.hpp"

namespace parktwin::server {

struct Acknowledgement {
  std::string user;
  std::int64_t at_ms = 0;  // wall clock of the acknowledgement
  std::string comment;
};

class LiveHub {
 public:
  explicit LiveHub(const model::Park& park);

  // A sample from the feed (or history at start): newest value per tag, queued for the batch.
  void sample(std::string_view tag, std::int64_t ts_ms, double value);
  // The tag's newest value is no longer current (a Sparkplug death, a lost device), said at
  // ts_ms (this server's clock). Marks the newest value, if any; the next sample to arrive that
  // is the tag's newest makes it current again.
  void stale(std::string_view tag, std::int64_t ts_ms);
  // Values queued since the last tick and alarm changes (each newest sample evaluated against
  // its tag's rules as it came), as JSON messages for the WebSocket clients; empty when nothing
  // happened.
  std::vector<std::string> tick();
  // Acknowledges an active alarm; not_found when the rule is unknown or not active. The
  // acknowledgement goes out with the next tick.
  Result<Acknowledgement> acknowledge(const std::string& ruleId, const std::string& user, const std::string& comment,
                                      std::int64_t now_ms);
  // An acknowledgement read back from history at start: applied silently (no message) when the
  // rule is active; false otherwise.
  bool restoreAcknowledgement(const std::string& ruleId, const Acknowledgement& ack);
  // When an active alarm began, read back from history at start (ack_restore.hpp); false if
  // the rule is not active.
  bool setAlarmSince(const std::string& ruleId, std::int64_t since_ms);
  // Active alarms, worst first, with who acknowledged them.
  nlohmann::json alarmsJson() const;
  std::vector<model::ActiveAlarm> activeAlarms() const;
  // What a new WebSocket client gets first: the park, every newest value, the tags whose value
  // is stale, the alarms.
  std::string helloMessage() const;

 private:
  nlohmann::json alarmJson(const model::ActiveAlarm& alarm) const;
  std::string alarmChangeMessage(const model::AlarmChange& change);

  const model::Park& park_;
  mutable std::mutex mutex_;
  struct Latest {
    std::int64_t ts_ms = 0;
    double value = 0;
    bool stale = false;
  };
  std::map<std::string, Latest, std::less<>> latest_;
  nlohmann::json pending_ = nlohmann::json::array();
  nlohmann::json pendingStale_ = nlohmann::json::array();
  std::vector<std::string> pendingMessages_;
  model::AlarmBoard board_;
  std::map<std::string, Acknowledgement> acks_;  // by rule id, while the alarm is active
};

}  // namespace parktwin::server
