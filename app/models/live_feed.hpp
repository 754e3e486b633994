#pragma once
// The live MQTT feed for the GUI: the subscriber's network thread writes each sample into a
// latest-value table (and, optionally, a historian); the GUI takes a copy at its own pace.
#include <QHash>
#include <QString>
#include <memory>
#include <mutex>

#include "parktwin/common/result.hpp"
#include "parktwin/store/recording_monitor.hpp"

namespace parktwin::feed {
class Subscriber;
}
namespace parktwin::store {
class Historian;
}

namespace parktwin::app {

struct LiveSettings {
  QString host;
  int port = 1883;
  QString user, password, caFile;
  QString park;
  QString recordTo;  // historian file to record into; empty: do not record
};

struct LiveSnapshot {
  QHash<QString, double> values;
  qint64 newest_ts_ms = 0;
  quint64 received = 0, accepted = 0, malformed = 0, unknown = 0, reconnects = 0;
  bool connected = false;
  store::RecordingStatus recording;  // always fine when not recording
};

class LiveFeed {
 public:
  static Result<std::unique_ptr<LiveFeed>> connect(const LiveSettings& settings, const QStringList& knownTags);
  ~LiveFeed();
  LiveSnapshot snapshot() const;

 private:
  LiveFeed() = default;
  mutable std::mutex mutex_;
  QHash<QString, double> values_;
  QHash<QString, qint64> value_ts_ms_;  // a late sample must not replace a newer value
  qint64 newest_ts_ms_ = 0;
  std::unique_ptr<parktwin::store::Historian> recorder_;
  store::RecordingMonitor recording_;
  std::unique_ptr<parktwin::feed::Subscriber> subscriber_;
};

}  // namespace parktwin::app
