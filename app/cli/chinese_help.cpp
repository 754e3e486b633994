#include "chinese_help.hpp"

#include <algorithm>
#include <functional>
#include <iostream>
#include <memory>
#include <regex>
#include <vector>

#include "command_registry.hpp"

namespace parktwin::cli {
namespace {

// Columns a terminal gives `text`: a Chinese character or full-width punctuation (U+3000 and
// up: UTF-8 lead byte 0xE3 and up) takes two, other characters one.
std::size_t displayWidth(const std::string& text) {
  std::size_t width = 0;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte & 0xC0) == 0x80) continue;  // a continuation byte
    width += byte >= 0xE3 ? 2 : 1;
  }
  return width;
}

// CLI11 (2.1) prints its headings and badges through these labels.
class ChineseFormatter : public CLI::Formatter {
 public:
  ChineseFormatter() {
    label("Usage", "用法");
    label("OPTIONS", "选项");
    label("SUBCOMMAND", "命令");
    label("SUBCOMMANDS", "命令");
    label("Positionals", "参数");
    label("Options", "选项");
    label("REQUIRED", "必填");
    label("Excludes", "不能同时使用");
    label("Needs", "需要");
    label("Env", "环境变量");
  }
  // A group's heading is its name: the options' group is "Options".
  std::string make_group(std::string group, bool positional, std::vector<const CLI::Option*> opts) const override {
    return Formatter::make_group(get_label(group), positional, std::move(opts));
  }
  // CLI11 pads an option to the description's column by bytes: a Chinese kind of value (three
  // bytes, two columns a character) would push its description out of line.
  std::string make_option(const CLI::Option* opt, bool positional) const override {
    std::string out = "  " + make_option_name(opt, positional) + make_option_opts(opt);
    const std::string description = make_option_desc(opt);
    if (!description.empty()) {
      const std::size_t width = displayWidth(out);
      out += width >= column_width_ ? "\n" + std::string(column_width_, ' ') : std::string(column_width_ - width, ' ');
      out += description;
    }
    return out + "\n";
  }
  // " INT:INT in [0 - 1]=1 ..." -> " 整数:整数 [0 - 1]=1 ...": the kind of value leads.
  std::string make_option_opts(const CLI::Option* opt) const override {
    std::string text = Formatter::make_option_opts(opt);
    const std::string kind = opt->get_type_name();
    if (!kind.empty() && text.starts_with(" " + kind)) text.replace(1, kind.size(), valueKindInChinese(kind));
    return text;
  }
};

const char* kindWord(const std::string& kind) {
  static const std::vector<std::pair<std::string, const char*>> words = {
      {"TEXT", "文本"}, {"INT", "整数"},     {"UINT", "非负整数"}, {"FLOAT", "数值"},
      {"NUMBER", "数值"}, {"FILE", "文件"}, {"DIR", "文件夹"},     {"PATH", "路径"}};
  for (const auto& [english, chinese] : words) {
    if (english == kind) return chinese;
  }
  return nullptr;
}

// "0.100000" -> "0.1", "600.000000" -> "600" (std::to_string's six decimals in Range's message).
std::string plainNumber(std::string number) {
  if (number.find('.') == std::string::npos) return number;
  while (number.ends_with('0')) number.pop_back();
  if (number.ends_with('.')) number.pop_back();
  return number;
}

// A validator's message (CLI::ExistingFile, CLI::Range, CLI::IsMember...) in Chinese.
std::string validatorMessageInChinese(const std::string& message) {
  static const std::regex fileMissing("File does not exist: (.*)");
  static const std::regex fileIsFolder("File is actually a directory: (.*)");
  static const std::regex folderMissing("Directory does not exist: (.*)");
  static const std::regex range("Value (.*) not in range (\\S+) to (\\S+)");
  static const std::regex member("(.*) not in (\\{.*\\})");
  std::smatch m;
  if (std::regex_match(message, m, fileMissing)) return "文件 " + m.str(1) + " 不存在";
  if (std::regex_match(message, m, fileIsFolder)) return m.str(1) + " 是文件夹，不是文件";
  if (std::regex_match(message, m, folderMissing)) return "文件夹 " + m.str(1) + " 不存在";
  if (std::regex_match(message, m, range)) {
    // CLI::PositiveNumber is a range up to the largest double: say what it means.
    if (m.str(3).size() > 30) return "取值 " + m.str(1) + " 应为正数";
    return "取值 " + m.str(1) + " 不在 " + plainNumber(m.str(2)) + " 到 " + plainNumber(m.str(3)) + " 之间";
  }
  if (std::regex_match(message, m, member)) return "取值 " + m.str(1) + " 无效，应为 " + m.str(2) + " 之一";
  return message;  // our own validators speak the chosen language already (say())
}

// The kind of error by its class: its get_name() is not always the class's (CLI11 names an
// ExtrasError after the command it happened in).
template <class Kind>
bool isA(const CLI::ParseError& error) {
  return dynamic_cast<const Kind*>(&error) != nullptr;
}

struct ErrorWording {
  bool (*kind)(const CLI::ParseError&);
  std::regex pattern;
  std::function<std::string(const std::smatch&)> word;
};

std::string requiredInChinese(const std::smatch& m) {
  const std::string name = m.str(1);
  return (name.starts_with("-") ? "缺少必填选项 " : "缺少必填参数 ") + name;
}

