// Qt Quick Test runner: before the tests, the shared ParkController loads the bundled Beidu
// park, exactly as the app does at start-up.
#include <QQmlEngine>
#include <QQuickStyle>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

#include "park_controller.hpp"

Q_IMPORT_QML_PLUGIN(ParkTwinPlugin)

class Setup : public QObject {
  Q_OBJECT
 public slots:
  void applicationAvailable() {
    QQuickStyle::setStyle("Basic");
    controller_ = new parktwin::app::ParkController(this);
    parktwin::app::ParkController::setInstance(controller_);
    if (!controller_->loadPark(PARKTWIN_SOURCE_DIR "/assets/parks/beidu.json")) qFatal("demo park did not load");
  }
  void qmlEngineAvailable(QQmlEngine* engine) {
    engine->addImportPath("qrc:/");
    controller_->setEngine(engine);
  }

 private:
  parktwin::app::ParkController* controller_ = nullptr;
};

QUICK_TEST_MAIN_WITH_SETUP(parktwin_qml, Setup)

#include "qml_tests_main.moc"
