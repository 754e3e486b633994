#pragma once
// The window's command line: every option once, with its help text, read and checked into
// LaunchOptions before anything opens.
#include <QCommandLineOption>
#include <QList>
#include <QSize>
#include <QString>

#include "parktwin/common/result.hpp"

class QCoreApplication;

namespace parktwin::app {

struct LaunchOptions {
  QString park;             // a bundled park's name or a file; empty when none was asked for
  QString lang = "en";      // --lang, else the one last chosen in the window, else the system's
  QSize size{1600, 900};    // image size of --screenshot, window size of headless runs
  QString screenshot, screenshotInfo;
  QString replay, at, loop, speed;  // as typed: startup.cpp reads them, refusing in --lang
  QString mqtt, user, password, caFile, recordTo;
  QString connections;      // --connections: a connections file's sources as the live feed
  QString server, token;    // --server: parktwin-server's live feed; its token from PARKTWIN_TOKEN
  bool present = false;
  QString tour;             // --tour, or the file of --export-tour
  bool exportTour = false;
  QString out = "tour.mp4";
  int fps = 25;
  bool flows = false;
  bool night = false, plainLook = false;
  QString select, balance, scenario;
  QString openFile;         // --open: opened in the window as File > Open... does
  QString showMenu;         // --show-menu: a header menu shown open ("file"), or the Data dialog ("data", "data:PART")
  bool quick = false;
  int benchMachines = 0;
  bool benchMachinesOnly = false, benchNaive = false;
  bool benchModelsDetailed = false;  // --bench-models-detailed: no level of detail for models
  double benchSeconds = 0;  // > 0: --bench-fps
  bool edit = false;
  QString benchDrag;        // --bench-drag: the building dragged while frames are counted
  bool benchStill = false;
  bool benchFlyIn = false;  // --bench-fly-in: the camera flies in and out instead of only orbiting
  bool benchFlowsOnGuiThread = false;
  bool benchFlowsResetRows = false;
  bool benchFlowsDesign = false;
  QString benchFlowArcs;  // --bench-flow-arcs: how the flow arcs are drawn (empty: the window's way)

  bool headless() const { return !screenshot.isEmpty() || benchSeconds > 0 || exportTour; }
  // --server with no park of its own (none named, nor a scenario's or a tour's): the window
  // takes the park the server serves.
  bool followsServerPark() const { return !server.isEmpty() && park.isEmpty() && scenario.isEmpty() && tour.isEmpty(); }
};

// The interface scale for a headless run of `argc`/`argv`: 2 when its --size is over 2560
// pixels wide (a 4K picture then shows the window as a 4K screen would, not with 1x text),
// else 1. Read before the application exists: Qt takes the scale only then (QT_SCALE_FACTOR).
int interfaceScaleFor(int argc, char* argv[]);

// Parses and checks the command line of `app`; --help and --version print and exit here. A
// value out of range is an error naming the option and what it expects.
[[nodiscard]] Result<LaunchOptions> parseLaunchOptions(const QCoreApplication& app);

}  // namespace parktwin::app
