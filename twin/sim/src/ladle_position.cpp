#include "parktwin/sim/ladle_position.hpp"

namespace parktwin::sim {

std::optional<model::Point> ladlePositionAt(const SimEvent& trip, std::int64_t t_ms) {
  if (trip.kind != SimEventKind::ladle_trip) return std::nullopt;
  if (trip.end_ms <= trip.start_ms || t_ms < trip.start_ms || t_ms > trip.end_ms) return std::nullopt;
  const double share = static_cast<double>(t_ms - trip.start_ms) / static_cast<double>(trip.end_ms - trip.start_ms);
  const model::Point& a = trip.from_position;
  const model::Point& b = trip.to_position;
  return model::Point{a.x_m + share * (b.x_m - a.x_m), a.y_m + share * (b.y_m - a.y_m)};
}

}  // namespace parktwin::sim
