#pragma once
// What the command line asks for, opened before the window shows: the park (or the one a
// scenario or tour is written for), the tour, a replay or a live feed, the view, and the
// headless run. Each step fails with a message for stderr; main() exits 2 with it.
#include <QElapsedTimer>
#include <filesystem>

#include "launch_options.hpp"
#include "parktwin/common/result.hpp"

class QQuickWindow;

namespace parktwin::app {

class ParkController;
class ParkDocument;
class ViewState;

// Opens the park, checks the scenario against it and loads the tour. Returns the scenario file
// to run once the window is up (empty when none was asked for).
[[nodiscard]] Result<std::filesystem::path> openParkAndPlans(ParkController& controller, const LaunchOptions& options);

// Opens --replay (with --at, --loop, --speed) or connects --mqtt. For a window a failure is
// shown in it and not returned; for a headless run it is returned.
[[nodiscard]] Result<void> openData(ParkController& controller, const LaunchOptions& options);

// The panels and overlays the command line asked for.
void applyView(ViewState& view, const LaunchOptions& options);

// Sizes a headless window and starts its run (screenshot, video or frame-rate benchmark); runs
// the scenario of `scenarioFile`; selects --select's object (`document`: once its park is shown).
void start(QQuickWindow* window, ParkController& controller, ParkDocument& document, const LaunchOptions& options,
           const std::filesystem::path& scenarioFile, const QElapsedTimer& sinceStart);

}  // namespace parktwin::app
