#include "parktwin/flow/kpi_breakdown.hpp"

#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "breakdown_rows.hpp"
#include "parktwin/flow/constants.hpp"

namespace parktwin::flow {
namespace detail {

BreakdownRows::BreakdownRows(const model::Park& park) {
  // Reserved: growing 37,000 rows of five strings each moved them all again (the 100k-node park).
  const std::size_t objects = park.lines.size() + park.buildings.size() + park.utilities.size() + park.externals.size();
  rows_.reserve(objects);
  held_.reserve(objects);
  index_.reserve(objects);
  for (const auto& l : park.lines) {
    if (!add(l.id, l.name, toText(l.kind), park.operatorOf(l))) continue;
    held_.back().push_back(&l);
    rows_.back().capacity_t_per_h = l.capacity_t_per_year / kHoursPerYear;
    rows_.back().capacity_units_per_h = l.capacity_units_per_hour;
  }
  lineRows_ = rows_.size();
  for (const auto& b : park.buildings) add(b.id, b.name, toText(b.kind), b.enterprise);
  for (const auto& l : park.lines) {
    auto it = index_.find(l.building);
    if (it == index_.end() || it->second < lineRows_) continue;
    held_[it->second].push_back(&l);
    rows_[it->second].capacity_t_per_h += l.capacity_t_per_year / kHoursPerYear;
  }
  for (const auto& u : park.utilities) {
    const model::Building* on = park.findBuilding(u.building);
    add(u.id, u.name, toText(u.kind), on ? on->enterprise : std::string());
  }
  for (const auto& x : park.externals) add(x.id, x.name, toText(x.kind), {});
}

UnitKpis* BreakdownRows::of(const FlowNode& node) {
  std::string_view id = node.id;
  if (id.ends_with("#out")) id.remove_suffix(4);
  return byId(id);
}

UnitKpis* BreakdownRows::byId(std::string_view id) {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &rows_[it->second];
}

bool BreakdownRows::add(const std::string& id, const model::LocalizedText& name, std::string_view kind,
                        const std::string& enterprise) {
  if (!index_.try_emplace(id, rows_.size()).second) return false;
  UnitKpis row;
  row.id = id;
  row.name_en = name.en;
  row.name_zh = name.zh;
  row.kind = std::string(kind);
  row.enterprise = enterprise;
  rows_.push_back(std::move(row));
  held_.emplace_back();
  return true;
}

}  // namespace detail

double oeeWeight(const model::ProductionLine& line) { return line.capacity_t_per_year > 0 ? line.capacity_t_per_year : 1; }

namespace {

Result<void> checkFlows(const FlowNetwork& network, const std::vector<double>& flows, std::size_t step) {
  if (flows.empty() || flows.size() == network.arcs.size()) return {};
  return fail("KPI breakdown: step " + std::to_string(step) + ": expected " + std::to_string(network.arcs.size()) +
              " arc flows, got " + std::to_string(flows.size()));
}

// Capacity-weighted OEE over the measured lines among `lines`; < 0 when none is measured.
double weightedOee(const std::vector<const model::ProductionLine*>& lines, const std::map<std::string, double>& oee) {
  double sum = 0, weight = 0;
  for (const auto* line : lines) {
    auto it = oee.find(line->id);
    if (it == oee.end()) continue;
    const double w = oeeWeight(*line);
    sum += w * it->second;
    weight += w;
  }
  return weight > 0 ? sum / weight : -1;
}

}  // namespace

Result<KpiBreakdown> breakdownKpis(const model::Park& park, const FlowNetwork& material, const FlowNetwork& energy,
                                   const FlowWindow& window, const FlowKpis& totals,
                                   const std::map<std::string, double>& oee) {
  detail::BreakdownRows rows(park);
  return detail::breakdownKpis(rows, park, material, energy, window, totals, oee);
}

Result<KpiBreakdown> detail::breakdownKpis(BreakdownRows& rows, const model::Park& park, const FlowNetwork& material,
                                           const FlowNetwork& energy, const FlowWindow& window, const FlowKpis& totals,
                                           const std::map<std::string, double>& oee) {
  std::unordered_map<std::string, double> enteringFirm;  // metal entering each enterprise, t
  // Lines that an energy link names draw through their own demand arc, not their building's.
  std::unordered_set<std::string_view> energyNamed;
  for (const FlowNode& node : energy.nodes) energyNamed.insert(node.id);

  for (std::size_t s = 0; s < window.steps.size(); ++s) {
    const FlowStep& step = window.steps[s];
    if (auto ok = checkFlows(material, step.material_arc_flow, s); !ok) return std::unexpected(ok.error());
    if (auto ok = checkFlows(energy, step.energy_arc_flow, s); !ok) return std::unexpected(ok.error());
    for (std::size_t i = 0; i < step.material_arc_flow.size(); ++i) {
      const FlowArc& arc = material.arcs[i];
      const double tonnes = step.material_arc_flow[i] * step.duration_h;
      if (tonnes <= 0 || (arc.kind != ArcKind::supply && arc.kind != ArcKind::link)) continue;
      UnitKpis* to = rows.of(material.nodes[static_cast<std::size_t>(arc.to)]);
      if (!to) continue;
      to->throughput_t += tonnes;
      to->cost_yuan += tonnes * arc.money_yuan_per_unit;
      if (arc.direct_molten) to->direct_molten_t += tonnes;
      if (arc.remelt) to->remelt_t += tonnes;
      const UnitKpis* from = arc.kind == ArcKind::link ? rows.of(material.nodes[static_cast<std::size_t>(arc.from)]) : nullptr;
      if (!to->enterprise.empty() && (!from || from->enterprise != to->enterprise)) enteringFirm[to->enterprise] += tonnes;
    }
    for (std::size_t i = 0; i < step.energy_arc_flow.size(); ++i) {
      const FlowArc& arc = energy.arcs[i];
      const double kwh = step.energy_arc_flow[i] * step.duration_h;
      if (kwh <= 0 || arc.kind != ArcKind::demand || arc.loss) continue;
      UnitKpis* load = rows.of(energy.nodes[static_cast<std::size_t>(arc.from)]);
      if (!load) continue;
      // A building's load is that of its lines no energy link names (network.hpp).
      std::vector<std::pair<UnitKpis*, double>> shares;
      double demand = 0;
      if (!rows.isLine(*load)) {
        for (const auto* line : rows.held(*load)) {
          if (energyNamed.contains(line->id) || lineDemandKw(*line) <= 0) continue;
          shares.emplace_back(rows.byId(line->id), lineDemandKw(*line));
          demand += lineDemandKw(*line);
        }
      }
      if (shares.empty()) load->energy_kwh += kwh;
      for (auto& [row, kw] : shares) row->energy_kwh += kwh * kw / demand;
    }
  }

  const double co2PerKwh = totals.energy_kwh > 0 ? totals.co2_t / totals.energy_kwh : 0;
  const double costPerKwh = totals.energy_kwh > 0 ? totals.energy_cost_yuan / totals.energy_kwh : 0;
  const double hours = totals.hours;
  KpiBreakdown out;
  out.objects.reserve(rows.all().size());
  std::unordered_map<std::string, UnitKpis> firms;
  std::unordered_map<std::string, std::vector<const model::ProductionLine*>> firmLines;
  for (UnitKpis& row : rows.all()) {
    const auto& held = rows.held(row);
    const bool isLine = rows.isLine(row);
    if (isLine && !row.enterprise.empty()) firmLines[row.enterprise].push_back(held.front());
    if (!isLine && row.throughput_t <= 0 && row.energy_kwh <= 0) continue;
    row.co2_t = row.energy_kwh * co2PerKwh;
    row.cost_yuan += row.energy_kwh * costPerKwh;
    row.remelt_cost_avoided_yuan = kRemeltPremiumYuanPerT * row.direct_molten_t;
    if (hours > 0) row.throughput_t_per_h = row.throughput_t / hours;
    if (row.capacity_t_per_h > 0) row.utilisation = row.throughput_t_per_h / row.capacity_t_per_h;
    if (row.throughput_t > 0) row.energy_kwh_per_t_through = row.energy_kwh / row.throughput_t;
    row.oee = weightedOee(held, oee);
    if (!row.enterprise.empty()) {
      UnitKpis& firm = firms[row.enterprise];
      firm.energy_kwh += row.energy_kwh;
      firm.co2_t += row.co2_t;
      firm.cost_yuan += row.cost_yuan;
      firm.direct_molten_t += row.direct_molten_t;
      firm.remelt_t += row.remelt_t;
      if (isLine) firm.capacity_t_per_h += row.capacity_t_per_h;
    }
    out.objects.push_back(std::move(row));  // the rows are used up: read nothing of them after
  }
  for (const auto& e : park.enterprises) {
    auto it = firms.find(e.id);
    if (it == firms.end() && !firmLines.contains(e.id)) continue;
    UnitKpis firm = it == firms.end() ? UnitKpis{} : it->second;
    firm.id = e.id;
    firm.name_en = e.name.en;
    firm.name_zh = e.name.zh;
    firm.kind = "enterprise";
    firm.is_enterprise = true;
    firm.throughput_t = enteringFirm[e.id];
    if (hours > 0) firm.throughput_t_per_h = firm.throughput_t / hours;
    if (firm.throughput_t > 0) firm.energy_kwh_per_t_through = firm.energy_kwh / firm.throughput_t;
    firm.remelt_cost_avoided_yuan = kRemeltPremiumYuanPerT * firm.direct_molten_t;
    firm.oee = weightedOee(firmLines[e.id], oee);
    out.enterprises.push_back(std::move(firm));
  }
  std::vector<const model::ProductionLine*> allLines;
  for (const auto& l : park.lines) allLines.push_back(&l);
  out.park_oee = weightedOee(allLines, oee);
  return out;
}

}  // namespace parktwin::flow
