#pragma once
// Alarm rules of a park (AlarmRule: a tag above and/or below a threshold) evaluated over time:
// which are active, since when, and which a person has acknowledged, with what comment.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
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
  explicit AlarmBoard(const Park& park);

  // Re-evaluates every rule with the tag values at `t_ms` (nullopt: tag has no value, the
  // rule is then inactive). Returns what was raised or cleared since the last update.
  std::vector<AlarmChange> update(std::int64_t t_ms, const std::function<std::optional<double>(const std::string&)>& valueOf);
  // Re-evaluates only the rules on `tag`, with its newest value `value` at `t_ms` (a live
  // sample, in time order): an alarm is raised at the sample that first breaks its rule, not at
  // whatever arrived last in the same batch.
  std::vector<AlarmChange> updateTag(std::string_view tag, std::int64_t t_ms, double value);
  // Sets when an active alarm began (read back from history after a restart); false if the
  // rule is not active.
  bool setSince(const std::string& ruleId, std::int64_t since_ms);
  // False if the rule is not active.
  bool acknowledge(const std::string& ruleId, const std::string& comment);
  // Active alarms, worst severity first, then oldest first.
  std::vector<ActiveAlarm> active() const;
  // Forget everything (after a seek backwards in a replay, history is re-evaluated).
  void reset() { active_.clear(); }

 private:
  // Raises, updates or clears the alarm of `rule` for its tag's value (nullopt: none).
  void evaluate(const AlarmRule& rule, std::optional<double> value, std::int64_t t_ms, std::vector<AlarmChange>& changes);

  const Park* park_;
  std::map<std::string, std::vector<const AlarmRule*>, std::less<>> rulesByTag_;  // for updateTag, per live sample
  std::map<std::string, ActiveAlarm> active_;  // by rule id
};

// True when `value` breaks the rule.
bool violates(const AlarmRule& rule, double value);

// When the violation that `samples` (in time order) end in began: the time of the first sample
// of their trailing run that breaks `rule`. nullopt when the last sample does not break it (or
// there is none); `whole_run` is set when every sample breaks it (the run may have begun
// earlier: look further back).
struct ViolationStart {
  std::int64_t since_ms = 0;
  bool whole_run = false;
};
std::optional<ViolationStart> violationStart(const AlarmRule& rule, std::span<const std::int64_t> ts_ms,
                                             std::span<const double> values);
int severityRank(Severity severity);  // info 0, warning 1, critical 2

}  // namespace parktwin::model
