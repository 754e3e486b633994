#pragma once
// The park's material and energy flows as the 3D scene draws them: one segment per park link
// with its solved flow, capacity and utilisation, the bottleneck (minimum cut) marked, and the
// park's flow KPIs. Solved once per park at design capacities (average hour of a year).
#include <QObject>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <vector>

#include "parktwin/flow/kpi_table.hpp"

namespace parktwin::model {
struct Park;
}

namespace parktwin::app {

struct FlowOverlay {
  QVariantList arcs;  // {id, from, to, quantity, product, flow, capacity, utilisation, bottleneck, width, speed, color, position, length, angle, y}
  // {material, energy}: {columns, height, total, unit, nodes: [{id, name, column, value, y,
  // merged}], bands: [{from, to, value, fromY, toY, color}]} (flow::buildSankey; flow units)
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

// The open park's solved flows, for QML: the 3D overlay's arcs, the KPI bar and the Sankey.
class FlowController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Provided by ParkController")
  Q_PROPERTY(QVariantList arcs READ arcs NOTIFY changed)
  // The flow KPIs by id, and "cards": [{key, name, label (with what it divides by), text}] for
  // the KPI bar, in the window's language (kpi_text.hpp).
  Q_PROPERTY(QVariantMap kpis READ kpis NOTIFY changed)
  Q_PROPERTY(QVariantMap sankey READ sankey NOTIFY changed)

 public:
  using QObject::QObject;
  void solve(const parktwin::model::Park& park) {
    overlay_ = solveFlowOverlay(park);
    emit changed();
  }
  const FlowOverlay& overlay() const { return overlay_; }
  QVariantList arcs() const { return overlay_.arcs; }
  QVariantMap kpis() const;
  // The window's language changed: the cards' texts follow ("zh" or "en").
  void setLanguage(const QString& language) {
    language_ = language;
    emit changed();
  }
  QVariantMap sankey() const { return overlay_.sankey; }

 signals:
  void changed();

 private:
  FlowOverlay overlay_;
  QString language_ = "en";
};

}  // namespace parktwin::app
