#pragma once
// Alarms outlive a restart of the server. The hub is seeded with the newest value of each tag,
// so an alarm active at start looks as if it began at that sample: when it really began is read
// back from the tag's history. Acknowledgements are in the store (with the user), and at start
// the newest one of each active alarm is applied again, unless the alarm has cleared since
// (then the acknowledgement belonged to an earlier episode of the same rule).
#include <cstddef>
#include <cstdint>

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

// Call after restoreAlarmStarts. Returns how many acknowledgements were applied again.
Result<std::size_t> restoreAcknowledgements(HistoryAdapter& history, LiveHub& live, const model::Park& park,
                                            std::int64_t now_ms);

}  // namespace parktwin::server
