#include "command_registry.hpp"

#include "chinese_help.hpp"
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

void chooseLanguage(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "--") return;  // what follows is no option
    std::string_view value;
    if (word == "--lang" && i + 1 < argc) value = argv[i + 1];
    if (word.starts_with("--lang=")) value = word.substr(7);
    if (value == "zh" || value == "en") chosenLanguage() = std::string(value);
  }
}

const char* say(const char* en, const char* zh) { return commandLanguage() == "zh" ? zh : en; }

void addLanguageOptions(CLI::App& app) {
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    sub->add_option("--lang", chosenLanguage(),
                    say("Language of messages, problems and summaries: zh or en (default: zh where LC_ALL, LC_MESSAGES "
                        "or LANG starts with zh, else en)",
                        "提示、问题和汇总的语言：zh 或 en（默认：LC_ALL、LC_MESSAGES 或 LANG 以 zh 开头时为 zh，否则为 en）"))
        ->check(CLI::IsMember({"zh", "en"}));
    addLanguageOptions(*sub);
  }
}

std::unique_ptr<CommandLine> makeCommandLine() {
  auto line = std::make_unique<CommandLine>();
  CLI::App& app = line->app;
  app.description(say("parktwin-cli: command-line tools of the ParkTwin industrial-park digital twin",
                      "parktwin-cli：ParkTwin 产业园区数字孪生的命令行工具"));
  if (commandLanguage() == "zh") writeHelpInChinese(app);
  app.set_version_flag("--version", std::string("parktwin-cli ") + PARKTWIN_VERSION,
                       say("Display program version information and exit", "显示程序版本并退出"));
  app.require_subcommand(1);
  for (const auto& command : registeredCommands()) {
    CLI::App* sub = app.add_subcommand(command.name, say(command.description));
    line->actions[command.name] = command.declare(*sub);
  }
  addLanguageOptions(app);
  return line;
}

std::string closestCommand(const std::string& typed) {
  std::vector<std::string> names;
  for (const auto& command : registry()) names.push_back(command.name);
  return common::closestWord(typed, names);
}

}  // namespace parktwin::cli
