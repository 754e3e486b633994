#include "test_support.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "parktwin/flow/arc_list.hpp"
#include "parktwin/flow/park_flows.hpp"
#include "parktwin/model/park_file.hpp"

namespace parktwin::flow::test {
namespace {

std::string runCommand(const std::string& command, int& status) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) {
    status = -1;
    return output;
  }
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe)) output += buffer.data();
  status = pclose(pipe);
  return output;
}

}  // namespace

bool networkxAvailable() {
  int status = 0;
  runCommand("/usr/bin/python3 -c 'import networkx' 2>/dev/null", status);
  return status == 0;
}

std::optional<std::vector<OracleAnswer>> askNetworkx(const std::vector<FlowNetwork>& networks, std::string& error) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("parktwin-flow-oracle-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                    ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::filesystem::create_directories(dir);
  std::string command = "/usr/bin/python3 " PARKTWIN_SOURCE_DIR "/tests/unit/flow/networkx_oracle.py";
  for (std::size_t i = 0; i < networks.size(); ++i) {
    const auto file = dir / ("graph" + std::to_string(i) + ".txt");
    std::ofstream(file) << toArcListText(networks[i]);
    command += " " + file.string();
  }
  int status = 0;
  const std::string output = runCommand(command + " 2>&1", status);
  std::filesystem::remove_all(dir);
  if (status != 0) {
    error = "oracle failed (status " + std::to_string(status) + "): " + output;
    return std::nullopt;
  }
  std::istringstream in(output);
  std::vector<OracleAnswer> answers;
  OracleAnswer a;
  while (in >> a.max_flow >> a.min_cut >> a.min_cost) answers.push_back(a);
  if (answers.size() != networks.size()) {
    error = "oracle printed " + std::to_string(answers.size()) + " answers for " + std::to_string(networks.size()) +
            " graphs: " + output;
    return std::nullopt;
  }
  return answers;
}

model::Park loadTestPark(const std::string& fileName) {
  auto park = model::loadPark(std::filesystem::path(PARKTWIN_SOURCE_DIR) / "tests/unit/flow/data" / fileName);
  if (!park) {
    ADD_FAILURE() << park.error().message;
    return {};
  }
  return *park;
}

std::optional<model::Park> loadDemoPark(const std::string& name) {
  const auto file = std::filesystem::path(PARKTWIN_SOURCE_DIR) / "assets/parks" / (name + ".json");
  if (!std::filesystem::exists(file)) return std::nullopt;
  auto park = model::loadPark(file);
  if (!park) {
    ADD_FAILURE() << park.error().message;
    return std::nullopt;
  }
  return *park;
}

std::vector<double> flowsById(const FlowNetwork& net, const std::map<std::string, double>& byId) {
  std::vector<double> flows(net.arcs.size(), 0.0);
  for (const auto& [id, value] : byId) {
    const int arc = net.findArc(id);
    EXPECT_GE(arc, 0) << id;
    if (arc >= 0) flows[static_cast<std::size_t>(arc)] = value;
  }
  return flows;
}

// Value, minimum cut and cost of each network of `report` equal networkx's on the same problem.
void expectNetworkxAgrees(const ParkFlowReport& report) {
  std::vector<const NetworkSolution*> solutions;
  if (report.has_material) solutions.push_back(&report.material);
  if (report.has_energy) solutions.push_back(&report.energy);
  std::vector<FlowNetwork> networks;
  for (const auto* s : solutions) networks.push_back(s->network);
  std::string error;
  const auto answers = askNetworkx(networks, error);
  ASSERT_TRUE(answers) << error;
  for (std::size_t i = 0; i < solutions.size(); ++i) {
    const NetworkSolution& s = *solutions[i];
    SCOPED_TRACE(s.network.quantity == Quantity::material_t_per_h ? "material network" : "energy network");
    EXPECT_EQ(toFlowQuanta(s.network, s.max_flow.value), (*answers)[i].max_flow);
    EXPECT_EQ(toFlowQuanta(s.network, s.max_flow.cut_capacity), (*answers)[i].min_cut);
    EXPECT_EQ(toFlowQuanta(s.network, s.dispatch.value), (*answers)[i].max_flow);
    const double costQuanta = s.dispatch.cost / (s.network.flow_resolution * s.network.cost_resolution);
    EXPECT_EQ(std::llround(costQuanta), (*answers)[i].min_cost);
    EXPECT_FALSE(s.max_flow.min_cut.empty());
  }
}

}  // namespace parktwin::flow::test
