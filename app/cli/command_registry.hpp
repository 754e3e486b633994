#pragma once
// Subcommands register themselves at static-initialisation time, so adding one is adding a
// file (command_<name>.cpp) and touching nothing else.
#include <CLI/CLI.hpp>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace parktwin::cli {

// A text people read, with its Chinese beside its English where it is written, so that no
// description goes in without its Chinese (the help words test checks every one).
struct Bilingual {
  const char* en;
  const char* zh;
};

struct Command {
  std::string name;
  Bilingual description;
  // Declares the subcommand's options on `sub` and returns the action that runs it; the
  // action returns the process exit code (0 ok, 1 failure, 2 bad input).
  std::function<std::function<int()>(CLI::App& sub)> declare;
};

bool registerCommand(Command command);
const std::vector<Command>& registeredCommands();

// --lang zh|en: the language of what a command prints for people (file problems, reports,
// summaries). makeCommandLine() gives it to every command and subcommand through addLanguageOptions, so
// each one takes the same flag; a command reads the choice with commandLanguage() when it runs.
// Without the flag, LC_ALL, else LC_MESSAGES, else LANG decides: zh... is Chinese, else English.
void addLanguageOptions(CLI::App& app);
const std::string& commandLanguage();
// The help is written in the chosen language as the commands are declared, before CLI11 parses
// --lang: main() reads "--lang zh|en" / "--lang=zh|en" from the arguments first (another value is
// left for CLI11 to refuse, in the environment's language).
void chooseLanguage(int argc, const char* const* argv);
// The English or the Chinese, as commandLanguage() is: for help texts and validators' messages.
const char* say(const char* en, const char* zh);
inline const char* say(const Bilingual& text) { return say(text.en, text.zh); }

// The whole command line in commandLanguage(), every command declared on it: main() parses it,
// the help words test walks it.
struct CommandLine {
  CLI::App app;
  std::map<std::string, std::function<int()>> actions;  // by command name
};
std::unique_ptr<CommandLine> makeCommandLine();
// The environment's choice alone (the variables named above), for its unit test.
std::string languageFromEnvironment();

// The registered command a mistyped one most likely meant ("chek" -> "check"): at most two
// letters added, dropped, changed or swapped; empty when none is that close.
std::string closestCommand(const std::string& typed);

}  // namespace parktwin::cli
