#include "ack_restore.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parktwin/model/alarm_onset.hpp"
#include "parktwin/model/alarms.hpp"

namespace parktwin::server {

namespace {

// The tag's history as model::violationOnset reads it.
model::ReadTagSamples tagSamplesOf(HistoryAdapter& history) {
  return [&history](const std::string& tag, std::int64_t t0_ms, std::int64_t t1_ms) -> Result<model::TagSamples> {
    auto samples = history.samplesBetween(tag, t0_ms, t1_ms);
    if (!samples) return std::unexpected(samples.error());
    model::TagSamples out;
    for (const auto& s : *samples) out.ts_ms.push_back(s.ts_ms), out.values.push_back(s.value);
    return out;
  };
}

}  // namespace

Result<std::size_t> restoreAlarmStarts(HistoryAdapter& history, LiveHub& live) {
  std::size_t restored = 0;
  const auto read = tagSamplesOf(history);
  for (const auto& alarm : live.activeAlarms()) {
    // The seed sample broke the rule: its run began there or earlier.
    auto onset = model::violationOnset(*alarm.rule, alarm.since_ms, model::kAlarmLookBackMs, read);
    if (!onset) return std::unexpected(onset.error());
    if (onset->since_ms < alarm.since_ms && live.setAlarmSince(alarm.rule->id, onset->since_ms)) ++restored;
  }
  return restored;
}

Result<std::map<std::string, std::int64_t>> alarmOnsetsAt(HistoryAdapter& history, const model::Park& park,
                                                          std::int64_t at_ms, const std::vector<store::TagState>& states) {
  std::map<std::string, double> values;
  for (const auto& s : states) values[s.tag] = s.value;
  const auto valueOf = [&values](const std::string& tag) -> std::optional<double> {
    const auto it = values.find(tag);
    return it == values.end() ? std::nullopt : std::optional<double>(it->second);
  };
  return model::AlarmOnsets(park.alarm_rules).at(at_ms, valueOf, tagSamplesOf(history));
}

Result<std::size_t> restoreAcknowledgements(HistoryAdapter& history, LiveHub& live, const model::Park& park,
                                            std::int64_t now_ms) {
  auto acks = history.acknowledgementsBetween(0, now_ms);
  if (!acks) return std::unexpected(acks.error());
  std::map<std::string, store::Acknowledgement> newest;  // by rule; the list is in time order
  for (auto& ack : *acks) newest[ack.rule] = std::move(ack);
  std::size_t restored = 0;
  for (const auto& rule : park.alarm_rules) {
    const auto ack = newest.find(rule.id);
    if (ack == newest.end()) continue;
    // A value of the tag after the acknowledgement that did not break the rule cleared the
    // alarm: what is active now is a later episode nobody has acknowledged yet.
    auto after = history.samplesBetween(rule.tag, ack->second.ts_ms + 1, std::numeric_limits<std::int64_t>::max());
    if (!after) return std::unexpected(after.error());
    bool cleared = false;
    for (const auto& s : *after) cleared = cleared || !model::violates(rule, s.value);
    if (cleared) continue;
    if (live.restoreAcknowledgement(rule.id, {ack->second.user, ack->second.ts_ms, ack->second.comment})) ++restored;
  }
  return restored;
}

}  // namespace parktwin::server
