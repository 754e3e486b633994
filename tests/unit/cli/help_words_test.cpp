// parktwin-cli's help and parse errors in both languages (QA F4/F13: under LANG=zh_CN all of
// --help and every parse error was English). Walks the real command line, every command,
// subcommand and option, built once under en and once under zh. Oracles: the English text of
// the same option (its Chinese must differ from it and be Chinese), and the Chinese wording of
// each parse error written here by hand.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "chinese_help.hpp"
#include "command_registry.hpp"

namespace parktwin::cli {
namespace {

void useLanguage(const char* language) {
  const char* argv[] = {"parktwin-cli", "--lang", language};
  chooseLanguage(3, argv);
}

// "parktwin-cli park new --force" -> its description; "parktwin-cli park new" -> the command's.
void collectTexts(const CLI::App& app, const std::string& path, std::map<std::string, std::string>& texts) {
  texts[path] = app.get_description();
  for (const CLI::Option* option : app.get_options()) texts[path + " " + option->get_name()] = option->get_description();
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    collectTexts(*sub, path + " " + sub->get_name(), texts);
  }
}

std::map<std::string, std::string> helpTexts(const char* language) {
  useLanguage(language);
  const auto line = makeCommandLine();
  std::map<std::string, std::string> texts;
  collectTexts(line->app, "parktwin-cli", texts);
  return texts;
}

// A CJK ideograph (U+4E00..U+9FFF: UTF-8 lead byte 0xE4..0xE9).
bool hasChinese(const std::string& text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0xE4 && byte <= 0xE9) return true;
  }
  return false;
}

bool isAscii(const std::string& text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

TEST(HelpWords, EveryDescriptionHasItsChineseAndItsEnglishIsAscii) {
  const auto english = helpTexts("en");
  const auto chinese = helpTexts("zh");
  ASSERT_EQ(english.size(), chinese.size());
  // 16 commands and subcommands, about 91 options of their own, --help and --lang on each.
  EXPECT_GT(english.size(), 120U);
  for (const auto& [where, text] : english) {
    ASSERT_TRUE(chinese.contains(where)) << where;
    EXPECT_FALSE(text.empty()) << where << " has no description";
    EXPECT_TRUE(isAscii(text)) << where << ": the English help goes into the man page (ASCII): " << text;
    const std::string& zh = chinese.at(where);
    EXPECT_NE(zh, text) << where << " is still English under zh";
    EXPECT_TRUE(hasChinese(zh)) << where << " under zh: " << zh;
  }
}

// The help pages themselves: none of CLI11's English headings, badges or kinds of value.
void expectNoEnglishHeadings(const CLI::App& app, const std::string& path) {
  const std::string page = app.help(path);
  for (const char* english : {"Usage", "Options", "OPTIONS", "Subcommands", "SUBCOMMAND", "Positionals", "REQUIRED",
                              "Excludes", "TEXT", "INT", "FLOAT", "FILE", "Print this help"}) {
    EXPECT_EQ(page.find(english), std::string::npos) << path << " --help under zh says \"" << english << "\":\n" << page;
  }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    expectNoEnglishHeadings(*sub, path + " " + sub->get_name());
  }
}

TEST(HelpWords, EveryHelpPageHasChineseHeadings) {
  useLanguage("zh");
  const auto line = makeCommandLine();
  expectNoEnglishHeadings(line->app, "parktwin-cli");
  line->app.name("parktwin-cli");  // parse() names it after argv[0]
  const std::string page = line->app.help();
  EXPECT_NE(page.find("用法: parktwin-cli [选项] 命令"), std::string::npos) << page;
  EXPECT_NE(page.find("\n命令:\n"), std::string::npos) << page;
}

TEST(HelpWords, KindsOfValueInChinese) {
  EXPECT_EQ(valueKindInChinese("TEXT"), "文本");
  EXPECT_EQ(valueKindInChinese("INT:INT in [0 - 1]"), "整数:整数 [0 - 1]");
  EXPECT_EQ(valueKindInChinese("TEXT:FILE"), "文本:文件");
  EXPECT_EQ(valueKindInChinese("TEXT:{zh,en}"), "文本:{zh,en}");
}

// The Chinese of the error CLI11 throws for `args` (the command line after the program's name).
std::string chineseParseError(const std::vector<std::string>& args) {
  useLanguage("zh");
  const auto line = makeCommandLine();
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them last first
  try {
    line->app.parse(reversed);
  } catch (const CLI::ParseError& error) {
    return parseErrorInChinese(error);
  }
  return "(no error)";
}

TEST(HelpWords, ParseErrorsInChinese) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"flows"}, "缺少必填选项 --park"},
      {{"check"}, "缺少必填参数 file"},
      {{"export", "--bogus"}, "无法识别的参数：--bogus"},
      {{"park"}, "缺少命令"},
      {{"export", "--format", "xml"}, "--format：取值 xml 无效，应为 {csv,json} 之一"},
      {{"export", "--lang", "fr"}, "--lang：取值 fr 无效，应为 {zh,en} 之一"},
      {{"export", "--db", "/no/such.db"}, "--db：文件 /no/such.db 不存在"},
      {{"export", "--db"}, "--db 后面缺少取值（应为文本）"},
      {{"simulate", "--park", "beidu", "--seed", "many"}, "--seed：无法识别的取值 many"},
      {{"connections", "test", "plant.json", "--timeout", "0"}, "--timeout：取值 0 不在 0.1 到 600 之间"},
      {{"scenario", "run", "x.json", "--store-every", "0"}, "--store-every：取值 0 应为正数"},
      {{"ingest", "--park", "beidu", "--mqtt", "h:1", "--connections", "c.json"}, "--mqtt 与 --connections 不能同时使用"},
      {{"ingest", "--park", "beidu", "--client-id", ""}, "--client-id：客户端 id 为空就没有持久会话"},
      {{"flows", "--park", "beidu", "--json=maybe"}, "--json：无法识别的取值 maybe"},
  };
  for (const auto& [args, expected] : cases) {
    std::string command;
    for (const auto& arg : args) command += " " + arg;
    EXPECT_EQ(chineseParseError(args), expected) << "parktwin-cli" << command;
  }
}

}  // namespace
}  // namespace parktwin::cli
