// The selection: selecting an object, its name and state tag, its live values and where the
// camera should look at it. The inspector's rows are in selection_inspector.cpp.
#include <QVector3D>
#include <algorithm>
#include <cmath>

#include "controller_text.hpp"
#include "kind_names.hpp"
#include "park_controller.hpp"
#include "selection_controller.hpp"
#include "parktwin/model/object_index.hpp"
#include "parktwin/model/park.hpp"
#include "scene_bounds.hpp"
#include "scene_style.hpp"

namespace parktwin::app {

namespace {
// Line state codes 0..4 (twin/sim machine_state.hpp).
const char* const kStateNames[] = {QT_TRANSLATE_NOOP("parktwin::app::SelectionController", "running"),
                                   QT_TRANSLATE_NOOP("parktwin::app::SelectionController", "idle"),
                                   QT_TRANSLATE_NOOP("parktwin::app::SelectionController", "changeover"),
                                   QT_TRANSLATE_NOOP("parktwin::app::SelectionController", "down"),
                                   QT_TRANSLATE_NOOP("parktwin::app::SelectionController", "starved of metal")};
}  // namespace

SelectionController::SelectionController(ParkController& park, QObject* parent) : QObject(parent), controller_(park) {
  // Names, kinds and rows are in the window's language.
  connect(&controller_, &ParkController::languageChanged, this, [this] {
    emit changed();
    emit liveRowsChanged();
  });
}

const model::Park& SelectionController::park() const { return *controller_.park(); }

void SelectionController::forget() {
  objectId_.clear();
  sparklineTags_.clear();
  building_.clear();
  selected_ = Selected::nothing;
}

QString SelectionController::type() const {
  switch (selected_) {
    case Selected::nothing: return {};
    case Selected::park: return QStringLiteral("park");
    case Selected::link: return QStringLiteral("link");
    case Selected::object: return QString::fromLatin1(model::objectTypeName(objectType_));
  }
  return {};
}

QString SelectionController::stateName(int state) const {
  return state >= 0 && state <= 4 ? tr(kStateNames[state]) : QString::number(state);
}

QColor SelectionController::stateColorOf(int state) const { return stateColor(state, QColor(0x2e, 0x9e, 0x5b)); }

QVariantList SelectionController::liveRows() const {
  QVariantList rows;
  if (!controller_.loaded() || objectId_.isEmpty() || controller_.timeline()->values().isEmpty()) return rows;
  // The selected object's own tags, and for a building those of its lines and utilities.
  QSet<QString> owners{objectId_};
  if (selected_ == Selected::object && objectType_ == model::ObjectType::building) {
    for (const auto& l : park().lines) {
      if (q(l.building) == objectId_) owners.insert(q(l.id));
    }
    for (const auto& u : park().utilities) {
      if (q(u.building) == objectId_) owners.insert(q(u.id));
    }
  }
  const std::string lang = controller_.language().toStdString();
  for (const auto& tag : park().tags) {
    if (!owners.contains(q(tag.object))) continue;
    const auto it = controller_.timeline()->values().constFind(q(tag.id));
    if (it == controller_.timeline()->values().constEnd()) continue;
    QString value;
    if (tag.kind == model::TagKind::state) {
      const int s = int(std::lround(it.value()));
      value = stateName(s);
    } else {
      value = tagValueText(tag, it.value());
    }
    QVariantMap r = row(q(tag.name.in(lang)), value);
    r.insert("tag", q(tag.id));
    r.insert("analog", tag.kind == model::TagKind::analog);
    // From a connections file: which of its sources delivered the value ("" otherwise).
    r.insert("source", controller_.timeline()->tagSources().value(q(tag.id)));
    r.insert("stale", controller_.timeline()->staleTags().contains(q(tag.id)));  // shown greyed
    rows.push_back(r);
    if (rows.size() >= 12) break;
  }
  return rows;
}

void SelectionController::select(const QString& objectId) {
  if (!controller_.loaded()) return;
  const std::string id = objectId.toStdString();
  Selected selected = Selected::nothing;
  QString building;
  QSet<QString> highlighted;
  const auto* object = controller_.objectIndex()->find(id);
  if (id == park().id) {
    selected = Selected::park;
  } else if (object && object->type != model::ObjectType::zone) {
    selected = Selected::object;
    objectType_ = object->type;
    building = q(object->building);
    if (object->type == model::ObjectType::machine_group) highlighted.insert(objectId);
    if (const auto* line = park().findLine(id)) {
      for (const auto& g : line->machines) highlighted.insert(q(g.id));
    }
  } else if (std::ranges::any_of(controller_.flows()->overlay().arcs, [&](const QVariant& a) { return a.toMap().value("id") == objectId; })) {
    selected = Selected::link;
  }
  selected_ = selected;
  objectId_ = selected == Selected::nothing ? QString() : objectId;
  building_ = building;
  controller_.scene()->machines()->setHighlightedGroups(highlighted);
  emit changed();
  emit liveRowsChanged();
  sparklineTags_ = analogTagsShown();
  controller_.timeline()->showSparklines(sparklineTags_, stateTagOf(objectId_));
}

void SelectionController::valuesChanged() {
  emit liveRowsChanged();
  // An object selected before its values arrived (--select at start, or a click before a replay
  // or feed starts) asked for no sparklines: ask again whenever its analog rows change.
  if (objectId_.isEmpty()) return;
  if (QStringList shown = analogTagsShown(); shown != sparklineTags_) {
    sparklineTags_ = std::move(shown);
    controller_.timeline()->showSparklines(sparklineTags_, stateTagOf(objectId_));
  }
}

// The analog tags among the inspector's live rows: those given a sparkline.
QStringList SelectionController::analogTagsShown() const {
  QStringList tags;
  for (const QVariant& r : liveRows()) {
    if (r.toMap().value("analog").toBool()) tags.push_back(r.toMap().value("tag").toString());
  }
  return tags;
}

// The state tag of a line, or of the line a machine group belongs to; "" for anything else.
QString SelectionController::stateTagOf(const QString& objectId) const {
  if (!controller_.loaded() || objectId.isEmpty()) return {};
  std::string line = objectId.toStdString();
  for (const auto& l : park().lines) {
    for (const auto& g : l.machines) {
      if (g.id == line) line = l.id;
    }
  }
  if (!park().findLine(line)) return {};
  for (const auto& tag : park().tags) {
    if (tag.object == line && tag.kind == model::TagKind::state) return q(tag.id);
  }
  return {};
}

QString SelectionController::describe(const QString& objectId) const {
  if (!controller_.loaded() || objectId.isEmpty()) return {};
  const std::string id = objectId.toStdString();
  QString kind;
  if (const auto* b = park().findBuilding(id)) kind = kindName(b->kind, controller_.language());
  else if (const auto* u = park().findUtility(id)) kind = kindName(u->kind, controller_.language());
  else {
    for (const auto& line : park().lines) {
      for (const auto& g : line.machines) {
        if (g.id == id) kind = kindName(g.kind, controller_.language()) + QString(" ×%1").arg(g.count);
      }
    }
  }
  return kind.isEmpty() ? controller_.nameOf(objectId) : controller_.nameOf(objectId) + "\n" + kind;
}

QString SelectionController::name() const { return objectId_.isEmpty() ? QString() : controller_.nameOf(objectId_); }

namespace {
// The ground an item of the scene's list covers (its "size", 40 m if it has none).
void addSquare(Bounds& bounds, const QVariantList& items, const QString& id) {
  for (const QVariant& v : items) {
    const QVariantMap item = v.toMap();
    if (item.value("id").toString() != id) continue;
    const QVector3D centre = item.value("position").value<QVector3D>();
    const float half = std::max(20.0f, item.value("size", 80.0).toFloat() / 2);
    bounds.add(QVector3D(centre.x() - half, 0, centre.z() - half));
    bounds.add(QVector3D(centre.x() + half, 0, centre.z() + half));
  }
}
}  // namespace

QVariantMap SelectionController::focusOf(const QString& objectId) const {
  if (!controller_.loaded()) return {};
  const std::string id = objectId.toStdString();
  const SceneController& scene = *controller_.scene();
  Bounds bounds;
  if (id == park().id) {
    return {{"position", scene.center()}, {"radius", scene.radius()}, {"points", scene.outline()}};
  }
  const model::IndexedObject* object = controller_.objectIndex()->find(id);
  switch (object ? object->type : model::ObjectType::zone) {
    case model::ObjectType::building:
    case model::ObjectType::line:
    case model::ObjectType::utility:
      // Its building (a building's is itself), or its own ground for a utility standing alone.
      if (const auto* b = park().findBuilding(object->building)) bounds.addBuilding(*b);
      else addSquare(bounds, scene.utilities(), objectId);
      break;
    case model::ObjectType::external: addSquare(bounds, scene.externals(), objectId); break;
    case model::ObjectType::enterprise:
      for (const auto& b : park().buildings) {
        if (b.enterprise == id) bounds.addBuilding(b);
      }
      for (const auto& l : park().lines) {
        if (l.enterprise == id) bounds.addBuilding(*park().findBuilding(l.building));
      }
      break;
    case model::ObjectType::machine_group:
      for (const auto& m : scene.machines().machines()) {
        if (m.groupId == objectId) {
          bounds.add(m.position - QVector3D(10, 0, 10));
          bounds.add(m.position + QVector3D(10, 0, 10));
        }
      }
      break;
    case model::ObjectType::zone: break;  // a zone is not selected (nor an unknown id)
  }
  if (bounds.empty()) return {};
  // Some ground around it, so the object is seen in its place: a quarter of its size, 30 m at least.
  const QVector3D center = bounds.center();
  const float margin = std::max(30.0f, 0.25f * std::max(bounds.hi.x() - bounds.lo.x(), bounds.hi.z() - bounds.lo.z()));
  const QVector3D lo = bounds.lo, hi = bounds.hi;
  for (const float x : {lo.x() - margin, hi.x() + margin}) {
    for (const float z : {lo.z() - margin, hi.z() + margin}) bounds.add(QVector3D(x, 0, z));
  }
  return {{"position", QVector3D(center.x(), 0, center.z())}, {"radius", std::max(30.0f, bounds.radius())},
          {"points", bounds.points}};
}

}  // namespace parktwin::app
