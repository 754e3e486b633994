#include "parktwin/model/alarms.hpp"

#include "parktwin/model/alarm_places.hpp"

#include <algorithm>
#include <cmath>

namespace parktwin::model {

bool violates(const AlarmRule& rule, double value) {
  if (std::isnan(value)) return false;
  return (rule.above && value > *rule.above) || (rule.below && value < *rule.below);
}

int severityRank(Severity severity) {
  switch (severity) {
    case Severity::info: return 0;
    case Severity::warning: return 1;
    case Severity::critical: return 2;
  }
  return 0;
}

void AlarmBoard::evaluate(const AlarmRule& rule, std::optional<double> value, std::int64_t t_ms, std::vector<AlarmChange>& changes) {
  const bool firing = value && violates(rule, *value);
  auto it = active_.find(rule.id);
  if (firing && it == active_.end()) {
    active_.emplace(rule.id, ActiveAlarm{&rule, *value, t_ms, false, {}});
    changes.push_back({AlarmChange::Kind::Raised, &rule, *value, t_ms});
  } else if (firing) {
    it->second.value = *value;
  } else if (it != active_.end()) {
    changes.push_back({AlarmChange::Kind::Cleared, &rule, value.value_or(NAN), t_ms});
    active_.erase(it);
  }
}

std::vector<AlarmChange> AlarmBoard::update(std::int64_t t_ms,
                                            const std::function<std::optional<double>(const std::string&)>& valueOf) {
  std::vector<AlarmChange> changes;
  for (const auto& rule : park_->alarm_rules) evaluate(rule, valueOf(rule.tag), t_ms, changes);
  return changes;
}

AlarmBoard::AlarmBoard(const Park& park) : park_(&park) {
  for (const auto& rule : park.alarm_rules) rulesByTag_[rule.tag].push_back(&rule);
}

std::vector<AlarmChange> AlarmBoard::updateTag(std::string_view tag, std::int64_t t_ms, double value) {
  std::vector<AlarmChange> changes;
  if (const auto rules = rulesByTag_.find(tag); rules != rulesByTag_.end()) {
    for (const AlarmRule* rule : rules->second) evaluate(*rule, value, t_ms, changes);
  }
  return changes;
}

bool AlarmBoard::setSince(const std::string& ruleId, std::int64_t since_ms) {
  auto it = active_.find(ruleId);
  if (it == active_.end()) return false;
  it->second.since_ms = since_ms;
  return true;
}

std::optional<ViolationStart> violationStart(const AlarmRule& rule, std::span<const std::int64_t> ts_ms,
                                             std::span<const double> values) {
  std::size_t first = values.size();
  while (first > 0 && violates(rule, values[first - 1])) --first;
  if (first == values.size()) return std::nullopt;
  return ViolationStart{ts_ms[first], first == 0};
}

bool AlarmBoard::acknowledge(const std::string& ruleId, const std::string& comment) {
  auto it = active_.find(ruleId);
  if (it == active_.end()) return false;
  it->second.acknowledged = true;
  it->second.comment = comment;
  return true;
}

std::vector<ActiveAlarm> AlarmBoard::active() const {
  std::vector<ActiveAlarm> out;
  for (const auto& [id, alarm] : active_) out.push_back(alarm);
  std::ranges::sort(out, [](const ActiveAlarm& a, const ActiveAlarm& b) {
    const int sa = severityRank(a.rule->severity), sb = severityRank(b.rule->severity);
    return sa != sb ? sa > sb : a.since_ms < b.since_ms;
  });
  return out;
}

std::string alarmPlaceOf(const std::string& object, const ObjectIndex& objects) {
  const auto* indexed = objects.find(object);
  return indexed && !indexed->building.empty() ? indexed->building : object;
}

std::vector<AlarmPlace> alarmPlaces(std::span<const PlacedAlarm> alarms, const ObjectIndex& objects) {
  std::vector<AlarmPlace> places;
  for (const auto& alarm : alarms) {
    const std::string place = alarmPlaceOf(alarm.object, objects);
    auto it = std::ranges::find(places, place, &AlarmPlace::place);
    if (it == places.end()) it = places.insert(places.end(), AlarmPlace{place, 0, 0, alarm.severity});
    // The first unacknowledged alarm resets the worst: acknowledged ones no longer decide it.
    const bool decides = !alarm.acknowledged || it->acknowledged();
    if (!alarm.acknowledged && it->acknowledged()) it->worst = alarm.severity;
    else if (decides && severityRank(alarm.severity) > severityRank(it->worst)) it->worst = alarm.severity;
    ++it->count;
    if (!alarm.acknowledged) ++it->unacknowledged;
  }
  return places;
}

}  // namespace parktwin::model
