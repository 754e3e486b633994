// parktwin-cli: validate parks, import/export history, simulate, solve flows, run scenarios.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <functional>
#include <map>
#include <string>

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
  parktwin::cli::addLanguageOptions(app);
  // A first word that is no option and no command is a mistyped command: suggest the right one
  // (CLI11 would only say the argument was not expected).
  if (argc > 1 && argv[1][0] != '-' && !actions.contains(argv[1])) {
    const std::string typed = argv[1];
    const std::string meant = parktwin::cli::closestCommand(typed);
    if (!meant.empty()) {
      std::fprintf(stderr, "parktwin-cli: unknown command \"%s\"; did you mean %s?\n", typed.c_str(), meant.c_str());
    } else {
      std::fprintf(stderr, "parktwin-cli: unknown command \"%s\"; see parktwin-cli --help for the commands\n",
                   typed.c_str());
    }
    return 2;
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
