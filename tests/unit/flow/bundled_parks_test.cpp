// The bundled parks as a new user first meets them (issue 23): they load and solve with no
// warning and no note; the planned recycling plant stays out of the flows, KPIs and Sankey
// until it is built; Beidu's smelter gives DOMAIN.md's 340 kt/yr at design capacity.
#include <gtest/gtest.h>

#include <algorithm>

#include "parktwin/flow/constants.hpp"
#include "parktwin/flow/park_flows.hpp"
#include "parktwin/sim/pv_year.hpp"
#include "parktwin/flow/sankey.hpp"
#include "test_support.hpp"

namespace parktwin::flow {
namespace {

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}
std::string joined(const std::vector<model::LocalizedText>& lines) {
  std::string out;
  for (const auto& line : lines) out += line.en + "\n";
  return out;
}

Result<ParkFlowReport> yearly(const model::Park& park, const std::set<std::string>& built = {}) {
  FlowOverrides design;
  design.supply_basis = SupplyBasis::annual_average;
  design.built = built;
  return solveParkFlows(park, design, kHoursPerYear);
}

Result<ParkFlowReport> peakHour(const model::Park& park) {
  FlowOverrides design;
  design.supply_basis = SupplyBasis::rated_power;
  return solveParkFlows(park, design, 1.0);
}

double flowOn(const NetworkSolution& side, const std::string& arcId) {
  const int arc = side.network.findArc(arcId);
  return arc < 0 ? -1.0 : side.dispatch.arc_flow[static_cast<std::size_t>(arc)];
}

double capacityOf(const NetworkSolution& side, const std::string& arcId) {
  const int arc = side.network.findArc(arcId);
  return arc < 0 ? -1.0 : side.network.arcs[static_cast<std::size_t>(arc)].capacity;
}

bool sankeyShows(const NetworkSolution& side, const std::string& id) {
  const SankeyDiagram d = buildSankey(side.network, side.dispatch.arc_flow, 0.03);  // as the Balance panel
  return std::ranges::any_of(d.nodes, [&](const SankeyNode& n) { return n.id == id; });
}

class BundledPark : public ::testing::TestWithParam<std::string> {};

TEST_P(BundledPark, SolvesAYearAndAPeakHourWithNoWarningAndNoNote) {
  const auto park = test::loadDemoPark(GetParam());
  ASSERT_TRUE(park);
  for (const auto& report : {yearly(*park), peakHour(*park)}) {
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_TRUE(report->warnings.empty()) << joined(report->warnings);
    for (const NetworkSolution* side : {&report->material, &report->energy}) {
      EXPECT_TRUE(side->network.notes.empty()) << joined(side->network.notes);
      EXPECT_TRUE(side->network.unlinked_consumers.empty()) << joined(side->network.unlinked_consumers);
      EXPECT_TRUE(side->dispatch.shortfalls.empty());
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Bundled, BundledPark, ::testing::Values("beidu", "jiulong"));

TEST(BeiduFlows, SmelterGives340ktPerYearAtDesignCapacity) {
  const auto beidu = test::loadDemoPark("beidu");
  ASSERT_TRUE(beidu);
  const auto report = yearly(*beidu);
  ASSERT_TRUE(report) << report.error().message;
  // DOMAIN.md: Qineng's electrolytic capacity is 340,000 t/yr. The solver counts in 0.001 t/h,
  // 8.76 t over a year per arc; two potlines: +-20 t.
  const double potlines_t_per_h = flowOn(report->material, "supply:potline-1") + flowOn(report->material, "supply:potline-2");
  EXPECT_NEAR(potlines_t_per_h * 8760, 340'000, 20);
  // With the recycling plant unbuilt, the smelter's metal is all the park delivers.
  EXPECT_NEAR(report->kpis.throughput_t_per_year, 340'000, 20);
}

// Xinshitong's Mini LED line (DOMAIN.md: 40 die bonders, 24/7) states 1,440 units/h in the park
// file and no tonnes: the flows give it as the park's design units, 1,440 x 8,760 h a year.
TEST(BeiduFlows, TheDieBondingLineGivesTheParksDesignUnits) {
  const auto beidu = test::loadDemoPark("beidu");
  ASSERT_TRUE(beidu);
  const auto report = yearly(*beidu);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_DOUBLE_EQ(report->kpis.capacity_units_per_year, 1'440.0 * 8'760);
}

TEST(BeiduFlows, PlannedRecyclingPlantIsNotInTheBaselineFlowsKpisOrSankey) {
  const auto beidu = test::loadDemoPark("beidu");
  ASSERT_TRUE(beidu);
  const auto report = yearly(*beidu);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->material.network.findNode("recycling-line"), -1);
  EXPECT_EQ(report->material.network.findArc("m-scrap-recycling"), -1);
  EXPECT_EQ(report->material.network.findArc("m-recycled-market"), -1);
  EXPECT_EQ(report->energy.network.findNode("recycling-plant"), -1);
  EXPECT_EQ(report->energy.network.findArc("e-recycling-plant"), -1);
  EXPECT_FALSE(sankeyShows(report->material, "recycling-line"));
  for (const auto& row : report->breakdown.objects) EXPECT_NE(row.id, "recycling-line");
}

TEST(BeiduFlows, RecyclingPlantIsInTheFlowsOnceBuilt) {
  const auto beidu = test::loadDemoPark("beidu");
  ASSERT_TRUE(beidu);
  const auto report = yearly(*beidu, {"recycling-plant"});
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->warnings.empty()) << joined(report->warnings);
  // DOMAIN.md: 400,000 t/yr of recycled aluminium = 45.662 t/h, fed scrap from the market.
  EXPECT_NEAR(flowOn(report->material, "throughput:recycling-line"), 400'000.0 / 8760, 0.001);
  EXPECT_TRUE(sankeyShows(report->material, "recycling-line"));
  EXPECT_NEAR(report->kpis.throughput_t_per_year, 340'000 + 400'000, 30);
  // Its furnaces at 5 % of primary energy: 400,000 t x 675 kWh/t / 8,760 h = 30,822 kW.
  EXPECT_NEAR(capacityOf(report->energy, "demand:recycling-plant"), 30'822, 0.5);
  EXPECT_NEAR(flowOn(report->energy, "demand:recycling-plant"), 30'822, 0.5);
}

TEST(BeiduFlows, RooftopPvGivesItsYearlyYieldNotItsRating) {
  const auto beidu = test::loadDemoPark("beidu");
  ASSERT_TRUE(beidu);
  const auto report = yearly(*beidu);
  ASSERT_TRUE(report) << report.error().message;
  double pvKw = 0;
  for (std::size_t a = 0; a < report->energy.network.arcs.size(); ++a) {
    if (report->energy.network.arcs[a].source == SourceKind::pv) pvKw += report->energy.network.arcs[a].capacity;
  }
  // Roofs: Youlisen 1,200, New Aluminium Era 1,500 + 2,000 + 1,200, Xinshitong 600, six
  // standard factories x 800, Xianshijie 1,500 = 12,800 kWp, at the yield for 28.97 N.
  EXPECT_NEAR(pvKw * 8760, 12'800 * sim::defaultPvYieldKwhPerKwp(28.97), 12'800 * 0.01);
  EXPECT_LT(pvKw, 0.2 * 12'800) << "not the rated power round the clock";
}

TEST(JiulongFlows, ChargersAndTheHydrogenStationDrawTheirSiteRating) {
  const auto jiulong = test::loadDemoPark("jiulong");
  ASSERT_TRUE(jiulong);
  const auto report = peakHour(*jiulong);
  ASSERT_TRUE(report) << report.error().message;
  // power_kw is the whole site: 12 heavy-truck points share 4,800 kW (the simulator and the
  // 4,800 kW feeder read it so), 20 car points 1,200 kW; the hydrogen station's compressors
  // 800 kW. Hydrogen refuelling is a load, not a source.
  EXPECT_DOUBLE_EQ(capacityOf(report->energy, "demand:truck-chargers"), 4'800);
  EXPECT_DOUBLE_EQ(capacityOf(report->energy, "demand:ev-chargers"), 1'200);
  EXPECT_DOUBLE_EQ(capacityOf(report->energy, "demand:h2-station"), 800);
  EXPECT_EQ(report->energy.network.findArc("supply:h2-station"), -1);
}

}  // namespace
}  // namespace parktwin::flow
