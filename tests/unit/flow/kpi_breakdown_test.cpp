// KPIs per object and per enterprise on the mini park (data/mini_park.json), against figures
// worked out by hand for a three-hour window.
#include <gtest/gtest.h>

#include <algorithm>

#include "parktwin/flow/kpi_breakdown.hpp"
#include "test_support.hpp"

namespace parktwin::flow {
namespace {

using test::flowsById;

const UnitKpis& row(const std::vector<UnitKpis>& rows, const std::string& id) {
  static const UnitKpis missing;
  auto it = std::ranges::find(rows, id, &UnitKpis::id);
  EXPECT_NE(it, rows.end()) << id;
  return it == rows.end() ? missing : *it;
}

class KpiBreakdownTest : public ::testing::Test {
 protected:
  void SetUp() override {
    park = test::loadTestPark("mini_park.json");
    auto m = buildMaterialNetwork(park);
    auto e = buildEnergyNetwork(park);
    ASSERT_TRUE(m && e);
    material = *m;
    energy = *e;
    // 2 h: the potline makes 10 t/h, 4 to the chassis line, 6 to the rods; 1 t/h ingot from the
    // supplier to the chassis line. The smelter draws 1,000 kW, chassis 300, rods 200.
    window.steps.push_back({2.0,
                            flowsById(material, {{"supply:potline", 10}, {"supply:ingot_supplier", 1}, {"m1", 4}, {"m2", 6}, {"m3", 1}}),
                            flowsById(energy, {{"demand:smelter", 1000}, {"demand:chassis", 300}, {"demand:rods", 200}})});
    // 1 h: 5 t/h made, 2 to the chassis line and 3 to the rods; smelter 500 kW, rods 100,
    // chargers 50.
    window.steps.push_back({1.0, flowsById(material, {{"supply:potline", 5}, {"m1", 2}, {"m2", 3}}),
                            flowsById(energy, {{"demand:smelter", 500}, {"demand:rods", 100}, {"demand:chargers", 50}})});
    // The park's figures for the window, set by hand: 3,650 kWh delivered at 1 kg CO2 and
    // 0.5 yuan per kWh.
    totals.hours = 3;
    totals.energy_kwh = 3'650;
    totals.co2_t = 3.65;
    totals.energy_cost_yuan = 1'825;
  }

