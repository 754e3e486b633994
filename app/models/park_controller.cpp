#include "park_controller.hpp"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPointF>
#include <QQmlEngine>
#include <QQuaternion>
#include <cmath>
#include <cstdio>
#include <limits>

#include "flow_overlay.hpp"
#include "kind_names.hpp"
#include "parktwin/flow/kpi_table.hpp"
#include "parktwin/flow/pv_yield.hpp"
#include "parktwin/model/park_file.hpp"
#include "parktwin/model/tour.hpp"
#include "parktwin/sim/event_codec.hpp"
#include "scene_frame.hpp"
#include "scene_style.hpp"

namespace parktwin::app {

namespace {
ParkController* g_instance = nullptr;
QString q(const std::string& s) { return QString::fromStdString(s); }

QVariantMap row(const QString& label, const QString& value) { return {{"label", label}, {"value", value}}; }
// Line state codes 0..4 (twin/sim machine_state.hpp).
const char* const kStateNames[] = {QT_TRANSLATE_NOOP("parktwin::app::ParkController", "running"),
                                   QT_TRANSLATE_NOOP("parktwin::app::ParkController", "idle"),
                                   QT_TRANSLATE_NOOP("parktwin::app::ParkController", "changeover"),
                                   QT_TRANSLATE_NOOP("parktwin::app::ParkController", "down"),
                                   QT_TRANSLATE_NOOP("parktwin::app::ParkController", "starved of metal")};
QString number(double value, int decimals = 0) { return QLocale().toString(value, 'f', decimals); }
QString number(std::size_t count) { return QLocale().toString(qulonglong(count)); }
QString number(int count) { return QLocale().toString(count); }

// What the camera must show of a park or object: the points that outline it (ground and roof
// corners, zone outlines, utilities) and the box around them, from the ground up.
struct Bounds {
  QVector3D lo{1e9f, 0, 1e9f}, hi{-1e9f, 0, -1e9f};
  QVariantList points;
  void add(QVector3D p) {
    lo = QVector3D(std::min(lo.x(), p.x()), 0, std::min(lo.z(), p.z()));
    hi = QVector3D(std::max(hi.x(), p.x()), std::max(hi.y(), p.y()), std::max(hi.z(), p.z()));
    points.push_back(p);
  }
  // A building's footprint and roof corners, turned as the scene turns it (eulerRotation.y).
  void addBuilding(const parktwin::model::Building& b) {
    const QQuaternion turn = QQuaternion::fromEulerAngles(0, float(b.rotation_deg), 0);
    const QVector3D centre = toScene(b.position.x_m, b.position.y_m);
    for (const float sx : {-0.5f, 0.5f}) {
      for (const float sz : {-0.5f, 0.5f}) {
        for (const float height : {0.0f, float(b.height_m)}) {
          add(centre + turn.rotatedVector(QVector3D(sx * float(b.width_m), height, sz * float(b.depth_m))));
        }
      }
    }
  }
  bool empty() const { return lo.x() > hi.x(); }
  QVector3D center() const { return (lo + hi) / 2; }
  float radius() const { return (hi - lo).length() / 2; }
};
}  // namespace

ParkController::ParkController(QObject* parent) : QObject(parent) {
  connect(&timeline_, &TimelineController::valuesChanged, this, &ParkController::applyTimelineValues);
}

void ParkController::applyTimelineValues() {
  if (!park_ || !alarmBoard_) return;
  QHash<QString, int> states;
  for (const auto& line : park_->lines) {
    const auto it = timeline_.values().constFind(q(line.id) + ".state");
    if (it != timeline_.values().constEnd()) states.insert(q(line.id), int(std::lround(it.value())));
  }
  machines_.setLineStates(states);
  emit liveRowsChanged();

  // A seek backwards replays history: alarms are re-evaluated from scratch.
  const qint64 t = qint64(timeline_.timeMs());
  if (t < alarmsEvaluatedAt_) alarmBoard_->reset();
  alarmsEvaluatedAt_ = t;
  const auto& values = timeline_.values();
  const auto changes = alarmBoard_->update(t, [&](const std::string& tag) -> std::optional<double> {
    const auto it = values.constFind(q(tag));
    return it == values.constEnd() ? std::nullopt : std::optional<double>(it.value());
  });
  if (!changes.empty() || !alarmBoard_->active().empty()) emit alarmsChanged();
}

void ParkController::useSyntheticMachines(int count, bool naive) {
  std::vector<MachineInstance> machines;
  const int side = int(std::ceil(std::sqrt(double(count))));
  const float pitch = float(sceneRadius_ * 1.4 / std::max(1, side));
  const float half = pitch * float(side) / 2;
  const QVector3D origin = sceneCenter_ - QVector3D(half, 0, half);
  syntheticMachines_.clear();
  for (int i = 0; i < count; ++i) {
    const QVector3D p = origin + QVector3D(pitch * float(i % side), 2, pitch * float(i / side));
    const QColor color = stateColor(i % 5, QColor(0x2e, 0x8b, 0x57));
    const QVector3D size(pitch * 0.6f, 4, pitch * 0.6f);
    if (naive) syntheticMachines_.push_back(QVariantMap{{"position", p}, {"color", color}, {"scale", size / 100.0f}});
    else machines.push_back({p, size, 0, color, {}, {}});
  }
  machines_.setMachines(std::move(machines));
  emit parkChanged();
}

QVariantList ParkController::alarms() const {
  QVariantList out;
  if (!alarmBoard_) return out;
  const std::string lang = language_.toStdString();
  for (const auto& a : alarmBoard_->active()) {
    const auto* tag = park_->findTag(a.rule->tag);
    const QString object = tag ? q(tag->object) : QString();
    QVector3D position;
    if (auto p = parktwin::model::objectPosition(*park_, object.toStdString())) position = toScene(p->x_m, p->y_m, 30);
    out.push_back(QVariantMap{{"id", q(a.rule->id)},
                              {"severity", q(a.rule->severity)},
                              {"message", q(a.rule->message.in(lang))},
                              {"object", object},
                              {"objectName", nameOf(object)},
                              {"position", position},
                              {"value", QLocale().toString(a.value, 'f', 1) + (tag ? " " + q(model::displayUnit(tag->unit)) : QString())},
                              {"since", timeline_.formatTime(double(a.since_ms))},
                              {"acknowledged", a.acknowledged},
                              {"comment", q(a.comment)}});
  }
  return out;
}

bool ParkController::acknowledgeAlarm(const QString& ruleId, const QString& comment) {
  if (presenting_) return false;  // presentation mode changes no data
  if (!alarmBoard_ || !alarmBoard_->acknowledge(ruleId.toStdString(), comment.toStdString())) return false;
  const auto* rule = [&]() -> const parktwin::model::AlarmRule* {
    for (const auto& r : park_->alarm_rules) {
      if (q(r.id) == ruleId) return &r;
    }
    return nullptr;
  }();
  const QString object = rule && park_->findTag(rule->tag) ? q(park_->findTag(rule->tag)->object) : QString();
  QJsonObject payload{{"rule", ruleId}, {"comment", comment}};
  timeline_.annotate(qint64(timeline_.timeMs()), "alarm_ack", sim::storedSeverity(sim::EventSeverity::warning), object,
                     tr("Acknowledged %1: %2").arg(ruleId, comment),
                     QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
  emit alarmsChanged();
  return true;
}

void ParkController::setPresenting(bool presenting) {
  if (presenting_ == presenting) return;
  presenting_ = presenting;
  if (presenting && !tour_.loaded()) {
    const QString path = defaultTourPath();
    if (!path.isEmpty()) tour_.load(path);
  }
  if (!presenting) tour_.pause();
  emit presentingChanged();
}

QString ParkController::defaultTourPath() const {
  if (!park_ || assetRoot_.isEmpty()) return {};
  const QString path = assetRoot_ + "/tours/" + parkId() + ".json";
  return QFileInfo::exists(path) ? path : QString();
}

QString ParkController::pickMachineGroup(const QVector3D& nearPoint, const QVector3D& farPoint) const {
  return machines_.pickGroup(nearPoint, (farPoint - nearPoint).normalized());
}

double ParkController::tagValue(const QString& tag) const {
  return timeline_.values().value(tag, std::numeric_limits<double>::quiet_NaN());
}

int ParkController::lineState(const QString& lineId) const {
  const auto it = timeline_.values().constFind(lineId + ".state");
  return it == timeline_.values().constEnd() ? -1 : int(std::lround(it.value()));
}

QStringList ParkController::tagIds() const {
  QStringList ids;
  if (park_) {
    for (const auto& t : park_->tags) ids.push_back(q(t.id));
  }
  return ids;
}

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
    if (tag.kind == "state") {
      const int s = int(std::lround(it.value()));
      value = stateName(s);
    } else {
      value = QLocale().toString(it.value(), 'f', std::abs(it.value()) >= 100 ? 0 : 1) + " " + q(model::displayUnit(tag.unit));
    }
    QVariantMap r = row(q(tag.name.in(lang)), value);
    r.insert("tag", q(tag.id));
    r.insert("analog", tag.kind == "analog");
    rows.push_back(r);
    if (rows.size() >= 12) break;
  }
  return rows;
}
ParkController::~ParkController() {
  // Members die before this QObject: stop the timeline talking to us while they do.
  disconnect(&timeline_, nullptr, this, nullptr);
  if (g_instance == this) g_instance = nullptr;
}

