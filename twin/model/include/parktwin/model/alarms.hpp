#pragma once
// Alarm rules of a park (AlarmRule: a tag above and/or below a threshold) evaluated over time:
// which are active, since when, and which a person has acknowledged, with what comment.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parktwin/model/park.hpp"

namespace parktwin::model {

struct ActiveAlarm {
  const AlarmRule* rule = nullptr;
  double value = 0;
  std::int64_t since_ms = 0;
  bool acknowledged = false;
  std::string comment;
};

struct AlarmChange {
  enum class Kind { Raised, Cleared };
  Kind kind;
  const AlarmRule* rule;
  double value;
  std::int64_t at_ms;
};

class AlarmBoard {
 public:
  explicit AlarmBoard(const Park& park) : park_(&park) {}

  // Re-evaluates every rule with the tag values at `t_ms` (nullopt: tag has no value, the
  // rule is then inactive). Returns what was raised or cleared since the last update.
  std::vector<AlarmChange> update(std::int64_t t_ms, const std::function<std::optional<double>(const std::string&)>& valueOf);
  // False if the rule is not active.
  bool acknowledge(const std::string& ruleId, const std::string& comment);
  // Active alarms, worst severity first, then oldest first.
  std::vector<ActiveAlarm> active() const;
  // Forget everything (after a seek backwards in a replay, history is re-evaluated).
  void reset() { active_.clear(); }

 private:
  const Park* park_;
  std::map<std::string, ActiveAlarm> active_;  // by rule id
};

// True when `value` breaks the rule.
bool violates(const AlarmRule& rule, double value);
int severityRank(Severity severity);  // info 0, warning 1, critical 2

}  // namespace parktwin::model
