#include "shape_editor.hpp"

#include <QJSEngine>
#include <algorithm>
#include <cmath>

#include "controller_text.hpp"
#include "kind_names.hpp"
#include "park_controller.hpp"
#include "park_editor.hpp"
#include "parktwin/model/edit.hpp"

namespace parktwin::app {
namespace {

ShapeEditor* g_instance = nullptr;

// A click may miss a narrow road by a little: it still counts within this many metres.
constexpr double kRoadPickSlackM = 2;

double distanceToSegment(model::Point p, model::Point a, model::Point b) {
  const double dx = b.x_m - a.x_m, dy = b.y_m - a.y_m;
  const double lengthSquared = dx * dx + dy * dy;
  double t = lengthSquared > 0 ? ((p.x_m - a.x_m) * dx + (p.y_m - a.y_m) * dy) / lengthSquared : 0;
  t = std::clamp(t, 0.0, 1.0);
  return std::hypot(p.x_m - (a.x_m + t * dx), p.y_m - (a.y_m + t * dy));
}

// Even-odd rule: a ray east from p crosses the outline an odd number of times when p is inside.
bool insidePolygon(model::Point p, const std::vector<model::Point>& outline) {
  bool inside = false;
  for (std::size_t i = 0, j = outline.size() - 1; i < outline.size(); j = i++) {
    const auto& a = outline[i];
    const auto& b = outline[j];
    if ((a.y_m > p.y_m) != (b.y_m > p.y_m) && p.x_m < (b.x_m - a.x_m) * (p.y_m - a.y_m) / (b.y_m - a.y_m) + a.x_m) {
      inside = !inside;
    }
  }
  return inside;
}

QVariantList handlesOf(const std::vector<model::Point>& points) {
  QVariantList out;
  for (const auto& p : points) out.push_back(QVariantMap{{"xM", p.x_m}, {"yM", p.y_m}});
  return out;
}

}  // namespace

std::vector<model::Point> parkPoints(const QVariantList& points) {
  std::vector<model::Point> out;
  for (const auto& value : points) {
    const QPointF p = value.toPointF();
    out.push_back({p.x(), p.y()});
  }
  return out;
}

ShapeEditor::ShapeEditor(ParkController& controller, ParkEditor& editor, QObject* parent)
    : QObject(parent), controller_(controller), editor_(editor) {
  connect(controller_.scene(), &SceneController::changed, this, &ShapeEditor::followPark);
  connect(&controller_, &ParkController::parkChanged, this, [this] {
    select({});
    cancelDraft();
  });
  // A building, line or utility picked: the zone or road is no longer the selection.
  connect(controller_.selection(), &SelectionController::changed, this, [this] {
    if (!controller_.selection()->objectId().isEmpty()) select({});
  });
  connect(&editor_, &ParkEditor::editingChanged, this, [this] {
    if (editor_.editing()) return;
    select({});
    setTool({});
  });
}

ShapeEditor* ShapeEditor::create(QQmlEngine* qmlEngine, QJSEngine* jsEngine) {
  if (!g_instance) {
    g_instance = new ShapeEditor(*ParkController::create(qmlEngine, jsEngine), *ParkEditor::create(qmlEngine, jsEngine),
                                 nullptr);
  }
  QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
  return g_instance;
}

const model::Park* ShapeEditor::park() const { return controller_.park(); }

const model::Zone* ShapeEditor::selectedZone() const {
  if (!park() || selectedId_.isEmpty()) return nullptr;
  for (const auto& z : park()->zones) {
    if (q(z.id) == selectedId_) return &z;
  }
  return nullptr;
}

const model::Road* ShapeEditor::selectedRoad() const {
  if (!park() || selectedId_.isEmpty()) return nullptr;
  for (const auto& r : park()->roads) {
    if (q(r.id) == selectedId_) return &r;
  }
  return nullptr;
}

QVariantMap ShapeEditor::shape() const {
  if (const auto* z = selectedZone()) {
    return {{"id", q(z->id)}, {"type", "zone"}, {"nameZh", q(z->name.zh)}, {"nameEn", q(z->name.en)},
            {"kind", kindWord(z->kind)}};
  }
  if (const auto* r = selectedRoad()) {
    return {{"id", q(r->id)}, {"type", "road"}, {"nameZh", q(r->name.zh)}, {"nameEn", q(r->name.en)},
            {"widthM", r->width_m}};
  }
  return {};
}

QVariantList ShapeEditor::handles() const {
  if (const auto* z = selectedZone()) return handlesOf(z->outline);
  if (const auto* r = selectedRoad()) return handlesOf(r->path);
  return {};
}

QStringList ShapeEditor::zoneKinds() const {
  QStringList words;
  for (const auto& entry : model::kindTable<model::ZoneKind>()) words.push_back(kindWord(entry.value));
  return words;
}

QString ShapeEditor::zoneKindName(const QString& word) const {
  const auto kind = model::parseKind<model::ZoneKind>(word.toStdString());
  return kind ? kindName(*kind, controller_.language()) : word;
}

QPointF ShapeEditor::snapped(double xM, double yM, bool snap) const {
  return snap ? QPointF(std::round(xM), std::round(yM)) : QPointF(xM, yM);
}

QString ShapeEditor::addZone(const QVariantList& points, const QString& kindWord) {
  const auto kind = model::parseKind<model::ZoneKind>(kindWord.toStdString());
  if (!kind || points.size() < 3 || !park()) return {};
  model::Zone zone;
  zone.id = unusedId("zone").toStdString();
  const auto number = zone.id.substr(zone.id.rfind('-') + 1);
  zone.name = {"区域 " + number, "Zone " + number};
  zone.kind = *kind;
  zone.outline = parkPoints(points);
  if (!editor_.issue(model::AddZone{zone}, true)) return {};
  select(q(zone.id));
  return selectedId_;
}

QString ShapeEditor::addRoad(const QVariantList& points, double widthM) {
  if (points.size() < 2 || !(widthM > 0) || !park()) return {};
  model::Road road;
  road.id = unusedId("road").toStdString();
  const auto number = road.id.substr(road.id.rfind('-') + 1);
  road.name = {"道路 " + number, "Road " + number};
  road.width_m = widthM;
  road.path = parkPoints(points);
  if (!editor_.issue(model::AddRoad{road}, true)) return {};
  select(q(road.id));
  return selectedId_;
}

bool ShapeEditor::dragHandle(int index, double xM, double yM, bool snap) {
  if (index < 0) return false;
  const QPointF p = snapped(xM, yM, snap);
  const model::Point to{p.x(), p.y()};
  const auto i = std::size_t(index);
  if (const auto* z = selectedZone()) {
    if (i < z->outline.size() && z->outline[i] == to) return true;  // still in the same grid cell
    return editor_.issue(model::MoveZoneVertex{z->id, i, to}, false);
  }
  if (const auto* r = selectedRoad()) {
    if (i < r->path.size() && r->path[i] == to) return true;
    return editor_.issue(model::MoveRoadPoint{r->id, i, to}, false);
  }
  return false;
}

void ShapeEditor::setTool(const QString& tool) {
  if (tool == tool_) return;
  cancelDraft();
  tool_ = tool;
  emit toolChanged();
}

void ShapeEditor::addDraftPoint(double xM, double yM, bool snap) {
  const QPointF p = snapped(xM, yM, snap);
  if (!draft_.isEmpty() && draft_.back().toPointF() == p) return;
  draft_.push_back(p);
  emit draftChanged();
}

QString ShapeEditor::finishDraft() {
  QString id;
  if (tool_ == "zone") id = addZone(draft_, zoneKind_);
  if (tool_ == "road") id = addRoad(draft_, roadWidthM_);
  cancelDraft();
  return id;
}

void ShapeEditor::cancelDraft() {
  if (draft_.isEmpty()) return;
  draft_.clear();
  emit draftChanged();
}

void ShapeEditor::endDrag() { editor_.endDrag(); }

bool ShapeEditor::removeSelected() {
  if (const auto* z = selectedZone()) return editor_.issue(model::RemoveZone{z->id}, true);
  if (const auto* r = selectedRoad()) return editor_.issue(model::RemoveRoad{r->id}, true);
  return false;
}

QString ShapeEditor::selectAt(double xM, double yM) {
  const auto* p = park();
  if (!p) return {};
  const model::Point at{xM, yM};
  for (const auto& r : p->roads) {
    for (std::size_t i = 0; i + 1 < r.path.size(); ++i) {
      if (distanceToSegment(at, r.path[i], r.path[i + 1]) <= r.width_m / 2 + kRoadPickSlackM) {
        select(q(r.id));
        return selectedId_;
      }
    }
  }
  for (auto z = p->zones.rbegin(); z != p->zones.rend(); ++z) {
    if (z->outline.size() >= 3 && insidePolygon(at, z->outline)) {
      select(q(z->id));
      return selectedId_;
    }
  }
  select({});
  return {};
}

void ShapeEditor::select(const QString& id) {
  if (id == selectedId_) return;
  selectedId_ = id;
  if (!id.isEmpty() && !controller_.selection()->objectId().isEmpty()) controller_.selection()->select({});
  emit shapeChanged();
}

// After an edit or undo the selected shape may have moved, or be gone.
void ShapeEditor::followPark() {
  if (!selectedId_.isEmpty() && !selectedZone() && !selectedRoad()) selectedId_.clear();
  emit shapeChanged();
}

QString ShapeEditor::unusedId(const QString& stem) const {
  const auto* p = park();
  const auto used = [&](const std::string& id) {
    const auto same = [&](const auto& item) { return item.id == id; };
    return std::ranges::any_of(p->zones, same) || std::ranges::any_of(p->roads, same) || p->hasObject(id);
  };
  for (int n = 1;; ++n) {
    const QString id = stem + "-" + QString::number(n);
    if (!used(id.toStdString())) return id;
  }
}

}  // namespace parktwin::app
