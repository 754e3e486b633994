#include "progress_bar.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace parktwin::cli {

std::string durationText(double seconds) {
  const auto whole = static_cast<long long>(std::llround(std::max(0.0, seconds)));
  char text[48];
  if (whole < 60) std::snprintf(text, sizeof text, "%lld s", whole);
  else if (whole < 3600) std::snprintf(text, sizeof text, "%lld min %02lld s", whole / 60, whole % 60);
  else std::snprintf(text, sizeof text, "%lld h %02lld min", whole / 3600, whole / 60 % 60);
  return text;
}

std::string progressLine(const std::string& label, std::uint64_t done, std::uint64_t total, const std::string& unit,
                         double elapsed_s) {
  if (total == 0) total = 1;
  if (done > total) done = total;
  const int percent = static_cast<int>(done * 100 / total);
  constexpr int width = 40;
  const int filled = percent * width / 100;
  std::string line = label + " [" + std::string(static_cast<std::size_t>(filled), '#') +
                     std::string(static_cast<std::size_t>(width - filled), ' ') + "] ";
  char number[64];
  std::snprintf(number, sizeof number, "%3d%%", percent);
  line += number;
  if (!unit.empty()) {
    std::snprintf(number, sizeof number, " %llu/%llu ", static_cast<unsigned long long>(done),
                  static_cast<unsigned long long>(total));
    line += number + unit;
  }
  if (done == total) {
    line += (unit.empty() ? " " : ", ") + std::string("done in ") + durationText(elapsed_s);
  } else if (done > 0) {
    const double left_s = elapsed_s * static_cast<double>(total - done) / static_cast<double>(done);
    line += (unit.empty() ? " " : ", ") + durationText(left_s) + " left";
  }
  return line;
}

ProgressBar::ProgressBar(std::string label, std::uint64_t total, std::string unit, WhenNotATerminal notATerminal)
    : label_(std::move(label)),
      total_(total == 0 ? 1 : total),
      unit_(std::move(unit)),
      terminal_(isatty(STDERR_FILENO) == 1),
      lines_(!terminal_ && notATerminal == WhenNotATerminal::lines) {}

ProgressBar::~ProgressBar() {
  if (terminal_ && lastPercent_ >= 0 && lastPercent_ < 100) std::fputc('\n', stderr);
}

void ProgressBar::update(std::uint64_t done) {
  if (!terminal_ && !lines_) return;
  const int percent = static_cast<int>(std::min(done, total_) * 100 / total_);
  const bool due = terminal_ ? percent != lastPercent_
                             : lastPercent_ < 0 || percent >= lastPercent_ + kPercentPerLine || (percent == 100 && lastPercent_ < 100);
  if (!due) return;
  lastPercent_ = percent;
  const double elapsed_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  const std::string line = progressLine(label_, done, total_, unit_, elapsed_s);
  // The redrawn line ends in spaces so a shorter line wipes the end of a longer one.
  // At 100 % the line ends at once: a summary the caller prints next starts on its own line.
  if (terminal_) std::fprintf(stderr, "\r%s   %s", line.c_str(), percent == 100 ? "\n" : "");
  else std::fprintf(stderr, "%s\n", line.c_str());
  std::fflush(stderr);
}

}  // namespace parktwin::cli
