#pragma once
// The oracle of the geo tests: metres per degree on the WGS84 ellipsoid from the textbook
// formulas (meridian radius of curvature rho, prime vertical N), written out here and not
// taken from PROJ. Over a few kilometres the terms left out are below a millimetre.
#include <cmath>
#include <numbers>

namespace parktwin::geo::by_hand {

constexpr double kA = 6378137.0;             // WGS84 semi-major axis, m
constexpr double kF = 1 / 298.257223563;     // flattening
constexpr double kE2 = kF * (2 - kF);        // first eccentricity squared

inline double radians(double deg) { return deg * std::numbers::pi / 180; }

// Radius of curvature along the meridian and across it, at latitude `lat_deg`.
inline double rho(double lat_deg) {
  const double s = std::sin(radians(lat_deg));
  return kA * (1 - kE2) / std::pow(1 - kE2 * s * s, 1.5);
}
inline double primeVertical(double lat_deg) {
  const double s = std::sin(radians(lat_deg));
  return kA / std::sqrt(1 - kE2 * s * s);
}

// Small offsets in metres (east, north) from a centre to longitude/latitude.
inline double latitudeAt(double lat0_deg, double north_m) { return lat0_deg + north_m / rho(lat0_deg) * 180 / std::numbers::pi; }
inline double longitudeAt(double lon0_deg, double lat0_deg, double east_m) {
  return lon0_deg + east_m / (primeVertical(lat0_deg) * std::cos(radians(lat0_deg))) * 180 / std::numbers::pi;
}

}  // namespace parktwin::geo::by_hand
