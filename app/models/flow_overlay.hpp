#pragma once
// The park's material and energy flows as the 3D scene draws them: one segment per park link
// with its solved flow, capacity and utilisation, the bottleneck (minimum cut) marked, and the
// park's flow KPIs. Solved per park at design capacities (average hour of a year), and, while
// the overlay follows the timeline, at the state of each displayed replay or live step.
#include <QHash>
#include <QObject>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <vector>

#include "parktwin/flow/kpi_table.hpp"
#include "parktwin/flow/latest_state_solver.hpp"  // complete: QML's metatype builds a FlowController
#include "stable_rows_model.hpp"

namespace parktwin::model {
struct Park;
}

namespace parktwin::app {

struct FlowOverlay {
  QVariantList arcs;  // {id, from, to, quantity, product, flow, capacity, utilisation, bottleneck, width, speed, color, position, length, angle, y}
  // {material, energy}: {columns, height, total, unit, bandCount, nodes: [{id, name, column,
  // value, y, merged}], bands: [{from, to, value, fromY, toY, color}]} (flow::buildSankey; flow units)
  QVariantMap sankey;
  // The park's flow KPIs by their id in the KPI table (flow/kpi_table.hpp), per year.
  QVariantMap kpis;
  // Those the KPI bar shows, in its order (FlowController::kpis makes its cards).
  std::vector<flow::KpiValue> barKpis;
  // The same per line, building and enterprise id (flow::breakdownKpis, per year): {enterprise
  // (bool), throughputT, utilisation, energyKwh, energyKwhPerT, co2T, costYuan, directMoltenT,
  // remeltAvoidedYuan}
  QVariantMap units;
  QString error;
};

FlowOverlay solveFlowOverlay(const parktwin::model::Park& park);
// The overlay of the park at the tag values of the moment t_ms (UTC ms: untagged PV follows the
// sun then, flow::overridesFromState), its KPIs per year at that moment's rates.
FlowOverlay solveFlowOverlayAt(const parktwin::model::Park& park, qint64 t_ms, const QHash<QString, double>& values);

// The open park's solved flows, for QML: the 3D overlay's arcs, the KPI bar and the Sankey.
class FlowController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Provided by ParkController")
  Q_PROPERTY(QVariantList arcs READ arcs NOTIFY changed)
  // The same arcs as rows that keep their 3D delegates across steps (what FlowArcs.qml draws):
  // a step changes the roles that changed (width, speed, colour...), it recreates nothing.
  Q_PROPERTY(parktwin::app::StableRowsModel* arcRows READ arcRows CONSTANT)
  // The KPI bar's cards (as in kpis.cards) as rows kept across steps: {key, name, label, text}.
  Q_PROPERTY(parktwin::app::StableRowsModel* kpiCards READ kpiCards CONSTANT)
  // The Sankey diagram's nodes and bands per side, kept across steps likewise; bands carry the
  // columns of their ends (fromColumn, toColumn) so that a band needs no node lookup.
  Q_PROPERTY(parktwin::app::StableRowsModel* materialNodes READ materialNodes CONSTANT)
  Q_PROPERTY(parktwin::app::StableRowsModel* materialBands READ materialBands CONSTANT)
  Q_PROPERTY(parktwin::app::StableRowsModel* energyNodes READ energyNodes CONSTANT)
  Q_PROPERTY(parktwin::app::StableRowsModel* energyBands READ energyBands CONSTANT)
  // Why the park's flows cannot be solved, in the window's language (flow_problem_text.hpp);
  // empty when they are solved. The window shows it where the flows would be.
  Q_PROPERTY(QString problem READ problem NOTIFY changed)
  // The flow KPIs by id, and "cards": [{key, name, label (with what it divides by), text}] for
  // the KPI bar, in the window's language (kpi_text.hpp).
  Q_PROPERTY(QVariantMap kpis READ kpis NOTIFY changed)
  Q_PROPERTY(QVariantMap sankey READ sankey NOTIFY changed)
  // Re-solve at each displayed step of a replay or live feed (the window sets it while the
  // flows or the balance are shown); off: the design solve.
  Q_PROPERTY(bool followTimeline READ followTimeline WRITE setFollowTimeline NOTIFY followTimelineChanged)
  // {material, energy}: the Sankey's {columns, height, total, unit, bandCount} without its nodes and bands.
  Q_PROPERTY(QVariantMap sankeyFrame READ sankeyFrame NOTIFY changed)
  // The time of the step the flows shown are solved at; -1 for the design solve.
  Q_PROPERTY(double stepMs READ stepMs NOTIFY changed)
  // Steps solved and shown since the park was opened (the frame benchmark reports them).
  Q_PROPERTY(int stepsShown READ stepsShown NOTIFY changed)

