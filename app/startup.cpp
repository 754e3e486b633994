#include "startup.hpp"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQuickWindow>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <vector>

#include "launch_text.hpp"
#include "park_controller.hpp"
#include "park_document.hpp"
#include "park_editor.hpp"
#include "parktwin/model/bundled_data.hpp"
#include "parktwin/model/park_id.hpp"
#include "parktwin/model/park_file.hpp"
#include "parktwin/model/park_time.hpp"
#include "parktwin/scenario/scenario.hpp"
#include "parktwin/common/clock.hpp"
#include "parktwin/common/iso_time.hpp"
#include "parktwin/common/time_text.hpp"
#include "run_modes.hpp"
#include "view_state.hpp"

namespace parktwin::app {
namespace {

namespace fs = std::filesystem;

// This program's bundled data: <its folder>/../share/parktwin, installed or in the build tree.
fs::path dataFolder() { return model::bundledDataFolder(QCoreApplication::applicationFilePath().toStdString()); }

std::unexpected<Error> failWith(const QString& message) { return fail(message.toStdString()); }

// The park a tour file says it is written for (model::findParkById finds its file). `id` is
// empty when the tour cannot be read: the tour's own loading says why.
struct TourPark {
  QString id;
  model::ParkById found;
};
TourPark parkOfTour(const QString& tourFile) {
  TourPark out;
  QFile tour(tourFile);
  if (!tour.open(QIODevice::ReadOnly)) return out;
  out.id = QJsonDocument::fromJson(tour.readAll()).object().value("park").toString();
  out.found = model::findParkById(out.id.toStdString(), QFileInfo(tourFile).absolutePath().toStdString(), dataFolder());
  return out;
}

// A scenario asked for on the command line (a bundled scenario's name or a file), loaded to
// check it before the window opens: a scenario that cannot run is refused with its message.
struct ScenarioArgument {
  fs::path file;
  scenario::Scenario scenario;
};
Result<ScenarioArgument> loadScenarioArgument(const QString& nameOrPath, const std::string& language) {
  auto file = model::resolveBundledOrPath(nameOrPath.toStdString(), model::BundledKind::scenario, dataFolder(), {}, language);
  if (!file) return std::unexpected(file.error());
  auto loaded = scenario::loadScenario(*file, dataFolder(), language);
  if (!loaded) return std::unexpected(loaded.error());
  return ScenarioArgument{fs::absolute(*file), std::move(*loaded)};
}

// The run needs its own park open, and its targets in that park: say so now rather than in a
// panel after the window opens (a headless run would otherwise end well with a failed run).
Result<void> checkScenarioPark(const scenario::Scenario& scenario, const ParkController& controller) {
  const std::string language = controller.language().toStdString();
  auto park = model::loadPark(scenario.park_file, language);
  if (!park) return std::unexpected(park.error());
  if (QString::fromStdString(park->id) == controller.parkId()) return scenario::checkAgainstPark(scenario, *park, language);
  return failWith(scenarioForOtherParkText(QString::fromStdString(scenario.id), QString::fromStdString(park->id)));
}

// --at: ISO-8601, epoch seconds or ms, or a time after the start ("10h", as a duration is
// written on the command line: parseDurationMs); inside the file's range. A time that names no
// zone is the park's civil time, as the timeline and the refusal below show it, and as the CLI
// and the server read it (model::parkInstantMs). Refusals in `language`.
Result<void> seekReplay(TimelineController& timeline, const QString& at, const QString& language, const model::Park* park) {
  const auto afterStartMs = parseDurationMs(at.toStdString());
  const auto instant = model::parkInstantMs(at.toStdString(), park, language.toStdString());
  if (!afterStartMs && !instant) {
    return failWith(unreadableAtText(QString::fromStdString(instant.error().message)));
  }
  const double atMs = afterStartMs ? timeline.startMs() + static_cast<double>(*afterStartMs) : static_cast<double>(*instant);
  // Outside the recording there is nothing to show: say what the file holds, don't clamp.
  if (atMs < timeline.startMs() || atMs > timeline.endMs()) {
    return failWith(timeline.outsideReplayText(at));
  }
  timeline.seek(atMs);
  return {};
}

// --speed: a multiple of real time the replay clock runs at ("60", or "60x" as the timeline's
// speed box writes it); anything else is refused rather than clamped or read as 0.
std::optional<double> readSpeed(QString text) {
  text = text.trimmed();
  if (text.endsWith('x', Qt::CaseInsensitive) || text.endsWith(QChar(0x00D7))) text.chop(1);
  bool ok = false;
  const double speed = text.toDouble(&ok);
  if (!ok || !(speed >= Clock::kMinSpeed && speed <= Clock::kMaxSpeed)) return std::nullopt;
  return speed;
}

Result<void> openReplay(TimelineController& timeline, const LaunchOptions& options, const model::Park* park) {
  if (!timeline.openReplay(options.replay)) {
    return options.headless() ? failWith("parktwin: " + timeline.status()) : Result<void>{};
  }
  if (!options.at.isEmpty()) {
    if (auto ok = seekReplay(timeline, options.at, options.lang, park); !ok) return ok;
  }
  if (!options.loop.isEmpty()) {
    const QStringList hours = options.loop.split('-');
    const double from = hours.value(0).toDouble(), to = hours.value(1).toDouble();
    if (hours.size() != 2 || to <= from) {
      return failWith(badLoopText(options.loop));
    }
    timeline.setLoop(timeline.startMs() + from * 3.6e6, timeline.startMs() + to * 3.6e6);
  }
  if (!options.speed.isEmpty()) {
    const auto speed = readSpeed(options.speed);
    if (!speed) return failWith(badSpeedText(options.speed));
    timeline.setSpeed(*speed);
    timeline.play();
  }
  return {};
}

}  // namespace

Result<fs::path> openParkAndPlans(ParkController& controller, const LaunchOptions& options) {
  controller.setAssetRoot(QString::fromStdString(dataFolder().string()));
  controller.setLanguage(options.lang);  // first: every refusal below is worded in it
  std::optional<ScenarioArgument> scenario;
  if (!options.scenario.isEmpty()) {
    auto loaded = loadScenarioArgument(options.scenario, options.lang.toStdString());
    if (!loaded) return std::unexpected(loaded.error());
    scenario = std::move(*loaded);
  }
  // With no park asked for, a scenario or a tour opens the park it is written for (else Beidu).
  const TourPark tourPark = options.tour.isEmpty() ? TourPark{} : parkOfTour(options.tour);
  if (options.park.isEmpty() && !scenario && !tourPark.id.isEmpty() && tourPark.found.park.empty()) {
    QStringList candidates;
    for (const auto& file : tourPark.found.candidates) candidates << QString::fromStdString(file.string());
    return failWith(candidates.isEmpty()
                        ? tourParkNotFoundText(options.tour, tourPark.id)
                        : tourParkAmbiguousText(options.tour, tourPark.id, candidates.join(", ")));
  }
  const QString ownPark = QString::fromStdString(scenario ? scenario->scenario.park_file.string() : tourPark.found.park);
  const QString park = !options.park.isEmpty() ? options.park : !ownPark.isEmpty() ? ownPark : QString("beidu");
  const auto parkFile = model::resolvePark(park.toStdString(), dataFolder(), {}, options.lang.toStdString());
  if (!parkFile) return std::unexpected(parkFile.error());
  if (!controller.loadPark(QString::fromStdString(parkFile->string())) && (options.headless() || scenario)) {
    return failWith(controller.errorText());
  }
  if (scenario) {
    if (auto ok = checkScenarioPark(scenario->scenario, controller); !ok) return std::unexpected(ok.error());
  }
  if (options.benchMachines > 0) controller.scene()->useSyntheticMachines(options.benchMachines, options.benchNaive);
  if (!options.tour.isEmpty() && !controller.tour()->load(options.tour)) {
    if (options.headless()) return failWith(controller.tour()->error());
    std::fprintf(stderr, "%s\n", qPrintable(controller.tour()->error()));  // the window opens without it
  }
  if (options.present || options.exportTour) controller.setPresenting(true);
  return scenario ? scenario->file : fs::path();
}

// A file with problems, or whose sources all fail to start, stops a headless run; the window
// opens anyway and shows them in the Data dialog.
namespace {
Result<void> openConnections(ConnectionsController& connections, const LaunchOptions& options) {
  if (connections.open(options.connections) && connections.start(options.recordTo, options.mqtt)) return {};
  if (!options.headless()) return {};
  return failWith("parktwin: " + options.connections + ":\n" + (connections.problems() + connections.failures()).join("\n"));
}
}  // namespace

Result<void> openData(ParkController& controller, const LaunchOptions& options) {
  TimelineController& timeline = *controller.timeline();
  if (!options.replay.isEmpty()) {
    auto opened = openReplay(timeline, options, controller.park());
    // A refused --at, --loop or --speed ends the program: stop the file's reader thread now,
    // while the application is there. Left to the application's teardown, a thread that had
    // not yet started its event loop started it without one ("QEventLoop: Cannot be used
    // without QApplication" after the refusal).
    if (!opened) timeline.close();
    return opened;
  }
  if (!options.connections.isEmpty()) return openConnections(*controller.connections(), options);
  if (!options.server.isEmpty()) {
    // An unreachable server or a refused token is retried and shown; only an address that is
    // not one is refused here.
    const bool opened = timeline.connectServer(options.server, options.token, controller.parkId(), options.caFile);
    return opened ? Result<void>{} : failWith("parktwin: --server: " + timeline.status());
  }
  if (options.mqtt.isEmpty()) return {};
  const bool connected = timeline.connectLive(options.mqtt, controller.parkId(), options.user, options.password,
                                              options.caFile, options.recordTo, controller.tagIds());
  return connected || !options.headless() ? Result<void>{} : failWith("parktwin: " + timeline.status());
}

void applyView(ViewState& view, const LaunchOptions& options) {
  if (options.flows) view.showFlows();
  if (options.night) view.showNight();
  if (options.plainLook) view.usePlainLook();
  if (options.benchModelsDetailed) view.drawModelsAlwaysDetailed();
  if (const auto arcs = ViewState::flowArcsDrawingNamed(options.benchFlowArcs)) view.drawFlowArcs(*arcs);
  if (!options.balance.isEmpty()) view.showBalance(options.balance);
  if (!options.scenario.isEmpty()) view.showScenarios();
  if (options.benchMachinesOnly) view.showMachinesOnly();
  if (options.headless()) view.renderHeadless();
  if (options.exportTour) view.recordVideo();
}

namespace {
// What showing a solved step costs the GUI thread (the rows updated and every binding on
// them run): the part of the flows' frame time that is not drawing.
void printStepShowTimes(std::vector<double> ms) {
  if (ms.empty()) return;
  std::ranges::sort(ms);
  const auto at = [&](double q) { return ms[std::min(ms.size() - 1, std::size_t(q * double(ms.size())))]; };
  std::printf("flow step show ms: p50 %.2f p99 %.2f max %.2f of %zu\n", at(0.50), at(0.99), ms.back(), ms.size());
}
}  // namespace

// --bench-fps: orbiting, still, or dragging a building to and fro (30 m each way, unsnapped,
// so that every frame is an edit).
void benchmark(QQuickWindow* window, ParkController& controller, const LaunchOptions& options) {
  FlowController* flows = controller.flows();
  flows->solveStepsOnCallerThread(options.benchFlowsOnGuiThread);
  flows->resetRowsEachStep(options.benchFlowsResetRows);
  flows->ignoreSteps(options.benchFlowsDesign);
  flows->recordStepShowTimes(true);
  // A replay with the flows shown: how many of the steps displayed got their flows on screen.
  QObject::connect(qApp, &QCoreApplication::aboutToQuit, flows, [flows] {
    if (flows->stepsPosted() > 0) std::printf("flow steps: %d solved and shown of %d displayed\n", flows->stepsShown(), flows->stepsPosted());
    printStepShowTimes(flows->stepShowMs());
  });
  const auto* park = controller.park();
  const auto* dragged = park ? park->findBuilding(options.benchDrag.toStdString()) : nullptr;
  auto* editor = ParkEditor::instance();
  if (dragged && editor) {
    const model::Point from = dragged->position;
    const QString id = options.benchDrag;
    benchmarkFps(window, options.benchSeconds, "drag", [=](QQuickItem*, double t) {
      editor->dragTo(id, from.x_m + 30 * std::sin(2 * t), from.y_m, false);
    });
  } else if (options.benchStill) {
    benchmarkFps(window, options.benchSeconds, "still", [](QQuickItem*, double) {});
  } else if (options.benchFlyIn) {
    benchmarkFlyInFps(window, options.benchSeconds);
  } else {
    benchmarkOrbitFps(window, options.benchSeconds);
  }
}

void start(QQuickWindow* window, ParkController& controller, ParkDocument& document, const LaunchOptions& options,
           const fs::path& scenarioFile, const QElapsedTimer& sinceStart) {
  if (!scenarioFile.empty()) {
    controller.scenarios()->setQuick(options.quick);
    controller.scenarios()->run(QString::fromStdString(scenarioFile.string()));
  }
  // With --server and no --park, once the server's park is shown (main() asked to take it).
  if (!options.select.isEmpty()) document.selectWhenShown(options.select);
  auto* editor = ParkEditor::instance();
  if (editor && (options.edit || !options.benchDrag.isEmpty())) editor->setEditing(true);
  if (!options.openFile.isEmpty()) QMetaObject::invokeMethod(window, "openParkFile", Q_ARG(QVariant, options.openFile));
  if (!options.showMenu.isEmpty()) QMetaObject::invokeMethod(window, "showMenu", Q_ARG(QVariant, options.showMenu));
  if (!options.headless()) return;
  // --size is in pixels of the picture; at 2x the window is half as many logical units.
  const QSize logical = options.size / window->devicePixelRatio();
  window->showNormal();
  window->resize(logical);
  window->setProperty("width", logical.width());
  window->setProperty("height", logical.height());
  if (!options.screenshot.isEmpty()) {
    takeScreenshotWhenReady(window, options.screenshot, options.screenshotInfo, options.size, sinceStart);
  } else if (options.exportTour) {
    exportTourVideo(window, controller.tour(), options.out, options.fps);
  } else {
    benchmark(window, controller, options);
  }
}

}  // namespace parktwin::app
