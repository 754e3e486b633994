#include "scene_controller.hpp"

#include <cmath>

#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QFontMetricsF>
#include <QUrl>
#include <filesystem>

#include "controller_text.hpp"
#include "park_controller.hpp"
#include "parktwin/model/model_files.hpp"
#include "parktwin/model/object_index.hpp"
#include "parktwin/model/park_file.hpp"
#include "parktwin/model/zone_name_spots.hpp"
#include "problem_text.hpp"
#include "road_layout.hpp"
#include "scene_frame.hpp"
#include "scene_items.hpp"
#include "scene_style.hpp"

namespace parktwin::app {
namespace {

// Each modelled object's model file, as the view's loaders report it (scene_items.cpp's url).
QHash<QString, QString> modelFilesOf(const model::Park& park, const std::filesystem::path& modelBase) {
  QHash<QString, QString> files;
  for (const model::ModelUse& use : model::modelUses(park)) files.insert(q(use.object_id), modelPathOf(*use.model, modelBase));
  return files;
}

}  // namespace

std::filesystem::path modelBaseOf(const QString& parkFile, const QString& modelFolder) {
  if (!parkFile.isEmpty() || modelFolder.isEmpty()) return parkFile.toStdString();
  return std::filesystem::path(modelFolder.toStdString()) / "";  // its parent_path() is the folder itself
}

SceneController::SceneController(ParkController& park, QObject* parent) : QObject(parent), park_(park) {
  // Labels are names in the window's language: they follow the park's names.
  connect(&park_, &ParkController::labelsChanged, this, &SceneController::labelsChanged);
  connect(&park_, &ParkController::languageChanged, this, &SceneController::wordModelProblems);
}

void SceneController::rebuild(const model::Park& park, const model::ObjectIndex& index, const QString& parkFile,
                              const QString& modelFolder, bool framing) {
  const std::filesystem::path modelBase = modelBaseOf(parkFile, modelFolder);
  SceneItems items = sceneItemsOf(park, index, modelBase);
  failedModels_.keepOnly(modelFilesOf(park, modelBase));
  for (const auto& heavy : items.heavyModels) failedModels_.addTooHeavy(heavy.groupId, heavy.path, heavy.triangles);
  parkFolder_ = parkFile.isEmpty() ? QString() : QFileInfo(parkFile).absolutePath();
  // Without a file of its own (a server's park taken by the desk), a model that did not come is
  // named as the park names it, not by where this desk looked for it (QA: a path like the
  // server's own folders).
  modelUris_.clear();
  if (parkFile.isEmpty()) {
    for (const model::ModelUse& use : model::modelUses(park)) modelUris_.insert(modelPathOf(*use.model, modelBase), q(use.model->uri));
  }
  wordModelProblems();
  buildings_ = std::move(items.buildings);
  roads_ = std::move(items.roads);
  zones_ = std::move(items.zones);
  utilities_ = std::move(items.utilities);
  externals_ = std::move(items.externals);
  machineModels_ = std::move(items.machineModels);
  center_ = items.centre;
  radius_ = items.radius;
  outline_ = std::move(items.outline);
  syntheticMachines_.clear();
  machines_.setMachines(machineInstancesOf(park));
  const auto s = model::summarize(park);
  summary_ = QVariantMap{{"buildings", s.buildings}, {"enterprises", s.enterprises}, {"lines", s.lines},
                         {"machines", s.machines}, {"utilities", s.utilities}, {"tags", s.tags},
                         {"materialLinks", s.material_links}, {"energyLinks", s.energy_links}};
  emit changed();
  if (framing) emit framingChanged();
  emit labelsChanged();
}

bool SceneController::refreshPlaces(const model::Park& park, const model::ObjectIndex& index, const QString& parkFile,
                                   const QString& modelFolder) {
  SceneItems items = sceneItemsOf(park, index, modelBaseOf(parkFile, modelFolder));
  if (items.buildings.size() != buildings_.size() || items.roads != roads_ || items.zones != zones_
      || items.utilities != utilities_ || items.externals != externals_ || items.machineModels != machineModels_) {
    return false;
  }
  center_ = items.centre;  // for the next fit; a drag does not move the camera (no framingChanged)
  radius_ = items.radius;
  outline_ = std::move(items.outline);
  machines_.setMachines(machineInstancesOf(park));
  for (qsizetype i = 0; i < buildings_.size(); ++i) {
    if (items.buildings[i] == buildings_[i]) continue;
    buildings_[i] = items.buildings[i];
    emit buildingChanged(int(i), buildings_[i].toMap());
  }
  return true;
}

void SceneController::applyLineStates(const model::Park& park, const QHash<QString, double>& values) {
  QHash<QString, int> states;
  for (const auto& line : park.lines) {
    const auto it = values.constFind(q(line.id) + ".state");
    if (it != values.constEnd()) states.insert(q(line.id), int(std::lround(it.value())));
  }
  machines_.setLineStates(states);
}

void SceneController::useSyntheticMachines(int count, bool naive) {
  std::vector<MachineInstance> machines;
  const int side = int(std::ceil(std::sqrt(double(count))));
  const float pitch = float(radius_ * 1.4 / std::max(1, side));
  const float half = pitch * float(side) / 2;
  const QVector3D origin = center_ - QVector3D(half, 0, half);
  syntheticMachines_.clear();
  for (int i = 0; i < count; ++i) {
    const QVector3D p = origin + QVector3D(pitch * float(i % side), 2, pitch * float(i / side));
    const QColor color = stateColor(i % 5, QColor(0x2e, 0x8b, 0x57));
    const QVector3D size(pitch * 0.6f, 4, pitch * 0.6f);
    if (naive) syntheticMachines_.push_back(QVariantMap{{"position", p}, {"color", color}, {"scale", size / 100.0f}});
    else machines.push_back({p, size, 0, color, {}, {}});
  }
  machines_.setMachines(std::move(machines));
  emit changed();
  emit framingChanged();
}

void SceneController::reportModelProblem(const QString& objectId, const QString& file, const QString& why) {
  const QUrl url(file);
  if (failedModels_.add(objectId, QDir::cleanPath(url.isLocalFile() ? url.toLocalFile() : file), why)) wordModelProblems();
}

void SceneController::reportModelLoaded(const QString& objectId) {
  if (failedModels_.remove(objectId)) wordModelProblems();
}

void SceneController::wordModelProblems() {
  QStringList lines = failedModels_.lines(parkFolder_, modelUris_, [this](const QString& id) {
    const QString name = park_.nameOf(id);
    return name.isEmpty() ? id : name;
  }, park_.language());
  if (lines == modelProblems_) return;
  modelProblems_ = std::move(lines);
  emit modelProblemsChanged();
}

QString SceneController::pickMachineGroup(const QVector3D& nearPoint, const QVector3D& farPoint) const {
  return machines_.pickGroup(nearPoint, (farPoint - nearPoint).normalized());
}

QVariantList SceneController::labels() const {
  QVariantList out;
  const model::Park* park = park_.park();
  if (!park) return out;
  const std::string lang = park_.language().toStdString();
  // `spots`: where else the label may go when `position` is taken (a zone's; LabelLayer tries them in order).
  const auto add = [&](const QString& id, const QString& text, const QVector3D& position, double priority, bool planned,
                       bool zone = false, const QVariantList& spots = {}) {
    QVariantMap label{{"id", id}, {"text", text}, {"position", position}, {"priority", priority}, {"planned", planned},
                      {"zone", zone}};
    if (!spots.isEmpty()) label.insert("spots", spots);
    out.push_back(label);
  };
  for (const auto& b : park->buildings) {
    add(q(b.id), q(b.name.in(lang)), toScene(b.position.x_m, b.position.y_m, b.height_m + 4), b.width_m * b.depth_m, b.planned);
  }
  for (const auto& u : park->utilities) {
    if (u.building.empty()) add(q(u.id), q(u.name.in(lang)), toScene(u.position.x_m, u.position.y_m, 20), 2000.0, u.planned);
  }
  // Externals first: few, at the park's edge, and where its flows begin and end; without their
  // names the flows overlay's arcs lead nowhere a reader can tell.
  constexpr double kBeforeAnyBuilding = 1e12;
  for (const QVariant& item : externals_) {
    const QVariantMap e = item.toMap();
    const QString id = e.value("id").toString();
    add(id, park_.nameOf(id), e.value("position").value<QVector3D>() + QVector3D(0, 0.8f * e.value("size").toFloat(), 0),
        kBeforeAnyBuilding, false);
  }
  // Every zone is named inside its outline, clear of roads (QA: a park's own zones were unnamed on
  // the map; then their names lay across roads). Water before the buildings, as before; the other
  // zones after every building, so a zone's name never takes a building's place: it goes to the
  // first of its spots (model::zoneNameSpots, the roomiest first, at most 8: tried at every camera
  // move) where no other name is.
  constexpr double kAfterEveryBuilding = 0.5;
  // A name is text, not a point (QA4: a zone's name ran over a hall's wall): its half length on
  // the ground at the fit view's scale, where a view of about 1000 px shows the park's bounds
  // (2 x radius across). LabelLayer draws zone names 12 px bold.
  QFont nameFont;
  nameFont.setPixelSize(12);
  nameFont.setBold(true);
  const QFontMetricsF nameMetrics(nameFont);
  const double fitMetresPerPixel = 2 * radius_ / 1000;
  for (const auto& z : park->zones) {
    if (z.outline.empty() || z.name.in(lang).empty()) continue;
    const double halfLength_m = nameMetrics.horizontalAdvance(q(z.name.in(lang))) / 2 * fitMetresPerPixel;
    QVariantList spots;
    for (const model::Point& p : model::zoneNameSpots(z, park->roads, park->buildings, halfLength_m))
      spots.push_back(toScene(p.x_m, p.y_m, 2));
    const bool water = z.kind == model::ZoneKind::water;
    // Water keeps its box: a name on the ground is not readable on a dark lake.
    add(q(z.id), q(z.name.in(lang)), spots.front().value<QVector3D>(), water ? 1000.0 : kAfterEveryBuilding,
        z.kind == model::ZoneKind::planned, !water, spots);
  }
  out.append(roadNameLabels(park->roads, lang));
  return out;
}

}  // namespace parktwin::app
