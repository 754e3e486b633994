#include "flow_overlay.hpp"

#include <QColor>
#include <QElapsedTimer>
#include <QVector3D>
#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <set>

#include "flow_problem_text.hpp"
#include "kpi_text.hpp"
#include "parktwin/flow/kpi_table.hpp"
#include "parktwin/flow/latest_state_solver.hpp"
#include "parktwin/flow/park_flows.hpp"
#include "parktwin/flow/park_state.hpp"
#include "parktwin/flow/sankey.hpp"
#include "parktwin/model/object_index.hpp"
#include "scene_frame.hpp"

namespace parktwin::app {

namespace {

const QColor kGoodsColor(0x3c, 0xb3, 0x71);     // finished goods and parts
const QColor kHydrogenColor(0x1f, 0xc8, 0xe0);  // as a product and as a carrier

QColor productColor(model::Product product) {
  using enum model::Product;
  switch (product) {
    case molten_aluminium: return QColor(0xff, 0x7a, 0x1a);
    case ingot:
    case recycled_aluminium:
    case scrap: return QColor(0xa8, 0xb2, 0xbd);
    case hydrogen: return kHydrogenColor;
    case rod: case profile: case plate: case forging: case chassis_part: case parts:
    case led_module: case cylinder_head: case goods: break;
  }
  return kGoodsColor;
}

QColor carrierColor(model::Carrier carrier) {
  using enum model::Carrier;
  switch (carrier) {
    case electricity: return QColor(0x2f, 0x80, 0xed);
    case hydrogen: return kHydrogenColor;
    case heat: case water: break;
  }
  return kGoodsColor;
}

// A flow arc or band carries the word of a material product or of an energy carrier.
QColor flowColor(const std::string& productOrCarrier) {
  if (auto product = model::parseKind<model::Product>(productOrCarrier)) return productColor(*product);
  if (auto carrier = model::parseKind<model::Carrier>(productOrCarrier)) return carrierColor(*carrier);
  return kGoodsColor;
}

std::string baseId(const std::string& nodeId) {
  const auto hash = nodeId.find('#');
  return hash == std::string::npos ? nodeId : nodeId.substr(0, hash);
}

// Arcs end where their objects are drawn (an external far away: at the park's edge).
void addArcs(const model::ObjectIndex& index, const flow::NetworkSolution& solution, const char* quantity,
             float height_m, QVariantList& out) {
  const auto& net = solution.network;
  std::set<int> cut;
  for (const auto& c : solution.max_flow.min_cut) cut.insert(c.arc);
  double maxFlow = 0;
  for (std::size_t i = 0; i < net.arcs.size(); ++i) {
    if (net.arcs[i].kind == flow::ArcKind::link && i < solution.dispatch.arc_flow.size()) {
      maxFlow = std::max(maxFlow, solution.dispatch.arc_flow[i]);
    }
  }
  for (std::size_t i = 0; i < net.arcs.size(); ++i) {
    const auto& arc = net.arcs[i];
    if (arc.kind != flow::ArcKind::link) continue;
    const double flow = i < solution.dispatch.arc_flow.size() ? solution.dispatch.arc_flow[i] : 0;
    const auto from = index.drawnPosition(baseId(net.nodes[arc.from].id));
    const auto to = index.drawnPosition(baseId(net.nodes[arc.to].id));
    if (!from || !to) continue;
    const double dx = to->x_m - from->x_m, dy = to->y_m - from->y_m;
    const double length = std::hypot(dx, dy);
    if (length < 1) continue;
    const bool bottleneck = cut.contains(int(i));
    const double share = maxFlow > 0 ? flow / maxFlow : 0;
    out.push_back(QVariantMap{
        {"id", QString::fromStdString(arc.id)},
        {"quantity", quantity},
        {"product", QString::fromStdString(arc.product)},
        {"from", QString::fromStdString(baseId(net.nodes[arc.from].id))},
        {"to", QString::fromStdString(baseId(net.nodes[arc.to].id))},
        {"flow", flow},
        {"capacity", arc.capacity},
        {"utilisation", arc.capacity > 0 ? flow / arc.capacity : 0.0},
        {"bottleneck", bottleneck},
        {"width", flow > 0 ? 1.5 + 9.0 * std::sqrt(share) : 0.8},
        {"speed", flow > 0 ? 10.0 + 50.0 * share : 0.0},  // m/s of the moving dashes: faster for more flow
        {"color", bottleneck ? QColor(0xe0, 0x2f, 0x2f) : flowColor(arc.product)},
        {"position", toScene((from->x_m + to->x_m) / 2, (from->y_m + to->y_m) / 2, height_m)},
        {"length", length},
        {"angle", std::atan2(dy, dx) * 180.0 / M_PI},
        {"active", flow > 1e-9}});
  }
}

QVariantMap sankeyOf(const flow::NetworkSolution& solution, const char* unit) {
  // Objects under 3 % of the total merge per column: ~10 nodes a column stay readable.
  const flow::SankeyDiagram d = flow::buildSankey(solution.network, solution.dispatch.arc_flow, 0.03);
  QVariantList nodes, bands;
  for (const auto& n : d.nodes) {
    nodes << QVariantMap{{"id", QString::fromStdString(n.id)}, {"name", QString::fromStdString(n.name)},
                         {"column", n.column}, {"value", n.value}, {"y", n.y}, {"merged", n.merged}};
  }
  for (const auto& b : d.bands) {
    bands << QVariantMap{{"from", b.from}, {"to", b.to}, {"value", b.value}, {"fromY", b.from_y},
                         {"toY", b.to_y}, {"color", flowColor(b.product)},
                         {"fromColumn", d.nodes[std::size_t(b.from)].column},
                         {"toColumn", d.nodes[std::size_t(b.to)].column}};
  }
  return {{"columns", d.columns}, {"height", d.height}, {"total", d.total}, {"unit", unit},
          {"bandCount", bands.size()}, {"nodes", nodes}, {"bands", bands}};
}

QString q(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

// Every flow KPI by its id, and the KPI bar's values (FlowController::kpis makes its cards).
void addKpis(const flow::FlowKpis& kpis, FlowOverlay& overlay) {
  using enum flow::KpiKey;
  static constexpr flow::KpiKey kBar[] = {throughput_t_per_year, capacity_units_per_year, energy_kwh_per_t_delivered,
                                          co2_t, local_supply_share_pct, remelt_cost_avoided_yuan};
  for (const auto& v : flow::flowKpiValues(kpis)) {
    if (!v.value) continue;
    overlay.kpis[q(flow::kpiId(v.key))] = *v.value;
    if (std::find(std::begin(kBar), std::end(kBar), v.key) != std::end(kBar)) overlay.barKpis.push_back(v);
  }
}

// Everything the window shows of one solve; runs on the flow worker too (QVariant values are
// plain data until they reach QML).
FlowOverlay overlayOf(const model::Park& park, Result<flow::ParkFlowReport> report) {
  FlowOverlay overlay;
  if (!report) {
    overlay.error = QString::fromStdString(report.error().message);
    return overlay;
  }
  const model::ObjectIndex index(park);
  if (report->has_material) {
    addArcs(index, report->material, "material", 26, overlay.arcs);
    overlay.sankey["material"] = sankeyOf(report->material, "t/h");
  }
  if (report->has_energy) {
    addArcs(index, report->energy, "energy", 20, overlay.arcs);
    overlay.sankey["energy"] = sankeyOf(report->energy, "kW");
  }
  addKpis(report->kpis, overlay);
  for (const auto* rows : {&report->breakdown.objects, &report->breakdown.enterprises}) {
    for (const auto& u : *rows) {
      overlay.units[QString::fromStdString(u.id)] =
          QVariantMap{{"enterprise", rows == &report->breakdown.enterprises},
                      {"throughputT", u.throughput_t},
                      {"utilisation", u.utilisation},
                      {"energyKwh", u.energy_kwh},
                      {"energyKwhPerT", u.energy_kwh_per_t_through},
                      {"co2T", u.co2_t},
                      {"costYuan", u.cost_yuan},
                      {"directMoltenT", u.direct_molten_t},
                      {"remeltAvoidedYuan", u.remelt_cost_avoided_yuan}};
    }
  }
  return overlay;
}

std::map<std::string, double> toStdMap(const QHash<QString, double>& values) {
  std::map<std::string, double> out;
  for (auto it = values.constBegin(); it != values.constEnd(); ++it) out.emplace(it.key().toStdString(), it.value());
  return out;
}

}  // namespace

FlowOverlay solveFlowOverlay(const model::Park& park) {
  flow::FlowOverrides overrides;
  overrides.supply_basis = flow::SupplyBasis::annual_average;
  return overlayOf(park, flow::solveParkFlows(park, overrides, 8760.0));
}

FlowOverlay solveFlowOverlayAt(const model::Park& park, qint64 t_ms, const QHash<QString, double>& values) {
  const flow::StateOverrides state = flow::overridesFromState(park, toStdMap(values), t_ms);
  return overlayOf(park, flow::solveParkFlows(park, state.material, state.energy, 8760.0));
}

// The roles QML reads of each kind of row (FlowArcs.qml, KpiBar.qml, SankeyPanel.qml): a value
// that no delegate reads is not compared at each step.
FlowController::FlowController(QObject* parent)
    : QObject(parent),
      arcRows_({"id", "position", "angle", "length", "bottleneck", "width", "speed", "color", "active"}, this),
      kpiCards_({"key", "name", "label", "text"}, this),
      materialNodes_({"id", "name", "column", "value", "y", "merged"}, this),
      materialBands_({"value", "fromY", "toY", "color", "fromColumn", "toColumn"}, this),
      energyNodes_({"id", "name", "column", "value", "y", "merged"}, this),
      energyBands_({"value", "fromY", "toY", "color", "fromColumn", "toColumn"}, this) {}

FlowController::~FlowController() = default;

void FlowController::publish() {
  const auto show = [this](StableRowsModel& model, const QVariantList& rows) {
    if (resetRows_) model.resetRows(rows);
    else model.setRows(rows);
  };
  show(arcRows_, overlay_.arcs);
  show(kpiCards_, cardRows());
  const QVariantMap material = overlay_.sankey.value("material").toMap(), energy = overlay_.sankey.value("energy").toMap();
  show(materialNodes_, material.value("nodes").toList());
  show(materialBands_, material.value("bands").toList());
  show(energyNodes_, energy.value("nodes").toList());
  show(energyBands_, energy.value("bands").toList());
  emit changed();
}

void FlowController::setLanguage(const QString& language) {
  language_ = language;
  kpiCards_.setRows(cardRows());
  emit changed();
}

QString FlowController::problem() const { return overlay_.error.isEmpty() ? QString() : flowProblemText(overlay_.error); }

QVariantMap FlowController::sankeyFrame() const {
  QVariantMap out;
  for (auto it = overlay_.sankey.constBegin(); it != overlay_.sankey.constEnd(); ++it) {
    QVariantMap side = it.value().toMap();
    side.remove("nodes");
    side.remove("bands");
    out[it.key()] = side;
  }
  return out;
}

void FlowController::solve(const model::Park& park) {
  solver_.reset();  // its steps are of the park before this solve; waits for the one in progress
  ++generation_;
  park_ = &park;
  design_ = solveFlowOverlay(park);
  overlay_ = design_;
  stepMs_ = -1;
  publish();
}

void FlowController::showStep(qint64 t_ms, const QHash<QString, double>& values) {
  if (!follow_ || !park_ || ignoreSteps_) return;
  ++stepsPosted_;
  if (onCaller_) {
    applyStep(generation_, t_ms, solveFlowOverlayAt(*park_, t_ms, values));
    return;
  }
  if (!solver_) {
    // The worker solves a copy: the park is edited in place on this thread.
    auto copy = std::make_shared<const model::Park>(*park_);
    const int generation = generation_;
    solver_ = std::make_unique<flow::LatestStateSolver>(
        copy, 8760.0, [this, copy, generation](std::int64_t t, Result<flow::ParkFlowReport> report) {
          FlowOverlay overlay = overlayOf(*copy, std::move(report));
          QMetaObject::invokeMethod(
              this, [this, generation, t, overlay = std::move(overlay)]() mutable { applyStep(generation, t, std::move(overlay)); },
              Qt::QueuedConnection);
        });
  }
  solver_->post({t_ms, toStdMap(values)});
}

void FlowController::applyStep(int generation, qint64 t_ms, FlowOverlay overlay) {
  if (generation != generation_ || !follow_) return;  // another park, or no longer following
  QElapsedTimer shown;
  shown.start();
  overlay_ = std::move(overlay);
  stepMs_ = t_ms;
  ++stepsShown_;
  publish();
  if (recordShowTimes_) stepShowMs_.push_back(double(shown.nsecsElapsed()) / 1e6);
}

void FlowController::showDesign() {
  if (stepMs_ < 0) return;
  solver_.reset();
  ++generation_;
  overlay_ = design_;
  stepMs_ = -1;
  publish();
}

void FlowController::setFollowTimeline(bool follow) {
  if (follow == follow_) return;
  follow_ = follow;
  if (!follow) showDesign();
  emit followTimelineChanged();
}

QVariantMap FlowController::kpis() const {
  QVariantMap out = overlay_.kpis;
  out["cards"] = cardRows();
  return out;
}

QVariantList FlowController::cardRows() const {
  QVariantList cards;
  for (const auto& v : overlay_.barKpis) {
    cards << QVariantMap{{"key", q(flow::kpiId(v.key))},
                         {"name", kpiNameText(v.key)},
                         {"label", kpiLabelText(v.key)},
                         {"text", QString::fromStdString(flow::kpiCompactWithUnit(v.key, *v.value, language_.toStdString()))}};
  }
  return cards;
}

}  // namespace parktwin::app
