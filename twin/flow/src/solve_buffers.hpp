#pragma once
// What one network's solve can hand to the next solve of a network of about the same size
// (ParkFlowSolver, park_flows.hpp): room, never contents. Every buffer is cleared or assigned
// in full before it is read, so a solve with kept buffers gives the very answer of a solve
// with fresh ones (tests/unit/flow/park_flow_solver_test.cpp). Why keep them: on the 100k-node
// park a solve writes about 130 MB; writing the arcs took 173 ms into fresh pages and 30-45 ms
// into kept ones (docs/flow.md, h49; the whole solve's gain is not shown there).
#include <expected>

#include "integer_graph.hpp"
#include "parktwin/common/result.hpp"
#include "parktwin/flow/network.hpp"
#include "parktwin/flow/solver.hpp"

namespace parktwin::flow::detail {

struct NetworkSolveBuffers {
  IntegerProblem problem;
  SimplexBuffers simplex;
  std::vector<std::int64_t> flow_quanta;  // the simplex's answer per arc
};

// solveMaxFlowAndDispatch (solver.hpp) in kept buffers; `room` lends its vectors' capacity
// to the answer's (an earlier answer for the same network, or empty).
Result<MaxFlowAndDispatch> solveMaxFlowAndDispatch(const FlowNetwork& network, NetworkSolveBuffers& buffers,
                                                   MaxFlowAndDispatch room);

// A network, or why it cannot be built in both languages (the public builders fail with the
// English; solveParkFlows warns in the reader's).
using BuiltNetwork = std::expected<FlowNetwork, model::LocalizedText>;

// buildMaterialNetwork / buildEnergyNetwork (network.hpp) into the room of `room`, an earlier
// network whose arcs and nodes are dropped first.
BuiltNetwork buildMaterialNetwork(const model::Park& park, const FlowOverrides& overrides, FlowNetwork room);
BuiltNetwork buildEnergyNetwork(const model::Park& park, const FlowOverrides& overrides, FlowNetwork room);

}  // namespace parktwin::flow::detail
