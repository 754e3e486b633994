#pragma once
// The park as QML sees it: scene items (buildings, roads, zones, machines, labels), the asset
// tree, the selection with its inspector rows, and the display language.
#include <QColor>
#include <QObject>
#include <QTranslator>
#include <QVariantList>
#include <QVector3D>
#include <QtQml/qqmlregistration.h>

#include <memory>

#include "alarm_controller.hpp"
#include "connections_controller.hpp"
#include "asset_tree_model.hpp"
#include "flow_overlay.hpp"
#include "machine_instancing.hpp"
#include "scenario_controller.hpp"
#include "timeline_controller.hpp"
#include "tour_player.hpp"

class QQmlEngine;
class QJSEngine;

namespace parktwin::model {
struct Park;
class ObjectIndex;
struct Building;
struct ProductionLine;
struct Utility;
struct Enterprise;
}

namespace parktwin::app {

class ParkController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_SINGLETON
  Q_PROPERTY(bool loaded READ loaded NOTIFY parkChanged)
  Q_PROPERTY(QString parkId READ parkId NOTIFY parkChanged)
  Q_PROPERTY(QString parkName READ parkName NOTIFY labelsChanged)
  Q_PROPERTY(QString parkDescription READ parkDescription NOTIFY labelsChanged)
  Q_PROPERTY(QString parkFile READ parkFile NOTIFY parkChanged)
  Q_PROPERTY(QString errorText READ errorText NOTIFY parkChanged)
  // The 3D models of this park that could not be loaded (drawn as boxes), a line each.
  Q_PROPERTY(QStringList modelProblems READ modelProblems NOTIFY modelProblemsChanged)
  // Machine groups drawn with their own model (qml/scene/MachineModels.qml).
  Q_PROPERTY(QVariantList machineModels READ machineModels NOTIFY parkChanged)
  Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
  Q_PROPERTY(QVariantList buildings READ buildings NOTIFY sceneChanged)
  Q_PROPERTY(QVariantList roads READ roads NOTIFY sceneChanged)
  Q_PROPERTY(QVariantList zones READ zones NOTIFY sceneChanged)
  Q_PROPERTY(QVariantList utilities READ utilities NOTIFY sceneChanged)
  // The park's externals (market, suppliers, grid, port) where they are drawn: {id, kind,
  // position, outside (drawn at the park's edge), angle (outward, degrees from east), color}.
  Q_PROPERTY(QVariantList externals READ externals NOTIFY sceneChanged)
  Q_PROPERTY(QVariantList labels READ labels NOTIFY labelsChanged)
  Q_PROPERTY(QVariantMap summary READ summary NOTIFY sceneChanged)
  Q_PROPERTY(QVector3D sceneCenter READ sceneCenter NOTIFY parkChanged)
  Q_PROPERTY(double sceneRadius READ sceneRadius NOTIFY parkChanged)
  // Points outlining the park (zone outlines, building footprints and roofs), for fitting it in view.
  Q_PROPERTY(QVariantList sceneOutline READ sceneOutline NOTIFY parkChanged)
  Q_PROPERTY(parktwin::app::MachineInstancing* machines READ machines CONSTANT)
  Q_PROPERTY(parktwin::app::AssetTreeModel* assetTree READ assetTree CONSTANT)
  Q_PROPERTY(QString selectedId READ selectedId NOTIFY selectionChanged)
  Q_PROPERTY(QString selectedName READ selectedName NOTIFY selectionChanged)
  Q_PROPERTY(QString selectedType READ selectedType NOTIFY selectionChanged)
  Q_PROPERTY(QString selectedBuilding READ selectedBuilding NOTIFY selectionChanged)
  Q_PROPERTY(QVariantList inspector READ inspector NOTIFY selectionChanged)
  // Live or replayed values of the selected object's tags: {label, value}.
  Q_PROPERTY(QVariantList liveRows READ liveRows NOTIFY liveRowsChanged)
  Q_PROPERTY(parktwin::app::TimelineController* timeline READ timeline CONSTANT)
  Q_PROPERTY(parktwin::app::TourPlayer* tour READ tour CONSTANT)
  Q_PROPERTY(parktwin::app::ScenarioController* scenarios READ scenarios CONSTANT)
  // The park's alarms at the timeline's time (alarm_controller.hpp).
  Q_PROPERTY(parktwin::app::AlarmController* alarms READ alarms CONSTANT)
  // The connections file's sources as the live feed (connections_controller.hpp).
  Q_PROPERTY(parktwin::app::ConnectionsController* connections READ connections CONSTANT)
  // Only for the naive-scene benchmark: machines as a plain list, one Model per entry.
  // Solved material and energy flows (see flow_overlay.hpp) and the park's flow KPIs.
  Q_PROPERTY(parktwin::app::FlowController* flows READ flows CONSTANT)
  Q_PROPERTY(QVariantList syntheticMachines READ syntheticMachines NOTIFY parkChanged)
  // Presentation mode: full screen, read-only, camera driven by the tour.
  Q_PROPERTY(bool presenting READ presenting WRITE setPresenting NOTIFY presentingChanged)

