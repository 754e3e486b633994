#include "parktwin/model/alarms.hpp"

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

std::vector<AlarmChange> AlarmBoard::update(std::int64_t t_ms,
                                            const std::function<std::optional<double>(const std::string&)>& valueOf) {
  std::vector<AlarmChange> changes;
  for (const auto& rule : park_->alarm_rules) {
    const std::optional<double> value = valueOf(rule.tag);
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
  return changes;
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

}  // namespace parktwin::model