  model::Park park;
  FlowNetwork material, energy;
  FlowWindow window;
  FlowKpis totals;
};

TEST_F(KpiBreakdownTest, LinesGetTheirMetalEnergyCo2AndCost) {
  const auto b = breakdownKpis(park, material, energy, window, totals);
  ASSERT_TRUE(b) << b.error().message;
  // Chassis: (4 + 1) x 2 + 2 = 12 t in 3 h = 4 t/h of 43,800 / 8,760 = 5 t/h; 10 t molten,
  // 2 t ingot; links 10 yuan/t x 10 t + (5 + 300 remelt) yuan/t x 2 t = 710 yuan, energy
  // 600 kWh x 0.5 = 300 yuan, CO2 0.6 t, 50 kWh/t.
  const UnitKpis& chassis = row(b->objects, "chassis");
  EXPECT_EQ(chassis.enterprise, "youlisen");
  EXPECT_DOUBLE_EQ(chassis.throughput_t, 12.0);
  EXPECT_DOUBLE_EQ(chassis.throughput_t_per_h, 4.0);
  EXPECT_DOUBLE_EQ(chassis.utilisation, 0.8);
  EXPECT_DOUBLE_EQ(chassis.direct_molten_t, 10.0);
  EXPECT_DOUBLE_EQ(chassis.remelt_t, 2.0);
  EXPECT_DOUBLE_EQ(chassis.remelt_cost_avoided_yuan, 3'000.0);
  EXPECT_DOUBLE_EQ(chassis.energy_kwh, 600.0);
  EXPECT_DOUBLE_EQ(chassis.energy_kwh_per_t_through, 50.0);
  EXPECT_DOUBLE_EQ(chassis.co2_t, 0.6);
  EXPECT_DOUBLE_EQ(chassis.cost_yuan, 1'010.0);
  EXPECT_LT(chassis.oee, 0) << "nothing measured it";
  // The smelter building's load belongs to the potline in it (no energy link names the line):
  // 1,000 x 2 + 500 = 2,500 kWh for the 25 t it made, 100 kWh/t.
  const UnitKpis& potline = row(b->objects, "potline");
  EXPECT_DOUBLE_EQ(potline.throughput_t, 25.0);
  EXPECT_DOUBLE_EQ(potline.energy_kwh, 2'500.0);
  EXPECT_DOUBLE_EQ(potline.energy_kwh_per_t_through, 100.0);
  EXPECT_EQ(std::ranges::count(b->objects, std::string("smelter"), &UnitKpis::id), 0) << "its load went to its line";
  // Rods: 6 x 2 + 3 = 15 t at 20 yuan/t = 300 yuan + 500 kWh x 0.5 = 550 yuan.
  EXPECT_DOUBLE_EQ(row(b->objects, "rods").cost_yuan, 550.0);
  EXPECT_DOUBLE_EQ(row(b->objects, "chargers").energy_kwh, 50.0);
}

TEST_F(KpiBreakdownTest, ObjectsAddUpToTheParksEnergyCo2AndCost) {
  const auto b = breakdownKpis(park, material, energy, window, totals);
  ASSERT_TRUE(b) << b.error().message;
  double co2 = 0, cost = 0, kwh = 0;
  for (const auto& o : b->objects) {
    co2 += o.co2_t;
    cost += o.cost_yuan;
    kwh += o.energy_kwh;
  }
  EXPECT_NEAR(kwh, totals.energy_kwh, 1e-9);
  EXPECT_NEAR(co2, totals.co2_t, 1e-9);
  // Links: m1 10 yuan/t x 10 t + m2 20 x 15 + m3 (5 + 300) x 2 = 1,010 yuan, plus the energy.
  EXPECT_NEAR(cost, 1'010.0 + totals.energy_cost_yuan, 1e-9);
}

TEST_F(KpiBreakdownTest, EnterprisesCountMetalOnceAndWeighOeeByCapacity) {
  const std::map<std::string, double> oee{{"chassis", 0.8}, {"rods", 0.6}};
  const auto b = breakdownKpis(park, material, energy, window, totals, oee);
  ASSERT_TRUE(b) << b.error().message;
  ASSERT_EQ(b->enterprises.size(), 3u);
  const UnitKpis& qineng = row(b->enterprises, "qineng");
  EXPECT_DOUBLE_EQ(qineng.throughput_t, 25.0);  // what its potline made
  EXPECT_DOUBLE_EQ(qineng.energy_kwh, 2'500.0);
  EXPECT_LT(qineng.oee, 0);
  const UnitKpis& youlisen = row(b->enterprises, "youlisen");
  EXPECT_DOUBLE_EQ(youlisen.throughput_t, 12.0);  // from Qineng's potline and the supplier
  EXPECT_DOUBLE_EQ(youlisen.cost_yuan, 1'010.0);
  EXPECT_DOUBLE_EQ(youlisen.remelt_cost_avoided_yuan, 3'000.0);
  EXPECT_DOUBLE_EQ(youlisen.oee, 0.8);
  EXPECT_DOUBLE_EQ(row(b->enterprises, "xinshitong").remelt_cost_avoided_yuan, 4'500.0);  // 15 t x 300
  // (43,800 x 0.8 + 52,560 x 0.6) / 96,360 t/yr of measured capacity.
  EXPECT_NEAR(b->park_oee, 66'576.0 / 96'360.0, 1e-12);
}

// A line that counts units (die bonders: capacity_units_per_hour, no t/yr) carries its design
// rate from the park file; lines sized in tonnes and firms carry none.
TEST_F(KpiBreakdownTest, ALineThatCountsUnitsCarriesItsDesignUnitsPerHour) {
  park.lines[2].capacity_t_per_year = 0;
  park.lines[2].capacity_units_per_hour = 1'440;
  const auto b = breakdownKpis(park, material, energy, window, totals);
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_EQ(row(b->objects, "rods").capacity_units_per_h, 1'440);
  EXPECT_EQ(row(b->objects, "chassis").capacity_units_per_h, 0);
  EXPECT_EQ(row(b->enterprises, "xinshitong").capacity_units_per_h, 0) << "a firm's lines may count different things";
}

TEST_F(KpiBreakdownTest, WindowWithWrongArcCountIsRejected) {
  window.steps[1].energy_arc_flow = {1.0};
  const auto b = breakdownKpis(park, material, energy, window, totals);
  ASSERT_FALSE(b);
  EXPECT_NE(b.error().message.find("step 1"), std::string::npos) << b.error().message;
}

}  // namespace
}  // namespace parktwin::flow
