#pragma once
// The scenario panel's model: the bundled what-if scenarios of the open park, a run of one on
// a worker thread (progress, cancel), its KPI deltas and hourly series, the objects it changes,
// and switching the replay between the baseline and the scenario run on one timeline.
#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <memory>
#include <thread>

#include "parktwin/scenario/object_marks.hpp"

namespace parktwin::scenario {
struct ScenarioResult;
}
namespace parktwin::model {
class ObjectIndex;
}

namespace parktwin::app {

class ParkController;

class ScenarioController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Provided by ParkController")
  // [{path, id, name, explanation}] for the open park, in the window's language.
  Q_PROPERTY(QVariantList available READ available NOTIFY availableChanged)
  // "idle", "running", "done", "cancelled" or "failed".
  Q_PROPERTY(QString state READ state NOTIFY stateChanged)
  Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
  Q_PROPERTY(QString message READ message NOTIFY stateChanged)
  // A quick look: 3 days around the first timed change instead of the whole period.
  Q_PROPERTY(bool quick READ quick WRITE setQuick NOTIFY quickChanged)
  Q_PROPERTY(QString title READ title NOTIFY resultChanged)
  // The period the result covers, in the park's time, and whether it is a quick look: totals
  // over a quick look's 3 days differ from the full period's (the CLI runs the full period).
  Q_PROPERTY(QString period READ period NOTIFY resultChanged)
  // [{key, label, unit, deltaUnit ("pp" for a share), baseline, scenario, delta, baselineText,
  // scenarioText, deltaText, deltaPercent, direction, shown}] from the KPI table (flow/kpi_table.hpp): the label says what
  // a ratio divides by, the texts have the KPI's decimals; direction +1 when the change is good
  // news (more output, less cost), -1 bad, 0 neither; shown: a run has the figure (twin's rule,
  // KpiDelta::someRunHasIt, as the CLI table and the HTML report).
  Q_PROPERTY(QVariantList deltas READ deltas NOTIFY resultChanged)
  // The park's tags the runs left out (no simulated quantity: a hall temperature), in the
  // window's language; empty when every tag was simulated.
  Q_PROPERTY(QString note READ note NOTIFY resultChanged)
  // [{key, label, unit, baseline: [..], scenario: [..]}], one value per hour.
  Q_PROPERTY(QVariantList series READ series NOTIFY resultChanged)
  // The series' time axis: the period's start, middle and end in the park's time ("07-15 08:00").
  Q_PROPERTY(QStringList seriesTimes READ seriesTimes NOTIFY resultChanged)
  // Buildings the scenario changes (highlighted in the 3D scene while a result is shown).
  Q_PROPERTY(QStringList affectedBuildings READ affectedBuildings NOTIFY resultChanged)
  // The scenario file of the last run (so the panel can show which one it is).
  Q_PROPERTY(QString runPath READ runPath NOTIFY stateChanged)
  // While the scenario's run is replayed: the objects it changes, {id, building, kind ("down",
  // "limited", "raised", "built", "changed"), label, when, active (in force at the timeline's
  // time), position (scene, above the object), color}; empty for the baseline.
  Q_PROPERTY(QVariantList marks READ marks NOTIFY marksChanged)
  // Building id -> the kind of the strongest mark in force on it (down before limited, ...).
  Q_PROPERTY(QVariantMap buildingMarks READ buildingMarks NOTIFY marksChanged)
  // Which run the timeline replays: "", "baseline" or "scenario".
  Q_PROPERTY(QString showing READ showing NOTIFY showingChanged)

 public:
  explicit ScenarioController(ParkController& park, QObject* parent = nullptr);
  ~ScenarioController() override;

  QVariantList available() const { return available_; }
  QString state() const { return state_; }
  double progress() const { return progress_; }
  QString message() const { return message_; }
  bool quick() const { return quick_; }
  void setQuick(bool quick);
  QString title() const { return title_; }
  QString period() const { return period_; }
  QString note() const { return note_; }
  QVariantList deltas() const { return deltas_; }
  QVariantList series() const { return series_; }
  QStringList seriesTimes() const { return seriesTimes_; }
  QStringList affectedBuildings() const { return affectedBuildings_; }
  QString showing() const { return showing_; }
  QVariantList marks() const { return markItems_; }
  QVariantMap buildingMarks() const { return buildingMarks_; }
  QString runPath() const { return runPath_; }

  // Re-reads the bundled scenarios for the open park and language.
  Q_INVOKABLE void refresh();
  Q_INVOKABLE void run(const QString& path);
  Q_INVOKABLE void cancel();
  // Replays "baseline" or "scenario" at the timeline's current time; false if there is no run.
  Q_INVOKABLE bool show(const QString& which);
  // Forgets the result (and stops highlighting).
  Q_INVOKABLE void clear();
  // The list and the result's labels in the window's (new) language.
  void retranslate();

 signals:
  void availableChanged();
  void stateChanged();
  void progressChanged();
  void quickChanged();
  void resultChanged();
  void showingChanged();
  void marksChanged();

 private:
  // The marks in force at the timeline's time while the scenario's run is shown.
  void updateMarks();
  QVariantMap markItem(const scenario::ObjectMark& mark, bool active, const model::ObjectIndex& index) const;
  void setState(const QString& state, const QString& message = {});
  void finished(std::shared_ptr<scenario::ScenarioResult> result, const QString& error, bool cancelled);
  void present();  // title, deltas and series of result_ in the window's language
  void join();

  ParkController& park_;
  QVariantList available_;
  QString state_ = "idle";
  double progress_ = 0;
  QString message_;
  bool quick_ = false;
  bool ranQuick_ = false;  // the shown result is a quick look
  QString title_;
  QString period_;
  QString note_;
  QVariantList deltas_, series_;
  QStringList seriesTimes_;
  QStringList affectedBuildings_;
  std::vector<scenario::ObjectMark> marks_;
  QVariantList markItems_;
  QVariantMap buildingMarks_;
  std::vector<char> inForce_;  // per mark, at the last update
  bool marksStale_ = true;     // the lists must be rebuilt whatever is in force
  QString showing_;
  QString runPath_;
  QString baselineFile_, scenarioFile_;
  std::shared_ptr<scenario::ScenarioResult> result_;
  std::atomic<bool> cancel_{false};
  std::thread worker_;
};

}  // namespace parktwin::app
