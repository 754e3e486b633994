#include "parktwin/model/alarm_onset.hpp"

#include <algorithm>

#include "parktwin/model/alarms.hpp"

namespace parktwin::model {

Result<ViolationOnset> violationOnset(const AlarmRule& rule, std::int64_t at_ms, std::int64_t look_back_ms,
                                      const ReadTagSamples& read) {
  std::int64_t since = at_ms, end = at_ms - 1;
  constexpr std::int64_t kHour = 3'600'000, kDay = 24 * kHour;
  for (std::int64_t window = kHour; at_ms - end <= look_back_ms; window = std::min(window * 2, kDay)) {
    window = std::min(window, look_back_ms - (at_ms - end) + 1);
    auto samples = read(rule.tag, end - window + 1, end);
    if (!samples) return std::unexpected(samples.error());
    end -= window;
    if (samples->ts_ms.empty()) continue;
    const auto start = violationStart(rule, samples->ts_ms, samples->values);
    if (!start) return ViolationOnset{since, false};  // the sample before the run: it began at `since`
    since = start->since_ms;
    if (!start->whole_run) return ViolationOnset{since, false};
  }
  return ViolationOnset{since, true};
}

Result<std::map<std::string, std::int64_t>> AlarmOnsets::at(
    std::int64_t t_ms, const std::function<std::optional<double>(const std::string&)>& valueOf, const ReadTagSamples& read) {
  std::map<std::string, std::int64_t> onsets;
  for (const auto& rule : rules_) {
    const auto value = valueOf(rule.tag);
    if (!value || !violates(rule, *value)) continue;
    const auto known = known_.find(rule.id);
    const bool onFromKnown = lastMs_ && t_ms >= *lastMs_ && known != known_.end();
    auto onset = violationOnset(rule, t_ms, onFromKnown ? t_ms - *lastMs_ : kAlarmLookBackMs, read);
    if (!onset) return std::unexpected(onset.error());
    onsets[rule.id] = onFromKnown && onset->reaches_look_back ? known->second : onset->since_ms;
  }
  known_ = onsets;
  lastMs_ = t_ms;
  return onsets;
}

}  // namespace parktwin::model
