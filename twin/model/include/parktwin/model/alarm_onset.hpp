#pragma once
// When an active alarm began, read back from its tag's history: the first sample of the run
// over the rule's limit that the tag is in. One rule for parktwin-server (the alarms active at
// its start, server/src/ack_restore.cpp) and the window's replay of a history file (the alarms
// active at the replayed time, app/models/history_reader.cpp), so neither shows "since" the
// moment it started or seeked instead of when the value crossed the limit.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/model/park.hpp"

namespace parktwin::model {

// A tag's samples in time order, as two columns (violationStart's arguments).
struct TagSamples {
  std::vector<std::int64_t> ts_ms;
  std::vector<double> values;
};
// Reads `tag`'s samples with t0_ms <= ts_ms <= t1_ms, from whatever holds the history.
using ReadTagSamples = std::function<Result<TagSamples>(const std::string& tag, std::int64_t t0_ms, std::int64_t t1_ms)>;

// How far back an onset is looked for: an alarm older than this is shown as begun this long ago.
inline constexpr std::int64_t kAlarmLookBackMs = 400LL * 24 * 3600 * 1000;

struct ViolationOnset {
  std::int64_t since_ms = 0;
  // Every sample as far back as was looked broke the rule (or there was none): the violation
  // may have begun earlier still.
  bool reaches_look_back = false;
};

// When the violation of `rule` that its tag is in at `at_ms` began: the first sample of the
// tag's trailing run before at_ms that breaks the rule, or at_ms itself when the sample before
// it does not. Looked for backwards over [at_ms - look_back_ms, at_ms - 1] in windows doubling
// from an hour up to a day (a day of a 1 Hz tag is 86,400 samples in memory at once); a window
// without samples is a gap in the data, and the run goes on before it.
Result<ViolationOnset> violationOnset(const AlarmRule& rule, std::int64_t at_ms, std::int64_t look_back_ms,
                                      const ReadTagSamples& read);

// The onsets of a replay's active alarms as its time moves. A step forward reads only the
// samples since the last time asked (a rule broken then and all along keeps its onset, one
// that was back within its limit in between starts again); a step back, or a rule newly broken,
// looks back up to kAlarmLookBackMs.
class AlarmOnsets {
 public:
  explicit AlarmOnsets(std::vector<AlarmRule> rules) : rules_(std::move(rules)) {}
  // Rule id -> onset, for each rule whose tag's value at `t_ms` (valueOf; nullopt when the tag
  // has none) breaks it.
  Result<std::map<std::string, std::int64_t>> at(std::int64_t t_ms,
                                                 const std::function<std::optional<double>(const std::string&)>& valueOf,
                                                 const ReadTagSamples& read);

 private:
  std::vector<AlarmRule> rules_;
  std::map<std::string, std::int64_t> known_;  // the answer at lastMs_
  std::optional<std::int64_t> lastMs_;
};

}  // namespace parktwin::model
