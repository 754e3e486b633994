#pragma once
// From a FlowNetwork (units, doubles) to the integer problem the graph code solves, and back.
#include "integer_graph.hpp"
#include "parktwin/common/result.hpp"
#include "parktwin/flow/network.hpp"

namespace parktwin::flow::detail {

// Checks indices, distinct source and sink, finite non-negative capacities and costs.
Result<void> validateNetwork(const FlowNetwork& network);
IntegerProblem toIntegerProblem(const FlowNetwork& network);
// The same into `problem`, reusing its arcs' room (ParkFlowSolver).
void toIntegerProblem(const FlowNetwork& network, IntegerProblem& problem);

}  // namespace parktwin::flow::detail
