// Full solves of the demo parks, checked against networkx on the very same integer problems.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "parktwin/flow/kpi_table.hpp"
#include "parktwin/flow/park_flows.hpp"
#include "parktwin/flow/sankey.hpp"
#include "parktwin/model/park_file.hpp"
#include "test_support.hpp"

namespace parktwin::flow {
namespace {

TEST(ParkFlows, MiniParkAgreesWithNetworkx) {
  ASSERT_TRUE(test::networkxAvailable()) << "/usr/bin/python3 cannot import networkx (scripts/setup installs python3-networkx)";
  const auto report = solveParkFlows(test::loadTestPark("mini_park.json"));
  ASSERT_TRUE(report) << report.error().message;
  test::expectNetworkxAgrees(*report);
}

class DemoPark : public ::testing::TestWithParam<const char*> {};

TEST_P(DemoPark, SolvesAndAgreesWithNetworkx) {
  const auto park = test::loadDemoPark(GetParam());
  ASSERT_TRUE(park) << "assets/parks/" << GetParam() << ".json does not load";
  ASSERT_TRUE(test::networkxAvailable()) << "/usr/bin/python3 cannot import networkx (scripts/setup installs python3-networkx)";
  const auto report = solveParkFlows(*park);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->has_material || report->has_energy);
  test::expectNetworkxAgrees(*report);
  for (const auto& w : report->warnings) std::cout << "[ note     ] " << GetParam() << ": " << w.en << "\n";
}

INSTANTIATE_TEST_SUITE_P(Bundled, DemoPark, ::testing::Values("beidu", "jiulong"));

}  // namespace
}  // namespace parktwin::flow

namespace parktwin::flow {
namespace {

// Losses in the energy balance, by hand from the lossless dispatch of the same park: the
// smelter's feeder e2 (sub -> smelter, 3 %) delivers f2, so the substation sends f2 / 0.97 and
// f2 x 0.03 / 0.97 is lost; the grid tie e1 (grid -> sub, 2 %) then carries f1 + that loss and
// loses (f1 + loss2) x 0.02 / 0.98. Loads are unchanged, the grid supplies both losses, and the
// Sankey gets one "losses" node that size.
// A park without links fails with the builders' English, and whyNoFlows says the same in both
// languages (one owner of the words); a park either network can be built for has no such reason.
TEST(ParkFlows, WhyNoFlowsIsTheFailureInBothLanguages) {
  model::Park park = test::loadTestPark("mini_park.json");
  EXPECT_FALSE(whyNoFlows(park, {}, {}).has_value());
  park.material_links.clear();
  EXPECT_FALSE(whyNoFlows(park, {}, {}).has_value()) << "the energy network is still built";
  park.energy_links.clear();
  const auto report = solveParkFlows(park);
  ASSERT_FALSE(report);
  const auto why = whyNoFlows(park, {}, {});
  ASSERT_TRUE(why.has_value());
  EXPECT_EQ(why->en, report.error().message);
  EXPECT_EQ(std::ranges::count(why->zh, '\n'), 1) << why->zh;  // one line per network
  EXPECT_NE(why->zh.find("物料网络：园区没有物料连接"), std::string::npos) << why->zh;
  EXPECT_NE(why->zh.find("能源网络：园区没有能源连接"), std::string::npos) << why->zh;
}

TEST(ParkFlows, LineLossesAreSuppliedByTheGridAndReported) {
  model::Park park = test::loadTestPark("mini_park.json");
  const auto lossless = solveParkFlows(park);
  ASSERT_TRUE(lossless) << lossless.error().message;
  const FlowNetwork& net0 = lossless->energy.network;
  const double f1 = lossless->energy.dispatch.arc_flow[static_cast<std::size_t>(net0.findArc("e1"))];
  const double f2 = lossless->energy.dispatch.arc_flow[static_cast<std::size_t>(net0.findArc("e2"))];
  ASSERT_GT(f1, 0);
  ASSERT_GT(f2, 0);
  for (auto& link : park.energy_links) {
    if (link.id == "e1") link.loss_pct = 2;
    if (link.id == "e2") link.loss_pct = 3;
  }
  const auto lossy = solveParkFlows(park);
  ASSERT_TRUE(lossy) << lossy.error().message;
  const double loss2 = f2 * 0.03 / 0.97;
  const double loss1 = (f1 + loss2) * 0.02 / 0.98;
  // The integer problem rounds flows (kW) to the network's resolution; KPIs are kWh over `hours`.
  const double tolerance = 4 * lossy->energy.network.flow_resolution;
  const double h = lossy->kpis.hours;
  ASSERT_GT(h, 0);
  EXPECT_NEAR(lossy->kpis.energy_lost_kwh / h, loss1 + loss2, tolerance);
  EXPECT_NEAR(lossy->kpis.energy_kwh / h, lossless->kpis.energy_kwh / h, tolerance) << "the loads are the same";
  EXPECT_NEAR((lossy->kpis.grid_energy_kwh - lossless->kpis.grid_energy_kwh) / h, loss1 + loss2, tolerance);
  const FlowNetwork& net = lossy->energy.network;
  EXPECT_NEAR(lossy->energy.dispatch.arc_flow[static_cast<std::size_t>(net.findArc("e1"))], f1 + loss2, tolerance);
  const SankeyDiagram d = buildSankey(net, lossy->energy.dispatch.arc_flow);
  const auto losses = std::find_if(d.nodes.begin(), d.nodes.end(), [](const SankeyNode& n) { return n.id == "losses"; });
  ASSERT_NE(losses, d.nodes.end());
  EXPECT_NEAR(losses->value, loss1 + loss2, tolerance);
  EXPECT_TRUE(lossless->kpis.energy_lost_kwh == 0);
  // QA, 6 Dec: a loss under the share that folds small nodes into "others" became "1 other(s)";
  // losses keep their own node however small (here with every node under half the total folded).
  const SankeyDiagram folded = buildSankey(net, lossy->energy.dispatch.arc_flow, 0.5);
  const auto small = std::find_if(folded.nodes.begin(), folded.nodes.end(), [](const SankeyNode& n) { return n.id == "losses"; });
  ASSERT_NE(small, folded.nodes.end());
  EXPECT_NEAR(small->value, loss1 + loss2, tolerance);
  EXPECT_EQ(small->merged, 0);
  // QA, 6 Dec: a loss arc in the bottleneck read "demand of" its sending end, as if a load.
  EXPECT_EQ(net.describeArc(net.findArc("loss:e2")), "losses of link e2 (drawn at Substation)");
}

}  // namespace
}  // namespace parktwin::flow

