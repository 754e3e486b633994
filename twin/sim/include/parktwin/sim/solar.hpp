#pragma once
// Where the sun is: enough astronomy to make photovoltaics rise, peak and set at the right
// hours for a park's latitude and longitude (NOAA's low-precision formulas, error < 1 degree).
#include <cstdint>

namespace parktwin::sim {

// Sine of the sun's elevation above the horizon at a UTC instant (negative: below it).
double sinSolarElevation(double latitude_deg, double longitude_deg, std::int64_t utc_ms);

// The UTC instant of solar noon on the UTC day containing utc_ms (ms since the epoch).
std::int64_t solarNoonUtcMs(double longitude_deg, std::int64_t utc_ms);

}  // namespace parktwin::sim
