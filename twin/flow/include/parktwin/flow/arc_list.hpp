#pragma once
// A flat text form of a network exactly as the solvers see it (integer capacities and costs),
// for independent checks (tests/unit/flow/networkx_oracle.py) and benchmarks:
//   p <nodes> <arcs> <source> <sink>
//   a <from> <to> <capacity> <cost>      one line per arc, network order
#include <string>

#include "parktwin/flow/network.hpp"

namespace parktwin::flow {

std::string toArcListText(const FlowNetwork& network);

// Scale factors between the network's units and the integers in the arc list.
long long toFlowQuanta(const FlowNetwork& network, double flow);
long long toCostQuanta(const FlowNetwork& network, double costPerUnit);
double fromFlowQuanta(const FlowNetwork& network, long long quanta);
double fromCostTotalQuanta(const FlowNetwork& network, long long flowTimesCostQuanta);

}  // namespace parktwin::flow
