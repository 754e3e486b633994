#pragma once
// Where the sun is: enough astronomy to make photovoltaics rise, peak and set at the right
// hours for a park's latitude and longitude (NOAA's low-precision formulas, error < 1 degree).
#include <cstdint>

namespace parktwin::sim {

// Sine of the sun's elevation above the horizon at a UTC instant (negative: below it).
double sinSolarElevation(double latitude_deg, double longitude_deg, std::int64_t utc_ms);

// The UTC instant of solar noon on the UTC day containing utc_ms (ms since the epoch).
std::int64_t solarNoonUtcMs(double longitude_deg, std::int64_t utc_ms);

// Horizontal clear-sky irradiance in kW/m2 (Meinel's air-mass model:
// 1.353 x 0.7^(AM^0.678) x sin(elevation), AM = 1 / sin(elevation)); 0 with the sun lower than
// sin(elevation) 0.01.
double clearSkyIrradianceKwPerM2(double sinElevation);

// The share of the panels' DC rating that reaches the AC side.
inline constexpr double kPvPerformanceRatio = 0.80;

// The weather of a day, drawn per day (Chongqing is one of China's cloudiest cities: overcast
// on about 45% of days): a day whose draw in [0, 1) is below `upTo` (and not below the type
// before) is of that type; within it the hour's clearness (the share of clear-sky output that
// gets through) is uniform in [base, base + spread].
struct SkyType {
  double upTo;
  double base;
  double spread;
};
// Overcast (45% of days), broken cloud (35%), clear (20%).
inline constexpr SkyType kSkyTypes[] = {{0.45, 0.10, 0.25}, {0.80, 0.40, 0.45}, {1.00, 0.90, 0.10}};

// The sky's clearness averaged over the weather above (0.51): what PV gives at a moment when
// the weather of that hour is unknown.
constexpr double meanSkyClearness() {
  double mean = 0, below = 0;
  for (const SkyType& t : kSkyTypes) {
    mean += (t.upTo - below) * (t.base + t.spread / 2);
    below = t.upTo;
  }
  return mean;
}

// The park's one solar rule: what rooftop PV of `peak_kwp` gives at a UTC instant under a sky
// of `clearness`, kW: peak_kwp x kPvPerformanceRatio x clear-sky irradiance x clearness.
// The simulator feeds it its weather; the flows at a moment with no PV measurement feed it
// meanSkyClearness().
double pvPowerKw(double peak_kwp, double latitude_deg, double longitude_deg, std::int64_t utc_ms, double clearness);

}  // namespace parktwin::sim
