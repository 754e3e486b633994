// ParkController's selection: selecting an object, its name and state tag, its live values and
// where the camera should look at it.
#include <QVector3D>
#include <algorithm>
#include <cmath>

#include "controller_text.hpp"
#include "kind_names.hpp"
#include "park_controller.hpp"
#include "parktwin/model/object_index.hpp"
#include "parktwin/model/park.hpp"
#include "scene_bounds.hpp"
#include "scene_style.hpp"

namespace parktwin::app {

QVariantList ParkController::liveRows() const {
  QVariantList rows;
  if (!park_ || selectedId_.isEmpty() || timeline_.values().isEmpty()) return rows;
  // The selected object's own tags, and for a building those of its lines and utilities.
  QSet<QString> owners{selectedId_};
  if (selectedType_ == "building") {
    for (const auto& l : park_->lines) {
      if (q(l.building) == selectedId_) owners.insert(q(l.id));
    }
    for (const auto& u : park_->utilities) {
      if (q(u.building) == selectedId_) owners.insert(q(u.id));
    }
  }
  const std::string lang = language_.toStdString();
  for (const auto& tag : park_->tags) {
    if (!owners.contains(q(tag.object))) continue;
    const auto it = timeline_.values().constFind(q(tag.id));
    if (it == timeline_.values().constEnd()) continue;
    QString value;
    if (tag.kind == model::TagKind::state) {
      const int s = int(std::lround(it.value()));
      value = stateName(s);
    } else {
      value = QLocale().toString(it.value(), 'f', std::abs(it.value()) >= 100 ? 0 : 1) + " " + q(model::displayUnit(tag.unit));
    }
    QVariantMap r = row(q(tag.name.in(lang)), value);
    r.insert("tag", q(tag.id));
    r.insert("analog", tag.kind == model::TagKind::analog);
    // From a connections file: which of its sources delivered the value ("" otherwise).
    r.insert("source", timeline_.tagSources().value(q(tag.id)));
    r.insert("stale", timeline_.staleTags().contains(q(tag.id)));  // shown greyed
    rows.push_back(r);
    if (rows.size() >= 12) break;
  }
  return rows;
}


void ParkController::select(const QString& objectId) {
  if (!park_) return;
  const std::string id = objectId.toStdString();
  QString type;
  QString building;
  QSet<QString> highlighted;
  const auto* object = objectIndex_->find(id);
  if (id == park_->id) {
    type = "park";
  } else if (object && object->type != model::ObjectType::zone) {
    type = model::objectTypeName(object->type);
    building = q(object->building);
    if (object->type == model::ObjectType::machine_group) highlighted.insert(objectId);
    if (const auto* line = park_->findLine(id)) {
      for (const auto& g : line->machines) highlighted.insert(q(g.id));
    }
  } else if (std::ranges::any_of(flows_.overlay().arcs, [&](const QVariant& a) { return a.toMap().value("id") == objectId; })) {
    type = "link";
  }
  selectedId_ = type.isEmpty() ? QString() : objectId;
  selectedType_ = type;
  selectedBuilding_ = building;
  machines_.setHighlightedGroups(highlighted);
  emit selectionChanged();
  emit liveRowsChanged();
  QStringList analogTags;
  for (const QVariant& r : liveRows()) {
    if (r.toMap().value("analog").toBool()) analogTags.push_back(r.toMap().value("tag").toString());
  }
  timeline_.showSparklines(analogTags, stateTagOf(selectedId_));
}

// The state tag of a line, or of the line a machine group belongs to; "" for anything else.
QString ParkController::stateTagOf(const QString& objectId) const {
  if (!park_ || objectId.isEmpty()) return {};
  std::string line = objectId.toStdString();
  for (const auto& l : park_->lines) {
    for (const auto& g : l.machines) {
      if (g.id == line) line = l.id;
    }
  }
  if (!park_->findLine(line)) return {};
  for (const auto& tag : park_->tags) {
    if (tag.object == line && tag.kind == model::TagKind::state) return q(tag.id);
  }
  return {};
}


QString ParkController::nameOf(const QString& objectId) const {
  if (!park_) return {};
  const std::string id = objectId.toStdString();
  const std::string lang = language_.toStdString();
  if (id == park_->id) return q(park_->name.in(lang));
  if (const auto* b = park_->findBuilding(id)) return q(b->name.in(lang));
  if (const auto* l = park_->findLine(id)) return q(l->name.in(lang));
  if (const auto* u = park_->findUtility(id)) return q(u->name.in(lang));
  if (const auto* e = park_->findEnterprise(id)) return q(e->name.in(lang));
  for (const auto& x : park_->externals) {
    if (x.id == id) return q(x.name.in(lang));
  }
  for (const QVariant& v : flows_.overlay().arcs) {
    const QVariantMap a = v.toMap();
    if (a.value("id") == objectId) return nameOf(a.value("from").toString()) + " → " + nameOf(a.value("to").toString());
  }
  for (const auto& line : park_->lines) {
    for (const auto& g : line.machines) {
      if (g.id == id) return q(g.name.in(lang));
    }
  }
  return objectId;
}

QString ParkController::describe(const QString& objectId) const {
  if (!park_ || objectId.isEmpty()) return {};
  const std::string id = objectId.toStdString();
  QString kind;
  if (const auto* b = park_->findBuilding(id)) kind = kindName(b->kind, language_);
  else if (const auto* u = park_->findUtility(id)) kind = kindName(u->kind, language_);
  else {
    for (const auto& line : park_->lines) {
      for (const auto& g : line.machines) {
        if (g.id == id) kind = kindName(g.kind, language_) + QString(" ×%1").arg(g.count);
      }
    }
  }
  return kind.isEmpty() ? nameOf(objectId) : nameOf(objectId) + "\n" + kind;
}

QString ParkController::selectedName() const { return selectedId_.isEmpty() ? QString() : nameOf(selectedId_); }

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

QVariantMap ParkController::focusOf(const QString& objectId) const {
  if (!park_) return {};
  const std::string id = objectId.toStdString();
  Bounds bounds;
  if (id == park_->id) {
    return {{"position", sceneCenter_}, {"radius", sceneRadius_}, {"points", sceneOutline_}};
  }
  if (const auto* b = park_->findBuilding(id)) bounds.addBuilding(*b);
  if (const auto* l = park_->findLine(id)) {
    if (const auto* b = park_->findBuilding(l->building)) bounds.addBuilding(*b);
  }
  if (const auto* u = park_->findUtility(id)) {
    if (const auto* b = park_->findBuilding(u->building)) bounds.addBuilding(*b);
    else addSquare(bounds, utilities_, objectId);
  }
  addSquare(bounds, externals_, objectId);
  if (park_->findEnterprise(id)) {
    for (const auto& b : park_->buildings) {
      if (b.enterprise == id) bounds.addBuilding(b);
    }
    for (const auto& l : park_->lines) {
      if (l.enterprise == id) bounds.addBuilding(*park_->findBuilding(l.building));
    }
  }
  if (bounds.empty()) {
    for (const auto& m : machines_.machines()) {
      if (m.groupId == objectId) {
        bounds.add(m.position - QVector3D(10, 0, 10));
        bounds.add(m.position + QVector3D(10, 0, 10));
      }
    }
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
