#pragma once
// What CLI11 itself writes, in Chinese under --lang zh: the help's headings and kinds of value
// (the descriptions are the commands' own, chosen with say()), and its parse errors, reworded
// with the option's name and the value given kept as typed. Under en CLI11's words stay as they
// are (the man page is read from the English help).
#include <CLI/CLI.hpp>

#include <string>

namespace parktwin::cli {

// Before the commands are added to `app`: they inherit its formatter, help flag and group.
void writeHelpInChinese(CLI::App& app);

// "--park is required" -> "缺少必填选项 --park"; an error CLI11 words in a way not known here
// keeps its English after a Chinese lead, so nothing it says is lost.
std::string parseErrorInChinese(const CLI::ParseError& error);

// What main() does with a ParseError: the help or version asked for (exit 0), else the error
// and how to see the usage on standard error, in commandLanguage() (exit 2).
int reportParseError(const CLI::App& app, const CLI::ParseError& error);

// CLI11's kind of value in Chinese: "INT:INT in [0 - 1]" -> "整数:整数 [0 - 1]".
std::string valueKindInChinese(const std::string& kind);

}  // namespace parktwin::cli
