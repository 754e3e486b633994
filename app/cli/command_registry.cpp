#include "command_registry.hpp"

#include "parktwin/common/closest_word.hpp"

#include <algorithm>
#include <cstdlib>
#include <string_view>

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

namespace {
std::string& chosenLanguage() {
  static std::string chosen = languageFromEnvironment();
  return chosen;
}
}  // namespace

std::string languageFromEnvironment() {
  // POSIX precedence: the first of these that is set and not empty names the messages' locale.
  for (const char* variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(variable);
    if (value != nullptr && *value != '\0') return std::string_view(value).starts_with("zh") ? "zh" : "en";
  }
  return "en";
}

const std::string& commandLanguage() { return chosenLanguage(); }

void addLanguageOptions(CLI::App& app) {
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    sub->add_option("--lang", chosenLanguage(),
                    "Language of messages, problems and summaries: zh or en (default: zh where LC_ALL, LC_MESSAGES or "
                    "LANG starts with zh, else en)")
        ->check(CLI::IsMember({"zh", "en"}));
    addLanguageOptions(*sub);
  }
}

std::string closestCommand(const std::string& typed) {
  std::vector<std::string> names;
  for (const auto& command : registry()) names.push_back(command.name);
  return common::closestWord(typed, names);
}

}  // namespace parktwin::cli
