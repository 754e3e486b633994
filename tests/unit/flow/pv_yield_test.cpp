// PV's yearly energy: kWp x a yearly yield, checked by hand; the default yield for the park's
// latitude against the textbook equator figure and the range quoted for Chongqing.
#include <gtest/gtest.h>

#include "parktwin/flow/constants.hpp"
#include "parktwin/flow/network.hpp"
#include "parktwin/flow/pv_yield.hpp"
#include "test_support.hpp"

namespace parktwin::flow {
namespace {

model::Utility pv(double kwp) {
  model::Utility u;
  u.id = "pv";
  u.kind = model::UtilityKind::pv;
  u.power_kw = kwp;
  return u;
}

TEST(PvYield, YearlyEnergyIsPeakPowerTimesTheGivenYield) {
  model::Utility roof = pv(1'000);
  roof.annual_yield_kwh_per_kwp = 950;
  EXPECT_DOUBLE_EQ(pvAnnualEnergyKwh(roof, 29.5), 950'000.0);  // 1,000 kWp x 950 kWh/kWp
  roof.annual_energy_kwh = 800'000;  // a metered or contracted figure wins
  EXPECT_DOUBLE_EQ(pvAnnualEnergyKwh(roof, 29.5), 800'000.0);
}

TEST(PvYield, ExtraterrestrialIrradiationAtTheEquatorMatchesTheHandFigure) {
  // At the equator the sun sets at hour angle 90 deg, so a day gives 24 h / pi x Gsc x E x
  // cos(declination). Over a year E averages 1 and cos(23.45 deg x sin t) averages
  // J0(0.4093 rad) = 0.95856: 8,760 h / pi x 1.367 kW/m2 x 0.95856 = 3,653.8 kWh/m2.
  EXPECT_NEAR(extraterrestrialHorizontalKwhPerM2(0.0), 3'653.8, 2.0);
  // Further from the equator a year brings less: the yield falls with latitude.
  EXPECT_GT(defaultPvYieldKwhPerKwp(20.0), defaultPvYieldKwhPerKwp(29.5));
  EXPECT_GT(defaultPvYieldKwhPerKwp(29.5), defaultPvYieldKwhPerKwp(45.0));
  // The hemispheres nearly mirror; the south gets a little more, its summer being at perihelion
  // (the eccentricity term, +-3.3 %, weighs the southern summer days up).
  EXPECT_GT(defaultPvYieldKwhPerKwp(-29.5), defaultPvYieldKwhPerKwp(29.5));
  EXPECT_LT(defaultPvYieldKwhPerKwp(-29.5), 1.02 * defaultPvYieldKwhPerKwp(29.5));
}

TEST(PvYield, DefaultForChongqingIsInTheQuotedRange) {
  // Rooftop PV in Chongqing gives about 900-1,000 kWh per kWp a year (issue 23, docs).
  for (double latitude : {28.97, 29.43, 29.5}) {  // Beidu, Jiulong, the city
    EXPECT_GE(defaultPvYieldKwhPerKwp(latitude), 900.0) << latitude;
    EXPECT_LE(defaultPvYieldKwhPerKwp(latitude), 1'000.0) << latitude;
    EXPECT_DOUBLE_EQ(pvAnnualEnergyKwh(pv(1'000), latitude), 1'000 * defaultPvYieldKwhPerKwp(latitude));
  }
}

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
