#pragma once
// The park one run simulates: the base park with the run's structural changes applied, planned
// (unbuilt) lines left out, molten links to processors cut (the runner dispatches molten metal
// itself, hourly, with ingot as the fallback), and extra tags that expose what the accounting
// needs. The park's own tags come first, so the historian stores exactly those.
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/model/park.hpp"
#include "parktwin/scenario/scenario.hpp"

namespace parktwin::scenario::detail {

enum class LineRole { processor, recycling, ingot_caster };

struct PreparedLine {
  std::string id;
  std::string enterprise;
  LineRole role = LineRole::processor;
  bool molten_fed = false;          // had a molten link from the casthouse
  double molten_link_t_per_h = 0;   // capacity of that link
  // Has an ingot link in: what it makes without molten metal or recycled aluminium is remelted
  // ingot (the rule flow's network builder applies to every ingot arc into a processor).
  bool ingot_fed = false;
  double recycled_link_t_per_h = 0;  // capacity of its recycled_aluminium links in
  int output_tag = -1, power_tag = -1, oee_tag = -1;
  int units_tag = -1;               // good units/h; only lines that state capacity_units_per_hour
  double oee_weight = 1;            // flow::oeeWeight: the park's OEE is weighted as flows weight it
  bool retrofitted = false;         // its firm is named by a retrofit change (both runs)
  double defect_rate = 0;           // share scrapped (retrofit assumption), 0 elsewhere
  double operating_cost_yuan_per_t = 0;
};

// Primary aluminium's electricity when a park's potlines give none, and the share of it that
// remelting ingot takes (DOMAIN.md: about 5 %).
inline constexpr double kPrimaryKwhPerT = 13'500;
inline constexpr double kRemeltShareOfPrimary = 0.05;

struct PreparedPark {
  model::Park park;
  std::size_t own_tags = 0;  // the first own_tags tags are the base park's
  // The park's tags the simulator has no quantity for (a hall temperature, a meter voltage),
  // left out of the run, in the park file's order: only measured, so no run has a value for them.
  std::vector<std::string> skipped_tags;
  std::vector<std::string> potlines;
  std::vector<int> pot_tapped_tags, pot_power_tags;
  std::vector<PreparedLine> lines;
  int load_tag = -1, import_tag = -1;
  std::vector<int> pv_tags, hydro_tags, battery_tags;
  int pumped_power_tag = -1;
  double pumped_power_kw = 0, pumped_energy_kwh = 0;
  double pumped_yuan_per_kwh = 0;  // its generation link's cost, else the flat tariff
  double grid_emission_t_per_mwh = 0.57;
  double flat_tariff_yuan_per_kwh = 0;
  std::vector<TariffBand> tariff;      // empty: flat tariff
  double primary_kwh_per_t = kPrimaryKwhPerT;  // the park's potlines'
  double remelt_kwh_per_t = kRemeltShareOfPrimary * kPrimaryKwhPerT;
};

// Whether a material link brings ingot to the line `lineId`: what it makes from ingot is
// remelted (flow's rule for every ingot arc into a processor).
bool takesIngot(const model::Park& park, const std::string& lineId);

// What a kWh bought from the grid costs when a scenario gives no tariff of its own: the cost of
// the electricity link out of the grid (a grid_tie utility or a grid external; the first priced
// one). Where that link has no price and ends at a substation, the mean cost of the
// substation's priced electricity links onward weighted by their capacity (a park may price its
// energy there: grid tie -> substation at 0, substation -> halls at 0.65). Which prices count
// is the flow layer's rule (flow::chargedEnergyLinks: a kWh is paid once, so a priced grid
// link leaves the links onward unpaid). One flat price for the run: the flow layer instead
// bills each link's cost on the energy that takes it, so with unequal prices onward the two
// differ by how the load splits (docs/scenario-format.md).
struct GridTariff {
  double yuan_per_kwh = 0;
  std::vector<std::string> links;  // the links it was read from, grid first
};
GridTariff gridTariff(const model::Park& park);

// `changed` false: the baseline (no change applied). Fails when a change cannot apply, or when
// the park has no substation or grid tie to measure at (said in `language`, "zh" or "en").
Result<PreparedPark> preparePark(const model::Park& base, const Scenario& scenario, bool changed,
                                 std::string_view language = "en");

}  // namespace parktwin::scenario::detail
