#pragma once
// Encoding of `state` tags (unit "state"): the number published and stored for a line.
#include <string_view>

namespace parktwin::sim {

enum class MachineState : int {
  run = 0,         // producing
  idle = 1,        // available, no order or planned pause
  changeover = 2,  // die, mould or product change
  down = 3,        // failed, under repair
  starved = 4,     // available but waiting for material (molten aluminium)
};

constexpr std::string_view stateName(MachineState state) {
  switch (state) {
    case MachineState::run: return "run";
    case MachineState::idle: return "idle";
    case MachineState::changeover: return "changeover";
    case MachineState::down: return "down";
    case MachineState::starved: return "starved";
  }
  return "unknown";
}

}  // namespace parktwin::sim
