// PV's yearly energy in the flows: the average hour of a year is the yield over 8,760 h.
#include <gtest/gtest.h>

#include "parktwin/flow/constants.hpp"
#include "parktwin/flow/network.hpp"
#include "test_support.hpp"

namespace parktwin::flow {
namespace {

TEST(PvYield, YearlyAverageSupplyOfAPvPlantIsItsYieldOver8760Hours) {
  auto park = test::loadTestPark("mini_park.json");
  for (auto& u : park.utilities) {
    if (u.kind != model::UtilityKind::pv) continue;
    u.annual_energy_kwh = 0;
    u.annual_yield_kwh_per_kwp = 876;
  }
  FlowOverrides yearly;
  yearly.supply_basis = SupplyBasis::annual_average;
  const auto net = buildEnergyNetwork(park, yearly);
  ASSERT_TRUE(net) << net.error().message;
  // 2,000 kWp x 876 kWh/kWp / 8,760 h = 200 kW on average, not its 2,000 kW rating.
  EXPECT_NEAR(net->arcs[static_cast<std::size_t>(net->findArc("supply:pv"))].capacity, 200.0, 1e-9);
  EXPECT_TRUE(net->notes.empty());
  const auto peak = buildEnergyNetwork(park);
  ASSERT_TRUE(peak);
  EXPECT_DOUBLE_EQ(peak->arcs[static_cast<std::size_t>(peak->findArc("supply:pv"))].capacity, 2'000.0);
}

}  // namespace
}  // namespace parktwin::flow
