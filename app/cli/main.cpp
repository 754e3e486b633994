// parktwin-cli: validate parks, import/export history, simulate, solve flows, run scenarios.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <functional>
#include <map>

#include "command_registry.hpp"

int main(int argc, char** argv) {
  CLI::App app{"parktwin-cli: command-line tools of the ParkTwin industrial-park digital twin"};
  app.set_version_flag("--version", std::string("parktwin-cli ") + PARKTWIN_VERSION);
  app.require_subcommand(1);

  std::map<std::string, std::function<int()>> actions;
  for (const auto& command : parktwin::cli::registeredCommands()) {
    CLI::App* sub = app.add_subcommand(command.name, command.description);
    actions[command.name] = command.declare(*sub);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  for (const auto* sub : app.get_subcommands()) {
    return actions.at(sub->get_name())();
  }
  return 2;
}
