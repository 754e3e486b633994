#pragma once
// WGS84 longitude/latitude to park metres (x east, y north, origin at a chosen centre) with
// PROJ: a transverse Mercator whose central meridian and origin latitude pass through the
// centre. Why tmerc: it is conformal (footprint angles and rectangles stay true), its scale
// error within 5 km of the centre is below 1 mm per km, and it needs no PROJ database (the
// pipeline is a plain string), so it works wherever libproj is installed.
#include <memory>
#include <span>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/model/park.hpp"

namespace parktwin::geo {

struct LonLat {
  double lon_deg = 0;
  double lat_deg = 0;
};

class LocalProjection {
 public:
  static Result<LocalProjection> around(LonLat centre);
  LocalProjection(LocalProjection&&) noexcept;
  LocalProjection& operator=(LocalProjection&&) noexcept;
  ~LocalProjection();

  LonLat centre() const { return centre_; }
  model::Point toPark(LonLat position) const;
  std::vector<model::Point> toPark(std::span<const LonLat> positions) const;

 private:
  struct Impl;
  explicit LocalProjection(std::unique_ptr<Impl> impl, LonLat centre);
  std::unique_ptr<Impl> impl_;
  LonLat centre_;
};

}  // namespace parktwin::geo
