#pragma once
// The simulator's internal state, shared by the production and energy halves. Plain structs,
// stored in vectors in park-file order so every loop runs in a deterministic order.
#include <climits>
#include <cstdint>
#include <string>
#include <vector>

#include "parktwin/model/park.hpp"
#include "parktwin/sim/machine_state.hpp"
#include "parktwin/sim/random.hpp"
#include "parktwin/sim/sample_sink.hpp"
#include "parktwin/sim/simulator.hpp"

namespace parktwin::sim {

constexpr double kMsPerHour = 3'600'000.0;

// Reliability and scheduling figures of one kind of line (defaults in production.cpp).
struct LineBehaviour {
  double mtbf_h;                 // mean running time between failures of one unit
  double mttr_h;                 // mean repair time
  double changeover_every_h;     // mean time between changeovers
  double changeover_h;           // mean changeover duration
  double idle_every_h;           // mean time between pauses (no order, break)
  double idle_h;                 // mean pause length
  double idle_power_fraction;    // power drawn while not producing, share of running power
};

// One machine of a line (a press, a caster, a die bonder): its own failure/changeover clock.
struct Unit {
  MachineState state = MachineState::run;
  std::int64_t next_ms = 0;  // when the current state ends
};

struct LineState {
  const model::ProductionLine* line = nullptr;
  LineBehaviour behaviour{};
  Random random;
  SlowNoise powerNoise{600};
  std::vector<Unit> units;
  model::Point position;

  double rate_t_per_h = 0;      // all units running
  double rate_units_per_h = 0;  // discrete lines, in the unit of capacity_units_per_hour
  double running_kw = 0;        // all units running

  // Molten aluminium supply (lines fed from a hub such as the casthouse).
  int hub = -1;              // index into ParkState::hubs, -1: not molten-fed
  bool drawsDirectly = false;  // in the hub's own building (ingot casting): no ladles
  double distance_m = 0;
  double ladle_t = 0;
  double buffer_t = 0;
  double buffer_capacity_t = 0;
  double inTransit_t = 0;
  bool starved = false;
  bool hubDrawOn = false;    // hysteresis of a direct drawer

  // Results of the last step.
  double runFraction = 0;    // share of unit-time producing
  double power_kw = 0;
  double output_t = 0;       // since the start of the simulation
  double unitsRate = 0;      // discrete output per hour (good units)
  double availabilityAverage = 1;  // shift-long moving average for OEE
  double performance = 0.95;
  double quality = 0.99;
  MachineState reported = MachineState::run;

  // Per-step work that changes rarely, cached (results stay bit-identical).
  std::uint64_t idHash = 0;                 // stableHash(line->id)
  std::int64_t performanceHour = INT64_MIN;  // hour `performance` and `quality` were drawn for
  // The units' states while none changes: how many are in each state and the first time one
  // does (INT64_MIN: count them at the next step). Most steps of a line change no unit.
  std::int64_t unitsNextChange_ms = INT64_MIN;
  int unitsIn[5] = {0, 0, 0, 0, 0};  // by MachineState

