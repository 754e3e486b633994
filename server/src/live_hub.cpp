#include "live_hub.hpp"

#include <algorithm>

namespace parktwin::server {

using nlohmann::json;

LiveHub::LiveHub(const model::Park& park) : park_(park), board_(park) {}

void LiveHub::sample(std::string_view tag, std::int64_t ts_ms, double value) {
  std::lock_guard lock(mutex_);
  pending_.push_back(json::array({tag, ts_ms, value}));
  auto it = latest_.find(tag);
  if (it != latest_.end() && ts_ms < it->second.ts_ms) return;  // a late sample is not newest
  if (it == latest_.end()) latest_.emplace(std::string(tag), Latest{ts_ms, value});
  else it->second = Latest{ts_ms, value};
  // Each newest sample, not the batch's last, so an alarm begins at the sample that broke
  // its rule even when a burst brings several in one batch.
  for (const auto& change : board_.updateTag(tag, ts_ms, value)) pendingMessages_.push_back(alarmChangeMessage(change));
}

void LiveHub::stale(std::string_view tag, std::int64_t ts_ms) {
  std::lock_guard lock(mutex_);
  auto it = latest_.find(tag);
  // Samples and deaths reach the hub in the order they arrived, under one lock: a death marks the
  // newest value whatever its stamp (a death is stamped with this server's clock on arrival, the
  // values with the device's, which may run ahead), and only a sample after it clears the mark.
  if (it == latest_.end() || it->second.stale) return;
  it->second.stale = true;
  pendingStale_.push_back(json::array({tag, ts_ms}));
}

json LiveHub::alarmJson(const model::ActiveAlarm& a) const {
  const auto* tag = park_.findTag(a.rule->tag);
  json out{{"id", a.rule->id},
           {"tag", a.rule->tag},
           {"object", tag ? tag->object : std::string()},
           {"severity", model::toText(a.rule->severity)},
           {"message_en", a.rule->message.en},
           {"message_zh", a.rule->message.zh},
           {"value", a.value},
           {"since_ms", a.since_ms},
           {"acknowledged", a.acknowledged}};
  if (const auto ack = acks_.find(a.rule->id); ack != acks_.end()) {
    out["acknowledged_by"] = ack->second.user;
    out["acknowledged_at_ms"] = ack->second.at_ms;
    out["comment"] = ack->second.comment;
  }
  return out;
}

// Caller holds mutex_.
std::string LiveHub::alarmChangeMessage(const model::AlarmChange& change) {
  const bool raised = change.kind == model::AlarmChange::Kind::Raised;
  if (!raised) acks_.erase(change.rule->id);
  return json{{"type", "alarm"},
              {"change", raised ? "raised" : "cleared"},
              {"id", change.rule->id},
              {"severity", model::toText(change.rule->severity)},
              {"value", change.value},
              {"at_ms", change.at_ms}}
      .dump();
}

bool LiveHub::setAlarmSince(const std::string& ruleId, std::int64_t since_ms) {
  std::lock_guard lock(mutex_);
  return board_.setSince(ruleId, since_ms);
}

std::vector<std::string> LiveHub::tick() {
  std::lock_guard lock(mutex_);
  std::vector<std::string> messages;
  if (!pending_.empty()) {
    json message = json::object();
    message["type"] = "values";
    message["columns"] = json::array({"tag", "ts", "v"});
    message["values"] = std::move(pending_);
    messages.push_back(message.dump());
    pending_ = json::array();
  }
  if (!pendingStale_.empty()) {
    messages.push_back(json{{"type", "stale"}, {"columns", {"tag", "ts"}}, {"stale", std::move(pendingStale_)}}.dump());
    pendingStale_ = json::array();
  }
  for (auto& m : pendingMessages_) messages.push_back(std::move(m));
  pendingMessages_.clear();
  return messages;
}

Result<Acknowledgement> LiveHub::acknowledge(const std::string& ruleId, const std::string& user,
                                             const std::string& comment, std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  if (!board_.acknowledge(ruleId, comment)) {
    return fail(ErrorCode::not_found, "alarm \"" + ruleId + "\" is not active");
  }
  Acknowledgement ack{user, now_ms, comment};
  acks_[ruleId] = ack;
  pendingMessages_.push_back(json{{"type", "alarm"},
                                  {"change", "acknowledged"},
                                  {"id", ruleId},
                                  {"user", user},
                                  {"at_ms", now_ms},
                                  {"comment", comment}}
                                 .dump());
  return ack;
}

bool LiveHub::restoreAcknowledgement(const std::string& ruleId, const Acknowledgement& ack) {
  std::lock_guard lock(mutex_);
  if (!board_.acknowledge(ruleId, ack.comment)) return false;
  acks_[ruleId] = ack;
  return true;
}

std::vector<model::ActiveAlarm> LiveHub::activeAlarms() const {
  std::lock_guard lock(mutex_);
  return board_.active();
}

json LiveHub::alarmsJson() const {
  std::lock_guard lock(mutex_);
  json out = json::array();
  for (const auto& a : board_.active()) out.push_back(alarmJson(a));
  return out;
}

std::string LiveHub::helloMessage() const {
  std::lock_guard lock(mutex_);
  json values = json::array();
  json stale = json::array();
  for (const auto& [tag, latest] : latest_) {
    values.push_back(json::array({tag, latest.ts_ms, latest.value}));
    if (latest.stale) stale.push_back(tag);
  }
  json alarms = json::array();
  for (const auto& a : board_.active()) alarms.push_back(alarmJson(a));
  return json{{"type", "hello"}, {"park", park_.id}, {"columns", {"tag", "ts", "v"}},
              {"values", values}, {"stale", stale}, {"alarms", alarms}}
      .dump();
}

}  // namespace parktwin::server
