#pragma once
// The connections file in the window (docs/connections.md): open one and check it against the
// open park, start and stop all its sources as the timeline's live feed (the same path as the
// MQTT feed: scene colours, inspector, recorder), and show each source's counters and each
// tag's last value with the source it came from.
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <deque>
#include <optional>

#include "parktwin/feed/connections.hpp"

namespace parktwin::app {

class LiveFeed;
class ParkController;

class ConnectionsController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Provided by ParkController")
  Q_PROPERTY(QString path READ path NOTIFY fileChanged)
  // One line per problem of the file, alone or against the open park, with its JSON path.
  Q_PROPERTY(QStringList problems READ problems NOTIFY fileChanged)
  Q_PROPERTY(bool loaded READ loaded NOTIFY fileChanged)
  Q_PROPERTY(bool running READ running NOTIFY runningChanged)
  // Sources that could not start: "<id>: <why>".
  Q_PROPERTY(QStringList failures READ failures NOTIFY runningChanged)
  // {id, kind, kindName, connected, valuesPerSecond, values, errors, lastError}, in file order.
  Q_PROPERTY(QVariantList sources READ sources NOTIFY countersChanged)
  // {tag, label, value, text, source, stale}, by tag, the last value of each tag a source has
  // delivered; `label` is the park's names for the tag in the window's language (model::tagLabel).
  Q_PROPERTY(QVariantList tags READ tags NOTIFY countersChanged)
  // Not running, or every source has been heard from (a value or an error), or 10 s have
  // passed since the start (a quiet source): what a picture of the window (--screenshot) waits for.
  Q_PROPERTY(bool settled READ settled NOTIFY countersChanged)

 public:
  explicit ConnectionsController(ParkController& park, QObject* parent = nullptr);
  ~ConnectionsController() override;

  // A path or a file:// URL. False when the file cannot be read or does not fit the park.
  Q_INVOKABLE bool open(const QString& pathOrUrl);
  // Starts every source, recording into the historian file `recordTo` unless empty (as the
  // MQTT feed's "Record to"); `gatewayMqtt` ("host:port") is the broker an OPC UA source's
  // gateway hands its values over. False when nothing could start.
  Q_INVOKABLE bool start(const QString& recordTo = {}, const QString& gatewayMqtt = {});
  Q_INVOKABLE void stop();
  // The source id a live tag's value came from; "" when not running from a connections file.
  Q_INVOKABLE QString sourceOf(const QString& tag) const;
  // Whether a live tag's value is no longer current: its Sparkplug node or device died
  // (NDEATH/DDEATH) and no newer value came since. The inspector greys it.
  Q_INVOKABLE bool isStale(const QString& tag) const;

  QString path() const { return path_; }
  QStringList problems() const { return problems_; }
  bool loaded() const { return connections_.has_value(); }
  bool running() const { return running_; }
  QStringList failures() const { return failures_; }
  QVariantList sources() const { return sources_; }
  QVariantList tags() const { return tags_; }
  bool settled() const;

 signals:
  void fileChanged();
  void runningChanged();
  void countersChanged();

 private:
  void poll();
  void pollTags();
  // Values per second of a source over the last few seconds of polls.
  double rateOf(const QString& id, quint64 values, qint64 wallMs);

  ParkController& park_;
  QString path_;
  QStringList problems_, failures_;
  std::optional<feed::Connections> connections_;
  bool running_ = false;
  const LiveFeed* feed_ = nullptr;  // the timeline's feed we started (compared, never used)
  QVariantList sources_, tags_;
  QTimer poller_;
  struct Reading {
    qint64 wallMs;
    quint64 values;
  };
  QHash<QString, std::deque<Reading>> readings_;
};

}  // namespace parktwin::app
