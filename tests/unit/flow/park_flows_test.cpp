// Full solves of the demo parks, checked against networkx on the very same integer problems.
#include <gtest/gtest.h>

#include <cmath>

#include "parktwin/flow/arc_list.hpp"
#include "parktwin/flow/park_flows.hpp"
#include "test_support.hpp"

namespace parktwin::flow {
namespace {

void compareWithNetworkx(const ParkFlowReport& report) {
  std::vector<const NetworkSolution*> solutions;
  if (report.has_material) solutions.push_back(&report.material);
  if (report.has_energy) solutions.push_back(&report.energy);
  std::vector<FlowNetwork> networks;
  for (const auto* s : solutions) networks.push_back(s->network);
  std::string error;
  const auto answers = test::askNetworkx(networks, error);
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

TEST(ParkFlows, MiniParkAgreesWithNetworkx) {
  ASSERT_TRUE(test::networkxAvailable()) << "/usr/bin/python3 cannot import networkx (scripts/setup installs python3-networkx)";
  const auto report = solveParkFlows(test::loadTestPark("mini_park.json"));
  ASSERT_TRUE(report) << report.error().message;
  compareWithNetworkx(*report);
}

class DemoPark : public ::testing::TestWithParam<const char*> {};

TEST_P(DemoPark, SolvesAndAgreesWithNetworkx) {
  const auto park = test::loadDemoPark(GetParam());
  ASSERT_TRUE(park) << "assets/parks/" << GetParam() << ".json does not load";
  ASSERT_TRUE(test::networkxAvailable()) << "/usr/bin/python3 cannot import networkx (scripts/setup installs python3-networkx)";
  const auto report = solveParkFlows(*park);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->has_material || report->has_energy);
  compareWithNetworkx(*report);
  for (const auto& w : report->warnings) std::cout << "[ note     ] " << GetParam() << ": " << w << "\n";
}

INSTANTIATE_TEST_SUITE_P(Bundled, DemoPark, ::testing::Values("beidu", "jiulong"));

}  // namespace
}  // namespace parktwin::flow
