#pragma once
// A real mosquitto and a publisher for the Quick tests of the live feed, and a switch that makes
// every file write of this process past the first bytes fail as a full disk would (RLIMIT_FSIZE:
// the kernel answers EFBIG), so a recording can be broken without mocking the historian.
#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QObject>
#include <QProcess>
#include <limits>
#include <memory>
#include <sys/resource.h>
#include <csignal>

#include "../unit/feed/mosquitto_broker.hpp"
#include "parktwin/store/historian.hpp"

class LiveFixture : public QObject {
  Q_OBJECT

 public:
  // The port of a fresh broker on loopback, or 0 if it did not start.
  Q_INVOKABLE int startBroker() {
    broker_ = std::make_unique<feedtest::MosquittoBroker>();
    return broker_->start() ? broker_->port() : 0;
  }
  Q_INVOKABLE void stopBroker() { broker_.reset(); }

  // Publishes {"ts": now, "v": value} to parktwin/<park>/<tag> with mosquitto_pub; true once sent.
  Q_INVOKABLE bool publish(const QString& park, const QString& tag, double value) const {
    if (!broker_) return false;
    const QString payload = QStringLiteral("{\"ts\":%1,\"v\":%2}").arg(QDateTime::currentMSecsSinceEpoch()).arg(value);
    return QProcess::execute("mosquitto_pub", {"-h", "127.0.0.1", "-p", QString::number(broker_->port()), "-t",
                                               "parktwin/" + park + "/" + tag, "-m", payload}) == 0;
  }

  // The fresh broker's port (0 without one).
  Q_INVOKABLE int brokerPort() const { return broker_ ? broker_->port() : 0; }

  // Publishes `payload` to `topic` as it is, retained (a subscriber that comes later still gets
  // it), with mosquitto_pub; true once sent.
  Q_INVOKABLE bool publishRetained(const QString& topic, const QString& payload) const {
    if (!broker_) return false;
    return QProcess::execute("mosquitto_pub", {"-h", "127.0.0.1", "-p", QString::number(broker_->port()), "-r", "-q",
                                               "1", "-t", topic, "-m", payload}) == 0;
  }

  // Writes `text` to a file `name` in a directory that lives as long as the fixture; its path.
  Q_INVOKABLE QString writeFile(const QString& name, const QString& text) {
    const QString path = dir_.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0) return {};
    return path;
  }

  // Samples of `tag` in a historian file, read straight from it; -1 if it cannot be read.
  Q_INVOKABLE int countSamples(const QString& db, const QString& tag) const {
    parktwin::store::HistorianOptions options;
    options.read_only = true;
    auto historian = parktwin::store::Historian::open(db.toStdString(), options);
    if (!historian) return -1;
    auto samples = historian->samplesBetween(tag.toStdString(), 0, std::numeric_limits<std::int64_t>::max());
    return samples ? int(samples->size()) : -1;
  }

  // On: writes past byte 1 of any file fail (SIGXFSZ ignored, so write() returns EFBIG). Off: back
  // to the hard limit.
  Q_INVOKABLE bool failFileWrites(bool on) const {
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit{};
    if (getrlimit(RLIMIT_FSIZE, &limit) != 0) return false;
    limit.rlim_cur = on ? 1 : limit.rlim_max;
    return setrlimit(RLIMIT_FSIZE, &limit) == 0;
  }

 private:
  std::unique_ptr<feedtest::MosquittoBroker> broker_;
  QTemporaryDir dir_;
};
