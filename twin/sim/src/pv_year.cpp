#include "parktwin/sim/pv_year.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "parktwin/sim/solar.hpp"

namespace parktwin::sim {
namespace {

constexpr double kSolarConstantWPerM2 = 1367.0;
constexpr int kDaysPerYear = 365;
constexpr std::int64_t kHourMs = 3'600'000;
constexpr std::int64_t kYear2026Ms = 1'767'225'600'000;  // 2026-01-01T00:00:00Z: any year serves

// Duffie & Beckman eq. 1.10.3: the day's extraterrestrial irradiation on a horizontal
// surface, J/m2, for day n of the year (1..365), with Cooper's declination (eq. 1.6.1a).
double dailyExtraterrestrialJPerM2(double latitude_rad, int day) {
  const double pi = std::numbers::pi;
  const double declination = 23.45 * pi / 180.0 * std::sin(2 * pi * (284 + day) / kDaysPerYear);
  // Sunset hour angle; clamped for polar day and night.
  const double cosSunset = std::clamp(-std::tan(latitude_rad) * std::tan(declination), -1.0, 1.0);
  const double sunset = std::acos(cosSunset);
  const double eccentricity = 1 + 0.033 * std::cos(2 * pi * day / kDaysPerYear);
  return 24 * 3600 * kSolarConstantWPerM2 / pi * eccentricity *
         (std::cos(latitude_rad) * std::cos(declination) * std::sin(sunset) +
          sunset * std::sin(latitude_rad) * std::sin(declination));
}

}  // namespace

double extraterrestrialHorizontalKwhPerM2(double latitude_deg) {
  const double latitude_rad = latitude_deg * std::numbers::pi / 180.0;
  double joules = 0;
  for (int day = 1; day <= kDaysPerYear; ++day) joules += dailyExtraterrestrialJPerM2(latitude_rad, day);
  return joules / 3.6e6;
}

double defaultPvYieldKwhPerKwp(double latitude_deg) {
  // The 365-day sum takes about 30 us; a solve asks once per PV plant, all at the park's
  // latitude (Jiulong's 12 roofs made its whole solve 5x slower), so the last answer is kept.
  thread_local double lastLatitude = std::numeric_limits<double>::quiet_NaN();
  thread_local double lastYield = 0;
  if (!(latitude_deg == lastLatitude)) {
    // Irradiation in kWh/m2 is peak-sun hours at 1 kW/m2, the irradiance a kWp is rated at.
    lastYield = extraterrestrialHorizontalKwhPerM2(latitude_deg) * kDefaultClearnessIndex * kPvPerformanceRatio;
    lastLatitude = latitude_deg;
  }
  return lastYield;
}

double pvAnnualEnergyKwh(const model::Utility& pv, double latitude_deg) {
  if (pv.annual_energy_kwh > 0) return pv.annual_energy_kwh;
  const double yield = pv.annual_yield_kwh_per_kwp > 0 ? pv.annual_yield_kwh_per_kwp : defaultPvYieldKwhPerKwp(latitude_deg);
  return pv.power_kw * yield;
}

double modelledPvYieldKwhPerKwp(double latitude_deg, double longitude_deg) {
  // 8,760 sun positions, kept for the place: the simulator asks once per plant, flows once per
  // untagged plant at each solve.
  thread_local double lastLatitude = std::numeric_limits<double>::quiet_NaN(), lastLongitude = lastLatitude;
  thread_local double lastYield = 0;
  if (!(latitude_deg == lastLatitude && longitude_deg == lastLongitude)) {
    double kwh = 0;
    for (std::int64_t hour = 0; hour < kDaysPerYear * 24; ++hour) {
      kwh += pvPowerKw(1.0, latitude_deg, longitude_deg, kYear2026Ms + hour * kHourMs + kHourMs / 2, meanSkyClearness());
    }
    lastYield = kwh;
    lastLatitude = latitude_deg;
    lastLongitude = longitude_deg;
  }
  return lastYield;
}

double pvYearScale(const model::Utility& pv, double latitude_deg, double longitude_deg) {
  const double modelled = modelledPvYieldKwhPerKwp(latitude_deg, longitude_deg);
  if (pv.power_kw <= 0 || modelled <= 0) return 1.0;
  return pvAnnualEnergyKwh(pv, latitude_deg) / pv.power_kw / modelled;
}

double pvPlantKw(const model::Utility& pv, const model::Park& park, std::int64_t utc_ms, double clearness, double yearScale) {
  const double kw = pvPowerKw(pv.power_kw, park.latitude_deg, park.longitude_deg, utc_ms, clearness) * yearScale;
  return std::min(pv.power_kw, kw);
}

}  // namespace parktwin::sim
