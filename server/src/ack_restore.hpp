#pragma once
// Alarms outlive a restart of the server. The hub is seeded with the newest value of each tag,
// so an alarm active at start looks as if it began at that sample: when it really began is read
// back from the tag's history. Acknowledgements are in the store (with the user), and at start
// the newest one of each active alarm is applied again, unless the alarm has cleared since
// (then the acknowledgement belonged to an earlier episode of the same rule). And a replay of the
// history: when each alarm active at the replayed time began.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "history_adapter.hpp"
#include "live_hub.hpp"
#include "parktwin/common/result.hpp"
#include "parktwin/model/park.hpp"

namespace parktwin::server {

// Call after the hub was seeded with the newest values (the alarms active at start). Each
// alarm's start is the first sample of the tag's trailing run that breaks the rule
// (model::violationOnset, the rule a window's replay follows too), at most
// model::kAlarmLookBackMs back. Returns how many alarms were found to have begun earlier than
// their seed sample.
Result<std::size_t> restoreAlarmStarts(HistoryAdapter& history, LiveHub& live);

// The alarms a replay of this history shows at `at_ms`: rule id -> when the violation each of
// the park's rules is in then began, for the rules its tag's value at or before at_ms
// (`states`, the state read at at_ms) breaks. The rule of the window's local replay
// (model::AlarmOnsets), so a replay of the server's history shows "since" as a local one does.
Result<std::map<std::string, std::int64_t>> alarmOnsetsAt(HistoryAdapter& history, const model::Park& park,
                                                          std::int64_t at_ms, const std::vector<store::TagState>& states);

// Call after restoreAlarmStarts. Returns how many acknowledgements were applied again.
Result<std::size_t> restoreAcknowledgements(HistoryAdapter& history, LiveHub& live, const model::Park& park,
                                            std::int64_t now_ms);

}  // namespace parktwin::server
