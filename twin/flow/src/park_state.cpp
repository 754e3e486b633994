#include "parktwin/flow/park_state.hpp"

#include <algorithm>

#include "note_words.hpp"
#include "parktwin/common/number_text.hpp"
#include "parktwin/sim/pv_year.hpp"
#include "parktwin/sim/solar.hpp"

namespace parktwin::flow {
namespace {

constexpr int kStateDown = 3;  // twin/sim machine_state.hpp

// A tag's value in kW, by its unit (MW tags are scaled).
double kilowatts(const model::Tag& tag, double value) { return tag.unit == "MW" ? value * 1000.0 : value; }

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// PV that no tag measured at T gives what the park's solar rule gives then under an average
// sky; its rated power (the rated_power basis) would be a clear noon, even at night.
void pvWithoutMeasurement(const model::Park& park, std::int64_t at_utc_ms, StateOverrides& out) {
  for (const auto& u : park.utilities) {
    if (u.kind != model::UtilityKind::pv || out.energy.supply.contains(u.id)) continue;
    const double scale = sim::pvYearScale(u, park.latitude_deg, park.longitude_deg);
    const double kw = sim::pvPlantKw(u, park, at_utc_ms, sim::meanSkyClearness(), scale);
    out.energy.supply[u.id] = kw;
    if (u.planned) continue;  // in the flows only when a scenario commissions it
    out.notes.push_back({detail::zhNamed(park, u.id) + "：没有实测功率，按该时刻平均天气下的日照发电计（" +
                             quantityText(kw, "kW") + "）",
                         u.id + ": no measured power, so what the sun gives at that time under an average sky (" +
                             quantityText(kw, "kW") + ")"});
  }
}

}  // namespace

StateOverrides overridesFromState(const model::Park& park, const std::map<std::string, double>& values,
                                  std::int64_t at_utc_ms) {
  StateOverrides out;
  out.energy.supply_basis = SupplyBasis::rated_power;
  out.material.supply_basis = SupplyBasis::rated_power;
  for (const auto& tag : park.tags) {
    const auto found = values.find(tag.id);
    if (found == values.end()) continue;
    const double value = found->second;
    const bool power = endsWith(tag.id, ".power") || tag.unit == "kW" || tag.unit == "MW";
    if (const auto* line = park.findLine(tag.object)) {
      if (endsWith(tag.id, ".state") && static_cast<int>(value) == kStateDown) {
        out.down.push_back(line->id);
        out.material.failed.insert(line->id);
        out.energy.failed.insert(line->id);
      } else if (power && endsWith(tag.id, ".power")) {
        out.energy.demand[line->id] = kilowatts(tag, value);
      } else if (endsWith(tag.id, ".oee")) {
        out.material.oee[line->id] = tag.unit == "%" ? value / 100.0 : value;
      }
      continue;
    }
    const model::Utility* utility = park.findUtility(tag.object);
    if (!utility || !endsWith(tag.id, ".power")) continue;
    const double kw = kilowatts(tag, value);
    using enum model::UtilityKind;
    switch (utility->kind) {
      case pv:
      case reservoir_hydro: out.energy.supply[utility->id] = std::max(0.0, kw); break;
      case battery:
      case pumped_storage:
        // Discharging supplies; charging supplies nothing and draws its power as a load.
        out.energy.supply[utility->id] = std::max(0.0, kw);
        if (kw < 0) {
          out.energy.demand[utility->id] = -kw;
          out.notes.push_back({detail::zhNamed(park, utility->id) + "正在充电，功率 " + quantityText(-kw, "kW"),
                               utility->id + " is charging at " + quantityText(-kw, "kW")});
        }
        break;
      case charger:
      case hydrogen: out.energy.demand[utility->id] = std::max(0.0, kw); break;
      case grid_tie:  // the grid's import and a substation's load follow from the flows
      case substation: break;
    }
  }
  pvWithoutMeasurement(park, at_utc_ms, out);
  return out;
}

}  // namespace parktwin::flow
