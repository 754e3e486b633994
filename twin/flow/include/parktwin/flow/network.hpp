#pragma once
// Flow networks built from a park: plain data, indices into vectors, no graph library types.
// A network has one super-source and one super-sink; producers hang off the source by a
// supply arc, consumers feed the sink by a demand arc, and lines or substations with a rated
// throughput are split into an input and an output node joined by a throughput arc.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/model/park.hpp"

namespace parktwin::flow {

enum class Quantity { material_t_per_h, energy_kw };

enum class NodeRole {
  super_source,
  super_sink,
  producer,   // has a supply arc from the super-source
  consumer,   // has a demand arc to the super-sink
  junction,   // passes flow on (buildings, substations, ports)
  line_output,  // the output half of a split line or substation
};

enum class ArcKind {
  link,        // a material or energy link of the park file
  supply,      // super-source -> producer: production capacity or import limit
  demand,      // consumer -> super-sink: what the consumer can take or needs
  throughput,  // input -> output of a line or substation: its rated capacity
};

// What kind of energy source a supply arc stands for (energy networks); none elsewhere.
enum class SourceKind { none, pv, battery, pumped_storage, reservoir_hydro, hydrogen, grid, material };

struct FlowNode {
  std::string id;    // park object id ("" for the super nodes); split lines add "#out"
  std::string name;  // English name for reports
  NodeRole role = NodeRole::junction;
  std::string kind;  // the park object's kind: potline, market, substation, pv, ...
};

struct FlowArc {
  std::string id;  // the link id, or "supply:<obj>", "demand:<obj>", "throughput:<obj>"
  int from = 0;
  int to = 0;
  ArcKind kind = ArcKind::link;
  double capacity = 0;       // t/h (material) or kW (energy)
  // Two costs per t or kWh, kept apart so that ranking weights never reach a money figure:
  // - dispatch_cost_per_unit: what the min-cost dispatch minimises: the money plus, on energy
  //   supply arcs, the merit weight that ranks PV, storage, hydro and the grid (constants.hpp);
  // - money_yuan_per_unit: what is paid: the link's cost_yuan_per_t / cost_yuan_per_kwh, the
  //   remelt premium on ingot into a processor; 0 on supply, demand and throughput arcs, and on
  //   energy links whose price does not count (chargedEnergyLinks: a kWh is paid once).
  double dispatch_cost_per_unit = 0;
  double money_yuan_per_unit = 0;
  double loss_pct = 0;       // material: burn/transport loss, reported, not modelled in the balance;
                             // energy: line/transformer loss, drawn at the sending end (`loss` arcs)
  bool loss = false;         // energy: demand arc for one link's loss at its sending node
  double distance_m = 0;
  double emission_t_per_mwh = 0;  // energy: CO2 factor of what flows on this arc (counted once: chargedEnergyLinks)
  std::string product;            // material product or energy carrier
  SourceKind source = SourceKind::none;
  bool remelt = false;            // ingot into a processor: pays kRemeltPremiumYuanPerT
  bool direct_molten = false;     // molten aluminium straight into a processor
  bool required = true;           // demand arcs: a need (loads, processors), not a market's room
};

struct FlowNetwork {
  Quantity quantity = Quantity::material_t_per_h;
  std::vector<FlowNode> nodes;
  std::vector<FlowArc> arcs;
  int source = 0;
  int sink = 1;
  // The solvers work in integers: a flow is a whole number of flow_resolution, a cost a
  // whole number of cost_resolution per unit. Integral inputs at these resolutions are exact.
  double flow_resolution = 0.001;
  double cost_resolution = 0.0001;
  // Objects that need supply but that no link reaches (they have no node in the network).
  std::vector<std::string> unlinked_consumers;
  // Assumptions the builder had to make (e.g. a hydro plant without an annual yield), in both
  // languages: the CLI and the window show the reader's.
  std::vector<model::LocalizedText> notes;

