// Simulated physics against hand calculations from the park's own figures (DOMAIN.md).
#include "sim_test_support.hpp"

#include <algorithm>
#include <numeric>

#include "parktwin/common/iso_time.hpp"
#include "parktwin/sim/solar.hpp"

namespace {

using namespace simtest;

TEST(Physics, PotlinePowerOverAWeekIsCapacityTimesSpecificEnergy) {
  const auto park = loadPark("beidu");
  auto sink = simulate(park, "2026-03-02T00:00:00Z", 7 * kDay);
  for (const auto& line : park.lines) {
    if (line.kind != parktwin::model::LineKind::potline) continue;
    // 170,000 t/yr x 13,500 kWh/t / 8,760 h = 262 MW
    const double expected_kw = line.capacity_t_per_year * line.energy_kwh_per_t / 8760.0;
    const double average_kw = mean(sink.series[line.id + ".power"].v);
    EXPECT_NEAR(average_kw, expected_kw, 0.02 * expected_kw) << line.id;
    // Power is current x voltage; a prebake potline runs at hundreds of kA and ~4 V per pot.
    const double current = mean(sink.series[line.id + ".current"].v);
    EXPECT_GT(current, 250);
    EXPECT_LT(current, 600);
    for (double c : sink.series[line.id + ".bath_temp"].v) {
      ASSERT_GT(c, 945);
      ASSERT_LT(c, 975);
    }
  }
}

TEST(Physics, MetalTappedInADayIsAnnualCapacityOver365) {
  const auto park = loadPark("beidu");
  auto sink = simulate(park, "2026-03-02T00:00:00Z", kDay);
  double tapped = 0, capacity = 0;
  for (const auto& line : park.lines) {
    if (line.kind != parktwin::model::LineKind::potline) continue;
    tapped += sink.series[line.id + ".metal_tapped"].v.back();
    capacity += line.capacity_t_per_year;
  }
  EXPECT_NEAR(tapped, capacity / 365.0, 0.03 * capacity / 365.0);  // 931 t, 10 t crucibles
}

TEST(Physics, PvIsZeroAtNightAndPeaksNearSolarNoon) {
  const auto park = loadPark("jiulong");
  const std::int64_t start = instant("2026-06-01T00:00:00Z");
  auto sink = simulate(park, "2026-06-01T00:00:00Z", 30 * kDay, 5 * 60'000);
  const auto& pv = sink.series["pv-swa-plate-hall.power"];
  std::vector<double> byMinuteOfDay(288, 0.0);
  for (std::size_t i = 0; i < pv.v.size(); ++i) {
    const double sinElevation = parktwin::sim::sinSolarElevation(park.latitude_deg, park.longitude_deg, pv.ts[i]);
    if (sinElevation < 0) {
      ASSERT_EQ(pv.v[i], 0.0) << parktwin::formatIsoUtcMs(pv.ts[i]);
    }
    byMinuteOfDay[static_cast<std::size_t>((pv.ts[i] - start) % kDay / 300'000)] += pv.v[i];
  }
  const auto peak = std::max_element(byMinuteOfDay.begin(), byMinuteOfDay.end()) - byMinuteOfDay.begin();
  const std::int64_t peakMs = start + peak * 300'000;
  const std::int64_t noon = parktwin::sim::solarNoonUtcMs(park.longitude_deg, start);
  // Solar noon in Chongqing (106.5 E) is about 04:55 UTC (12:55 Beijing time).
  EXPECT_NEAR(static_cast<double>(noon - start) / kHour, 4.9, 0.3);
  EXPECT_LE(std::abs(peakMs - noon), kHour) << parktwin::formatIsoUtcMs(peakMs);
  const double peak_kw = *std::max_element(pv.v.begin(), pv.v.end());
  const double kwp = park.findUtility("pv-swa-plate-hall")->power_kw;
  EXPECT_GT(peak_kw, 0.5 * kwp);
  EXPECT_LE(peak_kw, kwp);
}

TEST(Physics, SomeDaysAreCloudy) {
  const auto park = loadPark("jiulong");
  auto sink = simulate(park, "2026-06-01T00:00:00Z", 20 * kDay, 10 * 60'000);
  const auto& v = sink.series["pv-warehouse-1.power"].v;
  std::vector<double> daily;
  const std::size_t perDay = 144;
  for (std::size_t d = 0; d + perDay <= v.size(); d += perDay) {
    daily.push_back(std::accumulate(v.begin() + static_cast<long>(d), v.begin() + static_cast<long>(d + perDay), 0.0));
  }
  const auto [lo, hi] = std::minmax_element(daily.begin(), daily.end());
  EXPECT_LT(*lo, 0.5 * *hi);
}

TEST(Physics, BatteryStateOfChargeStaysWithinZeroToHundred) {
  const auto park = loadPark("jiulong");
  auto sink = simulate(park, "2026-03-01T00:00:00Z", 7 * kDay);
  const auto& soc = sink.series["battery.soc"].v;
  const auto [lo, hi] = std::minmax_element(soc.begin(), soc.end());
  EXPECT_GE(*lo, 0.0);
  EXPECT_LE(*hi, 100.0);
  EXPECT_GT(*hi - *lo, 40.0) << "the battery should cycle daily";
  const double rated = park.findUtility("battery")->power_kw;
  for (double p : sink.series["battery.power"].v) ASSERT_LE(std::abs(p), rated + 1e-6);
}

TEST(Physics, PumpedStoragePumpsAtNightAndGeneratesAtTheEveningPeak) {
  const auto park = loadPark("beidu");
  const std::int64_t start = instant("2026-03-01T00:00:00+08:00");
  auto sink = simulate(park, "2026-03-01T00:00:00+08:00", 7 * kDay);
  const auto& power = sink.series["panlong-pumped.power"];
  std::vector<double> night, evening;
  for (std::size_t i = 0; i < power.v.size(); ++i) {
    const auto localHour = (power.ts[i] - start) % kDay / kHour;
    if (localHour >= 0 && localHour < 6) night.push_back(power.v[i]);
    if (localHour >= 18 && localHour < 22) evening.push_back(power.v[i]);
  }
  EXPECT_LT(mean(night), -100'000) << "pumping is negative power";
  EXPECT_GT(mean(evening), 100'000);
  for (double soc : sink.series["panlong-pumped.soc"].v) {
    ASSERT_GE(soc, 0);
    ASSERT_LE(soc, 100);
  }
}

TEST(Physics, GridImportBalancesLoadAndLocalGeneration) {
  const auto park = loadPark("jiulong");
  auto sink = simulate(park, "2026-03-01T00:00:00Z", kDay);
  // Hand balance at each sample: import = lines + chargers - PV - battery discharge.
  for (std::size_t i = 0; i < sink.series["grid-tie.import"].v.size(); i += 37) {
    double pv = 0, chargers = 0;
    for (const auto& tag : park.tags) {
      if (tag.id.starts_with("pv-")) pv += sink.series[tag.id].v[i];
      if (tag.id.ends_with("chargers.power") || tag.id == "h2-station.power") chargers += sink.series[tag.id].v[i];
    }
    const double import_kw = sink.series["grid-tie.import"].v[i];
    const double battery = sink.series["battery.power"].v[i];
    const double lines = import_kw + pv + battery - chargers;  // what the lines must draw
    EXPECT_GT(lines, 0);
    EXPECT_LT(lines, 60'000);  // sum of the lines' rated power in jiulong.json is ~48 MW
  }
}

}  // namespace
