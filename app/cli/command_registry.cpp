#include "command_registry.hpp"

#include <algorithm>

namespace parktwin::cli {
namespace {
std::vector<Command>& registry() {
  static std::vector<Command> commands;
  return commands;
}
}  // namespace

bool registerCommand(Command command) {
  registry().push_back(std::move(command));
  std::ranges::sort(registry(), {}, &Command::name);
  return true;
}

const std::vector<Command>& registeredCommands() { return registry(); }

}  // namespace parktwin::cli