ParkController* ParkController::create(QQmlEngine* qmlEngine, QJSEngine*) {
  if (!g_instance) g_instance = new ParkController(nullptr);
  g_instance->setEngine(qmlEngine);
  QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
  return g_instance;
}

void ParkController::setInstance(ParkController* controller) { g_instance = controller; }

bool ParkController::loadPark(const QString& path) {
  if (presenting_) return false;  // the audience keeps seeing the park being presented
  auto park = parktwin::model::loadPark(path.toStdString());
  parkFile_ = path;
  if (!park) {
    // Keep the last good park on screen; show why the new one did not load.
    errorText_ = q(park.error().message);
    emit parkChanged();
    return false;
  }
  errorText_.clear();
  park_ = std::make_unique<parktwin::model::Park>(std::move(*park));
  selectedId_.clear();
  selectedType_.clear();
  selectedBuilding_.clear();
  rebuildScene();
  assetTree_.reset(*park_);
  tour_.setPark(park_.get());
  timeline_.setTimeZone(q(park_->time_zone));
  alarmBoard_ = std::make_unique<parktwin::model::AlarmBoard>(*park_);
  scenarios_.clear();
  scenarios_.refresh();
  emit alarmsChanged();
  emit parkChanged();
  emit labelsChanged();
  emit selectionChanged();
  return true;
}

