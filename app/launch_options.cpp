#include "launch_options.hpp"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>

#include "park_controller.hpp"
#include "view_state.hpp"

namespace parktwin::app {
namespace {

// Without --lang: the language last chosen in the window, else the system's, so that a Chinese
// desktop (LANG=zh_CN.UTF-8, the menu entry's start) opens in Chinese.
QString defaultLanguage() {
  const QString chosen = ParkController::chosenLanguage();
  if (!chosen.isEmpty()) return chosen;
  const QStringList system = QLocale::system().uiLanguages();
  return !system.isEmpty() && system.front().startsWith("zh") ? "zh" : "en";
}

QList<QCommandLineOption> optionTable() {
  return {
      {"park", "Park file to open, or a bundled park name (beidu, jiulong); default beidu, or the park a --scenario or --tour is written for.", "file", "beidu"},
      {"lang", "Display language: zh or en (default: the one last chosen in the window, else the system's: zh where LANG is zh_*).", "lang"},
      {"replay", "Replay a historian file (from parktwin-cli simulate --db or ingest --db).", "db"},
      {"at", "With --replay: start at this time (ISO-8601, epoch seconds or ms, or as many hours after the start with a trailing h); a time without a zone is the park's civil time.", "time"},
      {"loop", "With --replay: loop the range FROM-TO hours after the start, e.g. 6-10.", "h-h"},
      {"speed", "With --replay: start playing at this multiple of real time, 0.1 to 10000 (e.g. 60).", "x"},
      {"mqtt", "Show live data from an MQTT broker (topics parktwin/<park>/<tag>).", "host:port"},
      {"user", "MQTT user name.", "name"},
      {"password", "MQTT password (prefer PARKTWIN_MQTT_PASSWORD in the environment).", "password"},
      {"tls-ca", "CA certificate file: connect to the broker with TLS.", "file"},
      {"server", "Show live data from parktwin-server at this address (a wall display's start): the token from PARKTWIN_TOKEN in the environment (a command line is readable by every user of the machine); with --tls-ca, the CA of an https:// server.", "http(s)://host:port"},
      {"connections", "Show live data from the sources of a connections file (docs/connections.md), checked against the park; with --mqtt, that broker is the OPC UA gateway's.", "file"},
      {"record", "With --mqtt or --connections: also record the live feed into this historian file.", "db"},
      {"present", "Start in presentation mode (full screen, the park's tour)."},
      {"tour", "Tour file for presentation mode (default: a tour of the park's id beside its file, else its bundled tour).", "json"},
      {"export-tour", "Render a tour to a video and exit (use with --out, --size, --fps).", "json"},
      {"out", "Output file for --export-tour (MP4, default tour.mp4).", "file", "tour.mp4"},
      {"fps", "Frames per second for --export-tour, 1-120 (default 25).", "n", "25"},
      {"screenshot", "Render the first complete frame of the whole window (panels included) to a PNG of exactly --size pixels, and exit.", "png"},
      {"screenshot-info", "With --screenshot: also write where each building is on screen (JSON).", "json"},
      {"size", "Image size of --screenshot, window size of --export-tour and --bench-fps, default 1600x900. Over 2560 pixels wide, the interface is drawn at 2x (as on a 4K screen) so its text stays legible.", "WxH", "1600x900"},
      {"flows", "Show the material and energy flows and their KPIs."},
      {"night", "Start in night mode: dark sky, lit windows, street lights."},
      {"plain-look", "Draw the park plainly: flat sky, no textures, window bands or street lights (the fastest look)."},
      {"balance", "Show the Sankey diagram of the park's material or energy balance.", "material|energy"},
      {"select", "Select an object (building, line, machine group...) and fly to it.", "id"},
      {"open", "Once the window is up, open this park file as File > Open... does: a file with problems lists them in the Problems panel and the park shown stays.", "file"},
      {"show-menu", "Once the window is up, open the header's File menu, About, or the Data dialog, data:PART scrolled to one of its parts: replay, mqtt, connections, server (for the user guide's pictures).", "file|about|data|data:PART"},
      {"scenario", "Open the scenario panel and run this scenario: a bundled scenario's name (heat-wave) or a file.", "name|file"},
      {"quick", "With --scenario: a quick look, 3 days around the first change."},
      {"bench-fps", "Orbit the camera for N seconds and print frames per second.", "seconds"},
      {"bench-fly-in", "With --bench-fps: fly in from the whole park to 1/32 of its distance and out again while orbiting, and print frames per second for each halving of the distance too."},
      {"bench-machines", "With --bench-fps: replace the machines by N synthetic ones.", "n"},
      {"bench-machines-only", "With --bench-machines: hide the park around the machines."},
      {"bench-naive", "With --bench-machines: draw them as one Model each (the baseline)."},
      {"bench-models-detailed", "Draw every machine model however small on screen (no level of detail), for benchmarks."},
      {"edit", "Start in edit mode (the editor panel, drag, rotate, undo)."},
      {"bench-drag", "With --bench-fps: drag building ID to and fro in edit mode instead of orbiting.", "id"},
      {"bench-still", "With --bench-fps: redraw the still window instead of orbiting (the drag's baseline)."},
      {"bench-flows-on-gui-thread", "With --bench-fps, --replay and --flows: re-solve the flows at each step on the GUI thread instead of a worker (the worker's baseline)."},
      {"bench-flows-design", "With --bench-fps, --replay and --flows: keep the design solve on screen (no step re-solved), to time drawing the flows alone."},
      {"bench-flow-arcs", "With --flows: draw the flow arcs another way, to time what each part of drawing them costs: instanced (the window's way: one instanced Model), instanced-opaque (the same without blending), models (one translucent Model with a moving dash texture per arc, the way before), models-still (the same, dashes not moving), models-opaque (the same, no blending).", "way"},
      {"bench-flows-reset-rows", "With --bench-fps, --replay and --flows: rebuild every flow arc, KPI card and Sankey row at each step instead of changing only what changed (the baseline)."},
  };
}

LaunchOptions read(const QCommandLineParser& parser) {
  LaunchOptions o;
  const QStringList files = parser.positionalArguments();
  o.park = !files.isEmpty() ? files.first() : parser.isSet("park") ? parser.value("park") : QString();
  o.lang = parser.isSet("lang") ? parser.value("lang") : defaultLanguage();
  o.screenshot = parser.value("screenshot");
  o.screenshotInfo = parser.value("screenshot-info");
  o.replay = parser.value("replay");
  o.at = parser.value("at");
  o.loop = parser.value("loop");
  o.speed = parser.value("speed");
  o.mqtt = parser.value("mqtt");
  o.user = parser.value("user");
  o.password = parser.isSet("password") ? parser.value("password") : qEnvironmentVariable("PARKTWIN_MQTT_PASSWORD");
  o.caFile = parser.value("tls-ca");
  o.recordTo = parser.value("record");
  o.connections = parser.value("connections");
  o.server = parser.value("server");
  o.token = qEnvironmentVariable("PARKTWIN_TOKEN");
  o.present = parser.isSet("present");
  o.exportTour = parser.isSet("export-tour");
  o.tour = o.exportTour ? parser.value("export-tour") : parser.value("tour");
  o.out = parser.value("out");
  o.flows = parser.isSet("flows");
  o.night = parser.isSet("night");
  o.plainLook = parser.isSet("plain-look");
  o.benchModelsDetailed = parser.isSet("bench-models-detailed");
  o.select = parser.value("select");
  o.openFile = parser.value("open");
  o.showMenu = parser.value("show-menu");
  o.balance = parser.value("balance");
  o.scenario = parser.value("scenario");
  o.quick = parser.isSet("quick");
  o.benchMachines = parser.value("bench-machines").toInt();
  o.benchMachinesOnly = parser.isSet("bench-machines-only");
  o.benchNaive = parser.isSet("bench-naive");
  o.edit = parser.isSet("edit");
  o.benchDrag = parser.value("bench-drag");
  o.benchStill = parser.isSet("bench-still");
  o.benchFlyIn = parser.isSet("bench-fly-in");
  o.benchFlowsOnGuiThread = parser.isSet("bench-flows-on-gui-thread");
  o.benchFlowsResetRows = parser.isSet("bench-flows-reset-rows");
  o.benchFlowsDesign = parser.isSet("bench-flows-design");
  o.benchFlowArcs = parser.value("bench-flow-arcs");
  o.benchSeconds = parser.value("bench-fps").toDouble();
  return o;
}

Result<void> checkValues(const QCommandLineParser& parser, LaunchOptions& o) {
  const auto refuse = [](const char* what, const QString& got) {
    return fail(std::string("parktwin: ") + what + ", got \"" + got.toStdString() + "\"");
  };
  if (o.lang != "zh" && o.lang != "en") return refuse("--lang must be zh or en", o.lang);
  const QStringList size = parser.value("size").split('x');
  o.size = QSize(size.value(0).toInt(), size.size() == 2 ? size.value(1).toInt() : 0);
  if (o.size.width() < 320 || o.size.height() < 240 || o.size.width() > 8192 || o.size.height() > 8192) {
    return refuse("--size must be WxH between 320x240 and 8192x8192", parser.value("size"));
  }
  o.fps = parser.value("fps").toInt();
  if (o.exportTour && (o.fps < 1 || o.fps > 120)) return refuse("--fps must be 1..120", parser.value("fps"));
  if (!o.balance.isEmpty() && o.balance != "material" && o.balance != "energy") {
    return refuse("--balance must be material or energy", o.balance);
  }
  if (!o.benchFlowArcs.isEmpty() && !ViewState::flowArcsDrawingNamed(o.benchFlowArcs)) {
    return refuse("--bench-flow-arcs must be instanced, instanced-opaque, models, models-still or models-opaque",
                  o.benchFlowArcs);
  }
  return {};
}

}  // namespace

int interfaceScaleFor(int argc, char* argv[]) {
  bool headless = false;
  int width = 1600;
  for (int i = 1; i < argc; ++i) {
    const QString arg = QString::fromLocal8Bit(argv[i]);
    if (arg == "--screenshot" || arg == "--export-tour" || arg == "--bench-fps") headless = true;
    if (arg.startsWith("--size=")) width = arg.mid(7).section('x', 0, 0).toInt();
    if (arg == "--size" && i + 1 < argc) width = QString::fromLocal8Bit(argv[i + 1]).section('x', 0, 0).toInt();
  }
  return headless && width > 2560 ? 2 : 1;
}

Result<LaunchOptions> parseLaunchOptions(const QCoreApplication& app) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "ParkTwin: a 3D digital twin of an industrial park for park managers, investors and planners.");
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addOptions(optionTable());
  // A file alone opens as with --park: the desktop entry runs "parktwin %f".
  parser.addPositionalArgument("file", "Park file to open (the same as --park).", "[file]");
  parser.process(app);
  LaunchOptions options = read(parser);
  if (auto ok = checkValues(parser, options); !ok) return std::unexpected(ok.error());
  return options;
}

}  // namespace parktwin::app
