#pragma once
// The progress of a long run on stderr, the same in parktwin-cli (simulate, import, scenario)
// and the window's --export-tour: on a terminal one line redrawn in place; in a log or a pipe,
// nothing or a line every few percent, as the caller chooses.
#include <chrono>
#include <cstdint>
#include <string>

namespace parktwin::cli {

// "label [####      ]  42% 1764/4200 frames, 1 min 20 s left": the counts only with a `unit`,
// the time left once something is done (from the pace so far), "done" at the end.
std::string progressLine(const std::string& label, std::uint64_t done, std::uint64_t total, const std::string& unit,
                         double elapsed_s);

// 7 s, 1 min 05 s, 2 h 03 min: rounded to what a person waiting cares about.
std::string durationText(double seconds);

class ProgressBar {
 public:
  enum class WhenNotATerminal { quiet, lines };
  ProgressBar(std::string label, std::uint64_t total, std::string unit = {},
              WhenNotATerminal notATerminal = WhenNotATerminal::quiet);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;
  void update(std::uint64_t done);

 private:
  static constexpr int kPercentPerLine = 5;  // without a terminal: 20 lines for a whole run
  std::string label_;
  std::uint64_t total_;
  std::string unit_;
  bool terminal_;
  bool lines_;
  int lastPercent_ = -1;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

}  // namespace parktwin::cli
