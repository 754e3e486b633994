#pragma once
// Where a dragged building lands: on a 1 m grid, or aligned with another building when one of
// its edges or its axis comes within the tolerance of another's (edges meeting or lining up,
// centres in line). Each axis (east x, north y) snaps on its own; a footprint turned by its
// rotation is taken by its axis-aligned bounds, which is what a person lines up by eye.
#include <string>

#include "parktwin/model/park.hpp"

namespace parktwin::app {

struct SnapRules {
  double grid_m = 1.0;
  double tolerance_m = 1.5;
};

// `wanted`: the centre the pointer asks for. The building `id` itself is not a target.
model::Point snapBuildingCentre(const model::Park& park, const std::string& id, model::Point wanted,
                                const SnapRules& rules = {});

}  // namespace parktwin::app
