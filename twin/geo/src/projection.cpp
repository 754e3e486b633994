#include "parktwin/geo/projection.hpp"

#include <proj.h>

#include <cstdio>
#include <string>

namespace parktwin::geo {

struct LocalProjection::Impl {
  PJ_CONTEXT* context = nullptr;
  PJ* transform = nullptr;
  ~Impl() {
    if (transform) proj_destroy(transform);
    if (context) proj_context_destroy(context);
  }
};

LocalProjection::LocalProjection(std::unique_ptr<Impl> impl, LonLat centre) : impl_(std::move(impl)), centre_(centre) {}
LocalProjection::LocalProjection(LocalProjection&&) noexcept = default;
LocalProjection& LocalProjection::operator=(LocalProjection&&) noexcept = default;
LocalProjection::~LocalProjection() = default;

Result<LocalProjection> LocalProjection::around(LonLat centre) {
  if (!(centre.lat_deg > -85 && centre.lat_deg < 85 && centre.lon_deg >= -180 && centre.lon_deg <= 180)) {
    return fail(ErrorCode::invalid_input, "the features' centre is outside the range a local projection covers");
  }
  char definition[256];
  std::snprintf(definition, sizeof definition,
                "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
                "+step +proj=tmerc +lat_0=%.12f +lon_0=%.12f +k=1 +x_0=0 +y_0=0 +ellps=WGS84",
                centre.lat_deg, centre.lon_deg);
  auto impl = std::make_unique<Impl>();
  impl->context = proj_context_create();
  // Our pipeline names every parameter; PROJ must not look for grids or its database.
  proj_context_set_enable_network(impl->context, 0);
  impl->transform = proj_create(impl->context, definition);
  if (!impl->transform) {
    return fail(ErrorCode::failed, std::string("PROJ refused the local projection: ") +
                                       proj_context_errno_string(impl->context, proj_context_errno(impl->context)));
  }
  return LocalProjection(std::move(impl), centre);
}

model::Point LocalProjection::toPark(LonLat position) const {
  const PJ_COORD out = proj_trans(impl_->transform, PJ_FWD, proj_coord(position.lon_deg, position.lat_deg, 0, 0));
  return model::Point{out.xy.x, out.xy.y};
}

std::vector<model::Point> LocalProjection::toPark(std::span<const LonLat> positions) const {
  std::vector<model::Point> out;
  out.reserve(positions.size());
  for (const LonLat& p : positions) out.push_back(toPark(p));
  return out;
}

}  // namespace parktwin::geo