  int findNode(const std::string& id) const;  // -1 if absent
  int findArc(const std::string& id) const;   // -1 if absent
  std::string describeArc(int arc) const;     // "link m1: Smelter -> Youlisen (molten_aluminium)"
};

// What an energy source can give when no override says otherwise.
enum class SupplyBasis {
  rated_power,     // power_kw: a peak hour with every source at its rating
  annual_average,  // annual_energy_kwh / 8760 h for hydro and storage, the yearly yield for PV
                   // (sim/pv_year.hpp): the average hour of a year; storage without an annual
                   // figure gives 0 (it only shifts energy)
};

// State at a time T instead of design values: what the simulator or historian knows.
struct FlowOverrides {
  SupplyBasis supply_basis = SupplyBasis::rated_power;
  std::map<std::string, double> arc_capacity;  // by arc id (links, or "supply:x" / "demand:x")
  std::map<std::string, double> supply;        // by producer / source object id: t/h or kW now
  std::map<std::string, double> demand;        // by consumer object id: t/h or kW now
  std::set<std::string> failed;                // object or link ids out of service
  std::map<std::string, double> oee;           // by line id: measured OEE, 0..1 (KPIs only)
  // Planned buildings and utilities counted as built (a scenario commissions them:
  // scenario::builtBy). Other planned objects, the lines in planned buildings and every link
  // touching them are left out of both networks, their KPIs and the Sankey.
  std::set<std::string> built;
};

// Material network: nodes are the objects named by material links. Origins (supply arcs) are
// lines making molten_aluminium, ingot or recycled_aluminium that no link feeds, and externals
// sending material (a supplier; a market returning scrap, through a separate "<id>#out" node).
// Fed lines pass flow on up to their capacity (throughput arcs); consumers are markets
// (demand = room on their links, not required) and terminal lines (demand = capacity,
// required). Ingot into a processor carries the remelt premium. Planned objects stay out
// unless overrides.built names them. Fails if the park has no material links, no origin or no
// consumer, saying what to add and where.
Result<FlowNetwork> buildMaterialNetwork(const model::Park& park, const FlowOverrides& overrides = {});

// Energy network: grid ties, grid externals, PV, batteries, pumped storage and hydro supply;
// substations pass power on up to their rating; loads are lines (power_kw, or
// energy_kwh_per_t x capacity when no power is given), chargers and hydrogen refuelling
// stations (power_kw: the whole site) and buildings holding such lines. Planned objects stay
// out unless overrides.built names them.
Result<FlowNetwork> buildEnergyNetwork(const model::Park& park, const FlowOverrides& overrides = {});

// Whether an energy link's cost_yuan_per_kwh and emission_t_per_mwh count. A kWh bought from
// the grid (a grid_tie, a grid external) is paid for and emits once, on the first link on its
// way that carries the figure; its energy emits where it enters at the park's grid factor when
// the grid's links carry none. An object the grid's energy reaches only through such links (a
// substation, a hall) passes it on and its own links count neither figure again: grid ->
// substation -> hall with 0.62 yuan on both links is billed 0.62 yuan/kWh. An object an
// uncharged path reaches (behind an unpriced grid link) pays its links' prices: a park may
// price energy on the links to its halls. Other sources sell their own energy: a battery's or
// pumped-storage plant's link price counts though the substation charged it. buildEnergyNetwork
// puts only the counted figures on its arcs (and notes the others); the scenarios' grid tariff
// reads the same rule.
struct EnergyLinkCharge {
  bool cost = false;      // its cost_yuan_per_kwh is paid
  bool emission = false;  // its emission_t_per_mwh is counted
};

// One per park.energy_links, in order; links touching unbuilt objects (`built` as in
// FlowOverrides) count nothing.
std::vector<EnergyLinkCharge> chargedEnergyLinks(const model::Park& park, const std::set<std::string>& built = {});

// Why a park has no material or energy network: the reasons buildMaterialNetwork and
// buildEnergyNetwork give. Their messages ("<park>: material network: no origin: add ...") are
// English and say how to fix the file; the window words each reason in its own language, so
// it reads the reason back with networkGapOf rather than matching the English itself.
enum class NetworkGap { no_material_links, no_origin, no_consumer, no_energy_links, no_source, no_load };

// The reason one line of a network builder's error names, or nullopt for any other line.
std::optional<NetworkGap> networkGapOf(std::string_view errorLine);

// The electrical demand of one line: power_kw when given, else energy_kwh_per_t x
// capacity_t_per_year / 8760 h (a 340 kt/yr potline at 13.5 MWh/t draws about 524 MW), else
// its machines' power_kw x count (a line described by its machines alone).
double lineDemandKw(const model::ProductionLine& line);

}  // namespace parktwin::flow
