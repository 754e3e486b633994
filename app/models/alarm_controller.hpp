#pragma once
// The park's alarms as the window shows them: the park's alarm rules evaluated on the
// timeline's values (model::AlarmBoard owns the rules' logic), the active ones listed worst
// first, and acknowledging one with a comment (stored as a historian event).
#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>

#include "parktwin/model/alarms.hpp"

namespace parktwin::app {

class ParkController;

class AlarmController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Provided by ParkController")
  // Active alarms at the timeline's time: {id, severity (Kinds.Info, Warning, Critical),
  // message, object, objectName, position, value, since, acknowledged, comment}, worst first.
  Q_PROPERTY(QVariantList active READ active NOTIFY changed)

 public:
  explicit AlarmController(ParkController& park, QObject* parent = nullptr);
  ~AlarmController() override;

  // A newly opened park: its rules, nothing active.
  void setPark(const model::Park& park);
  // Evaluates the rules at the timeline's time and values (a seek back starts over).
  void evaluate();
  QVariantList active() const;
  // Acknowledges an active alarm with a comment; stored as a historian event when a replayed
  // or recorded historian is open. False if the alarm is not active or in presentation mode.
  Q_INVOKABLE bool acknowledge(const QString& ruleId, const QString& comment);

 signals:
  void changed();

 private:
  ParkController& park_;
  const model::Park* model_ = nullptr;
  std::unique_ptr<model::AlarmBoard> board_;
  qint64 evaluatedAt_ = 0;
};

}  // namespace parktwin::app
