#pragma once
// Helpers shared by the flow tests: temp files, the networkx oracle, test parks.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parktwin/flow/network.hpp"
#include "parktwin/flow/park_flows.hpp"
#include "parktwin/model/park.hpp"

namespace parktwin::flow::test {

struct OracleAnswer {
  long long max_flow = 0;
  long long min_cut = 0;
  long long min_cost = 0;
};

// True when /usr/bin/python3 can import networkx.
bool networkxAvailable();

// Writes each network's arc list to a temp file and runs the oracle once over all of them;
// nullopt (with `error` set) when the oracle fails or prints something unexpected.
std::optional<std::vector<OracleAnswer>> askNetworkx(const std::vector<FlowNetwork>& networks, std::string& error);

// Every network of `report` against networkx (gtest expectations): maximum flow, minimum cut,
// the dispatch's value and cost, a non-empty cut.
void expectNetworkxAgrees(const ParkFlowReport& report);

// One flow per arc of `net`, zero but for the arcs named in `byId`.
std::vector<double> flowsById(const FlowNetwork& net, const std::map<std::string, double>& byId);

model::Park loadTestPark(const std::string& fileName);                  // tests/unit/flow/data/<file>
std::optional<model::Park> loadDemoPark(const std::string& name);       // assets/parks/<name>.json if present

}  // namespace parktwin::flow::test