void ParkController::rebuildScene() {
  const auto& park = *park_;
  buildings_.clear();
  roads_.clear();
  zones_.clear();
  utilities_.clear();
  Bounds bounds;
  for (const auto& b : park.buildings) {
    const QVector3D c = toScene(b.position.x_m, b.position.y_m, b.height_m / 2);
    bounds.addBuilding(b);
    buildings_.push_back(QVariantMap{{"id", q(b.id)},
                                     {"kind", q(b.kind)},
                                     {"position", c},
                                     {"size", QVector3D(float(b.width_m), float(b.height_m), float(b.depth_m))},
                                     {"rotation", b.rotation_deg},
                                     {"color", buildingColor(q(b.kind))},
                                     {"planned", b.planned},
                                     {"pvKwp", b.roof_pv_kwp}});
  }
  for (const auto& road : park.roads) {
    for (std::size_t i = 0; i + 1 < road.path.size(); ++i) {
      const auto& a = road.path[i];
      const auto& b = road.path[i + 1];
      const double length = std::hypot(b.x_m - a.x_m, b.y_m - a.y_m) + road.width_m;
      const double angle = std::atan2(b.y_m - a.y_m, b.x_m - a.x_m) * 180.0 / M_PI;
      roads_.push_back(QVariantMap{{"position", toScene((a.x_m + b.x_m) / 2, (a.y_m + b.y_m) / 2)},
                                   {"length", length},
                                   {"width", road.width_m},
                                   {"angle", angle}});
    }
  }
  for (const auto& zone : park.zones) {
    QVariantList outline;
    for (const auto& p : zone.outline) {
      outline.push_back(QPointF(p.x_m, p.y_m));
      bounds.add(toScene(p.x_m, p.y_m));
    }
    zones_.push_back(QVariantMap{{"id", q(zone.id)}, {"kind", q(zone.kind)}, {"outline", outline},
                                 {"color", zoneColor(q(zone.kind))}, {"water", zone.kind == "water"}});
  }
  for (const auto& u : park.utilities) {
    if (!u.building.empty() || u.kind == "pv") continue;  // drawn with their building
    const QVector3D p = toScene(u.position.x_m, u.position.y_m);
    bounds.add(p);
    utilities_.push_back(QVariantMap{{"id", q(u.id)}, {"kind", q(u.kind)}, {"position", p},
                                     {"color", utilityColor(q(u.kind))},
                                     {"size", u.kind == "pumped_storage" ? 60.0 : u.kind == "reservoir_hydro" ? 40.0 : 18.0}});
  }
  for (const auto& e : park.externals) bounds.add(toScene(e.position.x_m, e.position.y_m));
  sceneCenter_ = bounds.empty() ? QVector3D() : bounds.center();
  sceneRadius_ = bounds.empty() ? 500.0 : std::max(100.0f, bounds.radius());
  sceneOutline_ = bounds.points;
  machines_.setMachines(machineInstancesOf(park));
  const FlowOverlay flows = solveFlowOverlay(park);
  flowArcs_ = flows.arcs;
  flowKpis_ = flows.kpis;
  flowSankey_ = flows.sankey;
  flowUnits_ = flows.units;
  const auto s = parktwin::model::summarize(park);
  summary_ = QVariantMap{{"buildings", s.buildings}, {"enterprises", s.enterprises}, {"lines", s.lines},
                         {"machines", s.machines}, {"utilities", s.utilities}, {"tags", s.tags},
                         {"materialLinks", s.material_links}, {"energyLinks", s.energy_links}};
}

