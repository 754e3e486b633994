#pragma once
// Where a ladle of molten aluminium is while it travels: the 3D scene draws it there during a
// replay. Ladles move in a straight line at a steady pace between the two ends of their trip
// (the simulator times the trip by the link's length; the drawing needs no more than that).
#include <cstdint>
#include <optional>

#include "parktwin/model/park.hpp"
#include "parktwin/sim/sample_sink.hpp"

namespace parktwin::sim {

// The ladle's position at t_ms, in the park frame: from_position at start_ms, to_position at
// end_ms, in proportion in between. None when the event is not a ladle trip, or the ladle is
// not on its way at t_ms (before the start, after the end, or a trip of no duration).
std::optional<model::Point> ladlePositionAt(const SimEvent& trip, std::int64_t t_ms);

}  // namespace parktwin::sim
