// RunAccounting's hourly dispatch of recycled aluminium to a line without molten metal, driven
// step by step with tag values written here (no simulator), against remelting worked out by hand.
// Review: an hour's recycled metal that the line did not take was lost at the hour's end, so a
// later hour with less recycling remelted ingot that the park's own recycled metal would have
// covered.
#include <gtest/gtest.h>

#include <vector>

#include "parktwin/common/time_zone.hpp"
#include "parktwin/scenario/runner.hpp"
#include "run_accounting.hpp"

namespace parktwin::scenario {
namespace {

using detail::LineRole;
using detail::PreparedLine;
using detail::PreparedPark;

// Tag slots of the hand-made park.
enum Slot : int { load, grid, recyclerOut, recyclerKw, extruderOut, extruderKw, extruderOee, slots };

// A recycling line and an extrusion line fed ingot and, by a link of 10 t/h, the recycled metal;
// no potlines, no energy bought (import 0), so an hour's cost is its remelting alone.
PreparedPark recyclerAndExtruder() {
  PreparedPark park;
  PreparedLine recycler;
  recycler.id = "recycler";
  recycler.role = LineRole::recycling;
  recycler.output_tag = recyclerOut, recycler.power_tag = recyclerKw;
  PreparedLine extruder;
  extruder.id = "extruder";
  extruder.role = LineRole::processor;
  extruder.ingot_fed = true;
  extruder.recycled_link_t_per_h = 10;
  extruder.output_tag = extruderOut, extruder.power_tag = extruderKw, extruder.oee_tag = extruderOee;
  park.lines = {recycler, extruder};
  park.load_tag = load, park.import_tag = grid;
  return park;
}

TEST(RunAccounting, RecycledMetalAnHourDoesNotUseWaitsForALaterHour) {
  const PreparedPark park = recyclerAndExtruder();
  const Scenario scenario;
  constexpr std::int64_t hourMs = 3'600'000;
  detail::RunAccounting accounting(park, scenario, false, hourMs, hourMs, TimeZone::fixed(8 * 3600));
  // Tonnes made in each one-hour step (the simulator's counters are cumulative).
  const std::vector<double> recycledPerHour{8, 1, 20, 0}, extrudedPerHour{5, 6, 12, 15};
  double recycled = 0, extruded = 0;
  for (std::size_t h = 0; h < recycledPerHour.size(); ++h) {
    recycled += recycledPerHour[h], extruded += extrudedPerHour[h];
    std::vector<double> values(slots, 0);
    values[recyclerOut] = recycled, values[extruderOut] = extruded, values[extruderOee] = 80;
    accounting.step(values, static_cast<std::int64_t>(h + 1) * hourMs);
  }
  const RunResult r = accounting.finish();

  // By hand, stock = recycled metal kept from earlier hours, link 10 t/h:
  //   hour 1: 8 recycled, 5 extruded: 5 from recycled, remelt 0, 3 kept
  //   hour 2: 1 recycled + 3 kept = 4, 6 extruded: 4 from recycled, remelt 2, 0 kept
  //   hour 3: 20 recycled, 12 extruded: the link gives 10, remelt 2, 10 kept
  //   hour 4: 0 recycled + 10 kept, 15 extruded: the link gives 10, remelt 5, 0 kept
  // (Dropping each hour's leftover remelted 0, 5, 2 and 15 t.)
  const std::vector<double> remelt{0, 2, 2, 5};
  ASSERT_EQ(r.hourly.remelt_t.size(), remelt.size());
  for (std::size_t h = 0; h < remelt.size(); ++h) {
    EXPECT_NEAR(r.hourly.remelt_t[h], remelt[h], 1e-9) << "hour " << h + 1;
    EXPECT_NEAR(r.hourly.cost_yuan[h], 300 * remelt[h], 1e-6) << "hour " << h + 1 << ": 300 yuan/t (DOMAIN.md)";
  }
  EXPECT_NEAR(r.kpis.remelt_t, 9, 1e-9);
  EXPECT_NEAR(r.kpis.remelt_cost_yuan, 2700, 1e-6);
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_EQ(r.lines[1].line, "extruder");
  EXPECT_NEAR(r.lines[1].remelt_t, 9, 1e-9);
  // A line built for ingot melts it within its own kWh/t: no remelting energy on top.
  EXPECT_EQ(r.kpis.energy_kwh, 0);
}

}  // namespace
}  // namespace parktwin::scenario
