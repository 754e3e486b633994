#include "terminal.hpp"

#include <unistd.h>

#include <cstdio>

namespace parktwin::cli {

std::filesystem::path assetPath(const std::string& relative) {
  // Next to the binary first (an installed or unpacked package), then the configured install
  // prefix, then the source tree of a development build.
  std::error_code ignored;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ignored);
  const std::filesystem::path besideBinary = exe.parent_path() / "../share/parktwin";
  for (const std::filesystem::path& root :
       {besideBinary, std::filesystem::path(PARKTWIN_INSTALLED_ASSETS), std::filesystem::path(PARKTWIN_SOURCE_ASSETS)}) {
    if (std::filesystem::exists(root / relative)) return (root / relative).lexically_normal();
  }
  return std::filesystem::path(PARKTWIN_SOURCE_ASSETS) / relative;
}

std::filesystem::path parkPath(const std::string& nameOrPath) {
  if (nameOrPath.find('/') == std::string::npos && !nameOrPath.ends_with(".json")) {
    return assetPath("parks/" + nameOrPath + ".json");
  }
  return nameOrPath;
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

ProgressBar::ProgressBar(std::string label, std::uint64_t total)
    : label_(std::move(label)), total_(total == 0 ? 1 : total), enabled_(isatty(STDERR_FILENO) == 1) {}

ProgressBar::~ProgressBar() {
  if (enabled_ && lastPercent_ >= 0) std::fputc('\n', stderr);
}

void ProgressBar::update(std::uint64_t done) {
  if (!enabled_) return;
  const int percent = static_cast<int>(done * 100 / total_);
  if (percent == lastPercent_) return;
  lastPercent_ = percent;
  const int width = 40;
  const int filled = percent * width / 100;
  std::fprintf(stderr, "\r%s [%.*s%*s] %3d%%", label_.c_str(), filled,
               "########################################", width - filled, "", percent);
  std::fflush(stderr);
}

}  // namespace parktwin::cli
