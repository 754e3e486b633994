#include "alarm_pin_list.hpp"

#include <QJSEngine>
#include <QVector3D>
#include <vector>

#include "alarm_controller.hpp"
#include "controller_text.hpp"
#include "park_controller.hpp"
#include "parktwin/model/alarm_places.hpp"
#include "scene_frame.hpp"

namespace parktwin::app {

namespace {
AlarmPinList* g_instance = nullptr;
}

AlarmPinList::AlarmPinList(ParkController& controller, QObject* parent) : QObject(parent), controller_(controller) {
  connect(controller.alarms(), &AlarmController::changed, this, &AlarmPinList::refresh);
  connect(&controller, &ParkController::presentingChanged, this, &AlarmPinList::refresh);
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
  // The investor view shows no alarms (QA: a replay presented at 600x put a red pin and a red hall
  // label in front of investors). A presentation tells the park's story; an alarm there is the
  // operators', who cannot acknowledge it while presenting, and the alarm list is hidden, so a pin
  // would only raise a question no one in the room can answer. The operators' desks show them.
  const model::ObjectIndex* objects = controller_.objectIndex();
  if (controller_.presenting() || !objects) return {};
  std::vector<model::PlacedAlarm> placed;
  for (const auto& a : controller_.alarms()->active()) {
    const QVariantMap m = a.toMap();
    placed.push_back({m.value("object").toString().toStdString(), static_cast<model::Severity>(m.value("severity").toInt()),
                      m.value("acknowledged").toBool()});
  }
  QVariantList out;
  for (const auto& place : model::alarmPlaces(placed, *objects)) {
    QVector3D position;  // where AlarmController puts an alarm's own pin: 30 m up its object
    if (auto p = objects->position(place.place)) position = toScene(p->x_m, p->y_m, 30);
    out.push_back(QVariantMap{{"place", q(place.place)},
                              {"position", position},
                              {"count", place.count},
                              {"acknowledged", place.acknowledged()},
                              {"severity", static_cast<int>(place.worst)}});
  }
  return out;
}

}  // namespace parktwin::app
