#pragma once
// What the 3D view draws of a park, as QML lists: buildings, roads, zones, the utilities that
// stand on their own (grid tie, substation yard, reservoirs, ground PV fields, storage,
// chargers) and the externals (market, suppliers, grid, port), with the box to frame them.
#include <QString>
#include <QVariantList>
#include <QVector3D>

#include <filesystem>
#include <vector>

namespace parktwin::model {
struct Park;
struct ModelRef;
class ObjectIndex;
}

namespace parktwin::app {

struct SceneItems {
  QVariantList buildings, roads, zones, utilities, externals;
  // Machine groups with a model: {groupId, url, uri, scale, rotation, offset, upZ}.
  QVariantList machineModels;
  // Machine groups whose model is too heavy to draw for all their machines
  // (model::tooHeavyToDraw): drawn as boxes, and named in the view's notice.
  struct HeavyModel {
    QString groupId;
    QString path;  // absolute, clean
    long long triangles = 0;
  };
  std::vector<HeavyModel> heavyModels;
  QVector3D centre;
  double radius = 500;
  QVariantList outline;  // points to fit the park in view
};

// Where the window loads a model from: its file (model::modelFile) made absolute and clean, the
// one spelling shared by the scene's items, the loaders' reports and the notice's bookkeeping.
QString modelPathOf(const parktwin::model::ModelRef& model, const std::filesystem::path& parkFile);

// `index` is the park's object index (where externals are drawn); `parkFile` is where the park
// was read from, for the model files its objects name (relative to it).
SceneItems sceneItemsOf(const parktwin::model::Park& park, const parktwin::model::ObjectIndex& index,
                        const std::filesystem::path& parkFile = {});

}  // namespace parktwin::app
