#include "ack_restore.hpp"

#include <limits>
#include <map>
#include <string>

#include "parktwin/model/alarms.hpp"

namespace parktwin::server {

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
