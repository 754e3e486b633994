#pragma once
// Acknowledgements outlive a restart of the server: they are in the store (with the user), and
// at start the newest one of each active alarm is applied again, unless the alarm has cleared
// since (then the acknowledgement belonged to an earlier episode of the same rule).
#include <cstddef>
#include <cstdint>

#include "history_adapter.hpp"
#include "live_hub.hpp"
#include "parktwin/common/result.hpp"
#include "parktwin/model/park.hpp"

namespace parktwin::server {

// Call after the hub's first evaluation of history (the alarms active at start). Returns how many
// acknowledgements were applied again.
Result<std::size_t> restoreAcknowledgements(HistoryAdapter& history, LiveHub& live, const model::Park& park,
                                            std::int64_t now_ms);

}  // namespace parktwin::server
