#pragma once
// The timeline: one clock (live, replay at a speed, paused at T) and the data behind it — a
// historian file replayed on a reader thread, or a live MQTT feed. Every tick it publishes the
// tag values at the clock's time; ParkController colours the scene and fills the inspector.
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QThread>
#include <QTimeZone>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <memory>
#include <vector>

#include "live_feed.hpp"
#include "parktwin/common/clock.hpp"
#include "parktwin/model/park.hpp"

namespace parktwin::store {
class Historian;
class Store;
}

namespace parktwin::app {

class HistorySource;
class ServerHistory;
class ServerLink;

class TimelineController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Provided by ParkController")
  Q_PROPERTY(QString mode READ mode NOTIFY sourceChanged)  // design, replay, live
  Q_PROPERTY(QString source READ source NOTIFY sourceChanged)
  // The MQTT broker ("host:port") the live feed reads: the MQTT feed's, or the one a connections
  // file's OPC UA gateway hands its values over (--mqtt with --connections); empty otherwise.
  // The Data dialog shows it (QA: its broker field stayed empty).
  Q_PROPERTY(QString broker READ broker NOTIFY sourceChanged)
  Q_PROPERTY(double timeMs READ timeMs NOTIFY timeChanged)
  Q_PROPERTY(double startMs READ startMs NOTIFY rangeChanged)
  Q_PROPERTY(double endMs READ endMs NOTIFY rangeChanged)
  Q_PROPERTY(bool playing READ playing NOTIFY stateChanged)
  Q_PROPERTY(double speed READ speed NOTIFY stateChanged)
  Q_PROPERTY(QVariantList markers READ markers NOTIFY rangeChanged)
  Q_PROPERTY(QVariantList ladles READ ladles NOTIFY valuesChanged)
  // Changes (and statusChanged fires) only when the text does, not at every tick.
  Q_PROPERTY(QString status READ status NOTIFY statusChanged)
  Q_PROPERTY(bool connected READ connected NOTIFY statusChanged)
  // Live from parktwin-server: why it is not connected (bad token, server away), else empty.
  Q_PROPERTY(QString serverProblem READ serverProblem NOTIFY statusChanged)
  Q_PROPERTY(bool fromServer READ fromServer NOTIFY sourceChanged)
  // Replaying a parktwin-server's history (replayServer), not a local file.
  Q_PROPERTY(bool replayingServer READ replayingServer NOTIFY sourceChanged)
  // Why the live recording is not reaching its file (disk full, read-only, I/O error); empty
  // while it is, or when nothing is recorded.
  Q_PROPERTY(QString recordingError READ recordingError NOTIFY recordingErrorChanged)
  // Live from another machine without TLS: the GUI shows a warning banner (docs/mqtt.md).
  Q_PROPERTY(bool sendsInTheClear READ sendsInTheClear NOTIFY sourceChanged)
  Q_PROPERTY(double messagesPerSecond READ messagesPerSecond NOTIFY statusChanged)
  Q_PROPERTY(double lagMs READ lagMs NOTIFY statusChanged)
  Q_PROPERTY(int valueCount READ valueCount NOTIFY valuesChanged)
  // A replay has given no value yet, or a live source opened less than kFirstValuesWaitMs ago
  // has not: the scene is not shown as ready (a picture, an export) until it has, or, live,
  // until the wait is over, so a meter that never answers delays a picture but never hangs it.
  Q_PROPERTY(bool awaitingValues READ awaitingValues NOTIFY valuesChanged)
  // The last hour before the timeline's time for the tags asked by showSparklines().
  Q_PROPERTY(QVariantMap sparklines READ sparklines NOTIFY sparklinesChanged)
  // The last hour of the state tag asked by showSparklines(): {tag, from, to, spans: [{from,
  // to, state}]}, empty without one (replay or recording only).
  Q_PROPERTY(QVariantMap stateHistory READ stateHistory NOTIFY stateHistoryChanged)

 public:
  explicit TimelineController(QObject* parent = nullptr);
  ~TimelineController() override;

