#include "parktwin/flow/pv_yield.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "parktwin/sim/solar.hpp"

namespace parktwin::flow {
namespace {

// The yearly yield and the simulator's PV at a moment rate the panels alike.
static_assert(kPvPerformanceRatio == sim::kPvPerformanceRatio);

constexpr double kSolarConstantWPerM2 = 1367.0;
constexpr int kDaysPerYear = 365;

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

}  // namespace parktwin::flow
