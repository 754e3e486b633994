#pragma once
// The live feed for the GUI: the MQTT subscriber's network thread, or the threads of the
// sources of a connections file, write each sample into a latest-value table (and, optionally,
// a historian); the GUI takes a copy at its own pace.
#include <QHash>
#include <QSet>
#include <QString>
#include <QUrl>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/feed/connections.hpp"
#include "parktwin/store/recording_monitor.hpp"
#include "server_tls.hpp"

namespace parktwin::feed {
class Subscriber;
}
namespace parktwin::store {
class Historian;
}
namespace parktwin::model {
struct Park;
}

namespace parktwin::app {

class ServerLink;

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
  // What `received` counts, so the status line names it: a connections file counts the values
  // its sources handed on, whatever their kind (a Modbus meter polls and is sent no messages;
  // an MQTT message may carry several values), as the Data dialog's "Values/s" column does.
  enum class Counts { messages, values };
  Counts counts = Counts::messages;
  bool connected = false;
  QHash<QString, QString> tagSources;  // tag -> source id; only for a connections file
  // Tags whose last value is no longer current (a Sparkplug death): shown greyed until a newer
  // value arrives. Only for a connections file.
  QSet<QString> staleTags;
  store::RecordingStatus recording;  // always fine when not recording
  QString problem;  // a server feed: why it is not connected; a connections file: which sources are not, and why
};

class LiveFeed {
 public:
  static Result<std::unique_ptr<LiveFeed>> connect(const LiveSettings& settings, const QStringList& knownTags);
  ~LiveFeed();
  // Every source of a connections file, started; `failures` gets why for each that could not
  // start (the others run), in `language` (feed::startLiveSource words it). An OPC UA source
  // needs `gatewayBroker`. The values of `park`'s tags are shown and recorded to their decimals
  // (feed::roundedToParkTags, as ingest and the server store them); without a park, as they come.
  static Result<std::unique_ptr<LiveFeed>> start(const feed::Connections& connections, const QString& recordTo,
                                                 const std::optional<feed::BrokerOptions>& gatewayBroker,
                                                 const std::string& language, const model::Park* park,
                                                 QStringList& failures);
  // Live values from parktwin-server's WebSocket (`base`: http(s)://HOST:PORT), started;
  // `trust`: the certificates an https:// server may have.
  static std::unique_ptr<LiveFeed> fromServer(const QUrl& base, const QString& token, const QString& park,
                                              ServerTrust trust = {});
  // The server link of a server feed (its alarms and acknowledgements); null otherwise.
  ServerLink* server() const { return server_.get(); }
  LiveSnapshot snapshot() const;
  struct SourceState {
    QString id;
    feed::SourceKind kind;
    feed::SourceCounters counters;
  };
  // The connections file's sources, in file order (empty for the MQTT feed).
  std::vector<SourceState> sources() const;
  // How long ago the sources were started (the feed made).
  std::chrono::milliseconds sinceStart() const;

 private:
  LiveFeed() = default;
  Result<void> openRecorder(const QString& recordTo);
  // Any thread: one sample into the table (and the recorder); `source` is null for MQTT.
  void store(std::string_view tag, std::int64_t ts_ms, double value, const QString* source);
  // Any thread: the tag's value as of ts_ms is no longer current (a newer sample clears it).
  void markStale(std::string_view tag, std::int64_t ts_ms);
  mutable std::mutex mutex_;
  std::mutex recorderMutex_;  // several sources may record at once
  QHash<QString, double> values_;
  QHash<QString, qint64> value_ts_ms_;  // a late sample must not replace a newer value
  qint64 newest_ts_ms_ = 0;
  std::unique_ptr<parktwin::store::Historian> recorder_;
  store::RecordingMonitor recording_;
  std::unique_ptr<parktwin::feed::Subscriber> subscriber_;
  std::vector<std::unique_ptr<feed::LiveSource>> sources_;
  std::vector<QString> sourceIds_;  // fixed once started: read without the lock, as the kinds
  std::vector<feed::SourceKind> sourceKinds_;
  QHash<QString, QString> tagSources_;
  QSet<QString> staleTags_;
  const std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::unique_ptr<ServerLink> server_;  // last: destroyed first, before what its sink writes to
};

}  // namespace parktwin::app
