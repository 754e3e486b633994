#pragma once
// A park's flow solution as JSON (arcs, bottleneck, KPIs by key of the KPI table, per-mu
// ranking, breakdown), shared by `parktwin-cli flows --json` and parktwin-server.
#include <nlohmann/json.hpp>

#include <optional>

#include "parktwin/flow/park_flows.hpp"
#include "parktwin/flow/solver.hpp"
#include "parktwin/model/park.hpp"

namespace parktwin::flow {

// "t/h" for the material network, "kW" for the energy network.
const char* quantityUnit(const FlowNetwork& network);

nlohmann::json flowReportJson(const model::Park& park, const ParkFlowReport& report,
                              const std::optional<FailureImpact>& materialImpact,
                              const std::optional<FailureImpact>& energyImpact);

}  // namespace parktwin::flow
