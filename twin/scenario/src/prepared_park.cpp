#include "prepared_park.hpp"

#include <algorithm>
#include <set>

#include "parktwin/flow/kpi_breakdown.hpp"
#include "parktwin/flow/network.hpp"
#include "parktwin/sim/simulator.hpp"

namespace parktwin::scenario::detail {
namespace {

// Structural changes only: timed ones act in the simulator or the accounting.
Result<void> applyStructural(model::Park& park, const Scenario& s, PreparedPark& out) {
  for (const Change& c : s.changes) {
    switch (c.kind) {
      case ChangeKind::commission:
        for (auto& b : park.buildings) {
          if (b.id == c.target) b.planned = false;
        }
        for (auto& u : park.utilities) {
          if (u.id == c.target) u.planned = false;
        }
        break;
      case ChangeKind::add_line:
        park.lines.push_back(c.line);
        break;
      case ChangeKind::retrofit:
        for (auto& line : park.lines) {
          const std::string firm = park.operatorOf(line);
          if (std::ranges::find(c.targets, firm) == c.targets.end()) continue;
          if (line.kind == model::LineKind::potline) continue;  // a smelter's output is set by its current, not by a retrofit
          const double rate = 1 + c.retrofit.productivity;
          const double perUnit = 1 + c.retrofit.energy_per_unit;
          line.capacity_t_per_year *= rate;
          line.capacity_units_per_hour *= rate;
          line.energy_kwh_per_t *= perUnit;
          line.power_kw *= rate * perUnit;
          for (auto& group : line.machines) group.power_kw *= rate * perUnit;
        }
        break;
      case ChangeKind::pv: {
        bool found = false;
        for (auto& u : park.utilities) {
          if (u.id != c.target) continue;
          if (u.power_kw > 0) u.annual_energy_kwh *= c.peak_kw / u.power_kw;
          u.power_kw = c.peak_kw;
          found = true;
        }
        if (!found) {  // a new rooftop plant on a building
          const auto* b = park.findBuilding(c.target);
          if (!b) return fail(ErrorCode::invalid_input, s.messageSource() + ": " + c.path + "/target: no PV utility or building \"" + c.target + "\"");
          model::Utility pv;
          pv.id = "pv-" + c.target + "-scenario";
          pv.name = {b->name.zh + " 新增光伏", b->name.en + " added PV"};
          pv.kind = model::UtilityKind::pv;
          pv.building = b->id;
          pv.position = b->position;
          pv.power_kw = c.peak_kw;
          park.utilities.push_back(pv);
        }
        break;
      }
      case ChangeKind::storage:
        for (auto& u : park.utilities) {
          if (u.id == c.target) {
            u.power_kw = c.power_kw;
            u.energy_kwh = c.energy_kwh;
          }
        }
        break;
      case ChangeKind::grid_emission:
        out.grid_emission_t_per_mwh = c.emission_t_per_mwh;
        park.grid_emission_t_per_mwh = c.emission_t_per_mwh;
        break;
      case ChangeKind::tariff:
        out.tariff = c.tariff;
        break;
      default:
        break;
    }
  }
  return {};
}

int addTag(model::Park& park, const std::string& object, const std::string& quantity, const std::string& unit,
           model::TagKind kind = model::TagKind::analog) {
  model::Tag tag;
  tag.id = object + ".scenario_" + quantity;
  tag.name = {tag.id, tag.id};
  tag.unit = unit;
  tag.kind = kind;
  tag.object = object;
  park.tags.push_back(tag);
  return static_cast<int>(park.tags.size() - 1);
}

// The park's pumped-storage plant (the first one): its power tag and what the hourly
// dispatch needs of it.
void addPumpedStorage(model::Park& park, const model::Utility& u, PreparedPark& out) {
  out.pumped_power_tag = addTag(park, u.id, "power", "kW");
  out.pumped_power_kw = u.power_kw;
  out.pumped_energy_kwh = u.energy_kwh;
  out.pumped_yuan_per_kwh = out.flat_tariff_yuan_per_kwh;
  for (const auto& link : park.energy_links) {
    if (link.from == u.id && link.cost_yuan_per_kwh > 0) out.pumped_yuan_per_kwh = link.cost_yuan_per_kwh;
  }
}

// The tags a scenario run records for the park's utilities: load, import, generation, storage.
void addUtilityTags(model::Park& park, PreparedPark& out) {
  const std::vector<model::Utility> utilities = park.utilities;  // addTag grows park.tags only
  using enum model::UtilityKind;
  for (const auto& u : utilities) {
    if (u.planned) continue;
    switch (u.kind) {
      case substation:
        if (out.load_tag < 0) out.load_tag = addTag(park, u.id, "load", "kW");
        break;
      case grid_tie:
        if (out.import_tag < 0) out.import_tag = addTag(park, u.id, "import", "kW");
        break;
      case pv: out.pv_tags.push_back(addTag(park, u.id, "power", "kW")); break;
      case reservoir_hydro: out.hydro_tags.push_back(addTag(park, u.id, "power", "kW")); break;
      case battery: out.battery_tags.push_back(addTag(park, u.id, "power", "kW")); break;
      case pumped_storage:
        if (out.pumped_power_tag < 0) addPumpedStorage(park, u, out);
        break;
      case charger:  // the simulator's chargers need no scenario tags
      case hydrogen: break;
    }
  }
}

bool fromTheGrid(const model::Park& park, const model::EnergyLink& link) {
  if (link.carrier != model::Carrier::electricity) return false;
  const auto* u = park.findUtility(link.from);
  if (u && u->kind == model::UtilityKind::grid_tie) return true;
  return std::ranges::any_of(park.externals, [&](const auto& e) { return e.id == link.from && e.kind == model::ExternalKind::grid; });
}

}  // namespace

GridTariff gridTariff(const model::Park& park) {
  GridTariff out;
  // The first priced link out of the grid (a grid external -> grid tie -> substation chain may
  // price either), else the first link out of it.
  auto grid = std::ranges::find_if(park.energy_links, [&](const auto& link) { return fromTheGrid(park, link) && link.cost_yuan_per_kwh > 0; });
  if (grid == park.energy_links.end()) {
    grid = std::ranges::find_if(park.energy_links, [&](const auto& link) { return fromTheGrid(park, link); });
  }
  if (grid == park.energy_links.end()) return out;
  out.yuan_per_kwh = grid->cost_yuan_per_kwh;
  out.links.push_back(grid->id);
  const auto* to = park.findUtility(grid->to);
  if (!to || to->kind != model::UtilityKind::substation) return out;
  // The substation's prices onward are paid only where the grid's energy was not paid before.
  const std::vector<flow::EnergyLinkCharge> charged = flow::chargedEnergyLinks(park);
  double weighted = 0, capacity = 0;
  for (std::size_t i = 0; i < park.energy_links.size(); ++i) {
    const model::EnergyLink& link = park.energy_links[i];
    if (link.from != to->id || link.carrier != model::Carrier::electricity || !charged[i].cost) continue;
    weighted += link.cost_yuan_per_kwh * link.capacity_kw;
    capacity += link.capacity_kw;
    out.links.push_back(link.id);
  }
  if (capacity > 0) out.yuan_per_kwh += weighted / capacity;
  return out;
}

bool takesIngot(const model::Park& park, const std::string& lineId) {
  return std::ranges::any_of(park.material_links, [&](const model::MaterialLink& link) {
    return link.to == lineId && link.product == model::Product::ingot;
  });
}

// A park without the substation or the grid tie a run measures at, in `language`.
// Leaves out the park's tags the simulator has no quantity for: a scenario compares two
// simulated runs, and a measured-only tag (a hall temperature) has a value in neither. The
// simulator itself decides which (it binds tags to quantities), so the rule has one owner.
static Result<void> leaveOutUnsimulatedTags(model::Park& park, const Scenario& scenario, PreparedPark& out) {
  sim::SimulatorConfig config;
  config.seed = scenario.seed;
  config.start_ms = scenario.start_ms;
  config.step_ms = scenario.step_ms;
  config.skip_undrivable_tags = true;
  auto probe = sim::Simulator::create(park, config);
  if (!probe) return std::unexpected(probe.error());
  out.skipped_tags = probe->skippedTags();
  if (out.skipped_tags.empty()) return {};
  const std::set<std::string> skipped(out.skipped_tags.begin(), out.skipped_tags.end());
  std::erase_if(park.tags, [&](const model::Tag& tag) { return skipped.contains(tag.id); });
  return {};
}

static Error missingMeters(const std::string& parkId, const PreparedPark& prepared, std::string_view language) {
  const bool noLoad = prepared.load_tag < 0, noImport = prepared.import_tag < 0;
  if (language == "zh") {
    const char* missing = noLoad && noImport ? "两者都没有" : noLoad ? "没有变电站（substation）" : "没有电网并网点（grid_tie）";
    return {parkId + ": 情景运行在变电站（substation）测量园区负荷，在电网并网点（grid_tie）测量电网购电量，而本园区" + missing +
                "（规划中的不计）：请在 /utilities 下添加，并按 电网并网点 -> 变电站 -> 负荷 连接（docs/park-format.md、docs/scenario-format.md）",
            ErrorCode::invalid_input};
  }
  const char* missing = noLoad && noImport ? "neither" : noLoad ? "no substation" : "no grid_tie";
  return {parkId + ": a scenario run measures the park's load at a substation and its grid import at a grid_tie "
              "utility, and this park has " + missing + " (planned ones do not count): add them under /utilities, "
              "linked grid tie -> substation -> loads (docs/park-format.md, docs/scenario-format.md)",
          ErrorCode::invalid_input};
}

Result<PreparedPark> preparePark(const model::Park& base, const Scenario& scenario, bool changed, std::string_view language) {
  PreparedPark out;
  out.park = base;
  model::Park& park = out.park;
  out.grid_emission_t_per_mwh = base.grid_emission_t_per_mwh > 0 ? base.grid_emission_t_per_mwh : 0.57;
  out.tariff = scenario.tariff;
  if (changed) {
    if (auto ok = applyStructural(park, scenario, out); !ok) return std::unexpected(ok.error());
  }
  park = model::withoutPlanned(park);
  if (auto ok = leaveOutUnsimulatedTags(park, scenario, out); !ok) return std::unexpected(ok.error());
  out.own_tags = park.tags.size();

  out.flat_tariff_yuan_per_kwh = gridTariff(park).yuan_per_kwh;

  // Hubs: where potlines send molten metal. Processors: lines fed molten from a hub, outside it.
  std::set<std::string> hubs;
  for (const auto& line : park.lines) {
    if (line.kind != model::LineKind::potline) continue;
    out.potlines.push_back(line.id);
    if (line.energy_kwh_per_t > 0) out.primary_kwh_per_t = line.energy_kwh_per_t;
    for (const auto& link : park.material_links) {
      if (link.from == line.id && link.product == model::Product::molten_aluminium) hubs.insert(link.to);
    }
  }
  out.remelt_kwh_per_t = kRemeltShareOfPrimary * out.primary_kwh_per_t;

  for (const auto& line : park.lines) {
    if (line.kind == model::LineKind::potline) continue;
    PreparedLine pl;
    pl.id = line.id;
    pl.enterprise = park.operatorOf(line);
    if (line.kind == model::LineKind::recycling) pl.role = LineRole::recycling;
    pl.ingot_fed = takesIngot(park, line.id);
    pl.oee_weight = flow::oeeWeight(line);
    for (const auto& link : park.material_links) {
      if (link.to == line.id && link.product == model::Product::recycled_aluminium) pl.recycled_link_t_per_h += link.capacity_t_per_hour;
      if (link.to != line.id || link.product != model::Product::molten_aluminium || !hubs.contains(link.from)) continue;
      if (line.building == link.from) {
        pl.role = LineRole::ingot_caster;
      } else {
        pl.molten_fed = true;
        pl.molten_link_t_per_h += link.capacity_t_per_hour;
      }
    }
    for (const Change& c : scenario.changes) {
      if (c.kind != ChangeKind::retrofit || std::ranges::find(c.targets, pl.enterprise) == c.targets.end()) continue;
      pl.retrofitted = true;
      pl.operating_cost_yuan_per_t = c.retrofit.operating_cost_yuan_per_t * (changed ? 1 + c.retrofit.operating_cost : 1);
      pl.defect_rate = c.retrofit.baseline_defect_rate * (changed ? 1 + c.retrofit.defect_rate : 1);
    }
    out.lines.push_back(pl);
  }
  // The simulator would starve processors when the casthouse runs low; here they fall back on
  // ingot, which the hourly dispatch accounts for, so their molten links leave the simulation.
  std::erase_if(park.material_links, [&](const model::MaterialLink& link) {
    if (link.product != model::Product::molten_aluminium || !hubs.contains(link.from)) return false;
    const auto* line = park.findLine(link.to);
    return line && line->building != link.from;
  });

  for (const auto& id : out.potlines) {
    out.pot_tapped_tags.push_back(addTag(park, id, "tapped", "t", model::TagKind::counter));
    out.pot_power_tags.push_back(addTag(park, id, "power", "kW"));
  }
  for (auto& pl : out.lines) {
    pl.output_tag = addTag(park, pl.id, "output", "t", model::TagKind::counter);
    pl.power_tag = addTag(park, pl.id, "power", "kW");
    pl.oee_tag = addTag(park, pl.id, "oee", "%");
    // The simulator's good units per hour (its "*_per_hour" quantity). Lines without a stated
    // rate get one there too (cranes' moves), which are not units made.
    const auto* line = park.findLine(pl.id);
    if (line && line->capacity_units_per_hour > 0) pl.units_tag = addTag(park, pl.id, "units_per_hour", "units/h");
  }
  addUtilityTags(park, out);
  if (out.load_tag < 0 || out.import_tag < 0) return std::unexpected(missingMeters(park.id, out, language));
  return out;
}

}  // namespace parktwin::scenario::detail