namespace parktwin::flow {
namespace {

// A park whose lines count units (tests/unit/scenario/data/electronics_park.json: 960 and 120
// units/h, no tonnes, no material links): the flows give their design capacity for a year,
// (960 + 120) x 8,760 h = 9,460,800 units, which is what the KPI bar can show; the energy side
// is solved from the machines' power (24 x 6 kW + 4 x 15 kW = 204 kW), and per tonne delivered
// is no figure. A planned building's line does not count until it is built.
TEST(ParkFlows, AParkThatCountsUnitsGetsItsDesignUnitsPerYear) {
  auto park = model::loadPark(std::filesystem::path(PARKTWIN_SOURCE_DIR) / "tests/unit/scenario/data/electronics_park.json");
  ASSERT_TRUE(park) << park.error().message;
  const auto report = solveParkFlows(*park);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_FALSE(report->has_material);
  EXPECT_DOUBLE_EQ(report->kpis.capacity_units_per_year, (960.0 + 120.0) * 8760);
  EXPECT_DOUBLE_EQ(report->kpis.energy_kwh, 204.0 * 8760);
  for (const auto& v : flowKpiValues(report->kpis)) {
    if (v.key == KpiKey::capacity_units_per_year) {
      EXPECT_EQ(v.value, (960.0 + 120.0) * 8760);
    }
    if (v.key == KpiKey::energy_kwh_per_t_delivered) {
      EXPECT_FALSE(v.value);
    }
  }
  park->buildings[0].planned = true;  // the cleanroom with the die bonders
  ASSERT_EQ(park->buildings[0].id, "led-fab");
  const auto planned = solveParkFlows(*park);
  ASSERT_TRUE(planned) << planned.error().message;
  EXPECT_DOUBLE_EQ(planned->kpis.capacity_units_per_year, 120.0 * 8760);
}

}  // namespace
}  // namespace parktwin::flow
