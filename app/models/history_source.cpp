#include "history_source.hpp"

#include <QPointF>

#include "parktwin/sim/event_codec.hpp"
#include "parktwin/sim/ladle_position.hpp"
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

}  // namespace parktwin::app
