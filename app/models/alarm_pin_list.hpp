#pragma once
// What the 3D view shows of the active alarms (AlarmController.active): one pin per place
// (model::alarmPlaces: a building, or an object standing alone), so that two alarms in one hall
// no longer draw two pins at one spot whose colour the depth test chose (QA). None while
// presenting a replay, shown while presenting live: see placedPins().
#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <string>

class QJSEngine;
class QQmlEngine;
class QVector3D;

namespace parktwin::model {
class ObjectIndex;
}

namespace parktwin::app {

// Where the scene pins the alarms of a place (model::alarmPlaceOf): 30 m up the place. The alarm
// list's entries carry the same point (AlarmController), so the list and the pins cannot disagree.
QVector3D alarmPinPosition(const std::string& place, const model::ObjectIndex& objects);

class ParkController;

class AlarmPinList : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_SINGLETON
  // {place (its label's id), position (scene frame), count, acknowledged (amber once every alarm
  // there is), severity (Kinds.*: the worst of those that decide its colour)}.
  Q_PROPERTY(QVariantList pins READ pins NOTIFY changed)

 public:
  AlarmPinList(ParkController& controller, QObject* parent);
  static AlarmPinList* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);

  const QVariantList& pins() const { return pins_; }

 signals:
  void changed();

 private:
  // Worked out once per change of the alarms, of presenting or of live/replay, not at each of the three
  // bindings that read it (the pins, the labels' colours and their anchors).
  void refresh();
  QVariantList placedPins() const;

  ParkController& controller_;
  QVariantList pins_;
};

}  // namespace parktwin::app
