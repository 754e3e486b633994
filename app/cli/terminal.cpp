#include "terminal.hpp"

#include <iostream>

#include "parktwin/common/time_text.hpp"
#include "parktwin/model/bundled_data.hpp"
#include "parktwin/model/park_file.hpp"
#include "parktwin/model/park_time.hpp"

namespace parktwin::cli {

const std::filesystem::path& dataFolder() {
  static const std::filesystem::path folder = [] {
    std::error_code ignored;
    return model::bundledDataFolder(std::filesystem::read_symlink("/proc/self/exe", ignored));
  }();
  return folder;
}

Result<model::Park> loadParkArgument(const std::string& nameOrPath, std::string_view language) {
  auto file = model::resolvePark(nameOrPath, dataFolder(), {}, language);
  if (!file) return std::unexpected(file.error());
  return model::loadPark(*file, language);
}

Result<std::filesystem::path> scenarioPath(const std::string& nameOrPath, std::string_view language) {
  return model::resolveBundledOrPath(nameOrPath, model::BundledKind::scenario, dataFolder(), {}, language);
}

namespace {
std::optional<std::int64_t> printedIfFailed(const char* flag, const Result<std::int64_t>& ms) {
  if (ms) return *ms;
  std::cerr << flag << ": " << ms.error().message << "\n";
  return std::nullopt;
}
}  // namespace

std::optional<std::int64_t> durationFlag(const char* flag, const std::string& text) {
  return printedIfFailed(flag, parseDurationMs(text));
}

std::optional<std::int64_t> instantFlag(const char* flag, const std::string& text, const model::Park& park,
                                        std::string_view language) {
  return printedIfFailed(flag, model::parkInstantMs(text, &park, language));
}

namespace {

// East Asian wide characters (Unicode's EastAsianWidth W and F, the ranges a park's text
// meets): two terminal columns. Other three-byte characters ("–", "°", "²") take one.
bool isWide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || c >= 0x20000;
}

}  // namespace

std::size_t displayColumns(const std::string& text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t c = length == 1 ? lead : lead & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length && i + k < text.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    width += isWide(c) ? 2 : 1;
    i += length;
  }
  return width;
}

std::string padColumns(const std::string& text, std::size_t columns) {
  const std::size_t width = displayColumns(text);
  return width >= columns ? text : text + std::string(columns - width, ' ');
}

std::string padColumnsLeft(const std::string& text, std::size_t columns) {
  const std::size_t width = displayColumns(text);
  return width >= columns ? text : std::string(columns - width, ' ') + text;
}

std::string parkTitle(const model::Park& park, std::string_view language) {
  const bool zh = language == "zh";
  return (zh ? park.name.zh : park.name.en) + " / " + (zh ? park.name.en : park.name.zh) + " (" + park.id + ")";
}

std::string counted(std::uint64_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

}  // namespace parktwin::cli
