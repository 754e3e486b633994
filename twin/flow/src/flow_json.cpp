// The flow solution as JSON, one shape for `parktwin-cli flows --json` and the server's
// GET .../flows: callers reading either see the same keys.
#include "parktwin/flow/flow_json.hpp"

#include <string>
#include <vector>

#include "parktwin/flow/kpi_table.hpp"

namespace parktwin::flow {

const char* quantityUnit(const FlowNetwork& n) { return n.quantity == Quantity::material_t_per_h ? "t/h" : "kW"; }

namespace {

using nlohmann::json;

const char* kindName(ArcKind kind) {
  switch (kind) {
    case ArcKind::supply: return "supply";
    case ArcKind::demand: return "demand";
    case ArcKind::throughput: return "throughput";
    case ArcKind::link: break;
  }
  return "link";
}

json networkJson(const NetworkSolution& s, const std::optional<FailureImpact>& impact) {
  const FlowNetwork& n = s.network;
  json arcs = json::array();
  for (std::size_t i = 0; i < n.arcs.size(); ++i) {
    const FlowArc& a = n.arcs[i];
    arcs.push_back({{"id", a.id},
                    {"kind", kindName(a.kind)},
                    {"from", n.nodes[static_cast<std::size_t>(a.from)].id},
                    {"to", n.nodes[static_cast<std::size_t>(a.to)].id},
                    {"description", n.describeArc(static_cast<int>(i))},
                    {"capacity", a.capacity},
                    {"flow", s.dispatch.arc_flow[i]},
                    {"money_yuan_per_unit", a.money_yuan_per_unit},
                    {"dispatch_cost_per_unit", a.dispatch_cost_per_unit}});
  }
  json cut = json::array();
  for (const auto& c : s.max_flow.min_cut) cut.push_back({{"id", c.id}, {"description", c.description}, {"capacity", c.capacity}});
  const auto shortfallsJson = [](const std::vector<Shortfall>& all) {
    json out = json::array();
    for (const auto& sf : all) out.push_back({{"node", sf.node_id}, {"name", sf.name}, {"needed", sf.needed}, {"supplied", sf.supplied}});
    return out;
  };
  const json shortfalls = shortfallsJson(s.dispatch.shortfalls);
  json out{{"unit", quantityUnit(n)},
           {"max_flow", s.max_flow.value},
           {"min_cut_capacity", s.max_flow.cut_capacity},
           {"bottleneck", cut},
           {"dispatch_objective_per_h", s.dispatch.cost},
           {"arcs", arcs},
           {"shortfalls", shortfalls},
           {"unlinked_consumers", n.unlinked_consumers}};
  if (impact) {
    out["failure"] = {{"failed", impact->failed},
                      {"islanded", impact->islanded},
                      {"shortfalls", shortfallsJson(impact->shortfalls)},
                      {"max_flow_before", impact->value_before},
                      {"max_flow_after", impact->value_after}};
  }
  return out;
}

// Keys and units from the KPI table (flow/kpi_table.hpp); a KPI nothing measured is null.
json kpiJson(const std::vector<KpiValue>& values) {
  json out = json::object();
  for (const auto& v : values) out[std::string(kpiId(v.key))] = v.value ? json(*v.value) : json(nullptr);
  return out;
}

json unitJson(const UnitKpis& u) {
  json out{{"id", u.id}, {"name_en", u.name_en}, {"name_zh", u.name_zh}, {"kind", u.kind}};
  if (!u.is_enterprise) out["enterprise"] = u.enterprise;
  out.update(kpiJson(unitKpiValues(u)));
  return out;
}

}  // namespace

json flowReportJson(const model::Park& park, const ParkFlowReport& r, const std::optional<FailureImpact>& materialImpact,
                const std::optional<FailureImpact>& energyImpact) {
  const FlowKpis& k = r.kpis;
  json ranking = json::array();
  for (const auto& e : r.ranking) {
    ranking.push_back({{"rank", e.rank},
                       {"enterprise", e.enterprise_id},
                       {"name_en", e.name_en},
                       {"name_zh", e.name_zh},
                       {"land_area_mu", e.land_area_mu},
                       {"output_yuan_per_mu", e.output_yuan_per_mu},
                       {"tax_yuan_per_mu", e.tax_yuan_per_mu}});
  }
  json out{{"park", park.id},
           {"hours", k.hours},
           {"kpis", kpiJson(flowKpiValues(k))},
           {"per_mu_ranking", ranking},
           {"enterprises", json::array()},
           {"objects", json::array()},
           {"park_oee_pct", r.breakdown.park_oee >= 0 ? json(100 * r.breakdown.park_oee) : json(nullptr)},
           {"warnings", json::array()}};
  for (const auto& w : r.warnings) out["warnings"].push_back(w.en);
  for (const auto& e : r.breakdown.enterprises) out["enterprises"].push_back(unitJson(e));
  for (const auto& o : r.breakdown.objects) out["objects"].push_back(unitJson(o));
  if (r.has_material) out["material"] = networkJson(r.material, materialImpact);
  if (r.has_energy) out["energy"] = networkJson(r.energy, energyImpact);
  return out;
}
}  // namespace parktwin::flow
