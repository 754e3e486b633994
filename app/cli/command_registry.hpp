#pragma once
// Subcommands register themselves at static-initialisation time, so adding one is adding a
// file (command_<name>.cpp) and touching nothing else.
#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace parktwin::cli {

struct Command {
  std::string name;
  std::string description;
  // Declares the subcommand's options on `sub` and returns the action that runs it; the
  // action returns the process exit code (0 ok, 1 failure, 2 bad input).
  std::function<std::function<int()>(CLI::App& sub)> declare;
};

bool registerCommand(Command command);
const std::vector<Command>& registeredCommands();

// --lang zh|en: the language of what a command prints for people (file problems, reports,
// summaries). main() gives it to every command and subcommand through addLanguageOptions, so
// each one takes the same flag; a command reads the choice with commandLanguage() when it runs.
// Without the flag, LC_ALL, else LC_MESSAGES, else LANG decides: zh... is Chinese, else English.
void addLanguageOptions(CLI::App& app);
const std::string& commandLanguage();
// The environment's choice alone (the variables named above), for its unit test.
std::string languageFromEnvironment();

// The registered command a mistyped one most likely meant ("chek" -> "check"): at most two
// letters added, dropped, changed or swapped; empty when none is that close.
std::string closestCommand(const std::string& typed);

}  // namespace parktwin::cli
