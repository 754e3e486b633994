#include "alarm_controller.hpp"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QVector3D>

#include "alarm_pin_list.hpp"
#include "controller_text.hpp"
#include "park_controller.hpp"
#include "parktwin/model/alarm_places.hpp"
#include "parktwin/model/object_index.hpp"
#include "parktwin/sim/event_codec.hpp"
#include "server_link.hpp"

namespace parktwin::app {

AlarmController::AlarmController(ParkController& park, QObject* parent) : QObject(parent), park_(park) {
  connect(&park_, &ParkController::languageChanged, this, &AlarmController::changed);
}

AlarmController::~AlarmController() = default;

void AlarmController::setPark(const model::Park& park) {
  model_ = &park;
  board_ = std::make_unique<model::AlarmBoard>(park);
  evaluatedAt_ = 0;
  park_.timeline()->setAlarmRules(park.alarm_rules);
  emit changed();
}

// Live from a server, its alarm list is the one shown (the rules run on the server).
bool AlarmController::followServer() {
  ServerLink* link = park_.timeline()->serverLink();
  if (link == server_) return link != nullptr;
  if (server_) disconnect(server_, nullptr, this, nullptr);
  server_ = link;
  if (link) {
    connect(link, &ServerLink::alarmsChanged, this, &AlarmController::changed);
    connect(link, &ServerLink::sessionChanged, this, &AlarmController::changed);
    connect(link, &QObject::destroyed, this, &AlarmController::changed);  // back to the park's own rules
  }
  emit changed();
  return link != nullptr;
}

void AlarmController::evaluate() {
  if (!board_ || followServer()) return;
  const TimelineController& timeline = *park_.timeline();
  const qint64 t = qint64(timeline.timeMs());
  if (t < evaluatedAt_) board_->reset();  // a seek backwards replays history from scratch
  evaluatedAt_ = t;
  const auto& values = timeline.values();
  const auto changes = board_->update(t, [&](const std::string& tag) -> std::optional<double> {
    const auto it = values.constFind(q(tag));
    return it == values.constEnd() ? std::nullopt : std::optional<double>(it.value());
  });
  // Replaying a file, an alarm began at the sample that first broke its rule (read back from
  // the file), not at the time the timeline was opened, seeked or ticked to.
  const auto& onsets = timeline.alarmOnsets();
  for (const auto& a : board_->active()) {
    if (const auto it = onsets.constFind(q(a.rule->id)); it != onsets.constEnd()) board_->setSince(a.rule->id, it.value());
  }
  if (!changes.empty() || !board_->active().empty()) emit changed();
}

QVariantMap AlarmController::entry(const model::AlarmRule& rule, double value, qint64 sinceMs, bool acknowledged,
                                   const QString& comment, const QString& by) const {
  const auto* tag = model_->findTag(rule.tag);
  const QString object = tag ? q(tag->object) : QString();
  // The scene's label that names it and the pin that marks it: its place's (model::alarmPlaceOf,
  // as AlarmPinList's), its building's where it stands in one (a line, a group).
  const std::string place = model::alarmPlaceOf(object.toStdString(), *park_.objectIndex());
  return QVariantMap{{"id", q(rule.id)},
                     {"severity", static_cast<int>(rule.severity)},  // Kinds.Info, Warning, Critical
                     {"message", q(rule.message.in(park_.language().toStdString()))},
                     {"object", object},
                     {"objectName", park_.nameOf(object)},
                     {"label", q(place)},
                     {"position", alarmPinPosition(place, *park_.objectIndex())},
                     {"value", QLocale().toString(value, 'f', 1) + (tag ? " " + q(model::displayUnit(tag->unit)) : QString())},
                     {"since", park_.timeline()->formatTime(double(sinceMs))},
                     {"sinceMs", double(sinceMs)},
                     {"acknowledged", acknowledged},
                     {"comment", comment},
                     {"acknowledgedBy", by}};
}

// The server's list (GET .../alarms), shown with the rules of the park the window has open.
QVariantList AlarmController::serverAlarms() const {
  QVariantList out;
  for (const auto& item : server_->alarms()) {
    const QJsonObject a = item.toObject();
    const QString id = a.value("id").toString();
    for (const auto& rule : model_->alarm_rules) {
      if (q(rule.id) != id) continue;
      out.push_back(entry(rule, a.value("value").toDouble(), qint64(a.value("since_ms").toDouble()),
                          a.value("acknowledged").toBool(), a.value("comment").toString(),
                          a.value("acknowledged_by").toString()));
    }
  }
  return out;
}

QVariantList AlarmController::active() const {
  if (!board_) return {};
  if (server_) return serverAlarms();
  QVariantList out;
  for (const auto& a : board_->active()) out.push_back(entry(*a.rule, a.value, a.since_ms, a.acknowledged, q(a.comment), {}));
  return out;
}

QString AlarmController::acknowledgeRefusal() const {
  if (!server_ || server_->may(QStringLiteral("acknowledge")).value_or(true)) return {};
  return tr("Your user (%1) may not acknowledge alarms; that needs the role %2")
      .arg(server_->role(), server_->roleNeededFor(QStringLiteral("acknowledge")));
}

bool AlarmController::acknowledge(const QString& ruleId, const QString& comment) {
  if (park_.presenting()) return false;  // presentation mode changes no data
  if (server_) {
    server_->acknowledge(ruleId, comment);  // recorded by the server with the token's user
    return true;
  }
  if (!board_ || !board_->acknowledge(ruleId.toStdString(), comment.toStdString())) return false;
  QString object;
  for (const auto& r : model_->alarm_rules) {
    if (q(r.id) == ruleId && model_->findTag(r.tag)) object = q(model_->findTag(r.tag)->object);
  }
  QJsonObject payload{{"rule", ruleId}, {"comment", comment}};
  park_.timeline()->annotate(qint64(park_.timeline()->timeMs()), "alarm_ack",
                             sim::storedSeverity(model::Severity::warning), object,
                             tr("Acknowledged %1: %2").arg(ruleId, comment),
                             QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
  emit changed();
  return true;
}

}  // namespace parktwin::app
