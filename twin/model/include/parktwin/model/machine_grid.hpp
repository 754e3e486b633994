// Where a machine group's machines stand: `count` machines in `rows` rows, filled row by row
// (the last row may be short), on a grid centred on the group's offset in its building's axes.
// The validator's fit check and the scene's instances both use it, so they agree.
#pragma once

#include "parktwin/model/park.hpp"

namespace parktwin::model {

// The values a group may take (the validator's ranges). Outside them a group has no grid, so a
// bad value typed in the editor is listed as a problem and draws nothing, instead of dividing
// by zero rows or laying out a billion machines.
inline constexpr int kMaxMachinesInGroup = 100'000;
inline constexpr int kMaxMachineRows = 10'000;

struct MachineGrid {
  int rows = 0, columns = 0;  // 0 x 0: no grid (count or rows out of range)
  double width_m = 0, depth_m = 0;  // the whole grid's footprint, machines included
  bool empty() const { return rows == 0; }
};

MachineGrid machineGrid(const MachineGroup& group);
// Machine `index`'s centre relative to the building's centre, in the building's axes.
Point machineOffset(const MachineGroup& group, const MachineGrid& grid, int index);

}  // namespace parktwin::model
