#include "ack_restore.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "parktwin/model/alarms.hpp"

namespace parktwin::server {

namespace {

// When the violation of `rule` that the tag is in at `seed_ms` began (seed_ms when it began there).
Result<std::int64_t> violationBeganBefore(HistoryAdapter& history, const model::AlarmRule& rule, std::int64_t seed_ms) {
  std::int64_t since = seed_ms, end = seed_ms - 1;
  // Windows double from an hour up to a day (a day of a 1 Hz tag is 86,400 samples in memory at
  // once), and never reach past the look-back.
  constexpr std::int64_t kHour = 3'600'000, kDay = 24 * kHour;
  for (std::int64_t window = kHour; seed_ms - end <= kAlarmLookBackMs; window = std::min(window * 2, kDay)) {
    window = std::min(window, kAlarmLookBackMs - (seed_ms - end) + 1);
    auto samples = history.samplesBetween(rule.tag, end - window + 1, end);
    if (!samples) return std::unexpected(samples.error());
    end -= window;
    if (samples->empty()) continue;  // a gap in the data: the run goes on before it
    std::vector<std::int64_t> ts;
    std::vector<double> values;
    for (const auto& s : *samples) ts.push_back(s.ts_ms), values.push_back(s.value);
    const auto start = model::violationStart(rule, ts, values);
    if (!start) break;  // the sample before the run: it began at `since`
    since = start->since_ms;
    if (!start->whole_run) break;
  }
  return since;
}

}  // namespace

Result<std::size_t> restoreAlarmStarts(HistoryAdapter& history, LiveHub& live) {
  std::size_t restored = 0;
  for (const auto& alarm : live.activeAlarms()) {
    auto since = violationBeganBefore(history, *alarm.rule, alarm.since_ms);
    if (!since) return std::unexpected(since.error());
    if (*since < alarm.since_ms && live.setAlarmSince(alarm.rule->id, *since)) ++restored;
  }
  return restored;
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
