#include "alarm_pin_list.hpp"

#include <QJSEngine>
#include <QVector3D>
#include <vector>

#include "alarm_controller.hpp"
#include "controller_text.hpp"
#include "park_controller.hpp"
#include "parktwin/model/alarm_places.hpp"
#include "scene_frame.hpp"
#include "timeline_controller.hpp"

namespace parktwin::app {

namespace {
AlarmPinList* g_instance = nullptr;
}

QVector3D alarmPinPosition(const std::string& place, const model::ObjectIndex& objects) {
  const auto p = objects.position(place);
  return p ? toScene(p->x_m, p->y_m, 30) : QVector3D();
}

AlarmPinList::AlarmPinList(ParkController& controller, QObject* parent) : QObject(parent), controller_(controller) {
  connect(controller.alarms(), &AlarmController::changed, this, &AlarmPinList::refresh);
  connect(&controller, &ParkController::presentingChanged, this, &AlarmPinList::refresh);
  connect(controller.timeline(), &TimelineController::sourceChanged, this, &AlarmPinList::refresh);  // live or replay
  pins_ = placedPins();
}

void AlarmPinList::refresh() {
  pins_ = placedPins();
  emit changed();
}

AlarmPinList* AlarmPinList::create(QQmlEngine* qmlEngine, QJSEngine* jsEngine) {
  if (!g_instance) g_instance = new AlarmPinList(*ParkController::create(qmlEngine, jsEngine), nullptr);
  QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
  return g_instance;
}

QVariantList AlarmPinList::placedPins() const {
  // A presented replay shows no alarms (QA: a replay presented at 600x put a red pin and a red
  // hall label in front of investors): it tells the park's story, and its alarms are history no
  // one in the room can act on. A live presenting wall in a control room shows them (QA): a real
  // alarm must be seen there, though it is acknowledged at a desk (no alarm list while presenting).
  const model::ObjectIndex* objects = controller_.objectIndex();
  if (!objects || (controller_.presenting() && controller_.timeline()->mode() != "live")) return {};
  std::vector<model::PlacedAlarm> placed;
  for (const auto& a : controller_.alarms()->active()) {
    const QVariantMap m = a.toMap();
    placed.push_back({m.value("object").toString().toStdString(), static_cast<model::Severity>(m.value("severity").toInt()),
                      m.value("acknowledged").toBool()});
  }
  QVariantList out;
  for (const auto& place : model::alarmPlaces(placed, *objects)) {
    out.push_back(QVariantMap{{"place", q(place.place)},
                              {"position", alarmPinPosition(place.place, *objects)},
                              {"count", place.count},
                              {"acknowledged", place.acknowledged()},
                              {"severity", static_cast<int>(place.worst)}});
  }
  return out;
}

}  // namespace parktwin::app
