#pragma once
// `parktwin-cli flows` as text for people, in commandLanguage(): the networks, their bottleneck
// and flows, the KPIs, the firms and the per-mu ranking (the JSON form is flow::flowReportJson).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parktwin/flow/park_flows.hpp"
#include "parktwin/flow/solver.hpp"
#include "parktwin/model/park.hpp"

namespace parktwin::cli {

// What a report stands for: its basis ("at design capacity, the average hour of a year") and
// its KPIs' basis, in both languages (the JSON keeps the English).
struct FlowsBasis {
  model::LocalizedText flows;
  model::LocalizedText kpis;
};

// A planned building or utility these flows leave out: its id and name.
struct UnbuiltObject {
  std::string id;
  model::LocalizedText name;
};

void printFlowsReport(const model::Park& park, const flow::ParkFlowReport& report,
                      const std::optional<flow::FailureImpact>& materialImpact,
                      const std::optional<flow::FailureImpact>& energyImpact, const FlowsBasis& basis,
                      const std::vector<UnbuiltObject>& unbuilt);

// "Down at that time: potline-2" and the state's notes (flows --db --at), in the command's language.
void printDownAtThatTime(const std::vector<std::string>& down, const std::vector<model::LocalizedText>& notes);

}  // namespace parktwin::cli
