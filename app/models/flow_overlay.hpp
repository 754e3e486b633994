#pragma once
// The park's material and energy flows as the 3D scene draws them: one segment per park link
// with its solved flow, capacity and utilisation, the bottleneck (minimum cut) marked, and the
// park's flow KPIs. Solved once per park at design capacities (average hour of a year).
#include <QString>
#include <QVariantList>
#include <QVariantMap>

namespace parktwin::model {
struct Park;
}

namespace parktwin::app {

struct FlowOverlay {
  QVariantList arcs;  // {id, from, to, quantity, product, flow, capacity, utilisation, bottleneck, width, speed, color, position, length, angle, y}
  // {material, energy}: {columns, height, total, unit, nodes: [{id, name, column, value, y,
  // merged}], bands: [{from, to, value, fromY, toY, color}]} (flow::buildSankey; flow units)
  QVariantMap sankey;
  // The park's flow KPIs by their id in the KPI table (flow/kpi_table.hpp), per year, and
  // "cards": [{key, nameEn, nameZh, labelEn, labelZh, textEn, textZh}] for the KPI bar.
  QVariantMap kpis;
  // The same per line, building and enterprise id (flow::breakdownKpis, per year): {enterprise
  // (bool), throughputT, utilisation, energyKwh, energyKwhPerT, co2T, costYuan, directMoltenT,
  // remeltAvoidedYuan}
  QVariantMap units;
  QString error;
};

FlowOverlay solveFlowOverlay(const parktwin::model::Park& park);

}  // namespace parktwin::app
