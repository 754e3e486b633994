// parktwin: the ParkTwin desktop app. Opens a park (the bundled Beidu park by default) in a
// Qt Quick 3D window; --screenshot renders one frame to a PNG and exits. The command line is
// read in launch_options.cpp and opened in startup.cpp; this file only puts them in order.
#include <QGuiApplication>
#include <QIcon>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

#include "launch_options.hpp"
#include "park_controller.hpp"
#include "park_document.hpp"
#include "park_editor.hpp"
#include "startup.hpp"
#include "view_state.hpp"

Q_IMPORT_QML_PLUGIN(ParkTwinPlugin)

namespace {

// --version and --help answer in a terminal with no display (QGuiApplication needs one).
std::unique_ptr<QCoreApplication> makeApplication(int& argc, char* argv[]) {
  const bool answerOnly = std::any_of(argv + 1, argv + argc, [](const char* arg) {
    for (const char* flag : {"-v", "--version", "-h", "--help", "--help-all"}) {
      if (std::strcmp(arg, flag) == 0) return true;
    }
    return false;
  });
  if (answerOnly) return std::make_unique<QCoreApplication>(argc, argv);
  if (const int scale = parktwin::app::interfaceScaleFor(argc, argv); scale > 1 && !qEnvironmentVariableIsSet("QT_SCALE_FACTOR")) {
    qputenv("QT_SCALE_FACTOR", QByteArray::number(scale));
  }
  auto app = std::make_unique<QGuiApplication>(argc, argv);
  QGuiApplication::setWindowIcon(QIcon(":/ParkTwin/icons/parktwin.png"));
  QGuiApplication::setDesktopFileName("parktwin");  // the installed parktwin.desktop
  return app;
}

int failed(const parktwin::Error& error) {
  std::fprintf(stderr, "%s\n", error.message.c_str());
  return 2;
}

}  // namespace

int main(int argc, char* argv[]) {
  QElapsedTimer sinceStart;
  sinceStart.start();
  const auto app = makeApplication(argc, argv);
  QCoreApplication::setApplicationName("parktwin");  // --version prints "parktwin <version>"
  QCoreApplication::setApplicationVersion(PARKTWIN_VERSION);
  QCoreApplication::setOrganizationName("ParkTwin");
  QQuickStyle::setStyle("Basic");
  const auto options = parktwin::app::parseLaunchOptions(*app);
  if (!options) return failed(options.error());

  auto* controller = new parktwin::app::ParkController(app.get());
  parktwin::app::ParkController::setInstance(controller);
  auto* view = new parktwin::app::ViewState(app.get());
  parktwin::app::ViewState::setInstance(view);
  const auto scenarioFile = parktwin::app::openParkAndPlans(*controller, *options);
  if (!scenarioFile) return failed(scenarioFile.error());
  // After the park opened: the document takes the command line's park as its file.
  auto* document = new parktwin::app::ParkDocument(*controller, app.get());
  parktwin::app::ParkDocument::setInstance(document);
  parktwin::app::ParkEditor::setInstance(new parktwin::app::ParkEditor(*controller, *document, app.get()));
  if (options->followsServerPark()) document->takeServerParkWhenServed();
  if (auto opened = parktwin::app::openData(*controller, *options); !opened) return failed(opened.error());
  parktwin::app::applyView(*view, *options);

  QQmlApplicationEngine engine;
  engine.addImportPath("qrc:/");
  controller->setEngine(&engine);
  engine.load(QUrl("qrc:/ParkTwin/Main.qml"));
  auto* window = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow*>(engine.rootObjects().first());
  if (!window) return 1;
  view->watchRenderer(window);
  parktwin::app::start(window, *controller, *document, *options, *scenarioFile, sinceStart);
  return app->exec();
}
