#include "command_registry.hpp"

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

namespace {
// Optimal string alignment distance: Levenshtein plus a swap of two neighbours ("chekc").
std::size_t editDistance(const std::string& a, const std::string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t change = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + change});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}
}  // namespace

std::string closestCommand(const std::string& typed) {
  constexpr std::size_t kMostEdits = 2;
  std::string best;
  std::size_t bestDistance = kMostEdits + 1;
  for (const auto& command : registry()) {
    const std::size_t distance = editDistance(typed, command.name);
    if (distance < bestDistance && distance < command.name.size()) {
      best = command.name;
      bestDistance = distance;
    }
  }
  return best;
}

}  // namespace parktwin::cli
