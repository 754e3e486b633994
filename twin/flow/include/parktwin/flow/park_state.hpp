#pragma once
// The park's flows at a moment of live or replayed data: tag values at time T (from the
// historian's stateAt) turned into network overrides. A line that is down is out of service
// in both networks; lines, chargers and hydrogen draw their measured power (a line's counts
// whether its energy link ends at the line or at its building; a line without a measurement
// draws its design figure); PV, hydro and storage supply what they generate now (a storage
// plant that is charging supplies nothing and its charging power is a load); PV without a
// measurement gives what the park's solar rule gives at T under an average sky
// (sim::pvPowerKw with sim::meanSkyClearness(): nothing at night); the grid is not limited.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "parktwin/flow/network.hpp"
#include "parktwin/model/park.hpp"

namespace parktwin::flow {

struct StateOverrides {
  FlowOverrides material;
  FlowOverrides energy;
  std::vector<std::string> down;   // lines out of service at T (state code 3)
  std::vector<model::LocalizedText> notes;  // tags without a value and storage charging, in words (zh, en)
};

// `values`: tag id -> value at T (`at_utc_ms`, ms since the epoch). Tags the flows do not use
// are ignored.
StateOverrides overridesFromState(const model::Park& park, const std::map<std::string, double>& values,
                                  std::int64_t at_utc_ms);

}  // namespace parktwin::flow
