#include "terminal.hpp"

#include <iostream>

#include "parktwin/common/time_text.hpp"
#include "parktwin/model/bundled_data.hpp"
#include "parktwin/model/park_file.hpp"

namespace parktwin::cli {

const std::filesystem::path& dataFolder() {
  static const std::filesystem::path folder = [] {
    std::error_code ignored;
    return model::bundledDataFolder(std::filesystem::read_symlink("/proc/self/exe", ignored));
  }();
  return folder;
}

Result<model::Park> loadParkArgument(const std::string& nameOrPath) {
  auto file = model::resolvePark(nameOrPath, dataFolder());
  if (!file) return std::unexpected(file.error());
  return model::loadPark(*file);
}

Result<std::filesystem::path> scenarioPath(const std::string& nameOrPath) {
  return model::resolveBundledOrPath(nameOrPath, model::BundledKind::scenario, dataFolder());
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

std::optional<std::int64_t> instantFlag(const char* flag, const std::string& text) {
  return printedIfFailed(flag, parseInstantMs(text));
}

std::size_t displayColumns(const std::string& text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    width += length >= 3 ? 2 : 1;  // the three- and four-byte ranges hold the CJK characters
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

}  // namespace parktwin::cli