 public:
  explicit FlowController(QObject* parent = nullptr);
  ~FlowController() override;
  // The design solve, on this thread (a drag re-solves at each step); forgets any step.
  void solve(const parktwin::model::Park& park);
  // A displayed step: solved on a worker, the newest step winning (flow::LatestStateSolver);
  // `changed` follows when its flows are in. Ignored unless following the timeline.
  void showStep(qint64 t_ms, const QHash<QString, double>& values);
  // Back to the design solve (the timeline closed).
  void showDesign();
  bool followTimeline() const { return follow_; }
  void setFollowTimeline(bool follow);
  double stepMs() const { return double(stepMs_); }
  int stepsShown() const { return stepsShown_; }
  // Steps handed to the worker since the park was opened (some skipped when they came faster).
  int stepsPosted() const { return stepsPosted_; }
  // Solve each step on the calling (GUI) thread instead: the frame benchmark's baseline.
  void solveStepsOnCallerThread(bool onCaller) { onCaller_ = onCaller; }
  // Rebuild every row (and so every delegate) at each step instead of changing what changed:
  // the frame benchmark's baseline for the rows kept across steps.
  void resetRowsEachStep(bool reset) { resetRows_ = reset; }
  // Keep the design solve on screen during a replay: the frame benchmark's measure of drawing
  // the flows alone, without a step shown.
  void ignoreSteps(bool ignore) { ignoreSteps_ = ignore; }
  const FlowOverlay& overlay() const { return overlay_; }
  QVariantList arcs() const { return overlay_.arcs; }
  QVariantMap kpis() const;
  // The window's language changed: the cards' texts follow ("zh" or "en").
  void setLanguage(const QString& language);
  QVariantMap sankey() const { return overlay_.sankey; }
  QVariantMap sankeyFrame() const;
  StableRowsModel* arcRows() { return &arcRows_; }
  StableRowsModel* kpiCards() { return &kpiCards_; }
  StableRowsModel* materialNodes() { return &materialNodes_; }
  StableRowsModel* materialBands() { return &materialBands_; }
  StableRowsModel* energyNodes() { return &energyNodes_; }
  StableRowsModel* energyBands() { return &energyBands_; }
  QString problem() const;
  // Time spent on this thread showing each solved step (the rows updated and `changed`
  // handled by every binding on it), in ms: the frame benchmark reports it. Recorded only when
  // asked (a window replaying for hours would otherwise keep every step's figure).
  void recordStepShowTimes(bool record) { recordShowTimes_ = record; }
  const std::vector<double>& stepShowMs() const { return stepShowMs_; }

 signals:
  void changed();
  void followTimelineChanged();

 private:
  void applyStep(int generation, qint64 t_ms, FlowOverlay overlay);
  // The overlay shown changed: its rows follow, then `changed`.
  void publish();
  QVariantList cardRows() const;

  FlowOverlay overlay_, design_;
  QString language_ = "en";
  const parktwin::model::Park* park_ = nullptr;  // the controller's, edited in place between solves
  bool follow_ = false, onCaller_ = false, resetRows_ = false, ignoreSteps_ = false, recordShowTimes_ = false;
  int generation_ = 0;  // of the park: steps of an older one are dropped
  qint64 stepMs_ = -1;
  int stepsShown_ = 0, stepsPosted_ = 0;
  std::vector<double> stepShowMs_;
  StableRowsModel arcRows_, kpiCards_, materialNodes_, materialBands_, energyNodes_, energyBands_;
  std::unique_ptr<flow::LatestStateSolver> solver_;  // last: its worker stops first
};

}  // namespace parktwin::app
