// TimelineController's status line of a live source: what it says and when it changes; and the
// command line's --at refusal.
#include "timeline_controller.hpp"

#include <QDateTime>
#include <cmath>
#include <cstdlib>

#include "live_feed.hpp"

namespace parktwin::app {

QString TimelineController::lagText(double lagMs) const {
  // A source a little ahead of this clock has no lag (the caller clamps it); nothing is none.
  const double seconds = std::isfinite(lagMs) && lagMs > 0 ? lagMs / 1000.0 : 0.0;
  if (seconds < 60) return tr("%1 s").arg(seconds, 0, 'f', 1);
  if (seconds < 3600) return tr("%1 min").arg(std::floor(seconds / 60));
  if (seconds < 86400) return tr("%1 h").arg(std::floor(seconds / 3600));
  return tr("%1 d").arg(std::floor(seconds / 86400));
}

// The file's range in the park's civil time, as the timeline shows it and as --at reads a time
// without a zone, with the zone's offset: a manager reads his own clock, not UTC.
QString TimelineController::outsideReplayText(const QString& at) const {
  const int offsetS = timeZone_.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(qint64(startMs()), QTimeZone::utc()));
  const QString offset = QStringLiteral("UTC%1%2:%3")
                             .arg(offsetS < 0 ? '-' : '+')
                             .arg(std::abs(offsetS) / 3600, 2, 10, QChar('0'))
                             .arg(std::abs(offsetS) % 3600 / 60, 2, 10, QChar('0'));
  return tr("parktwin: --at %1 is outside the replay file, which holds %2 .. %3 in the park's time (%4; 0h .. %5h)")
      .arg(at, formatTime(startMs()), formatTime(endMs()), offset)
      .arg((endMs() - startMs()) / 3.6e6, 0, 'g', 4);
}

void TimelineController::publishLiveStatus(const LiveSnapshot& s, double lagMs) {
  // A connections file with one source down and others up is live, and names the one down.
  // The age of the newest value, not a delay: a quiet plant sends nothing new for a while, and
  // "lag 52 s" read as a slow system (QA).
  const QString live = s.counts == LiveSnapshot::Counts::values
                           ? tr("Live: %1 · %2 values/s · newest value %3 ago · %4 bad · %5 unknown tags")
                           : tr("Live: %1 · %2 msg/s · newest value %3 ago · %4 bad · %5 unknown tags");
  const QString status = s.connected ? live.arg(source_)
                                               .arg(measuredRate_, 0, 'f', 0)
                                               .arg(lagText(lagMs))
                                               .arg(s.malformed)
                                               .arg(s.unknown) +
                                           (s.problem.isEmpty() ? QString() : " · " + s.problem)
                                     : s.problem.isEmpty() ? tr("Reconnecting to %1 …").arg(source_)
                                                           : tr("%1: %2 · retrying").arg(source_, s.problem);
  // The rate and lag the properties show are those of the text: they change together, and only
  // when what a person reads changes (not at every tick).
  if (status == status_ && s.connected == connected_) return;
  status_ = status;
  serverProblem_ = s.connected ? QString() : s.problem;
  connected_ = s.connected;
  messagesPerSecond_ = measuredRate_;
  lagMs_ = lagMs;
  emit statusChanged();
}

}  // namespace parktwin::app