 public:
  // No default constructor: Qt 6.4 would then build its own singleton instead of calling create().
  explicit ParkController(QObject* parent);
  ~ParkController() override;

  // The application creates one controller before loading QML; QML gets that one.
  static ParkController* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);
  static void setInstance(ParkController* controller);
  void setEngine(QQmlEngine* engine) { engine_ = engine; }

  Q_INVOKABLE bool loadPark(const QString& path);
  // Shows a park already read (ParkDocument reads it itself to list its problems); `path` is
  // its file, empty for a new park not saved yet. Refused, as loadPark is, while presenting.
  bool showPark(parktwin::model::Park park, const QString& path);
  // The same park after an edit (ParkEditor): the scene, lists, labels and inspector follow,
  // but not what a new park resets (camera fit, selection, timeline, scenarios): sceneChanged,
  // not parkChanged. The selection stays unless its object is gone.
  // `placesOnly`: only buildings' places or sizes changed (a drag step): the asset tree,
  // alarms and tour, which know objects by id and name, are left as they are.
  void showEditedPark(const parktwin::model::Park& park, bool placesOnly = false);
  // The open park (null before one is loaded), for saving it.
  const parktwin::model::Park* park() const { return park_.get(); }
  // Called by qml/scene/LoadedModel.qml when RuntimeLoader fails on an object's model.
  Q_INVOKABLE void reportModelProblem(const QString& objectId, const QString& uri, const QString& why);
  Q_INVOKABLE void select(const QString& objectId);
  // Where to look at an object: {position, radius, points} in scene metres; empty if unknown.
  Q_INVOKABLE QVariantMap focusOf(const QString& objectId) const;
  // An object's name in the display language, with its kind: for tooltips.
  Q_INVOKABLE QString describe(const QString& objectId) const;
  // The machine group hit by the ray through two scene points (near and far), or empty.
  Q_INVOKABLE QString pickMachineGroup(const QVector3D& nearPoint, const QVector3D& farPoint) const;
  // The value of a tag at the timeline's time; NaN when there is none.
  Q_INVOKABLE double tagValue(const QString& tag) const;
  // A line's state at the timeline's time (see MachineInstancing::setLineStates); -1 if unknown.
  Q_INVOKABLE int lineState(const QString& lineId) const;
  // Park tag ids, for the live feed's known-tag filter.
  Q_INVOKABLE QStringList tagIds() const;
  // Benchmarks: replaces the park's machines with `count` synthetic ones in a square grid over
  // the park; with `naive` they are listed in syntheticMachines for one Model each instead.
  Q_INVOKABLE void useSyntheticMachines(int count, bool naive);

  bool loaded() const { return park_ != nullptr; }
  QString parkId() const;
  QString parkName() const;
  QString parkDescription() const;
  QString parkFile() const { return parkFile_; }
  QString errorText() const { return errorText_; }
  QStringList modelProblems() const { return modelProblems_; }
  QVariantList machineModels() const { return machineModels_; }
  QString language() const { return language_; }
  void setLanguage(const QString& language);
  QVariantList buildings() const { return buildings_; }
  QVariantList roads() const { return roads_; }
  QVariantList zones() const { return zones_; }
  QVariantList utilities() const { return utilities_; }
  QVariantList externals() const { return externals_; }
  QVariantList labels() const;
  QVariantMap summary() const { return summary_; }
  QVector3D sceneCenter() const { return sceneCenter_; }
  double sceneRadius() const { return sceneRadius_; }
  const QVariantList& sceneOutline() const { return sceneOutline_; }
  MachineInstancing* machines() { return &machines_; }
  AssetTreeModel* assetTree() { return &assetTree_; }
  QString selectedId() const { return selectedId_; }
  QString selectedName() const;
  QString selectedType() const { return selectedType_; }
  QString selectedBuilding() const { return selectedBuilding_; }
  QVariantList inspector() const;
  QVariantList liveRows() const;
  TimelineController* timeline() { return &timeline_; }
  TourPlayer* tour() { return &tour_; }
  ScenarioController* scenarios() { return &scenarios_; }
  bool presenting() const { return presenting_; }
  AlarmController* alarms() { return &alarms_; }
  ConnectionsController* connections() { return &connections_; }
  // The open park's object index (null before a park is loaded).
  const parktwin::model::ObjectIndex* objectIndex() const { return objectIndex_.get(); }
  QVariantList syntheticMachines() const { return syntheticMachines_; }
  FlowController* flows() { return &flows_; }
  // An object's name in the window's language ("" if the park has no such object).
  Q_INVOKABLE QString nameOf(const QString& objectId) const;
  // A line state code (0 running .. 4 starved of metal) in words and in the scene's colour.
  Q_INVOKABLE QString stateName(int state) const;
  Q_INVOKABLE QColor stateColorOf(int state) const;
  void setPresenting(bool presenting);
  // The bundled tour for the open park (assets/tours/<park id>.json), if any.
  Q_INVOKABLE QString defaultTourPath() const;
  void setAssetRoot(const QString& root) { assetRoot_ = root; }
  QString assetRoot() const { return assetRoot_; }

 signals:
  void parkChanged();
  void modelProblemsChanged();
  // The scene items (buildings, roads, ...) changed: with every new park, and after each edit.
  void sceneChanged();
  // A drag step moved building `index` of `buildings`: its row is now `item`. The list is not
  // replaced (no sceneChanged), so QML keeps every other building's delegate.
  void buildingChanged(int index, const QVariantMap& item);
  void labelsChanged();
  void languageChanged();
  void selectionChanged();
  void liveRowsChanged();
  void presentingChanged();

 private:
  void rebuildScene();
  bool refreshPlaces();
  void applyTimelineValues();

  std::unique_ptr<parktwin::model::Park> park_;
  std::unique_ptr<parktwin::model::ObjectIndex> objectIndex_;  // of park_
  QString parkFile_;
  QString errorText_;
  QStringList modelProblems_;
  QVariantList machineModels_;
  QString language_ = "en";
  QVariantList buildings_, roads_, zones_, utilities_, externals_;
  QVariantMap summary_;
  QVector3D sceneCenter_;
  double sceneRadius_ = 500;
  QVariantList sceneOutline_;
  MachineInstancing machines_;
  AssetTreeModel assetTree_;
  TimelineController timeline_;
  TourPlayer tour_;
  bool presenting_ = false;
  QVariantList syntheticMachines_;
  FlowController flows_;
  // The inspector's rows by kind of object (park_controller_inspector.cpp).
  void addParkRows(QVariantList& rows) const;
  void addLinkRows(QVariantList& rows) const;
  void addBuildingRows(QVariantList& rows, const parktwin::model::Building& b) const;
  void addLineRows(QVariantList& rows, const parktwin::model::ProductionLine& l) const;
  void addUtilityRows(QVariantList& rows, const parktwin::model::Utility& u) const;
  void addEnterpriseRows(QVariantList& rows, const parktwin::model::Enterprise& e) const;
  void addExternalRows(QVariantList& rows, const std::string& id) const;
  void addMachineGroupRows(QVariantList& rows, const std::string& id) const;
  void addFlowRows(QVariantList& rows) const;
  QString stateTagOf(const QString& objectId) const;
  QString assetRoot_;
  ScenarioController scenarios_{*this};
  AlarmController alarms_{*this};  // after timeline_ and assetRoot_, which it uses
  ConnectionsController connections_{*this};  // after timeline_, which it drives
  QString selectedId_, selectedType_, selectedBuilding_;
  QTranslator translator_;
  QQmlEngine* engine_ = nullptr;
};

}  // namespace parktwin::app
