// The local transverse Mercator against the ellipsoid by hand (wgs84_by_hand.hpp), 5 km out.
#include <gtest/gtest.h>

#include "parktwin/geo/projection.hpp"
#include "wgs84_by_hand.hpp"

namespace parktwin::geo {
namespace {

constexpr LonLat kBeidu{106.65, 28.97};

TEST(LocalProjection, TheCentreIsTheOrigin) {
  auto projection = LocalProjection::around(kBeidu);
  ASSERT_TRUE(projection) << projection.error().message;
  const model::Point p = projection->toPark(kBeidu);
  EXPECT_NEAR(p.x_m, 0, 1e-6);
  EXPECT_NEAR(p.y_m, 0, 1e-6);
}

TEST(LocalProjection, FiveKilometresNorthMatchesTheMeridianArc) {
  auto projection = LocalProjection::around(kBeidu);
  ASSERT_TRUE(projection);
  const double dLat = 0.045;  // about 5 km
  // Arc length along the meridian: rho at the middle latitude times the angle (the next term,
  // rho'' dphi^3 / 24, is far below a millimetre).
  const double expectedNorth = by_hand::rho(kBeidu.lat_deg + dLat / 2) * by_hand::radians(dLat);
  ASSERT_GT(expectedNorth, 4900);
  const model::Point p = projection->toPark({kBeidu.lon_deg, kBeidu.lat_deg + dLat});
  EXPECT_NEAR(p.x_m, 0, 0.1);
  EXPECT_NEAR(p.y_m, expectedNorth, 0.1);
}

TEST(LocalProjection, FiveKilometresEastMatchesTheParallelAndItsCurve) {
  auto projection = LocalProjection::around(kBeidu);
  ASSERT_TRUE(projection);
  const double dLon = 0.05;  // about 4.9 km at 29° N
  const double n = by_hand::primeVertical(kBeidu.lat_deg), phi = by_hand::radians(kBeidu.lat_deg);
  const double l = by_hand::radians(dLon) * std::cos(phi);
  // Transverse Mercator series to the second order: x = N l, y = N tan(phi) l^2 / 2 (the
  // parallel bends north away from the central meridian); the cubic terms are < 1 mm here.
  const double expectedEast = n * l, expectedNorth = n * std::tan(phi) * l * l / 2;
  ASSERT_GT(expectedEast, 4800);
  const model::Point p = projection->toPark({kBeidu.lon_deg + dLon, kBeidu.lat_deg});
  EXPECT_NEAR(p.x_m, expectedEast, 0.1);
  EXPECT_NEAR(p.y_m, expectedNorth, 0.1);
  EXPECT_GT(expectedNorth, 1.0);  // the curve term matters: a flat-earth answer of 0 would fail
}

TEST(LocalProjection, RefusesACentreNearThePoles) {
  EXPECT_FALSE(LocalProjection::around({0, 89.5}));
}

}  // namespace
}  // namespace parktwin::geo
