#include "park_controller.hpp"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <QQmlEngine>
#include <cmath>
#include <cstdio>
#include <limits>

#include "flow_overlay.hpp"
#include "controller_text.hpp"
#include "kind_names.hpp"
#include "parktwin/flow/kpi_table.hpp"
#include "parktwin/flow/pv_yield.hpp"
#include "parktwin/model/object_index.hpp"
#include "parktwin/model/park_file.hpp"
#include "parktwin/model/tour.hpp"
#include "parktwin/sim/event_codec.hpp"
#include "scene_frame.hpp"
#include "scene_items.hpp"
#include "scene_style.hpp"

namespace parktwin::app {

namespace {
ParkController* g_instance = nullptr;
// Line state codes 0..4 (twin/sim machine_state.hpp).
const char* const kStateNames[] = {QT_TRANSLATE_NOOP("parktwin::app::ParkController", "running"),
                                   QT_TRANSLATE_NOOP("parktwin::app::ParkController", "idle"),
                                   QT_TRANSLATE_NOOP("parktwin::app::ParkController", "changeover"),
                                   QT_TRANSLATE_NOOP("parktwin::app::ParkController", "down"),
                                   QT_TRANSLATE_NOOP("parktwin::app::ParkController", "starved of metal")};

}  // namespace

ParkController::ParkController(QObject* parent) : QObject(parent) {
  connect(&timeline_, &TimelineController::valuesChanged, this, &ParkController::applyTimelineValues);
}

void ParkController::applyTimelineValues() {
  if (!park_) return;
  QHash<QString, int> states;
  for (const auto& line : park_->lines) {
    const auto it = timeline_.values().constFind(q(line.id) + ".state");
    if (it != timeline_.values().constEnd()) states.insert(q(line.id), int(std::lround(it.value())));
  }
  machines_.setLineStates(states);
  emit liveRowsChanged();

  alarms_.evaluate();
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
  emit sceneChanged();
  emit parkChanged();
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

ParkController::~ParkController() {
  // Members die before this QObject: stop the timeline talking to us while they do.
  disconnect(&timeline_, nullptr, this, nullptr);
  if (g_instance == this) g_instance = nullptr;
}

QString ParkController::stateName(int state) const {
  return state >= 0 && state <= 4 ? tr(kStateNames[state]) : QString::number(state);
}

QColor ParkController::stateColorOf(int state) const { return stateColor(state, QColor(0x2e, 0x9e, 0x5b)); }

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
  return showPark(std::move(*park), path);
}

bool ParkController::showPark(parktwin::model::Park park, const QString& path) {
  if (presenting_) return false;
  parkFile_ = path;
  errorText_.clear();
  park_ = std::make_unique<parktwin::model::Park>(std::move(park));
  objectIndex_ = std::make_unique<parktwin::model::ObjectIndex>(*park_);
  selectedId_.clear();
  selectedType_.clear();
  selectedBuilding_.clear();
  rebuildScene();
  assetTree_.reset(*park_);
  tour_.setPark(park_.get());
  timeline_.setTimeZone(q(park_->time_zone));
  alarms_.setPark(*park_);
  scenarios_.clear();
  scenarios_.refresh();
  emit sceneChanged();
  emit parkChanged();
  emit labelsChanged();
  emit selectionChanged();
  return true;
}

void ParkController::showEditedPark(const parktwin::model::Park& park, bool placesOnly) {
  if (!park_) return;
  *park_ = park;
  objectIndex_ = std::make_unique<parktwin::model::ObjectIndex>(*park_);
  if (placesOnly && refreshPlaces()) {
    emit labelsChanged();
    select(selectedId_);
    return;
  }
  rebuildScene();
  if (!placesOnly) {
    assetTree_.reset(*park_);
    tour_.setPark(park_.get());
    alarms_.setPark(*park_);
  }
  emit sceneChanged();
  emit labelsChanged();
  select(objectIndex_->find(selectedId_.toStdString()) || selectedId_ == parkId() ? selectedId_ : QString());
}

// A drag step (issue 17): rebuilding every list made QML rebuild every building, road, zone
// and model delegate per step. When only building rows changed, those rows are replaced in
// place and announced one by one; machines and flows follow. False when anything else moved
// (an external drawn at a grown extent, say): then the caller rebuilds the whole scene.
bool ParkController::refreshPlaces() {
  SceneItems items = sceneItemsOf(*park_, *objectIndex_, parkFile_.toStdString());
  if (items.buildings.size() != buildings_.size() || items.roads != roads_ || items.zones != zones_
      || items.utilities != utilities_ || items.externals != externals_ || items.machineModels != machineModels_) {
    return false;
  }
  sceneCenter_ = items.centre;  // for the next fit; a drag does not move the camera
  sceneRadius_ = items.radius;
  sceneOutline_ = std::move(items.outline);
  machines_.setMachines(machineInstancesOf(*park_));
  flows_.solve(*park_);
  for (qsizetype i = 0; i < buildings_.size(); ++i) {
    if (items.buildings[i] == buildings_[i]) continue;
    buildings_[i] = items.buildings[i];
    emit buildingChanged(int(i), buildings_[i].toMap());
  }
  return true;
}

void ParkController::rebuildScene() {
  const auto& park = *park_;
  SceneItems items = sceneItemsOf(park, *objectIndex_, parkFile_.toStdString());
  modelProblems_.clear();
  emit modelProblemsChanged();
  buildings_ = std::move(items.buildings);
  roads_ = std::move(items.roads);
  zones_ = std::move(items.zones);
  utilities_ = std::move(items.utilities);
  externals_ = std::move(items.externals);
  machineModels_ = std::move(items.machineModels);
  sceneCenter_ = items.centre;
  sceneRadius_ = items.radius;
  sceneOutline_ = std::move(items.outline);
  machines_.setMachines(machineInstancesOf(park));
  flows_.solve(park);
  const auto s = parktwin::model::summarize(park);
  summary_ = QVariantMap{{"buildings", s.buildings}, {"enterprises", s.enterprises}, {"lines", s.lines},
                         {"machines", s.machines}, {"utilities", s.utilities}, {"tags", s.tags},
                         {"materialLinks", s.material_links}, {"energyLinks", s.energy_links}};
}

void ParkController::reportModelProblem(const QString& objectId, const QString& uri, const QString& why) {
  const QString line = QStringLiteral("%1 (%2): %3").arg(nameOf(objectId), uri, why.isEmpty() ? tr("cannot be loaded") : why);
  if (modelProblems_.contains(line)) return;
  modelProblems_.push_back(line);
  emit modelProblemsChanged();
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
    if (!u.building.empty()) continue;
    out.push_back(QVariantMap{{"id", q(u.id)},
                              {"text", q(u.name.in(lang))},
                              {"position", toScene(u.position.x_m, u.position.y_m, 20)},
                              {"priority", 2000.0},
                              {"planned", u.planned}});
  }
  for (const QVariant& item : externals_) {
    const QVariantMap e = item.toMap();
    const QString id = e.value("id").toString();
    out.push_back(QVariantMap{{"id", id},
                              {"text", nameOf(id)},
                              {"position", e.value("position").value<QVector3D>() + QVector3D(0, 0.8f * e.value("size").toFloat(), 0)},
                              {"priority", 3000.0},
                              {"planned", false}});
  }
  for (const auto& z : park_->zones) {
    if (z.kind != model::ZoneKind::water) continue;
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

}  // namespace parktwin::app
