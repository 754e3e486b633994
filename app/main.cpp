// parktwin: the ParkTwin desktop app. Opens a park (the bundled Beidu park by default) in a
// Qt Quick 3D window; --screenshot renders one frame to a PNG and exits.
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QIcon>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>

#include "park_controller.hpp"
#include "parktwin/model/bundled_data.hpp"
#include "parktwin/model/park_file.hpp"
#include "parktwin/scenario/scenario.hpp"
#include "parktwin/store/time_format.hpp"
#include "run_modes.hpp"

Q_IMPORT_QML_PLUGIN(ParkTwinPlugin)

namespace {

namespace fs = std::filesystem;

// This program's bundled data: <its folder>/../share/parktwin, installed or in the build tree.
fs::path dataFolder() { return parktwin::model::bundledDataFolder(QCoreApplication::applicationFilePath().toStdString()); }

// The park a tour file says it is written for, if it is one of the bundled parks; else empty.
QString bundledParkOfTour(const QString& tourFile) {
  QFile file(tourFile);
  if (!file.open(QIODevice::ReadOnly)) return {};
  const QString park = QJsonDocument::fromJson(file.readAll()).object().value("park").toString();
  const auto bundled = parktwin::model::bundledNames(dataFolder(), parktwin::model::BundledKind::park);
  return std::ranges::find(bundled, park.toStdString()) != bundled.end() ? park : QString();
}

// A scenario asked for on the command line (a bundled scenario's name or a file), loaded to
// check it before the window opens: a scenario that cannot run is refused with its message.
struct ScenarioArgument {
  fs::path file;
  parktwin::scenario::Scenario scenario;
};
parktwin::Result<ScenarioArgument> loadScenarioArgument(const QString& nameOrPath) {
  auto file = parktwin::model::resolveBundledOrPath(nameOrPath.toStdString(), parktwin::model::BundledKind::scenario,
                                                    dataFolder());
  if (!file) return std::unexpected(file.error());
  auto scenario = parktwin::scenario::loadScenario(*file, dataFolder());
  if (!scenario) return std::unexpected(scenario.error());
  return ScenarioArgument{fs::absolute(*file), std::move(*scenario)};
}

}  // namespace

