#include "scene_items.hpp"

#include <QDir>
#include <QPointF>
#include <QUrl>
#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <optional>
#include <system_error>
#include <utility>

#include "controller_text.hpp"
#include "kind_names.hpp"
#include "model_file_reading.hpp"
#include "parktwin/model/ground_overlaps.hpp"
#include "parktwin/model/gltf_summary.hpp"
#include "parktwin/model/model_files.hpp"
#include "parktwin/model/object_index.hpp"
#include "parktwin/model/park.hpp"
#include "road_layout.hpp"
#include "scene_bounds.hpp"
#include "scene_frame.hpp"
#include "scene_style.hpp"

namespace parktwin::app {

namespace {

// An object's 3D model for qml/scene/LoadedModel.qml: the file as a URL, and how to place it
// in the object's own frame (scene axes: the offset's park y is -z).
// A model file's bounds in its own axes, read from its glTF JSON (model::readGltf), not
// from RuntimeLoader: Qt gives those only after a frame has drawn the model, and a group kept
// as boxes by the level of detail is never drawn. The window's one reading of the file
// (model_file_reading.hpp), since a drag step lists the scene again and the model notice words
// a failure from it.
std::optional<model::GltfSummary> fileSummary(const std::filesystem::path& file) {
  auto reading = modelFileReading(file);
  return reading ? std::optional(std::move(*reading)) : std::nullopt;
}

std::optional<std::pair<QVector3D, QVector3D>> fileBounds(const std::filesystem::path& file) {
  const auto summary = fileSummary(file);
  if (!summary || !summary->has_bounds) return std::nullopt;
  const auto& lo = summary->min;
  const auto& hi = summary->max;
  return std::make_pair(QVector3D(float(lo[0]), float(lo[1]), float(lo[2])), QVector3D(float(hi[0]), float(hi[1]), float(hi[2])));
}

QVariant modelItem(const std::optional<model::ModelRef>& ref, const std::filesystem::path& parkFile) {
  if (!ref) return {};
  const QString path = modelPathOf(*ref, parkFile);
  const std::filesystem::path file = path.toStdString();
  QVariantMap item{{"url", QUrl::fromLocalFile(path)},
                   {"uri", q(ref->uri)},
                   {"scale", ref->scale},
                   {"rotation", ref->rotation_deg},
                   {"offset", toScene(ref->offset.x_m, ref->offset.y_m)},
                   {"upZ", ref->up == model::ModelUp::z}};
  // The mid level of detail, when the model has one beside it (scripts/make-models writes
  // NAME-lod1.glb for the bundled machines); without one the full model is drawn instead.
  const auto mid = model::midLevelFile(file);
  if (std::error_code error; std::filesystem::is_regular_file(mid, error)) {
    item.insert("midUrl", QUrl::fromLocalFile(QString::fromStdString(mid.string())));
  }
  if (const auto bounds = fileBounds(file)) {
    item.insert("fileMin", bounds->first);
    item.insert("fileMax", bounds->second);
  }
  return item;
}

QVariantMap buildingItem(const model::Building& b, const std::filesystem::path& parkFile) {
  return {{"id", q(b.id)},
          {"model", modelItem(b.model, parkFile)},
          {"kind", kindWord(b.kind)},
          {"position", toScene(b.position.x_m, b.position.y_m, b.height_m / 2)},
          {"size", QVector3D(float(b.width_m), float(b.height_m), float(b.depth_m))},
          {"rotation", b.rotation_deg},
          {"color", buildingColor(b.kind)},
          {"planned", b.planned},
          {"pvKwp", b.roof_pv_kwp}};
}

// `tops`: each segment's surface height (roadSegmentTops), taken in order.
void addRoad(const model::Road& road, const std::vector<double>& tops, QVariantList& out) {
  for (std::size_t i = 0; i + 1 < road.path.size(); ++i) {
    const auto& a = road.path[i];
    const auto& b = road.path[i + 1];
    out.push_back(QVariantMap{{"position", toScene((a.x_m + b.x_m) / 2, (a.y_m + b.y_m) / 2)},
                              {"length", std::hypot(b.x_m - a.x_m, b.y_m - a.y_m) + road.width_m},
                              {"width", road.width_m},
                              {"top", tops[std::size_t(out.size())]},
                              {"angle", std::atan2(b.y_m - a.y_m, b.x_m - a.x_m) * 180.0 / std::numbers::pi}});
  }
}

QVariantMap utilityItem(const model::Utility& u, const std::filesystem::path& parkFile) {
  return {{"id", q(u.id)},
          {"model", modelItem(u.model, parkFile)},
          {"kind", kindWord(u.kind)},
          {"shape", utilityShapeName(utilityShape(u.kind))},
          {"position", toScene(u.position.x_m, u.position.y_m)},
          {"color", utilityColor(u.kind)},
          {"size", model::utilityGroundSide_m(u)},
          {"planned", u.planned}};
}

// An external's marker: 4 % of the park's larger side, between 12 m and 50 m across, so a
// small park is not covered by its markers and a large one still shows them.
double markerSize(const model::ParkExtent& extent) {
  if (extent.empty()) return 50;
  const double side = std::max(extent.max.x_m - extent.min.x_m, extent.max.y_m - extent.min.y_m);
  return std::clamp(0.04 * side, 12.0, 50.0);
}

QVariantMap externalItem(const model::ExternalNode& e, const model::ObjectIndex& index, const std::filesystem::path& parkFile) {
  const model::Point drawn = index.drawnPosition(e.id).value_or(e.position);
  const model::Point centre = index.extent().centre();
  const double outward = std::atan2(drawn.y_m - centre.y_m, drawn.x_m - centre.x_m) * 180.0 / std::numbers::pi;
  return {{"id", q(e.id)},
          {"model", modelItem(e.model, parkFile)},
          {"kind", kindWord(e.kind)},
          {"position", toScene(drawn.x_m, drawn.y_m)},
          {"outside", index.outsideThePark(e.id)},
          {"angle", outward},  // degrees counter-clockwise from east, away from the park
          {"size", markerSize(index.extent())},
          {"color", externalColor(e.kind)}};
}

}  // namespace

QString modelPathOf(const model::ModelRef& model, const std::filesystem::path& parkFile) {
  return QDir::cleanPath(QString::fromStdString(std::filesystem::absolute(model::modelFile(model, parkFile)).string()));
}

SceneItems sceneItemsOf(const model::Park& park, const model::ObjectIndex& index, const std::filesystem::path& parkFile) {
  SceneItems items;
  Bounds bounds;
  for (const auto& b : park.buildings) {
    bounds.addBuilding(b);
    items.buildings.push_back(buildingItem(b, parkFile));
  }
  for (const auto& line : park.lines) {
    for (const auto& group : line.machines) {
      if (!group.model) continue;
      const QString path = modelPathOf(*group.model, parkFile);
      if (const auto summary = fileSummary(path.toStdString()); summary && model::tooHeavyToDraw(summary->triangles, group.count)) {
        items.heavyModels.push_back({q(group.id), path, summary->triangles});
        continue;  // drawn as boxes, with a line in the view's notice
      }
      QVariantMap entry = modelItem(group.model, parkFile).toMap();
      entry.insert("groupId", q(group.id));
      items.machineModels.push_back(entry);
    }
  }
  const std::vector<double> roadTops = roadSegmentTops(park.roads);
  for (const auto& road : park.roads) {
    addRoad(road, roadTops, items.roads);
    // Fit park shows the whole road, not only what the zones span (QA: Road 1 cut off).
    for (const auto& p : road.path) bounds.addGroundSquare(toScene(p.x_m, p.y_m), float(road.width_m / 2));
  }
  for (const auto& zone : park.zones) {
    QVariantList outline;
    for (const auto& p : zone.outline) {
      outline.push_back(QPointF(p.x_m, p.y_m));
      bounds.add(toScene(p.x_m, p.y_m));
    }
    items.zones.push_back(QVariantMap{{"id", q(zone.id)}, {"kind", kindWord(zone.kind)}, {"outline", outline},
                                      {"color", zoneColor(zone.kind)}, {"water", zone.kind == model::ZoneKind::water}});
  }
  for (const auto& u : park.utilities) {
    if (!u.building.empty()) continue;  // drawn with their building (rooftop PV, a hall's battery)
    bounds.addGroundSquare(toScene(u.position.x_m, u.position.y_m), float(model::utilityGroundSide_m(u) / 2));
    items.utilities.push_back(utilityItem(u, parkFile));
  }
  for (const auto& e : park.externals) {
    items.externals.push_back(externalItem(e, index, parkFile));
    // Its marker whole (QA: a market's cut at the view's edge): the pad and the outward arrow
    // reach 1.3 sizes from its centre (ExternalMarker.qml), the name above it; a little more.
    const QVariantMap marker = items.externals.back().toMap();
    const float size = marker.value("size").toFloat();
    bounds.addGroundSquare(marker.value("position").value<QVector3D>(), 1.5f * size, 1.2f * size);
  }
  items.centre = bounds.empty() ? QVector3D() : bounds.center();
  items.radius = bounds.empty() ? 500.0 : std::max(100.0f, bounds.radius());
  items.outline = bounds.points;
  return items;
}

}  // namespace parktwin::app
