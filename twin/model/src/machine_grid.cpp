#include "parktwin/model/machine_grid.hpp"

namespace parktwin::model {

MachineGrid machineGrid(const MachineGroup& g) {
  if (g.count < 1 || g.count > kMaxMachinesInGroup || g.rows < 1 || g.rows > kMaxMachineRows) return {};
  MachineGrid grid;
  grid.rows = g.rows;
  grid.columns = (g.count + g.rows - 1) / g.rows;
  grid.width_m = (grid.columns - 1) * g.pitch_x_m + g.width_m;
  grid.depth_m = (grid.rows - 1) * g.pitch_y_m + g.depth_m;
  return grid;
}

Point machineOffset(const MachineGroup& g, const MachineGrid& grid, int index) {
  const int row = index / grid.columns, column = index % grid.columns;
  return {g.offset.x_m + (column - (grid.columns - 1) / 2.0) * g.pitch_x_m,
          g.offset.y_m + (row - (grid.rows - 1) / 2.0) * g.pitch_y_m};
}

}  // namespace parktwin::model
