// The progress line of parktwin-cli and of the window's --export-tour: counts, percent, time left.
#include <gtest/gtest.h>

#include "progress_bar.hpp"

namespace parktwin::cli {
namespace {

TEST(ProgressLine, ShowsFramesDoneOfTotalAndTheTimeLeftAtTheSamePace) {
  // 1050 of 4200 frames in 42 s: 3150 more at the same pace take 126 s.
  const std::string line = progressLine("exporting tour", 1050, 4200, "frames", 42.0);
  EXPECT_EQ(line, "exporting tour [##########                              ]  25% 1050/4200 frames, 2 min 06 s left");
}

TEST(ProgressLine, WithoutAUnitShowsOnlyPercentAndTimeLeft) {
  EXPECT_EQ(progressLine("scenario heat-wave", 500, 1000, "", 30.0),
            "scenario heat-wave [####################                    ]  50% 30 s left");
}

TEST(ProgressLine, NothingDoneYetHasNoEstimate) {
  EXPECT_EQ(progressLine("import", 0, 10, "", 3.0), "import [                                        ]   0%");
}

TEST(ProgressLine, TheLastLineSaysHowLongItTook) {
  EXPECT_EQ(progressLine("exporting tour", 40, 40, "frames", 3.2),
            "exporting tour [########################################] 100% 40/40 frames, done in 3 s");
}

TEST(DurationText, RoundsToWhatAPersonWaitingCaresAbout) {
  EXPECT_EQ(durationText(7.4), "7 s");
  EXPECT_EQ(durationText(65), "1 min 05 s");
  EXPECT_EQ(durationText(2 * 3600 + 3 * 60 + 40), "2 h 03 min");
  EXPECT_EQ(durationText(-1), "0 s");
}

}  // namespace
}  // namespace parktwin::cli
