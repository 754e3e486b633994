#pragma once
// The park's alarms as the window shows them: the park's alarm rules evaluated on the
// timeline's values (model::AlarmBoard owns the rules' logic), the active ones listed worst
// first, and acknowledging one with a comment (stored as a historian event). Live from
// parktwin-server, the server's alarms instead: acknowledged there, with the token's user, and
// another window's acknowledgement shows as soon as the server announces it.
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>

#include "parktwin/model/alarms.hpp"

namespace parktwin::app {

class ParkController;
class ServerLink;

class AlarmController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Provided by ParkController")
  // Active alarms at the timeline's time: {id, severity (Kinds.Info, Warning, Critical),
  // message, object, objectName, label and position (its place's label id and pin:
  // model::alarmPlaceOf, as AlarmPinList's pins), value, since (park time), sinceMs (epoch ms:
  // when the value first broke the rule), acknowledged, comment, acknowledgedBy (a server's user;
  // empty otherwise)}, worst first.
  Q_PROPERTY(QVariantList active READ active NOTIFY changed)
  // Why this window may not acknowledge, in its language: live from a server whose session says
  // the token's role may not (ServerLink::may). Empty where it may, or where the server has not
  // said; the panel then disables Acknowledge and shows this line.
  Q_PROPERTY(QString acknowledgeRefusal READ acknowledgeRefusal NOTIFY changed)

 public:
  explicit AlarmController(ParkController& park, QObject* parent = nullptr);
  ~AlarmController() override;

  // A newly opened park: its rules, nothing active.
  void setPark(const model::Park& park);
  // Evaluates the rules at the timeline's time and values (a seek back starts over).
  void evaluate();
  QVariantList active() const;
  QString acknowledgeRefusal() const;
  // Acknowledges an active alarm with a comment; stored as a historian event when a replayed
  // or recorded historian is open. False if the alarm is not active or in presentation mode.
  Q_INVOKABLE bool acknowledge(const QString& ruleId, const QString& comment);

 signals:
  void changed();

 private:
  QVariantMap entry(const model::AlarmRule& rule, double value, qint64 sinceMs, bool acknowledged, const QString& comment,
                    const QString& by) const;
  QVariantList serverAlarms() const;
  bool followServer();  // true while live from a server

  ParkController& park_;
  QPointer<ServerLink> server_;
  const model::Park* model_ = nullptr;
  std::unique_ptr<model::AlarmBoard> board_;
  qint64 evaluatedAt_ = 0;
};

}  // namespace parktwin::app