  Q_INVOKABLE bool openReplay(const QString& path);
  // The command line's refusal of --at `at`, a time outside the open replay file, in the
  // window's language (main() prints it; tr() here, where lupdate reads).
  QString outsideReplayText(const QString& at) const;
  Q_INVOKABLE bool connectLive(const QString& hostPort, const QString& park, const QString& user = {},
                               const QString& password = {}, const QString& caFile = {},
                               const QString& recordTo = {}, const QStringList& knownTags = {});
  Q_INVOKABLE void close();
  // Live from parktwin-server at `url` (http(s)://HOST:PORT) for `park`, with the user's token
  // (timeline_server.cpp); remembered for next time. False, with the reason in status, only for
  // an address that is not one; an unreachable server or refused token is retried.
  // `caFile`: a CA (PEM) to trust for an https:// server besides the system's (server_tls.hpp).
  Q_INVOKABLE bool connectServer(const QString& url, const QString& token, const QString& park,
                                 const QString& caFile = {});
  Q_INVOKABLE QString rememberedServerCaFile() const;
  // How far the newest sample is behind this computer's clock, in the unit that reads best
  // ("0.4 s", "12 min", "338 d"): a source replaying last year's data showed "29242195.9 s".
  Q_INVOKABLE QString lagText(double lagMs) const;
  // Replays the history of parktwin-server at `url` for `park` (timeline_history.cpp): the
  // timeline's range is the server's first to last sample, and every read at T is a request to
  // the server, never waited for on the GUI thread. False only for an address that is not one.
  // `caFile` as for connectServer.
  Q_INVOKABLE bool replayServer(const QString& url, const QString& token, const QString& park,
                                const QString& caFile = {});
  Q_INVOKABLE QString rememberedServerUrl() const;
  Q_INVOKABLE QString rememberedServerToken() const;
  // The server link while live from a server (alarms, acknowledgements); null otherwise.
  ServerLink* serverLink() const;
  // The link of the server whose park the window compares with its own: live or replaying.
  ServerLink* servedParkLink() const;
  // Live from a feed started elsewhere (a connections file: ConnectionsController); `label`
  // names it in the status bar; `broker`: the MQTT broker it reads through, if any.
  void startFeed(std::unique_ptr<LiveFeed> feed, const QString& label, const QString& recordTo = {},
                 const QString& broker = {});
  // The live feed while live (null otherwise), for its per-source counters.
  const LiveFeed* liveFeed() const { return live_.get(); }
  // The source id each live tag's value came from (a connections file only), as of the tick.
  const QHash<QString, QString>& tagSources() const { return tagSources_; }
  // Live tags whose value is no longer current (a Sparkplug death), until a newer value.
  const QSet<QString>& staleTags() const { return staleTags_; }
  // Whether a broker typed as "host" or "host:port" is on this machine (feed::isLoopbackHost:
  // localhost, 127.0.0.0/8, ::1; not a name such as 127.example.com): its plain MQTT never
  // crosses the network. The data-source dialog warns before connecting otherwise.
  Q_INVOKABLE bool isLoopbackHost(const QString& broker) const;
  Q_INVOKABLE void play();
  Q_INVOKABLE void pause();
  Q_INVOKABLE void togglePlay();
  Q_INVOKABLE void seek(double timeMs);
  Q_INVOKABLE void step(double seconds);
  Q_INVOKABLE void setLoop(double fromMs, double toMs);
  Q_INVOKABLE void setSpeed(double speed);
  // "2026-07-15 08:00:00" in the park's civil time (its time_zone), as the timeline shows it.
  Q_INVOKABLE QString formatTime(double timeMs) const;
  void setTimeZone(const QString& ianaId) { timeZone_ = QTimeZone(ianaId.toUtf8()); }
  // Which tags' last hour to keep in `sparklines` (replay only; refreshed as time moves).
  // and which state tag's last hour to keep in `stateHistory` ("" for none).
  Q_INVOKABLE void showSparklines(const QStringList& tags, const QString& stateTag = {});
  // Stores an event (an alarm acknowledgement, an annotation) in the historian being replayed
  // or recorded, and shows it on the timeline. False, with the reason in status, if there is
  // no historian to write to.
  bool annotate(qint64 t_ms, const QString& kind, int severity, const QString& object, const QString& message,
                const QString& payloadJson);

  QString mode() const { return mode_; }
  QString source() const { return source_; }
  QString broker() const { return broker_; }
  double timeMs() const { return double(timeMs_); }
  double startMs() const { return double(clock_.start_ms()); }
  double endMs() const { return double(clock_.end_ms()); }
  bool playing() const { return clock_.mode() == Clock::Mode::Playing; }
  double speed() const { return clock_.speed(); }
  QVariantList markers() const { return markers_; }
  QVariantList ladles() const { return ladles_; }
  QVariantMap sparklines() const { return sparklines_; }
  QVariantMap stateHistory() const { return stateHistory_; }
  QString status() const { return status_; }
  bool connected() const { return connected_; }
  QString serverProblem() const { return serverProblem_; }
  bool fromServer() const { return serverLink() != nullptr || serverHistory_ != nullptr; }
  bool replayingServer() const { return serverHistory_ != nullptr; }
  QString recordingError() const { return recordingError_; }
  bool sendsInTheClear() const { return sendsInTheClear_; }
  double messagesPerSecond() const { return messagesPerSecond_; }
  double lagMs() const { return lagMs_; }
  int valueCount() const { return int(values_.size()); }
  static constexpr int kFirstValuesWaitMs = 10'000;
  bool awaitingValues() const;
  const QHash<QString, double>& values() const { return values_; }
  // The park's alarm rules (AlarmController::setPark): a replayed file's reader reports when the
  // violation of each one broken at the read time began, in alarmOnsets (timeline_history.cpp).
  void setAlarmRules(std::vector<model::AlarmRule> rules);
  // Rule id → onset (epoch ms) of the rules broken at the values' time; empty without a local
  // replay (live, a server's history).
  const QHash<QString, qint64>& alarmOnsets() const { return alarmOnsets_; }
  // The tags the replayed file holds samples of (a local replay; empty otherwise), to tell a
  // file of another park (ParkController::replayParkMismatch).
  const std::vector<std::string>& replayTags() const { return replayTags_; }
  // The value of a tag at the timeline's time; NaN when there is none.
  Q_INVOKABLE double tagValue(const QString& tag) const;
  // A line's state at the timeline's time (see MachineInstancing::setLineStates); -1 if unknown.
  Q_INVOKABLE int lineState(const QString& lineId) const;