const std::vector<ErrorWording>& errorWordings() {
  using M = const std::smatch&;
  static const std::vector<ErrorWording> wordings = {
      {isA<CLI::ExtrasError>, std::regex("The following arguments? (?:was|were) not expected: (.*)"),
       [](M m) { return "无法识别的参数：" + m.str(1); }},
      {isA<CLI::RequiredError>, std::regex("A subcommand is required"), [](M) { return std::string("缺少命令"); }},
      {isA<CLI::RequiredError>, std::regex("Requires at least (\\d+) subcommands"),
       [](M m) { return "至少需要 " + m.str(1) + " 个命令"; }},
      {isA<CLI::RequiredError>, std::regex("(\\S+) is required"), requiredInChinese},
      {isA<CLI::ExcludesError>, std::regex("(.*) excludes (.*)"), [](M m) { return m.str(1) + " 与 " + m.str(2) + " 不能同时使用"; }},
      {isA<CLI::RequiresError>, std::regex("(.*) requires (.*)"), [](M m) { return m.str(1) + " 需要与 " + m.str(2) + " 一起使用"; }},
      {isA<CLI::ConversionError>, std::regex("Could not convert: (.*?) = (.*)"),
       [](M m) { return m.str(1) + "：无法识别的取值 " + m.str(2); }},
      {isA<CLI::ConversionError>, std::regex("The value (.*) is not an allowed value for (.*)"),
       [](M m) { return m.str(2) + "：不允许的取值 " + m.str(1); }},
      {isA<CLI::ConversionError>, std::regex("(.*): too many inputs for a flag"),
       [](M m) { return m.str(1) + " 是开关，后面不能带取值"; }},
      {isA<CLI::ConversionError>, std::regex("(.*): Should be true/false or a number"),
       [](M m) { return m.str(1) + " 的取值应为 true、false 或数字"; }},
      {isA<CLI::ValidationError>, std::regex("(\\S+): (.*)"), [](M m) { return m.str(1) + "：" + validatorMessageInChinese(m.str(2)); }},
      {isA<CLI::ArgumentMismatch>, std::regex("(.*): (\\d+) required (.*) missing"),
       [](M m) { return m.str(1) + " 后面缺少取值（应为" + valueKindInChinese(m.str(3).substr(0, m.str(3).find(':'))) + "）"; }},
      {isA<CLI::ArgumentMismatch>, std::regex("Expected exactly (\\d+) arguments to (.*), got (\\d+)"),
       [](M m) { return m.str(2) + " 需要 " + m.str(1) + " 个取值，实际给了 " + m.str(3) + " 个"; }},
      {isA<CLI::ArgumentMismatch>, std::regex("Expected at least (\\d+) arguments to (.*), got (\\d+)"),
       [](M m) { return m.str(2) + " 至少需要 " + m.str(1) + " 个取值，实际给了 " + m.str(3) + " 个"; }},
      {isA<CLI::ArgumentMismatch>, std::regex("(.*): At least (\\d+) required but received (\\d+)"),
       [](M m) { return m.str(1) + " 至少需要 " + m.str(2) + " 个取值，实际给了 " + m.str(3) + " 个"; }},
      {isA<CLI::ArgumentMismatch>, std::regex("(.*): At Most (\\d+) required but received (\\d+)"),
       [](M m) { return m.str(1) + " 最多接受 " + m.str(2) + " 个取值，实际给了 " + m.str(3) + " 个"; }},
      {isA<CLI::ArgumentMismatch>, std::regex("(.*) was given a disallowed flag override"),
       [](M m) { return m.str(1) + " 是开关，后面不能带取值"; }},
  };
  return wordings;
}

}  // namespace

std::string valueKindInChinese(const std::string& kind) {
  static const std::regex bounded("(\\w+) in (\\[.*\\])");
  std::string out;
  std::size_t start = 0;
  while (start <= kind.size()) {  // the kind, then each validator's, joined by ':'
    const std::size_t end = std::min(kind.find(':', start), kind.size());
    const std::string part = kind.substr(start, end - start);
    std::smatch m;
    const char* word = kindWord(part);
    if (word != nullptr) {
      out += word;
    } else if (std::regex_match(part, m, bounded) && kindWord(m.str(1)) != nullptr) {
      out += std::string(kindWord(m.str(1))) + " " + m.str(2);
    } else {
      out += part;
    }
    if (end < kind.size()) out += ':';
    start = end + 1;
  }
  return out;
}

void writeHelpInChinese(CLI::App& app) {
  app.formatter(std::make_shared<ChineseFormatter>());
  app.set_help_flag("-h,--help", "显示本帮助并退出");
  app.group("命令");  // the heading over the commands (CLI11: "Subcommands")
}

std::string parseErrorInChinese(const CLI::ParseError& error) {
  const std::string message = error.what();
  for (const auto& wording : errorWordings()) {
    std::smatch m;
    if (wording.kind(error) && std::regex_match(message, m, wording.pattern)) return wording.word(m);
  }
  return "命令行有误：" + message;
}

int reportParseError(const CLI::App& app, const CLI::ParseError& error) {
  const bool askedForHelpOrVersion = error.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success);
  if (askedForHelpOrVersion || commandLanguage() != "zh") return app.exit(error) == 0 ? 0 : 2;
  std::cerr << parseErrorInChinese(error) << "\n加 --help 查看用法。\n";
  return 2;
}

}  // namespace parktwin::cli
