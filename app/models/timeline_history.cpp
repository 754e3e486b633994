// TimelineController's history: the HistorySource a replay reads from, either a local store
// (HistoryReader on the reader thread) or a parktwin-server (ServerHistory on the GUI thread's
// event loop). Both answer with the same signals, so the clock, seek, speeds, scene colours,
// inspector values, sparklines and alarms at T work alike (docs/server.md).
#include <QFileInfo>
#include <QUrl>

#include "history_reader.hpp"
#include "server_history.hpp"
#include "server_tls.hpp"
#include "timeline_controller.hpp"

namespace parktwin::app {

// Why `path` cannot be replayed before the store is asked, in the window's words; empty if it may.
QString TimelineController::replayFileRefusal(const QString& path) const {
  // A historian file that is not there (SQLite's words repeat the name, in English).
  if (const QString file = path.startsWith("sqlite:") ? path.mid(7) : path; !path.contains("://") && !QFileInfo::exists(file)) {
    return tr("%1 does not exist").arg(path);
  }
  // An Excel export is no historian (SQLite would say "file is not a database"): say how to make one.
  if (path.endsWith(".csv", Qt::CaseInsensitive)) {
    return tr("%1 is a CSV file, not a historian: import it first with parktwin-cli import %1 --park PARK --db %2, then replay %2")
        .arg(path, path.chopped(4) + ".db");
  }
  return {};
}

// The answers of `source` come back as signals: queued from the reader thread, direct from a
// server's (already asynchronous) requests.
void TimelineController::attachSource(HistorySource* source) {
  reader_ = source;
  connect(this, &TimelineController::readRequested, source, &HistorySource::readAt);
  connect(source, &HistorySource::stateRead, this, &TimelineController::onStateRead);
  connect(this, &TimelineController::seriesRequested, source, &HistorySource::readSeries);
  connect(source, &HistorySource::seriesRead, this, [this](const QVariantMap& series) {
    sparklines_ = series;
    emit sparklinesChanged();
  });
  connect(this, &TimelineController::statesRequested, source, &HistorySource::readStates);
  connect(source, &HistorySource::statesRead, this, [this](const QVariantMap& history) {
    if (history.value("tag").toString() != stateTag_) return;  // asked before the selection changed
    stateHistory_ = history;
    emit stateHistoryChanged();
  });
  connect(source, &HistorySource::failed, this, [this](const QString& m) {
    readInFlight_ = false;
    setStatus(m);
  });
  connect(source, &HistorySource::eventUnreadable, this, &TimelineController::setStatus);
}

// The reader of a replayed file works on its own thread.
void TimelineController::startReader(const QString& path) {
  auto* reader = new HistoryReader(path);
  reader->setAlarmRules(alarmRules_);  // still on this thread: a direct call
  reader->moveToThread(&readerThread_);  // deleted by close(), after the thread has finished
  attachSource(reader);
  readerThread_.start();
}

void TimelineController::setAlarmRules(std::vector<model::AlarmRule> rules) {
  alarmRules_ = std::move(rules);
  if (!reader_ || serverHistory_) return;  // a server works out the onsets of its own rules
  // Queued on the reader's thread, before the next read; then read again, so a paused replay's
  // alarms show their onsets under the new rules at once.
  QMetaObject::invokeMethod(reader_, [reader = reader_, rules = alarmRules_] { reader->setAlarmRules(rules); },
                            Qt::QueuedConnection);
  if (readInFlight_) staleRead_ = true;
  lastReadMs_ = -1;
  requestRead();
}

bool TimelineController::replayServer(const QString& url, const QString& token, const QString& park,
                                      const QString& caFile) {
  auto target = rememberServer(url, token, caFile);
  if (!target) return false;
  close();
  const QUrl& base = target->first;
  serverHistory_ = std::make_unique<ServerHistory>(base, token, park);
  serverHistory_->link().trust(std::move(target->second));
  connect(serverHistory_.get(), &ServerHistory::spanRead, this, &TimelineController::startServerReplay);
  connect(serverHistory_.get(), &ServerHistory::problemChanged, this, &TimelineController::showServerHistoryProblem);
  connect(serverHistory_.get(), &ServerHistory::failed, this, &TimelineController::setStatus);
  mode_ = "replay";
  source_ = base.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery).toString();
  setStatus(tr("Reading the history of %1 …").arg(source_));
  emit sourceChanged();
  serverHistory_->readSpan();  // the timeline's range: the server's first and last sample
  return true;
}

// The server's span is known: replay it as a file, from its newest sample (seeking back from now).
void TimelineController::startServerReplay(qint64 first_ms, qint64 last_ms) {
  startReplayClock(first_ms, last_ms, last_ms);
  attachSource(serverHistory_.get());
  loadServerMarkers(serverHistory_->link(), first_ms, last_ms + 1);
  askServedPark(serverHistory_->link());  // the replay is of the server's park: the window compares
  connected_ = true;
  setStatus(tr("Replaying %1").arg(source_));
  emit statusChanged();
  emit rangeChanged();
  emit stateChanged();
  emit timeChanged();
  requestRead();
  ticker_.start();
}

// A failed request says why, as the live link does, until one succeeds again (it is retried).
void TimelineController::showServerHistoryProblem(const QString& problem) {
  const bool recovered = !serverProblem_.isEmpty() && problem.isEmpty();
  serverProblem_ = problem;
  connected_ = problem.isEmpty() && reader_ != nullptr;
  if (recovered) sparklinesAt_ = -1;  // sparklines and the state bar asked while it was away failed: ask again

  status_.clear();  // statusChanged even when the text is the same: connected changed
  setStatus(problem.isEmpty() ? tr("Replaying %1").arg(source_) : tr("%1: %2 · retrying").arg(source_, problem));
  if (recovered) requestSparklines();
}

}  // namespace parktwin::app
