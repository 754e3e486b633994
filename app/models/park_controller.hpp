#pragma once
// The open park as QML sees it: its file, id, names and asset tree, the display language and
// presentation mode, and the objects with one job each that follow it: the scene
// (scene_controller.hpp), the selection and inspector (selection_controller.hpp), alarms,
// flows, scenarios, the timeline, the tour and the connections.
#include <QObject>
#include <QTranslator>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <vector>

#include "alarm_controller.hpp"
#include "connections_controller.hpp"
#include "asset_tree_model.hpp"
#include "flow_overlay.hpp"
#include "parktwin/model/park_file.hpp"
#include "scenario_controller.hpp"
#include "scene_controller.hpp"
#include "selection_controller.hpp"
#include "timeline_controller.hpp"
#include "tour_player.hpp"

class QQmlEngine;
class QJSEngine;

namespace parktwin::model {
struct Park;
class ObjectIndex;
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
  // Why the last park file asked for did not load, in the window's language ("" when it did).
  Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
  Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
  Q_PROPERTY(parktwin::app::AssetTreeModel* assetTree READ assetTree CONSTANT)
  // What the 3D view draws (scene_controller.hpp).
  Q_PROPERTY(parktwin::app::SceneController* scene READ scene CONSTANT)
  // The selected object and its inspector (selection_controller.hpp).
  Q_PROPERTY(parktwin::app::SelectionController* selection READ selection CONSTANT)
  Q_PROPERTY(parktwin::app::TimelineController* timeline READ timeline CONSTANT)
  Q_PROPERTY(parktwin::app::TourPlayer* tour READ tour CONSTANT)
  Q_PROPERTY(parktwin::app::ScenarioController* scenarios READ scenarios CONSTANT)
  // The park's alarms at the timeline's time (alarm_controller.hpp).
  Q_PROPERTY(parktwin::app::AlarmController* alarms READ alarms CONSTANT)
  // The connections file's sources as the live feed (connections_controller.hpp).
  Q_PROPERTY(parktwin::app::ConnectionsController* connections READ connections CONSTANT)
  // Solved material and energy flows (see flow_overlay.hpp) and the park's flow KPIs.
  Q_PROPERTY(parktwin::app::FlowController* flows READ flows CONSTANT)
  // Presentation mode: full screen, read-only, camera driven by the tour.
  Q_PROPERTY(bool presenting READ presenting WRITE setPresenting NOTIFY presentingChanged)
  // Live from parktwin-server: how this window's park differs from the one the server serves
  // (objects and tags only on one side), in the window's language; empty when they agree.
  Q_PROPERTY(QString serverParkDifference READ serverParkDifference NOTIFY serverParkDifferenceChanged)
  // Replaying a history file recorded for another park (model::historyFit): the warning, naming
  // the file and how many of this park's tags it holds, in the window's language; else empty.
  Q_PROPERTY(QString replayParkMismatch READ replayParkMismatch NOTIFY replayParkMismatchChanged)

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
  // `modelFolder`, for a park with no file: where its relative model uris are taken from (a
  // server's park: the desk's copy of the server's models; SceneController's modelBaseOf).
  bool showPark(parktwin::model::Park park, const QString& path, const QString& modelFolder = {});
  // The same park after an edit (ParkEditor): the scene, lists, labels and inspector follow,
  // but not what a new park resets (camera fit, selection, timeline, scenarios): scene.changed,
  // not parkChanged. The selection stays unless its object is gone.
  // `placesOnly`: only buildings' places or sizes changed (a drag step): the asset tree,
  // alarms and tour, which know objects by id and name, are left as they are.
  void showEditedPark(const parktwin::model::Park& park, bool placesOnly = false);
  // The open park (null before one is loaded), for saving it.
  const parktwin::model::Park* park() const { return park_.get(); }
  // The park of the server this window is live from (GET …/park), or null.
  const parktwin::model::Park* serverPark() const { return serverPark_.get(); }
  // Park tag ids, for the live feed's known-tag filter.
  Q_INVOKABLE QStringList tagIds() const;

  bool loaded() const { return park_ != nullptr; }
  QString parkId() const;
  QString parkName() const;
  QString parkDescription() const;
  QString parkFile() const { return parkFile_; }
  QString errorText() const;
  QString language() const { return language_; }
  void setLanguage(const QString& language);
  // The window's language button: switches, and remembers the choice (QSettings) for the next
  // start without --lang (launch_options.cpp).
  Q_INVOKABLE void chooseLanguage(const QString& language);
  // The language last chosen with the button: "zh", "en", or "" when never chosen.
  static QString chosenLanguage();
  AssetTreeModel* assetTree() { return &assetTree_; }
  SceneController* scene() { return &scene_; }
  const SceneController* scene() const { return &scene_; }
  SelectionController* selection() { return &selection_; }
  TimelineController* timeline() { return &timeline_; }
  TourPlayer* tour() { return &tour_; }
  ScenarioController* scenarios() { return &scenarios_; }
  bool presenting() const { return presenting_; }
  AlarmController* alarms() { return &alarms_; }
  ConnectionsController* connections() { return &connections_; }
  // The open park's object index (null before a park is loaded).
  const parktwin::model::ObjectIndex* objectIndex() const { return objectIndex_.get(); }
  FlowController* flows() { return &flows_; }
  const FlowController* flows() const { return &flows_; }
  // An object's name in the window's language ("" if the park has no such object).
  Q_INVOKABLE QString nameOf(const QString& objectId) const;
  void setPresenting(bool presenting);
  // The bundled tour for the open park (assets/tours/<park id>.json), if any.
  Q_INVOKABLE QString defaultTourPath() const;
  void setAssetRoot(const QString& root) { assetRoot_ = root; }
  QString assetRoot() const { return assetRoot_; }
  QString serverParkDifference() const { return serverParkDifference_; }
  QString replayParkMismatch() const { return replayParkMismatch_; }

 signals:
  void parkChanged();
  void errorTextChanged();
  void labelsChanged();
  void languageChanged();
  void presentingChanged();
  void serverParkDifferenceChanged();
  void replayParkMismatchChanged();

 private:
  void reselect();
  void installChineseTranslators();
  void applyTimelineValues();
  void setServerPark(const QByteArray& parkJson);
  void compareWithServerPark();  // after the server's park or the window's changed
  void checkReplayFit();         // after the replayed file, the park or the language changed

  std::unique_ptr<parktwin::model::Park> park_;
  std::unique_ptr<parktwin::model::ObjectIndex> objectIndex_;  // of park_
  QString parkFile_;
  QString modelFolder_;  // for a park with no file: where its model uris are taken from (showPark)
  // Kept as codes, not text, so that errorText words them in the language of the moment.
  std::vector<parktwin::model::ParkProblem> loadProblems_;
  QString language_ = "en";
  AssetTreeModel assetTree_;
  TimelineController timeline_;
  TourPlayer tour_;
  bool presenting_ = false;
  FlowController flows_;
  QString assetRoot_;
  ScenarioController scenarios_{*this};
  AlarmController alarms_{*this};  // after timeline_ and assetRoot_, which it uses
  ConnectionsController connections_{*this};  // after timeline_, which it drives
  SceneController scene_{*this};
  SelectionController selection_{*this};  // after timeline_ and scene_, which it uses
  std::unique_ptr<parktwin::model::Park> serverPark_;  // the server's, while live from one
  QString serverParkDifference_;
  QString replayParkMismatch_;
  QTranslator translator_;
  QTranslator qtTranslator_;  // Qt's own words (qtbase_zh_CN)
  QQmlEngine* engine_ = nullptr;
};

}  // namespace parktwin::app