  // What-if overrides (Simulator::setLineOverride): they change no random draw.
  bool forcedOut = false;
  double rateFactor = 1;
};

struct PotlineState {
  const model::ProductionLine* line = nullptr;
  Random random;
  SlowNoise currentNoise{900}, voltageNoise{300}, bathNoise{3600};
  model::Point position;
  int pots = 1;
  double nominal_kw = 0;
  double nominal_ka = 0;
  double nominal_v = 0;
  double rate_t_per_h = 0;
  int hub = -1;
  double distance_m = 0;
  double ladle_t = 10;
  MachineState state = MachineState::run;
  std::int64_t next_ms = 0;  // next outage (running) or restoration (down)
  double current_ka = 0, voltage_v = 0, bath_c = 960, power_kw = 0;
  double pending_t = 0, tapped_t = 0;
  bool forcedOut = false;  // what-if override: no current, no metal
  double rateFactor = 1;
  MachineState reported = MachineState::run;
};

// Where molten metal collects between the potlines and its users (the casthouse).
struct MoltenHub {
  std::string id;
  model::Point position;
  double stock_t = 80;
  int dispatchCursor = 0;  // round-robin start among the lines it feeds
};

struct Ladle {
  int hub = -1;    // destination hub, or -1
  int line = -1;   // destination line, or -1
  double amount_t = 0;
  std::int64_t arrive_ms = 0;
};

struct PvPlant {
  const model::Utility* utility = nullptr;
  double year_scale = 1;  // pvYearScale: its average year gives its yearly energy (pv_year.hpp)
  double power_kw = 0;
};

struct HydroPlant {
  const model::Utility* utility = nullptr;
  double power_kw = 0;
};

struct StoragePlant {
  const model::Utility* utility = nullptr;
  bool pumped = false;
  double soc = 0.5;       // 0..1
  double power_kw = 0;    // > 0 generating / discharging, < 0 pumping / charging
};

struct ChargePoint {
  bool busy = false;
  std::int64_t next_ms = 0;  // busy: session end; free: next candidate arrival
  double power_kw = 0;
};

struct ChargerSite {
  const model::Utility* utility = nullptr;
  Random random;
  std::vector<ChargePoint> points;
  double point_kw = 0;
  double idle_kw = 0;
  double session_h = 1;
  double peakArrivals_per_h = 1;  // per free point at the busiest hour
  const double* hourlyShape = nullptr;  // 24 multipliers of the peak rate
  double power_kw = 0;
};

enum class Quantity {
  lineState, linePower, lineOutput, lineRate, lineOee, lineAvailability, linePerformance, lineQuality, lineBuffer,
  potCurrent, potVoltage, potBath, potTapped, potState, potPower,
  hubStock,
  pvPower, hydroPower, storagePower, storageSoc, chargerPower,
  gridImport, parkLoad,
};

struct TagBinding {
  Quantity quantity;
  int index = 0;
};

// A bound tag as the step loop reads it (simulator.cpp, readOf).
struct TagRead {
  enum Kind : std::uint8_t { scaled, state, oee } kind = scaled;
  const void* source = nullptr;  // double, MachineState or LineState, by kind
  double factor = 1;             // scaled: unit (1e-3 for MW) or 100 for percentages
  double resolution = 1;         // 10^decimals: the value is rounded as its instrument reports it
  std::uint32_t tag = 0;         // the tag's index in ParkState::tagIds (reads are sorted by kind)
  int decimals = 0;
  // The bits of the last unrounded value: a tag's value and integer are a function of it alone,
  // so a step that leaves it unchanged (a machine's state, a line at rest) has nothing to round.
  std::uint64_t lastInputBits = 0;
};

struct ParkState {
  const model::Park* park = nullptr;
  SimulatorConfig config;
  TimeZone zone = TimeZone::fixed(0);  // the park's civil time (its time_zone), for shifts and daily shapes
  std::int64_t now_ms = 0;
  bool started = false;

  std::vector<LineState> lines;
  std::vector<PotlineState> potlines;
  std::vector<MoltenHub> hubs;
  std::vector<Ladle> ladles;
  std::vector<PvPlant> pv;
  std::vector<HydroPlant> hydro;
  std::vector<StoragePlant> storage;
  std::vector<ChargerSite> chargers;
  double weatherCloudiness = 0;
  double oeeAlpha = 0;  // weight of one step in the shift-long availability average
  double load_kw = 0;
  double import_kw = 0;

  std::vector<std::string> tagIds;
  std::vector<std::string> skippedTags;  // no quantity for them (SimulatorConfig::skip_undrivable_tags)
  // One per tag, fixed at creation, grouped by kind (scaled, then state, then oee) so that the
  // step loop reads each group without a switch per tag; the groups start at these indexes.
  std::vector<TagRead> reads;
  std::size_t firstStateRead = 0, firstOeeRead = 0;
  std::vector<double> values;
  std::vector<std::int64_t> scaled;  // values[i] * 10^decimals[i], the integer it was rounded to
  std::vector<int> decimals;
};

// production.cpp
void setUpProduction(ParkState& state);
void advanceProduction(ParkState& state, std::int64_t from_ms, std::int64_t to_ms, SampleSink& sink);
// energy.cpp
void setUpEnergy(ParkState& state);
void advanceEnergy(ParkState& state, std::int64_t from_ms, std::int64_t to_ms);
// Position of any object a link or tag may name (building, line, utility, external, group).
model::Point objectPosition(const model::Park& park, const std::string& objectId);

}  // namespace parktwin::sim