QString ParkController::parkId() const { return park_ ? q(park_->id) : QString(); }
QString ParkController::parkName() const { return park_ ? q(park_->name.in(language_.toStdString())) : QString(); }
QString ParkController::parkDescription() const {
  return park_ ? q(park_->description.in(language_.toStdString())) : QString();
}

void ParkController::setLanguage(const QString& language) {
  const QString lang = language == "zh" ? "zh" : "en";
  if (lang == language_) return;
  language_ = lang;
  QCoreApplication::removeTranslator(&translator_);
  if (lang == "zh" && translator_.load(":/i18n/parktwin_zh_CN.qm")) QCoreApplication::installTranslator(&translator_);
  QLocale::setDefault(QLocale(lang == "zh" ? QLocale::Chinese : QLocale::English,
                              lang == "zh" ? QLocale::China : QLocale::UnitedKingdom));
  assetTree_.setLanguage(lang);
  tour_.setLanguage(lang);
  scenarios_.retranslate();
  if (engine_) engine_->retranslate();
  emit languageChanged();
  emit labelsChanged();
  emit selectionChanged();
  emit liveRowsChanged();
}

QVariantList ParkController::labels() const {
  QVariantList out;
  if (!park_) return out;
  const std::string lang = language_.toStdString();
  for (const auto& b : park_->buildings) {
    out.push_back(QVariantMap{{"id", q(b.id)},
                              {"text", q(b.name.in(lang))},
                              {"position", toScene(b.position.x_m, b.position.y_m, b.height_m + 4)},
                              {"priority", b.width_m * b.depth_m},
                              {"planned", b.planned}});
  }
  for (const auto& u : park_->utilities) {
    if (!u.building.empty() || u.kind == "pv") continue;
    out.push_back(QVariantMap{{"id", q(u.id)},
                              {"text", q(u.name.in(lang))},
                              {"position", toScene(u.position.x_m, u.position.y_m, 20)},
                              {"priority", 2000.0},
                              {"planned", u.planned}});
  }
  for (const auto& z : park_->zones) {
    if (z.kind != "water") continue;
    double x = 0, y = 0;
    for (const auto& p : z.outline) {
      x += p.x_m / double(z.outline.size());
      y += p.y_m / double(z.outline.size());
    }
    out.push_back(QVariantMap{{"id", q(z.id)}, {"text", q(z.name.in(lang))}, {"position", toScene(x, y, 2)},
                              {"priority", 1000.0}, {"planned", false}});
  }
  return out;
}

