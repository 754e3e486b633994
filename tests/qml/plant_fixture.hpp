#pragma once
// Real plant peers for the Quick tests of the Connections part, the same programs the feed's unit
// tests run (tests/unit/feed): a pymodbus server with a known register map
// (modbus_test_server.py), a node-opcua server whose values change every 100 ms and are logged
// with their source timestamps (opcua_test_server.js), and a Python Sparkplug B edge node on the
// official .proto (sparkplug_edge_node.py). Each is started on a random loopback port and stopped
// by stopAll() or with the fixture.
#include <QFileInfo>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QVariantList>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <memory>
#include <thread>

#include "../unit/feed/mosquitto_broker.hpp"

class PlantFixture : public QObject {
  Q_OBJECT

 public:
  ~PlantFixture() override { stopAll(); }

  // pymodbus serving modbus_test_server.py's map (holding 200 = 777 as uint16, input 0 =
  // 400.25 as float32, ...); its port, or 0.
  Q_INVOKABLE int startModbus() {
    const int port = feedtest::freeLoopbackPort();
    modbusPid_ = feedtest::startListeningProcess(
        {"/usr/bin/python3", PARKTWIN_SOURCE_DIR "/tests/unit/feed/modbus_test_server.py", std::to_string(port)},
        dir_.filePath("modbus.log").toStdString(), port);
    return modbusPid_ > 0 ? port : 0;
  }

  // Whether `npm ci` has put the gateway's packages in place (scripts/setup does); without them
  // the OPC UA test is skipped, as the feed's unit tests skip theirs.
  Q_INVOKABLE bool opcUaModulesInstalled() const {
    return QFileInfo(QStringLiteral(PARKTWIN_SOURCE_DIR "/gateway/opcua/node_modules")).isDir();
  }

  // node-opcua serving Line1.Temperature/Running/Count; its endpoint once it said ready, or "".
  // The gateway the window starts is the repository's (its node_modules from `npm ci`).
  Q_INVOKABLE QString startOpcUa() {
    const std::string modules = PARKTWIN_SOURCE_DIR "/gateway/opcua/node_modules";
    ::setenv("NODE_PATH", modules.c_str(), 1);
    ::setenv("PARKTWIN_OPCUA_GATEWAY", PARKTWIN_SOURCE_DIR "/gateway/opcua/parktwin-opcua-gateway.js", 1);
    ::setenv("PARKTWIN_OPCUA_PKI_DIR", dir_.filePath("gateway-pki").toUtf8().constData(), 1);
    const char* node = std::getenv("PARKTWIN_NODE") ? std::getenv("PARKTWIN_NODE") : "node";
    const int port = feedtest::freeLoopbackPort();
    opcUa_.setStandardOutputFile(dir_.filePath("opcua.log"));
    opcUa_.setStandardErrorFile(dir_.filePath("opcua.err"));
    opcUa_.start(QString::fromUtf8(node), {PARKTWIN_SOURCE_DIR "/tests/unit/feed/opcua_test_server.js", QString::number(port),
                                           dir_.filePath("server-pki")});
    if (!opcUa_.waitForStarted(10000)) return {};
    // node-opcua takes a while to start on a busy machine (it makes its certificate first).
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
    while (!opcUaLog().contains("\"ready\":true")) {
      if (std::chrono::steady_clock::now() > deadline || opcUa_.state() == QProcess::NotRunning) return {};
      std::this_thread::sleep_for(std::chrono::milliseconds(20));  // poll interval
    }
    return QStringLiteral("opc.tcp://127.0.0.1:%1/UA/ParkTwinTest").arg(port);
  }

  // Every change the OPC UA server made to `nodeId` so far, as {v, ts} (ts: its source
  // timestamp, ms): the oracle for what the window shows.
  Q_INVOKABLE QVariantList opcUaChanges(const QString& nodeId) const {
    QVariantList out;
    for (const QByteArray& line : opcUaLog().split('\n')) {
      const QJsonObject o = QJsonDocument::fromJson(line).object();
      if (o.value("node").toString() == nodeId) out.push_back(QVariantMap{{"v", o.value("v").toDouble()}, {"ts", o.value("ts").toDouble()}});
    }
    return out;
  }

  // Runs one scenario of sparkplug_edge_node.py against the broker on `port` (births_and_data,
  // device_death, node_death, ...); true when it ran to its end.
  Q_INVOKABLE bool runSparkplug(int port, const QString& scenario) {
    const QString pb = dir_.filePath("pb");
    if (!QFile::exists(pb + "/sparkplug_b_pb2.py")) {
      const QString proto = PARKTWIN_SOURCE_DIR "/twin/feed/proto";
      QDir().mkpath(pb);
      if (QProcess::execute(PARKTWIN_PROTOC, {"-I" + proto, "--python_out=" + pb, proto + "/sparkplug_b.proto"}) != 0) return false;
    }
    return QProcess::execute("/usr/bin/python3", {PARKTWIN_SOURCE_DIR "/tests/unit/feed/sparkplug_edge_node.py", pb,
                                                  QString::number(port), scenario}) == 0;
  }

  // A loopback port nothing listens on: a meter that never answers.
  Q_INVOKABLE int closedPort() const { return feedtest::freeLoopbackPort(); }

  // A loopback port bound and never listening until stopAll(): a broker that is not there, whose
  // port no one else can take while the test runs.
  Q_INVOKABLE int refusingPort() {
    refusing_ = std::make_unique<feedtest::RefusingPort>();
    return refusing_->port();
  }

  // The meter unplugged: pymodbus killed, its port closed.
  Q_INVOKABLE void stopModbus() { feedtest::endProcess(modbusPid_, SIGKILL); }

  Q_INVOKABLE void stopAll() {
    refusing_.reset();
    feedtest::endProcess(modbusPid_, SIGKILL);
    if (opcUa_.state() != QProcess::NotRunning) {
      opcUa_.terminate();  // the server shuts its endpoint down on SIGTERM
      if (!opcUa_.waitForFinished(5000)) opcUa_.kill();
      opcUa_.waitForFinished(5000);
    }
  }

 private:
  QByteArray opcUaLog() const {
    QFile log(dir_.filePath("opcua.log"));
    return log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
  }

  QTemporaryDir dir_;
  int modbusPid_ = 0;
  QProcess opcUa_;
  std::unique_ptr<feedtest::RefusingPort> refusing_;
};
