// parktwin-cli: validate parks, import/export history, simulate, solve flows, run scenarios.
#include <CLI/CLI.hpp>

#include <iostream>
#include <string>

#include "chinese_help.hpp"
#include "command_registry.hpp"

namespace {

// A first word that is no option and no command is a mistyped command: suggest the right one
// (CLI11 would only say the argument was not expected).
void reportUnknownCommand(const std::string& typed) {
  const std::string meant = parktwin::cli::closestCommand(typed);
  if (parktwin::cli::commandLanguage() == "zh") {
    std::cerr << "parktwin-cli：没有“" << typed << "”这个命令；"
              << (meant.empty() ? std::string("parktwin-cli --help 列出所有命令") : "是不是要用 " + meant + "？") << "\n";
  } else if (!meant.empty()) {
    std::cerr << "parktwin-cli: unknown command \"" << typed << "\"; did you mean " << meant << "?\n";
  } else {
    std::cerr << "parktwin-cli: unknown command \"" << typed << "\"; see parktwin-cli --help for the commands\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  parktwin::cli::chooseLanguage(argc, argv);
  const auto line = parktwin::cli::makeCommandLine();
  if (argc > 1 && argv[1][0] != '-' && !line->actions.contains(argv[1])) {
    reportUnknownCommand(argv[1]);
    return 2;
  }
  try {
    line->app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return parktwin::cli::reportParseError(line->app, e);
  }
  for (const auto* sub : line->app.get_subcommands()) {
    return line->actions.at(sub->get_name())();
  }
  return 2;
}