void ParkController::select(const QString& objectId) {
  if (!park_) return;
  const std::string id = objectId.toStdString();
  QString type;
  QString building;
  QSet<QString> highlighted;
  if (const auto* b = park_->findBuilding(id)) {
    type = "building";
    building = q(b->id);
  } else if (const auto* line = park_->findLine(id)) {
    type = "line";
    building = q(line->building);
    for (const auto& g : line->machines) highlighted.insert(q(g.id));
  } else if (const auto* u = park_->findUtility(id)) {
    type = "utility";
    building = q(u->building);
  } else if (std::ranges::any_of(flowArcs_, [&](const QVariant& a) { return a.toMap().value("id") == objectId; })) {
    type = "link";
  } else if (park_->findEnterprise(id)) {
    type = "enterprise";
  } else if (id == park_->id) {
    type = "park";
  } else {
    for (const auto& candidate : park_->lines) {
      for (const auto& g : candidate.machines) {
        if (g.id == id) {
          type = "machines";
          building = q(candidate.building);
          highlighted.insert(q(g.id));
        }
      }
    }
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
    if (tag.object == line && tag.kind == "state") return q(tag.id);
  }
  return {};
}

QString ParkController::stateName(int state) const {
  return state >= 0 && state <= 4 ? tr(kStateNames[state]) : QString::number(state);
}

QColor ParkController::stateColorOf(int state) const { return stateColor(state, QColor(0x2e, 0x9e, 0x5b)); }

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
  for (const QVariant& v : flowArcs_) {
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
  if (const auto* b = park_->findBuilding(id)) kind = kindName(q(b->kind));
  else if (const auto* u = park_->findUtility(id)) kind = kindName(q(u->kind));
  else {
    for (const auto& line : park_->lines) {
      for (const auto& g : line.machines) {
        if (g.id == id) kind = kindName(q(g.kind)) + QString(" ×%1").arg(g.count);
      }
    }
  }
  return kind.isEmpty() ? nameOf(objectId) : nameOf(objectId) + "\n" + kind;
}

QString ParkController::selectedName() const { return selectedId_.isEmpty() ? QString() : nameOf(selectedId_); }