int main(int argc, char* argv[]) {
  QElapsedTimer sinceStart;
  sinceStart.start();
  // --version and --help answer in a terminal with no display (QGuiApplication needs one).
  const bool answerOnly = std::any_of(argv + 1, argv + argc, [](const char* arg) {
    for (const char* flag : {"-v", "--version", "-h", "--help", "--help-all"}) {
      if (std::strcmp(arg, flag) == 0) return true;
    }
    return false;
  });
  std::unique_ptr<QCoreApplication> application;
  if (answerOnly) application = std::make_unique<QCoreApplication>(argc, argv);
  else application = std::make_unique<QGuiApplication>(argc, argv);
  QCoreApplication& app = *application;
  QCoreApplication::setApplicationName("parktwin");  // --version prints "parktwin <version>"
  QCoreApplication::setApplicationVersion(PARKTWIN_VERSION);
  QCoreApplication::setOrganizationName("ParkTwin");
  if (!answerOnly) {
    QGuiApplication::setWindowIcon(QIcon(":/ParkTwin/icons/parktwin.png"));
    QGuiApplication::setDesktopFileName("parktwin");  // the installed parktwin.desktop
  }
  QQuickStyle::setStyle("Basic");

  QCommandLineParser parser;
  parser.setApplicationDescription(
      "ParkTwin: a 3D digital twin of an industrial park for park managers, investors and planners.");
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption parkOption("park", "Park file to open, or a bundled park name (beidu, jiulong).", "file", "beidu");
  const QCommandLineOption langOption("lang", "Display language: zh or en.", "lang", "en");
  const QCommandLineOption screenshotOption("screenshot", "Render the first complete frame to a PNG and exit.", "png");
  const QCommandLineOption sizeOption("size", "Window size for --screenshot and --bench-fps, e.g. 1600x900.", "WxH", "1600x900");
  const QCommandLineOption infoOption("screenshot-info", "With --screenshot: also write where each building is on screen (JSON).", "json");
  const QCommandLineOption replayOption("replay", "Replay a historian file (from parktwin-cli simulate --db or ingest --db).", "db");
  const QCommandLineOption mqttOption("mqtt", "Show live data from an MQTT broker (topics parktwin/<park>/<tag>).", "host:port");
  const QCommandLineOption userOption("user", "MQTT user name.", "name");
  const QCommandLineOption passwordOption("password", "MQTT password (prefer PARKTWIN_MQTT_PASSWORD in the environment).", "password");
  const QCommandLineOption caOption("tls-ca", "CA certificate file: connect to the broker with TLS.", "file");
  const QCommandLineOption recordOption("record", "With --mqtt: also record the live feed into this historian file.", "db");
  const QCommandLineOption atOption("at", "With --replay: start at this time (ISO-8601, epoch seconds or ms, or as many hours after the start with a trailing h).", "time");
  const QCommandLineOption presentOption("present", "Start in presentation mode (full screen, the park's tour).");
  const QCommandLineOption tourOption("tour", "Tour file for presentation mode (default: the park's bundled tour).", "json");
  const QCommandLineOption exportTourOption("export-tour", "Render a tour to a video and exit (use with --out, --size, --fps).", "json");
  const QCommandLineOption outOption("out", "Output file for --export-tour (MP4).", "file", "tour.mp4");
  const QCommandLineOption fpsOption("fps", "Frames per second for --export-tour.", "n", "25");
  const QCommandLineOption flowsOption("flows", "Show the material and energy flows and their KPIs.");
  const QCommandLineOption selectOption("select", "Select an object (building, line, machine group...) and fly to it.", "id");
  const QCommandLineOption loopOption("loop", "With --replay: loop the range FROM-TO hours after the start, e.g. 6-10.", "h-h");
  const QCommandLineOption speedOption("speed", "With --replay: start playing at this multiple of real time.", "x");
  const QCommandLineOption balanceOption("balance", "Show the Sankey diagram of the park's material or energy balance.", "material|energy");
  const QCommandLineOption scenarioOption("scenario", "Open the scenario panel and run this scenario: a bundled scenario's name (heat-wave) or a file.", "name|file");
  const QCommandLineOption quickOption("quick", "With --scenario: a quick look, 3 days around the first change.");
  const QCommandLineOption benchMachinesOption("bench-machines", "With --bench-fps: replace the machines by N synthetic ones.", "n");
  const QCommandLineOption benchMachinesOnlyOption("bench-machines-only", "With --bench-machines: hide the park around the machines.");
  const QCommandLineOption benchNaiveOption("bench-naive", "With --bench-machines: draw them as one Model each (the baseline).");
  const QCommandLineOption benchOption("bench-fps", "Orbit the camera for N seconds and print frames per second.", "seconds");
  parser.addOptions({parkOption, langOption, replayOption, mqttOption, userOption, passwordOption, caOption, recordOption,
                    atOption, presentOption, tourOption, exportTourOption, outOption, fpsOption, screenshotOption,
                    infoOption, sizeOption, benchOption, balanceOption, scenarioOption, quickOption, benchMachinesOption, benchMachinesOnlyOption, benchNaiveOption, speedOption, selectOption, flowsOption, loopOption});
  // A file alone opens as with --park: the desktop entry runs "parktwin %f".
  parser.addPositionalArgument("file", "Park file to open (the same as --park).", "[file]");
  parser.process(app);
  const bool exporting = parser.isSet(exportTourOption);
  const QString tourFile = exporting ? parser.value(exportTourOption) : parser.value(tourOption);
  std::optional<parktwin::scenario::Scenario> scenario;
  fs::path scenarioFile;
  if (parser.isSet(scenarioOption)) {
    auto loaded = loadScenarioArgument(parser.value(scenarioOption));
    if (!loaded) {
      std::fprintf(stderr, "%s\n", loaded.error().message.c_str());
      return 2;
    }
    scenarioFile = loaded->file;
    scenario = std::move(loaded->scenario);
  }
  // With no park asked for, a scenario or a tour opens the park it is written for (else Beidu).
  const QString ownPark = scenario         ? QString::fromStdString(scenario->park_file.string())
                          : tourFile.isEmpty() ? QString()
                                               : bundledParkOfTour(tourFile);
  const bool parkAskedFor = !parser.positionalArguments().isEmpty() || parser.isSet(parkOption);
  const QString parkArgument = !parser.positionalArguments().isEmpty() ? parser.positionalArguments().first()
                               : parkAskedFor || ownPark.isEmpty()     ? parser.value(parkOption)
                                                                       : ownPark;

  const QString lang = parser.value(langOption);
  if (lang != "zh" && lang != "en") {
    std::fprintf(stderr, "parktwin: --lang must be zh or en, got \"%s\"\n", qPrintable(lang));
    return 2;
  }
  const QStringList size = parser.value(sizeOption).split('x');
  const int width = size.value(0).toInt(), height = size.size() == 2 ? size.value(1).toInt() : 0;
  if (width < 320 || height < 240 || width > 8192 || height > 8192) {
    std::fprintf(stderr, "parktwin: --size must be WxH between 320x240 and 8192x8192, got \"%s\"\n",
                 qPrintable(parser.value(sizeOption)));
    return 2;
  }
  const bool headless = parser.isSet(screenshotOption) || parser.isSet(benchOption) || exporting;
  const int fps = parser.value(fpsOption).toInt();
  if (exporting && (fps < 1 || fps > 120)) {
    std::fprintf(stderr, "parktwin: --fps must be 1..120, got \"%s\"\n", qPrintable(parser.value(fpsOption)));
    return 2;
  }

  auto* controller = new parktwin::app::ParkController(&app);
  parktwin::app::ParkController::setInstance(controller);
  controller->setAssetRoot(QString::fromStdString(dataFolder().string()));
  controller->setLanguage(lang);
  const auto parkFile = parktwin::model::resolvePark(parkArgument.toStdString(), dataFolder());
  if (!parkFile) {
    std::fprintf(stderr, "%s\n", parkFile.error().message.c_str());
    return 2;
  }
  if (!controller->loadPark(QString::fromStdString(parkFile->string())) && (headless || scenario)) {
    std::fprintf(stderr, "%s\n", qPrintable(controller->errorText()));
    return 2;
  }
  if (scenario) {
    // The run needs its own park open; say so now rather than in a panel after the window opens.
    auto scenarioPark = parktwin::model::loadPark(scenario->park_file);
    if (!scenarioPark) {
      std::fprintf(stderr, "%s\n", scenarioPark.error().message.c_str());
      return 2;
    }
    if (QString::fromStdString(scenarioPark->id) != controller->parkId()) {
      std::fprintf(stderr, "parktwin: scenario %s is written for the park \"%s\"; open that park (--park %s) or leave --park out\n",
                   scenario->id.c_str(), scenarioPark->id.c_str(), scenarioPark->id.c_str());
      return 2;
    }
  }

  if (parser.isSet(benchMachinesOption)) {
    controller->useSyntheticMachines(parser.value(benchMachinesOption).toInt(), parser.isSet(benchNaiveOption));
  }
  if (!tourFile.isEmpty() && !controller->tour()->load(tourFile)) {
    std::fprintf(stderr, "%s\n", qPrintable(controller->tour()->error()));
    if (headless) return 2;
  }
  if (parser.isSet(presentOption) || exporting) controller->setPresenting(true);

  auto* timeline = controller->timeline();
  if (parser.isSet(replayOption)) {
    if (!timeline->openReplay(parser.value(replayOption)) && headless) {
      std::fprintf(stderr, "parktwin: %s\n", qPrintable(timeline->status()));
      return 2;
    }
    if (parser.isSet(atOption)) {
      const QString at = parser.value(atOption);
      bool hoursOk = false;
      const double hours = at.endsWith('h') ? at.chopped(1).toDouble(&hoursOk) : 0;
      const auto instant = parktwin::store::parseTimestamp(at.toStdString());
      if (!hoursOk && !instant) {
        std::fprintf(stderr, "parktwin: --at expects ISO-8601, epoch seconds or ms, or hours after the start like 10h: %s\n",
                     instant.error().message.c_str());
        return 2;
      }
      const double atMs = hoursOk ? timeline->startMs() + hours * 3.6e6 : static_cast<double>(*instant);
      // Outside the recording there is nothing to show: say what the file holds, don't clamp.
      if (atMs < timeline->startMs() || atMs > timeline->endMs()) {
        std::fprintf(stderr, "parktwin: --at %s is outside the replay file, which holds %s .. %s (0h .. %.4gh)\n",
                     qPrintable(at), parktwin::store::formatIso8601(static_cast<std::int64_t>(timeline->startMs())).c_str(),
                     parktwin::store::formatIso8601(static_cast<std::int64_t>(timeline->endMs())).c_str(),
                     (timeline->endMs() - timeline->startMs()) / 3.6e6);
        return 2;
      }
      timeline->seek(atMs);
    }
    if (parser.isSet(loopOption)) {
      const QStringList hours = parser.value(loopOption).split('-');
      const double from = hours.value(0).toDouble(), to = hours.value(1).toDouble();
      if (hours.size() != 2 || to <= from) {
        std::fprintf(stderr, "parktwin: --loop must be FROM-TO hours with FROM < TO, got \"%s\"\n", qPrintable(parser.value(loopOption)));
        return 2;
      }
      timeline->setLoop(timeline->startMs() + from * 3.6e6, timeline->startMs() + to * 3.6e6);
    }
    if (parser.isSet(speedOption)) {
      timeline->setSpeed(parser.value(speedOption).toDouble());
      timeline->play();
    }
  } else if (parser.isSet(mqttOption)) {
    const QString password = parser.isSet(passwordOption) ? parser.value(passwordOption)
                                                          : qEnvironmentVariable("PARKTWIN_MQTT_PASSWORD");
    if (!timeline->connectLive(parser.value(mqttOption), controller->parkId(), parser.value(userOption), password,
                               parser.value(caOption), parser.value(recordOption), controller->tagIds()) &&
        headless) {
      std::fprintf(stderr, "parktwin: %s\n", qPrintable(timeline->status()));
      return 2;
    }
  }

  QQmlApplicationEngine engine;
  engine.addImportPath("qrc:/");
  controller->setEngine(&engine);
  engine.load(QUrl("qrc:/ParkTwin/Main.qml"));
  if (engine.rootObjects().isEmpty()) return 1;
  auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
  if (!window) return 1;
  if (parser.isSet(flowsOption)) window->property("parkView").value<QObject*>()->setProperty("showFlows", true);
  if (parser.isSet(balanceOption)) {
    window->setProperty("showSankey", true);
    if (auto* panel = window->findChild<QObject*>("sankeyPanel")) panel->setProperty("side", parser.value(balanceOption));
  }
  if (parser.isSet(scenarioOption)) {
    window->setProperty("showScenarios", true);
    controller->scenarios()->setQuick(parser.isSet(quickOption));
    controller->scenarios()->run(QString::fromStdString(scenarioFile.string()));
  }
  if (parser.isSet(benchMachinesOnlyOption)) window->property("parkView").value<QObject*>()->setProperty("machinesOnly", true);
  if (parser.isSet(selectOption)) {
    QMetaObject::invokeMethod(window, "focusObject", Q_ARG(QVariant, parser.value(selectOption)), Q_ARG(QVariant, true));
  }
  if (headless) {
    window->setProperty("allowFullScreen", false);
    window->showNormal();
    window->resize(width, height);
    window->setProperty("width", width);
    window->setProperty("height", height);
  }
  if (parser.isSet(screenshotOption)) {
    parktwin::app::takeScreenshotWhenReady(window, parser.value(screenshotOption), parser.value(infoOption), sinceStart);
  } else if (exporting) {
    window->setProperty("recording", true);
    parktwin::app::exportTourVideo(window, controller->tour(), parser.value(outOption), fps);
  } else if (parser.isSet(benchOption)) {
    parktwin::app::benchmarkOrbitFps(window, parser.value(benchOption).toDouble());
  }
  return app.exec();
}
