#include "parktwin/sim/solar.hpp"

#include <cmath>
#include <numbers>

namespace parktwin::sim {
namespace {

constexpr double kDayMs = 86'400'000.0;
constexpr double kDeg = std::numbers::pi / 180.0;

struct SunAngles {
  double declination_rad;
  double equationOfTime_min;
};

// Fractional year from the day of the year (NOAA general solar position calculations).
SunAngles sunAngles(std::int64_t utc_ms) {
  const double days = static_cast<double>(utc_ms) / kDayMs;
  const double dayOfYear = std::fmod(days, 365.2425);  // epoch starts on 1 January
  const double g = 2.0 * std::numbers::pi / 365.2425 * dayOfYear;
  const double eot = 229.18 * (0.000075 + 0.001868 * std::cos(g) - 0.032077 * std::sin(g) -
                               0.014615 * std::cos(2 * g) - 0.040849 * std::sin(2 * g));
  const double decl = 0.006918 - 0.399912 * std::cos(g) + 0.070257 * std::sin(g) -
                      0.006758 * std::cos(2 * g) + 0.000907 * std::sin(2 * g) -
                      0.002697 * std::cos(3 * g) + 0.00148 * std::sin(3 * g);
  return {decl, eot};
}

}  // namespace

double sinSolarElevation(double latitude_deg, double longitude_deg, std::int64_t utc_ms) {
  const SunAngles sun = sunAngles(utc_ms);
  const double minutesUtc = std::fmod(static_cast<double>(utc_ms) / 60'000.0, 1440.0);
  const double solarMinutes = minutesUtc + sun.equationOfTime_min + 4.0 * longitude_deg;
  const double hourAngle = (solarMinutes / 4.0 - 180.0) * kDeg;
  const double lat = latitude_deg * kDeg;
  return std::sin(lat) * std::sin(sun.declination_rad) +
         std::cos(lat) * std::cos(sun.declination_rad) * std::cos(hourAngle);
}

std::int64_t solarNoonUtcMs(double longitude_deg, std::int64_t utc_ms) {
  const std::int64_t dayStart = utc_ms - utc_ms % 86'400'000;
  const double noonMinutes = 720.0 - 4.0 * longitude_deg - sunAngles(dayStart + 43'200'000).equationOfTime_min;
  return dayStart + static_cast<std::int64_t>(std::llround(noonMinutes * 60'000.0));
}

double clearSkyIrradianceKwPerM2(double sinElevation) {
  if (sinElevation <= 0.01) return 0;
  const double airMass = 1 / sinElevation;
  return 1.353 * std::pow(0.7, std::pow(airMass, 0.678)) * sinElevation;
}

double pvPowerKw(double peak_kwp, double latitude_deg, double longitude_deg, std::int64_t utc_ms, double clearness) {
  const double irradiance = clearSkyIrradianceKwPerM2(sinSolarElevation(latitude_deg, longitude_deg, utc_ms));
  return peak_kwp * kPvPerformanceRatio * irradiance * clearness;
}

}  // namespace parktwin::sim