// The selected line's, building's or enterprise's share of the park's flows in an average
// year at design capacity (flow::breakdownKpis).
void ParkController::addFlowRows(QVariantList& rows) const {
  const QVariantMap u = flowUnits_.value(selectedId_).toMap();
  if (u.isEmpty()) return;
  const double tonnes = u.value("throughputT").toDouble();
  const double kwh = u.value("energyKwh").toDouble();
  if (tonnes > 0) {
    rows.push_back(row(u.value("enterprise").toBool() ? tr("Metal entering (avg. year)") : tr("Metal through (avg. year)"),
                       tr("%1 t/yr").arg(number(tonnes))));
  }
  if (u.value("utilisation").toDouble() > 0) {
    rows.push_back(row(tr("Utilisation"), number(u.value("utilisation").toDouble() * 100, 0) + " %"));
  }
  if (kwh > 0) {
    rows.push_back(row(tr("Energy (avg. year)"), tr("%1 MWh/yr").arg(number(kwh / 1000))));
    if (tonnes > 0) {
      // The KPI table's name says what it divides by (this object's metal, not aluminium made).
      const auto name = flow::kpiName(flow::KpiKey::energy_kwh_per_t_through, language_.toStdString());
      rows.push_back(row(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())),
                         tr("%1 kWh/t").arg(number(u.value("energyKwhPerT").toDouble()))));
    }
    rows.push_back(row(tr("CO2 (avg. year)"), tr("%1 t/yr").arg(number(u.value("co2T").toDouble()))));
  }
  if (u.value("costYuan").toDouble() > 0) {
    rows.push_back(row(tr("Energy and transport cost"), tr("%1 M yuan/yr").arg(number(u.value("costYuan").toDouble() / 1e6, 1))));
  }
  if (u.value("directMoltenT").toDouble() > 0) {
    rows.push_back(row(tr("Molten aluminium direct"), tr("%1 t/yr, saves %2 M yuan").arg(number(u.value("directMoltenT").toDouble()))
                                                           .arg(number(u.value("remeltAvoidedYuan").toDouble() / 1e6, 1))));
  }
}