 signals:
  void sourceChanged();
  void timeChanged();
  void rangeChanged();
  void stateChanged();
  void statusChanged();
  void recordingErrorChanged();
  void valuesChanged();
  void readRequested(qint64 t_ms);
  void sparklinesChanged();
  void stateHistoryChanged();
  void statesRequested(const QString& tag, qint64 t0_ms, qint64 t1_ms);
  void seriesRequested(const QStringList& tags, qint64 t0_ms, qint64 t1_ms, int buckets);
  // The park file the server serves (GET .../park), once connected live to one; empty when the
  // window leaves it. ParkController compares it with the window's own park.
  void serverParkChanged(const QByteArray& parkJson);

 private:
  void loadMarkers(store::Store& historian, std::int64_t first, std::int64_t last);
  void startReplayClock(qint64 first_ms, qint64 last_ms, qint64 at_ms);
  void startReader(const QString& path);
  void attachSource(HistorySource* source);
  void startServerReplay(qint64 first_ms, qint64 last_ms);
  void showServerHistoryProblem(const QString& problem);
  void askServedPark(ServerLink& link);
  QString replayFileRefusal(const QString& path) const;
  void tick();
  void requestRead();
  void onStateRead(qint64 t_ms, const QHash<QString, double>& values, const QVariantList& ladles,
                   const QHash<QString, qint64>& alarmOnsets);
  void setStatus(const QString& status);
  void setRecordingError(const QString& error);
  // The live feed's line in the status bar; statusChanged only when its text or the connection
  // changes.
  void publishLiveStatus(const LiveSnapshot& snapshot, double lagMs);
  void goLive(std::unique_ptr<LiveFeed> feed, const QString& label, const QString& recordTo, bool inTheClear,
              const QString& broker);
  qint64 wallMs() const;

  Clock clock_;
  QString mode_ = "design";
  bool sendsInTheClear_ = false;
  QString source_;
  QString broker_;
  qint64 timeMs_ = 0;
  QVariantList markers_, ladles_;
  QHash<QString, double> values_;
  QHash<QString, qint64> alarmOnsets_;
  std::vector<model::AlarmRule> alarmRules_;
  std::vector<std::string> replayTags_;
  QHash<QString, QString> tagSources_;
  QSet<QString> staleTags_;
  QString status_;
  QString recordingError_;
  QTimeZone timeZone_{QByteArrayLiteral("Asia/Shanghai")};
  bool connected_ = false;
  QString serverProblem_;
  double messagesPerSecond_ = 0, lagMs_ = 0;  // as shown in status_
  double measuredRate_ = 0;                   // messages per second over the last second
  QTimer ticker_;
  QElapsedTimer sinceSourceChanged_;  // for awaitingValues
  QTimer firstValuesWait_;            // ends awaitingValues when no value came
  QThread readerThread_;
  HistorySource* reader_ = nullptr;
  std::unique_ptr<ServerHistory> serverHistory_;  // replaying a server: reader_ once its span is known
  bool readInFlight_ = false;
  bool staleRead_ = false;  // the read in flight was asked before a seek: its answer is dropped
  qint64 lastReadMs_ = -1;
  std::unique_ptr<LiveFeed> live_;
  QString writablePath_;
  qint64 fileStartMs_ = 0, fileEndMs_ = 0;
  QStringList sparklineTags_;
  QVariantMap sparklines_;
  qint64 sparklinesAt_ = -1;
  void requestSparklines();  // the replayed or recorded historian file
  void refreshFromServer();  // live from a server: sparklines from its series (timeline_server.cpp)
  // A server's events in [from, to) as marks (live: the last day; replay: its whole history).
  void loadServerMarkers(ServerLink& link, qint64 from_ms, qint64 to_ms);
  // The checked address of a server and what to trust for it (timeline_server.cpp), remembered
  // with the token; nullopt, with the reason in status, for a bad address or CA file.
  std::optional<std::pair<QUrl, ServerTrust>> rememberServer(const QString& url, const QString& token, const QString& caFile);
  QString stateTag_;
  QVariantMap stateHistory_;
  quint64 lastReceived_ = 0;
  qint64 lastRateWallMs_ = 0;
};

}  // namespace parktwin::app
