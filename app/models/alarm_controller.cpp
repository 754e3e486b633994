#include "alarm_controller.hpp"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QVector3D>

#include "controller_text.hpp"
#include "park_controller.hpp"
#include "parktwin/model/object_index.hpp"
#include "parktwin/sim/event_codec.hpp"
#include "scene_frame.hpp"

namespace parktwin::app {

AlarmController::AlarmController(ParkController& park, QObject* parent) : QObject(parent), park_(park) {
  connect(&park_, &ParkController::languageChanged, this, &AlarmController::changed);
}

AlarmController::~AlarmController() = default;

void AlarmController::setPark(const model::Park& park) {
  model_ = &park;
  board_ = std::make_unique<model::AlarmBoard>(park);
  evaluatedAt_ = 0;
  emit changed();
}

void AlarmController::evaluate() {
  if (!board_) return;
  const TimelineController& timeline = *park_.timeline();
  const qint64 t = qint64(timeline.timeMs());
  if (t < evaluatedAt_) board_->reset();  // a seek backwards replays history from scratch
  evaluatedAt_ = t;
  const auto& values = timeline.values();
  const auto changes = board_->update(t, [&](const std::string& tag) -> std::optional<double> {
    const auto it = values.constFind(q(tag));
    return it == values.constEnd() ? std::nullopt : std::optional<double>(it.value());
  });
  if (!changes.empty() || !board_->active().empty()) emit changed();
}

QVariantList AlarmController::active() const {
  QVariantList out;
  if (!board_) return out;
  const std::string lang = park_.language().toStdString();
  const model::ObjectIndex& index = *park_.objectIndex();  // built with the park
  for (const auto& a : board_->active()) {
    const auto* tag = model_->findTag(a.rule->tag);
    const QString object = tag ? q(tag->object) : QString();
    QVector3D position;
    if (auto p = index.position(object.toStdString())) position = toScene(p->x_m, p->y_m, 30);
    out.push_back(QVariantMap{{"id", q(a.rule->id)},
                              {"severity", static_cast<int>(a.rule->severity)},  // Kinds.Info, Warning, Critical
                              {"message", q(a.rule->message.in(lang))},
                              {"object", object},
                              {"objectName", park_.nameOf(object)},
                              {"position", position},
                              {"value", QLocale().toString(a.value, 'f', 1) + (tag ? " " + q(model::displayUnit(tag->unit)) : QString())},
                              {"since", park_.timeline()->formatTime(double(a.since_ms))},
                              {"acknowledged", a.acknowledged},
                              {"comment", q(a.comment)}});
  }
  return out;
}

bool AlarmController::acknowledge(const QString& ruleId, const QString& comment) {
  if (park_.presenting()) return false;  // presentation mode changes no data
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
