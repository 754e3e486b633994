#include "timeline_controller.hpp"

#include <QDateTime>
#include <QFileInfo>
#include <QTimeZone>
#include <algorithm>
#include <cmath>
#include <limits>

#include "history_reader.hpp"
#include "server_history.hpp"
#include "parktwin/feed/broker.hpp"
#include "parktwin/sim/event_codec.hpp"
#include "parktwin/store/store.hpp"

namespace parktwin::app {

namespace {
constexpr int kTickMs = 50;          // 20 Hz: smooth scrubbing, cheap on the GUI thread
constexpr int kMaxMarkers = 400;     // failures shown on the timeline
}  // namespace

TimelineController::TimelineController(QObject* parent) : QObject(parent) {
  ticker_.setInterval(kTickMs);
  connect(&ticker_, &QTimer::timeout, this, &TimelineController::tick);
  qRegisterMetaType<QHash<QString, double>>();
  qRegisterMetaType<QHash<QString, qint64>>();
  firstValuesWait_.setSingleShot(true);
  connect(&firstValuesWait_, &QTimer::timeout, this, &TimelineController::valuesChanged);
  connect(this, &TimelineController::sourceChanged, this, [this] {
    if (mode_ == "design") return;  // awaitingValues is false there (and close() runs at exit)
    sinceSourceChanged_.start();
    firstValuesWait_.start(kFirstValuesWaitMs);
    emit valuesChanged();  // awaitingValues changed with the mode
  });
}

bool TimelineController::awaitingValues() const {
  if (mode_ == "design" || !values_.isEmpty()) return false;
  return mode_ == "replay" || sinceSourceChanged_.elapsed() < kFirstValuesWaitMs;  // a replay's values do come
}

TimelineController::~TimelineController() { close(); }

qint64 TimelineController::wallMs() const { return QDateTime::currentMSecsSinceEpoch(); }

void TimelineController::close() {
  ticker_.stop();
  live_.reset();
  if (serverHistory_) {
    serverHistory_.reset();  // on the GUI thread: its pending requests go with it
    reader_ = nullptr;
  } else if (reader_) {
    readerThread_.quit();
    readerThread_.wait();
    // Deleted here, once its thread has finished, not by a deleteLater on the thread's finish:
    // a replay still open when the window closes is closed while the application object is
    // destroyed, and that deferred delete never ran (the ASan build found the file left open).
    delete reader_;
    reader_ = nullptr;
  }
  readInFlight_ = false;
  staleRead_ = false;
  lastReadMs_ = -1;
  values_.clear();
  alarmOnsets_.clear();
  replayTags_.clear();
  tagSources_.clear();
  staleTags_.clear();
  ladles_.clear();
  markers_.clear();
  mode_ = "design";
  emit serverParkChanged({});
  sendsInTheClear_ = false;
  source_.clear();
  broker_.clear();
  writablePath_.clear();
  sparklines_.clear();
  sparklinesAt_ = -1;
  stateHistory_.clear();
  if (connected_ || !serverProblem_.isEmpty()) {
    connected_ = false;
    serverProblem_.clear();
    emit statusChanged();
  }
  setRecordingError({});
  emit sourceChanged();
  emit rangeChanged();
  emit valuesChanged();
}

// The events worth a mark on the timeline (failures, alarms, notes), at most kMaxMarkers.
void TimelineController::loadMarkers(store::Store& historian, std::int64_t first, std::int64_t last) {
  auto events = historian.eventsBetween(first, last, sim::timelineMarkerFilter());
  if (!events) return;
  const std::size_t every = std::max<std::size_t>(1, events->size() / kMaxMarkers);
  for (std::size_t i = 0; i < events->size(); i += every) {
    const auto& e = (*events)[i];
    markers_.push_back(QVariantMap{{"t", double(e.ts_ms)}, {"object", QString::fromStdString(e.object)},
                                   {"text", QString::fromStdString(e.message)}});
  }
}

// A fresh replay clock over [first, last] (a file's or a server's history), paused at `at`.
void TimelineController::startReplayClock(qint64 first_ms, qint64 last_ms, qint64 at_ms) {
  clock_ = Clock{};
  clock_.setRange(first_ms, last_ms);
  fileStartMs_ = first_ms;
  fileEndMs_ = last_ms;
  clock_.seek(at_ms, wallMs());
  timeMs_ = clock_.now(wallMs());
}

bool TimelineController::openReplay(const QString& path) {
  close();
  // Any store: a historian file, sqlite:FILE or a clickhouse:// URI (docs/server.md).
  store::StoreOptions options;
  options.read_only = true;
  if (const QString refusal = replayFileRefusal(path); !refusal.isEmpty()) {
    setStatus(refusal);
    return false;
  }
  auto historian = store::openStore(path.toStdString(), options);
  if (!historian) {
    setStatus(tr("Cannot open %1: %2").arg(path, QString::fromStdString(historian.error().message)));
    return false;
  }
  auto summary = (*historian)->summary();
  const auto span = summary ? store::storedSpan(*summary) : std::nullopt;
  if (!span) {
    setStatus(tr("%1 holds no samples").arg(path));
    return false;
  }
  for (const auto& tag : *summary) {
    if (tag.samples > 0) replayTags_.push_back(tag.name);
  }
  loadMarkers(**historian, span->first_ms, span->last_ms);
  startReplayClock(span->first_ms, span->last_ms, span->first_ms);
  writablePath_ = path;
  startReader(path);
  mode_ = "replay";
  source_ = QFileInfo(path).fileName();
  setStatus(tr("Replaying %1").arg(source_));
  emit sourceChanged();
  emit rangeChanged();
  emit stateChanged();
  emit timeChanged();
  requestRead();
  ticker_.start();
  return true;
}

bool TimelineController::connectLive(const QString& hostPort, const QString& park, const QString& user,
                                     const QString& password, const QString& caFile, const QString& recordTo,
                                     const QStringList& knownTags) {
  close();
  auto address = feed::parseBrokerAddress(hostPort.toStdString(), !caFile.isEmpty());
  if (!address) {
    setStatus(tr("Cannot connect to %1: %2").arg(hostPort, QString::fromStdString(address.error().message)));
    return false;
  }
  LiveSettings settings;
  settings.host = QString::fromStdString(address->host);
  settings.port = address->port;
  settings.user = user;
  settings.password = password;
  settings.caFile = caFile;
  settings.park = park;
  settings.recordTo = recordTo;
  auto feed = LiveFeed::connect(settings, knownTags);
  if (!feed) {
    setStatus(tr("Cannot connect to %1: %2").arg(hostPort, QString::fromStdString(feed.error().message)));
    return false;
  }
  address->tls_ca_file = settings.caFile.toStdString();
  goLive(std::move(*feed), hostPort, recordTo, feed::sendsInTheClear(*address), hostPort);
  return true;
}

void TimelineController::startFeed(std::unique_ptr<LiveFeed> feed, const QString& label, const QString& recordTo,
                                   const QString& broker) {
  close();
  goLive(std::move(feed), label, recordTo, false, broker);
}

void TimelineController::goLive(std::unique_ptr<LiveFeed> feed, const QString& label, const QString& recordTo,
                                bool inTheClear, const QString& broker) {
  live_ = std::move(feed);
  writablePath_ = recordTo;
  clock_ = Clock{};
  clock_.setRange(0, std::numeric_limits<std::int64_t>::max() / 2);
  clock_.goLive();
  mode_ = "live";
  sendsInTheClear_ = inTheClear;
  source_ = label;  // never the credentials
  broker_ = broker;
  lastReceived_ = 0;
  measuredRate_ = 0;
  lastRateWallMs_ = wallMs();
  setStatus(tr("Connecting to %1").arg(label));
  emit sourceChanged();
  emit rangeChanged();
  emit stateChanged();
  ticker_.start();
}

bool TimelineController::isLoopbackHost(const QString& broker) const {
  const std::string text = broker.toStdString();
  if (feed::isLoopbackHost(text)) return true;  // a host alone: "::1", "localhost"
  const auto address = feed::parseBrokerAddress(text);
  return address && feed::isLoopbackHost(address->host);
}

void TimelineController::tick() {
  const qint64 wall = wallMs();
  if (mode_ == "live" && live_) {
    const LiveSnapshot s = live_->snapshot();
    values_ = s.values;
    tagSources_ = s.tagSources;
    staleTags_ = s.staleTags;
    timeMs_ = s.newest_ts_ms > 0 ? s.newest_ts_ms : wall;
    if (wall - lastRateWallMs_ >= 1000) {
      measuredRate_ = double(s.received - lastReceived_) * 1000.0 / double(wall - lastRateWallMs_);
      lastReceived_ = s.received;
      lastRateWallMs_ = wall;
    }
    setRecordingError(s.recording.failing ? tr("Recording to %1 has stopped: %2. Samples are kept in memory and retried.")
                                                .arg(writablePath_, QString::fromStdString(s.recording.last_error))
                                          : QString());
    // A source whose clock runs a little ahead of this computer's stamps samples in our future:
    // there is no lag then, and "lag -0.3 s" would only puzzle the reader.
    publishLiveStatus(s, s.newest_ts_ms > 0 ? std::max(0.0, double(wall - s.newest_ts_ms)) : 0);
    emit timeChanged();
    emit valuesChanged();
    refreshFromServer();
    return;
  }
  if (mode_ != "replay") return;
  const qint64 t = clock_.now(wall);
  if (t != timeMs_) {
    timeMs_ = t;
    emit timeChanged();
  }
  if (clock_.finished(wall)) {
    clock_.pause(wall);
    emit stateChanged();
  }
  requestRead();
}

void TimelineController::showSparklines(const QStringList& tags, const QString& stateTag) {
  sparklineTags_ = tags;
  if (stateTag != stateTag_) {
    stateTag_ = stateTag;
    stateHistory_.clear();
    emit stateHistoryChanged();
  }
  sparklinesAt_ = -1;
  requestSparklines();
}

void TimelineController::requestSparklines() {
  // Refresh when data time moved by a minute or more: one bucket of the sparkline.
  if (!reader_ || std::abs(timeMs_ - sparklinesAt_) < 60'000) return;
  if (sparklineTags_.isEmpty() && stateTag_.isEmpty()) return;
  sparklinesAt_ = timeMs_;
  if (!sparklineTags_.isEmpty()) emit seriesRequested(sparklineTags_, timeMs_ - 3'600'000, timeMs_ + 1, 60);
  if (!stateTag_.isEmpty()) emit statesRequested(stateTag_, timeMs_ - 3'600'000, timeMs_ + 1);
}

void TimelineController::requestRead() {
  requestSparklines();
  if (!reader_ || readInFlight_ || timeMs_ == lastReadMs_) return;
  readInFlight_ = true;
  lastReadMs_ = timeMs_;
  emit readRequested(timeMs_);
}

void TimelineController::onStateRead(qint64, const QHash<QString, double>& values, const QVariantList& ladles,
                                     const QHash<QString, qint64>& alarmOnsets) {
  readInFlight_ = false;
  if (staleRead_) {  // asked before a seek: the seek's time wins, this answer is never shown
    staleRead_ = false;
    lastReadMs_ = -1;
    requestRead();
    return;
  }
  values_ = values;
  ladles_ = ladles;
  alarmOnsets_ = alarmOnsets;
  emit valuesChanged();
  requestRead();  // the clock may have moved on while we were reading
}

void TimelineController::play() {
  if (mode_ != "replay") return;
  if (clock_.finished(wallMs()) || clock_.now(wallMs()) >= clock_.end_ms()) clock_.seek(clock_.start_ms(), wallMs());
  clock_.play(wallMs());
  emit stateChanged();
}

void TimelineController::pause() {
  if (mode_ != "replay") return;
  const qint64 wall = wallMs();
  clock_.pause(wall);
  // The time shown is where the clock stopped, at once: not the last tick's time, which the
  // next tick would move on by up to a tick of data time (30 s at 600×) after the pause.
  if (clock_.now(wall) != timeMs_) {
    timeMs_ = clock_.now(wall);
    emit timeChanged();
  }
  emit stateChanged();
  requestRead();
}

void TimelineController::togglePlay() { playing() ? pause() : play(); }

void TimelineController::seek(double timeMs) {
  if (mode_ != "replay") return;
  const bool wasPlaying = playing();
  if (readInFlight_) staleRead_ = true;
  clock_.seek(qint64(timeMs), wallMs());
  if (wasPlaying) clock_.play(wallMs());
  timeMs_ = clock_.now(wallMs());
  emit timeChanged();
  emit stateChanged();
  requestRead();
}

void TimelineController::setLoop(double fromMs, double toMs) {
  if (mode_ != "replay") return;
  // Replay only [from, to] and start over at the end; an empty range restores the whole file.
  if (toMs > fromMs) clock_.setRange(qint64(fromMs), qint64(toMs));
  else clock_.setRange(fileStartMs_, fileEndMs_);
  clock_.setLoop(toMs > fromMs);
  clock_.seek(clock_.start_ms(), wallMs());
  emit rangeChanged();
  emit stateChanged();
}

void TimelineController::step(double seconds) { seek(double(timeMs_) + seconds * 1000.0); }

void TimelineController::setSpeed(double speed) {
  clock_.setSpeed(speed, wallMs());
  emit stateChanged();
}

QString TimelineController::formatTime(double timeMs) const {
  return QDateTime::fromMSecsSinceEpoch(qint64(timeMs), timeZone_).toString("yyyy-MM-dd HH:mm:ss");
}

bool TimelineController::annotate(qint64 t_ms, const QString& kind, int severity, const QString& object,
                                  const QString& message, const QString& payloadJson) {
  if (writablePath_.isEmpty()) return false;
  // A short-lived writer on the GUI thread: annotations are rare, and SQLite's busy timeout
  // lets it wait for the recorder's or another writer's transaction.
  auto historian = store::openStore(writablePath_.toStdString());
  if (!historian) {
    setStatus(tr("Cannot store the annotation: %1").arg(QString::fromStdString(historian.error().message)));
    return false;
  }
  store::Event event{t_ms, kind.toStdString(), severity, object.toStdString(), message.toStdString(),
                     payloadJson.toStdString()};
  if (auto r = (*historian)->appendEvent(event); !r || !(*historian)->flush()) {
    setStatus(tr("Cannot store the annotation in %1").arg(writablePath_));
    return false;
  }
  markers_.push_back(QVariantMap{{"t", double(t_ms)}, {"object", object}, {"text", message}, {"kind", kind}});
  emit rangeChanged();
  return true;
}

void TimelineController::setStatus(const QString& status) {
  if (status == status_) return;
  status_ = status;
  emit statusChanged();
}

void TimelineController::setRecordingError(const QString& error) {
  if (error == recordingError_) return;
  recordingError_ = error;
  emit recordingErrorChanged();
}

double TimelineController::tagValue(const QString& tag) const {
  return values_.value(tag, std::numeric_limits<double>::quiet_NaN());
}

int TimelineController::lineState(const QString& lineId) const {
  const auto it = values_.constFind(lineId + ".state");
  return it == values_.constEnd() ? -1 : int(std::lround(it.value()));
}

}  // namespace parktwin::app
