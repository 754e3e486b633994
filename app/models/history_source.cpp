#include "history_source.hpp"

#include <QPointF>

#include "parktwin/sim/event_codec.hpp"
#include "parktwin/sim/ladle_position.hpp"
#include "parktwin/store/state_spans.hpp"
#include "parktwin/store/store.hpp"

namespace parktwin::app {

QVariantList ladlesAt(const std::vector<store::Event>& events, qint64 t_ms,
                      const std::function<void(const std::string&)>& unreadable) {
  QVariantList ladles;
  for (const auto& stored : events) {
    if (!sim::isLadleTrip(stored)) continue;
    auto trip = sim::decodeEvent(stored);
    if (!trip) {
      unreadable(trip.error().message);
      continue;
    }
    if (auto at = sim::ladlePositionAt(*trip, t_ms)) ladles.push_back(QPointF(at->x_m, at->y_m));
  }
  return ladles;
}

QVariantMap stateHistoryMap(const QString& tag, qint64 t0_ms, qint64 t1_ms, const std::vector<store::StateSpan>& spans) {
  QVariantList spanList, shares;
  for (const auto& s : spans) {
    spanList.push_back(QVariantMap{{"from", double(s.from_ms)}, {"to", double(s.to_ms)}, {"state", s.state}});
  }
  for (const auto& s : store::stateShares(spans)) shares.push_back(QVariantMap{{"state", s.state}, {"share", s.share}});
  return QVariantMap{{"tag", tag}, {"from", double(t0_ms)}, {"to", double(t1_ms)}, {"spans", spanList}, {"shares", shares}};
}

}  // namespace parktwin::app
