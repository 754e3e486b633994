// TimelineController's status line of a live source: what it says and when it changes; and the
// command line's --at refusal.
#include "timeline_controller.hpp"

#include <cmath>

#include "live_feed.hpp"
#include "parktwin/common/iso_time.hpp"

namespace parktwin::app {

QString TimelineController::lagText(double lagMs) const {
  // A source a little ahead of this clock has no lag (the caller clamps it); nothing is none.
  const double seconds = std::isfinite(lagMs) && lagMs > 0 ? lagMs / 1000.0 : 0.0;
  if (seconds < 60) return tr("%1 s").arg(seconds, 0, 'f', 1);
  if (seconds < 3600) return tr("%1 min").arg(std::floor(seconds / 60));
  if (seconds < 86400) return tr("%1 h").arg(std::floor(seconds / 3600));
  return tr("%1 d").arg(std::floor(seconds / 86400));
}

QString TimelineController::outsideReplayText(const QString& at) const {
  return tr("parktwin: --at %1 is outside the replay file, which holds %2 .. %3 (0h .. %4h)")
      .arg(at, QString::fromStdString(formatIsoUtcMs(static_cast<std::int64_t>(startMs()))),
           QString::fromStdString(formatIsoUtcMs(static_cast<std::int64_t>(endMs()))))
      .arg((endMs() - startMs()) / 3.6e6, 0, 'g', 4);
}

void TimelineController::publishLiveStatus(const LiveSnapshot& s, double lagMs) {
  // A connections file with one source down and others up is live, and names the one down.
  const QString status = s.connected ? tr("Live: %1 · %2 msg/s · lag %3 · %4 bad · %5 unknown tags")
                                               .arg(source_)
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