QVariantList ParkController::inspector() const {
  QVariantList rows;
  if (!park_ || selectedId_.isEmpty()) return rows;
  const std::string id = selectedId_.toStdString();
  rows.push_back(row(tr("Type"), kindName(selectedType_)));
  rows.push_back(row(tr("Id"), selectedId_));
  if (selectedType_ == "park") {
    rows.push_back(row(tr("Land area"), tr("%1 mu").arg(number(park_->land_area_mu))));
    rows.push_back(row(tr("Enterprises"), number(park_->enterprises.size())));
    rows.push_back(row(tr("Buildings"), number(park_->buildings.size())));
    rows.push_back(row(tr("Production lines"), number(park_->lines.size())));
    rows.push_back(row(tr("Machines"), number(summary_.value("machines").toInt())));
    rows.push_back(row(tr("Grid CO2 factor"), tr("%1 t/MWh").arg(number(park_->grid_emission_t_per_mwh, 2))));
  } else if (selectedType_ == "link") {
    for (const QVariant& v : flowArcs_) {
      const QVariantMap a = v.toMap();
      if (a.value("id") != selectedId_) continue;
      const bool material = a.value("quantity") == "material";
      const QString unit = material ? tr("t/h") : tr("kW");
      rows.push_back(row(tr("From"), nameOf(a.value("from").toString())));
      rows.push_back(row(tr("To"), nameOf(a.value("to").toString())));
      rows.push_back(row(material ? tr("Product") : tr("Carrier"), a.value("product").toString()));
      rows.push_back(row(tr("Flow"), number(a.value("flow").toDouble(), material ? 2 : 0) + " " + unit));
      rows.push_back(row(tr("Capacity"), number(a.value("capacity").toDouble(), material ? 2 : 0) + " " + unit));
      rows.push_back(row(tr("Utilisation"), number(a.value("utilisation").toDouble() * 100, 0) + " %"));
      if (a.value("bottleneck").toBool()) rows.push_back(row(tr("Bottleneck"), tr("Yes: on the minimum cut")));
    }
  } else if (const auto* b = park_->findBuilding(id)) {
    rows.push_back(row(tr("Kind"), kindName(q(b->kind))));
    if (const auto* e = park_->findEnterprise(b->enterprise)) rows.push_back(row(tr("Enterprise"), nameOf(q(e->id))));
    rows.push_back(row(tr("Footprint"), tr("%1 m × %2 m").arg(number(b->width_m)).arg(number(b->depth_m))));
    rows.push_back(row(tr("Height"), tr("%1 m").arg(number(b->height_m))));
    if (b->roof_pv_kwp > 0) rows.push_back(row(tr("Rooftop PV"), tr("%1 kWp").arg(number(b->roof_pv_kwp))));
    int lines = 0;
    for (const auto& l : park_->lines) lines += l.building == b->id;
    rows.push_back(row(tr("Production lines"), number(lines)));
    if (b->planned) rows.push_back(row(tr("Status"), tr("Planned")));
  } else if (const auto* l = park_->findLine(id)) {
    rows.push_back(row(tr("Kind"), kindName(q(l->kind))));
    rows.push_back(row(tr("Building"), nameOf(q(l->building))));
    if (const auto op = park_->operatorOf(*l); !op.empty()) rows.push_back(row(tr("Operator"), nameOf(q(op))));
    if (l->capacity_t_per_year > 0) rows.push_back(row(tr("Capacity"), tr("%1 t/yr").arg(number(l->capacity_t_per_year))));
    if (l->capacity_units_per_hour > 0) rows.push_back(row(tr("Capacity"), tr("%1 units/h").arg(number(l->capacity_units_per_hour))));
    if (l->energy_kwh_per_t > 0) rows.push_back(row(tr("Specific energy"), tr("%1 kWh/t").arg(number(l->energy_kwh_per_t))));
    if (l->power_kw > 0) rows.push_back(row(tr("Rated power"), tr("%1 kW").arg(number(l->power_kw))));
    int machines = 0;
    for (const auto& g : l->machines) machines += g.count;
    rows.push_back(row(tr("Machines"), number(machines)));
  } else if (const auto* u = park_->findUtility(id)) {
    rows.push_back(row(tr("Kind"), kindName(q(u->kind))));
    rows.push_back(row(tr("Rated power"), tr("%1 kW").arg(number(u->power_kw))));
    if (u->energy_kwh > 0) rows.push_back(row(tr("Storage"), tr("%1 MWh").arg(number(u->energy_kwh / 1000))));
    // PV shows the yearly energy the flows use: its own figure, else kWp x its yearly yield.
    const double annualKwh = u->kind == "pv" ? flow::pvAnnualEnergyKwh(*u, park_->latitude_deg) : u->annual_energy_kwh;
    if (annualKwh > 0) rows.push_back(row(tr("Annual energy"), tr("%1 GWh/yr").arg(number(annualKwh / 1e6, 1))));
    if (u->count > 1) rows.push_back(row(tr("Units"), number(u->count)));
  } else if (const auto* e = park_->findEnterprise(id)) {
    rows.push_back(row(tr("Land area"), tr("%1 mu").arg(number(e->land_area_mu))));
    if (e->output_yuan_per_year > 0) {
      rows.push_back(row(tr("Output"), tr("%1 M yuan/yr").arg(number(e->output_yuan_per_year / 1e6))));
      rows.push_back(row(tr("Output per mu"), tr("%1 k yuan/mu").arg(number(e->output_yuan_per_year / e->land_area_mu / 1e3))));
      rows.push_back(row(tr("Tax per mu"), tr("%1 k yuan/mu").arg(number(e->tax_yuan_per_year / e->land_area_mu / 1e3, 1))));
    }
    rows.push_back(row(tr("Above designated size"), e->above_designated_size ? tr("Yes") : tr("No")));
  } else {
    for (const auto& line : park_->lines) {
      for (const auto& g : line.machines) {
        if (g.id != id) continue;
        rows.push_back(row(tr("Kind"), kindName(q(g.kind))));
        rows.push_back(row(tr("Line"), nameOf(q(line.id))));
        rows.push_back(row(tr("Count"), number(g.count)));
        rows.push_back(row(tr("Size"), tr("%1 × %2 × %3 m").arg(number(g.width_m, 1)).arg(number(g.depth_m, 1)).arg(number(g.height_m, 1))));
        if (g.power_kw > 0) rows.push_back(row(tr("Power each"), tr("%1 kW").arg(number(g.power_kw))));
      }
    }
  }
  addFlowRows(rows);
  return rows;
}

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
    else {
      bounds.add(toScene(u->position.x_m - 40, u->position.y_m - 40));
      bounds.add(toScene(u->position.x_m + 40, u->position.y_m + 40));
    }
  }
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
