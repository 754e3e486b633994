// Quick test runner for one window that is a client of a parktwin-server. two_windows_test.py
// starts two of these processes (an "acker" and a "watcher") against one server and passes
// the server, token and role in the environment; the windows and the driver signal each other
// with files in a shared folder (written whole, then renamed), each waited on with a deadline.
#include <QDir>
#include <QFile>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

#include "park_controller.hpp"

Q_IMPORT_QML_PLUGIN(ParkTwinPlugin)

class WindowFixture : public QObject {
  Q_OBJECT
  Q_PROPERTY(QString serverUrl MEMBER serverUrl CONSTANT)
  Q_PROPERTY(QString token MEMBER token CONSTANT)
  Q_PROPERTY(QString role MEMBER role CONSTANT)          // "acker" or "watcher"
  Q_PROPERTY(QString ackUser MEMBER ackUser CONSTANT)    // the acker's user name on the server
  // Over TLS (tst_server_window_tls.qml): the CA of the server's certificate, and another one.
  Q_PROPERTY(QString caFile MEMBER caFile CONSTANT)
  Q_PROPERTY(QString wrongCaFile MEMBER wrongCaFile CONSTANT)

 public:
  QString serverUrl = qEnvironmentVariable("PARKTWIN_TEST_SERVER");
  QString token = qEnvironmentVariable("PARKTWIN_TEST_TOKEN");
  QString role = qEnvironmentVariable("PARKTWIN_TEST_ROLE");
  QString ackUser = qEnvironmentVariable("PARKTWIN_TEST_ACK_USER");
  QString caFile = qEnvironmentVariable("PARKTWIN_TEST_CA");
  QString wrongCaFile = qEnvironmentVariable("PARKTWIN_TEST_WRONG_CA");
  QString syncDir = qEnvironmentVariable("PARKTWIN_TEST_SYNC");

  // Writes `name` in the shared folder, whole or not at all (written aside, then renamed).
  Q_INVOKABLE bool signal(const QString& name, const QString& text = {}) const {
    QFile file(syncDir + "/." + name + ".part");
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0) return false;
    file.close();
    return QDir(syncDir).rename("." + name + ".part", name);
  }
  // Whether two files hold the same bytes (a model the window fetched, and the server's own).
  Q_INVOKABLE bool sameBytes(const QString& a, const QString& b) const {
    QFile first(a), second(b);
    return first.open(QIODevice::ReadOnly) && second.open(QIODevice::ReadOnly) && first.size() > 0 &&
           first.readAll() == second.readAll();
  }
  Q_INVOKABLE QString sourceDir() const { return PARKTWIN_SOURCE_DIR; }
  // The contents of `name` in the shared folder, or null when it is not there (yet).
  Q_INVOKABLE QVariant read(const QString& name) const {
    QFile file(syncDir + "/" + name);
    return file.open(QIODevice::ReadOnly) ? QVariant(QString::fromUtf8(file.readAll())) : QVariant();
  }
};

class Setup : public QObject {
  Q_OBJECT
 public slots:
  void applicationAvailable() {
    QQuickStyle::setStyle("Basic");
    // The remembered server address and token (QSettings) go to our temp dir.
    qputenv("XDG_CONFIG_HOME", (dir_.path() + "/config").toUtf8());
    qputenv("XDG_DATA_HOME", (dir_.path() + "/data").toUtf8());  // the server's model files fetched
    controller_ = new parktwin::app::ParkController(this);
    parktwin::app::ParkController::setInstance(controller_);
    controller_->setAssetRoot(PARKTWIN_SOURCE_DIR "/assets");
    if (!controller_->loadPark(PARKTWIN_SOURCE_DIR "/assets/parks/beidu.json")) qFatal("demo park did not load");
    qmlRegisterSingletonInstance("ParkTwinServerTest", 1, 0, "Peer", &fixture_);
  }
  void qmlEngineAvailable(QQmlEngine* engine) {
    engine->addImportPath("qrc:/");
    controller_->setEngine(engine);
  }

 private:
  parktwin::app::ParkController* controller_ = nullptr;
  QTemporaryDir dir_;
  WindowFixture fixture_;
};

// As in tests/qml: render on the GUI thread (Qt 6.4's threaded loop races at window teardown).
namespace {
const bool kBasicRenderLoop = qputenv("QSG_RENDER_LOOP", "basic");
}

QUICK_TEST_MAIN_WITH_SETUP(parktwin_server_window, Setup)

#include "server_window_main.moc"
