// Production: potlines tapping metal into ladles, the casthouse hub, and event-driven lines.
#include <algorithm>
#include <cmath>

#include "park_state.hpp"

namespace parktwin::sim {
namespace {

constexpr double kVoltsPerPot = 4.15;        // typical cell voltage of a prebake potline
constexpr double kPotlineMtbf_h = 4000;      // rectifier / power outages of a whole potline
constexpr double kPotlineMttr_h = 0.5;
constexpr double kPotLadle_t = 10;           // one tapping crucible
constexpr double kLadleSpeed_m_per_s = 2.5;  // ladle carrier, about 9 km/h inside the park
constexpr double kLadleLoading_s = 600;      // filling at the casthouse
constexpr double kHubReserve_t = 5;
constexpr double kDirectDrawStart_t = 120;   // ingot casting starts above this stock
constexpr double kDirectDrawStop_t = 40;     // and stops below this one
constexpr double kOeeWindow_h = 8;           // one shift
// Processing lines run below nameplate on average (order book, product mix): about 60% is
// typical of Chinese aluminium processing. Without it the Beidu processors would ask for more
// molten metal than the smelter makes (their nameplates add up to ~530 kt/yr against 340 kt/yr).
constexpr double kProcessingLoadFactor = 0.6;

LineBehaviour behaviourOf(model::LineKind kind) {
  using enum model::LineKind;
  switch (kind) {
    //                                   mtbf  mttr  co_every co_h  idle_every idle_h  idle_power
    case rod_casting: return {120, 3.0, 24, 1.0, 48, 4, 0.45};
    case extrusion: return {80, 2.0, 8, 0.5, 24, 2, 0.25};
    case die_casting:
    case chassis_casting: return {60, 1.5, 12, 1.0, 24, 2, 0.30};
    case forging: return {80, 2.0, 12, 1.0, 24, 3, 0.20};
    case machining: return {100, 1.0, 8, 0.5, 24, 2, 0.15};
    case recycling: return {150, 4.0, 48, 2.0, 72, 6, 0.50};
    case plate_strip: return {120, 3.0, 24, 1.5, 72, 4, 0.30};
    case die_bonding: return {200, 0.5, 24, 0.25, 1e9, 0, 0.20};  // cleanroom, 24/7
    case cylinder_head: return {100, 1.0, 12, 0.5, 24, 2, 0.20};
    case fuel_cell: return {150, 2.0, 24, 1.0, 24, 4, 0.20};
    case storage: return {500, 2.0, 1e9, 0, 6, 3, 0.30};  // cranes wait for ships
    case potline:  // potlines have their own model (PotlineState); the row is never used
    case assembly: break;
  }
  return {100, 2.0, 24, 1.0, 24, 2, 0.30};
}

std::int64_t hoursToMs(double h) { return std::max<std::int64_t>(1, std::llround(h * kMsPerHour)); }

// Chooses what ends a unit's run (failure, changeover or pause) as competing exponential clocks.
void scheduleFromRun(Unit& unit, LineState& line, std::int64_t at_ms) {
  unit.state = MachineState::run;
  const LineBehaviour& b = line.behaviour;
  const double rate = 1 / b.mtbf_h + 1 / b.changeover_every_h + 1 / b.idle_every_h;
  unit.next_ms = at_ms + hoursToMs(line.random.exponential(1 / rate));
}

void endState(Unit& unit, LineState& line) {
  const std::int64_t at = unit.next_ms;
  const LineBehaviour& b = line.behaviour;
  if (unit.state != MachineState::run) {
    scheduleFromRun(unit, line, at);
    return;
  }
  const double pick = line.random.uniform() * (1 / b.mtbf_h + 1 / b.changeover_every_h + 1 / b.idle_every_h);
  if (pick < 1 / b.mtbf_h) {
    unit.state = MachineState::down;
    unit.next_ms = at + hoursToMs(line.random.exponential(b.mttr_h));
  } else if (pick < 1 / b.mtbf_h + 1 / b.changeover_every_h) {
    unit.state = MachineState::changeover;
    unit.next_ms = at + hoursToMs(b.changeover_h * line.random.uniform(0.5, 1.5));
  } else {
    unit.state = MachineState::idle;
    unit.next_ms = at + hoursToMs(line.random.exponential(b.idle_h));
  }
}

// A small line (up to 4 machines: a furnace, a caster, a press) stops as a whole, so it is one
// unit; a hall of parallel machines (die bonders, die-casting cells) is one unit per machine.
int independentUnits(const model::ProductionLine& line) {
  int count = 1;
  for (const auto& group : line.machines) count = std::max(count, group.count);
  return count <= 4 ? 1 : std::min(count, 64);
}

double ratedPower(const model::ProductionLine& line) {
  if (line.power_kw > 0) return line.power_kw;
  double sum = 0;
  for (const auto& group : line.machines) sum += group.power_kw * group.count;
  return sum;
}

int hubIndex(ParkState& state, const std::string& id) {
  for (std::size_t i = 0; i < state.hubs.size(); ++i) {
    if (state.hubs[i].id == id) return static_cast<int>(i);
  }
  state.hubs.push_back({id, objectPosition(*state.park, id), 80, 0});
  return static_cast<int>(state.hubs.size() - 1);
}

void emitStateChange(ParkState& state, SampleSink& sink, const std::string& object, MachineState from,
                     MachineState to, std::int64_t at_ms, const model::Point& where) {
  std::string reason;
  if (to == MachineState::down) reason = "failure";
  else if (to == MachineState::changeover) reason = "changeover";
  else if (to == MachineState::starved) reason = "starved";
  else if (to == MachineState::idle) reason = "pause";
  else if (from == MachineState::down) reason = "repair";
  else if (from == MachineState::starved) reason = "fed";
  else reason = "resume";
  (void)state;
  sink.event({SimEventKind::state_change, object, at_ms, at_ms, std::string(stateName(from)), std::string(stateName(to)),
              where, where, 0, reason});
}

void sendLadle(ParkState& state, SampleSink& sink, const std::string& fromId, const model::Point& fromPos,
               int toHub, int toLine, double amount_t, double distance_m, double loading_s, std::int64_t at_ms) {
  const double trip_s = loading_s + distance_m / kLadleSpeed_m_per_s;
  const std::int64_t arrive = at_ms + std::llround(trip_s * 1000);
  state.ladles.push_back({toHub, toLine, amount_t, arrive});
  const std::string& toId = toHub >= 0 ? state.hubs[static_cast<std::size_t>(toHub)].id
                                       : state.lines[static_cast<std::size_t>(toLine)].line->id;
  const model::Point toPos = toHub >= 0 ? state.hubs[static_cast<std::size_t>(toHub)].position
                                        : state.lines[static_cast<std::size_t>(toLine)].position;
  sink.event({SimEventKind::ladle_trip, fromId, at_ms, arrive, fromId, toId, fromPos, toPos, amount_t, "molten_aluminium"});
}

void advancePotline(ParkState& state, PotlineState& pot, std::int64_t from_ms, std::int64_t to_ms, SampleSink& sink) {
  const double dt_s = static_cast<double>(to_ms - from_ms) / 1000.0;
  // Outages: the running share of the step decides the metal made.
  double running_ms = 0;
  std::int64_t cursor = from_ms;
  while (pot.next_ms <= to_ms) {
    if (pot.state == MachineState::run) running_ms += static_cast<double>(pot.next_ms - cursor);
    cursor = pot.next_ms;
    if (pot.state == MachineState::run) {
      pot.state = MachineState::down;
      pot.next_ms = cursor + hoursToMs(pot.random.exponential(kPotlineMttr_h));
    } else {
      pot.state = MachineState::run;
      pot.next_ms = cursor + hoursToMs(pot.random.exponential(kPotlineMtbf_h));
    }
  }
  if (pot.state == MachineState::run) running_ms += static_cast<double>(to_ms - cursor);
  const double share = pot.forcedOut ? 0.0 : running_ms / static_cast<double>(to_ms - from_ms);
  const MachineState shown = pot.forcedOut ? MachineState::down : pot.state;
  if (shown != pot.reported) {
    emitStateChange(state, sink, pot.line->id, pot.reported, shown, to_ms, pot.position);
    pot.reported = shown;
  }

  const double currentWobble = 0.004 * pot.currentNoise.advance(pot.random, dt_s);
  const double voltWobble = 0.006 * pot.voltageNoise.advance(pot.random, dt_s);
  const double bathWobble = pot.bathNoise.advance(pot.random, dt_s);
  if (shown == MachineState::run) {
    pot.current_ka = pot.nominal_ka * pot.rateFactor * (1 + currentWobble);
    pot.voltage_v = pot.nominal_v * (1 + voltWobble);
    pot.bath_c = 960 + 1.8 * bathWobble + 150 * currentWobble;
  } else {
    pot.current_ka = 0;
    pot.voltage_v = 0;
    // Without current the bath cools slowly (hours), it does not freeze in minutes.
    pot.bath_c += (940 - pot.bath_c) * (1 - std::exp(-dt_s / 36'000.0));
  }
  pot.power_kw = pot.current_ka * pot.voltage_v;  // kA x V = kW
  pot.pending_t += pot.rate_t_per_h * pot.rateFactor * share * (1 + currentWobble) * dt_s / 3600.0;
  while (pot.pending_t >= pot.ladle_t) {
    pot.pending_t -= pot.ladle_t;
    pot.tapped_t += pot.ladle_t;
    if (pot.hub >= 0) sendLadle(state, sink, pot.line->id, pot.position, pot.hub, -1, pot.ladle_t, pot.distance_m, 0, to_ms);
  }
}

// `hour`: the hour to_ms falls in (floor(to_ms / 1 h)), the same for every line of a step.
void advanceLine(ParkState& state, LineState& line, std::int64_t from_ms, std::int64_t to_ms, std::int64_t hour,
                 SampleSink& sink) {
  const double step_ms = static_cast<double>(to_ms - from_ms);
  // Running time summed in integer ms: every term and partial sum is an integer far below 2^53,
  // so this is exactly the sum of the same terms as doubles, in any order.
  std::int64_t runningInt_ms = 0;
  if (to_ms >= line.unitsNextChange_ms) {  // some unit changes state within the step: go through them
    std::int64_t nextChange = INT64_MAX;
    std::fill(std::begin(line.unitsIn), std::end(line.unitsIn), 0);
    for (Unit& unit : line.units) {
      std::int64_t cursor = from_ms;
      while (unit.next_ms <= to_ms) {
        if (unit.state == MachineState::run) runningInt_ms += unit.next_ms - cursor;
        cursor = unit.next_ms;
        endState(unit, line);
      }
      if (unit.state == MachineState::run) runningInt_ms += to_ms - cursor;
      ++line.unitsIn[static_cast<int>(unit.state)];
      nextChange = std::min(nextChange, unit.next_ms);
    }
    line.unitsNextChange_ms = nextChange;
  } else {  // no unit changes: the running ones run the whole step
    runningInt_ms = line.unitsIn[static_cast<int>(MachineState::run)] * (to_ms - from_ms);
  }
  const int* counts = line.unitsIn;
  const auto running_ms = static_cast<double>(runningInt_ms);
  double fraction = line.forcedOut ? 0.0 : running_ms / (step_ms * static_cast<double>(line.units.size()));
  const double hours = step_ms / kMsPerHour;
  const double rate_t_per_h = line.rate_t_per_h * line.rateFactor;

  // Material: a molten-fed line produces only from metal in its holding furnace.
  if (line.hub >= 0) {
    MoltenHub& hub = state.hubs[static_cast<std::size_t>(line.hub)];
    double& source = line.drawsDirectly ? hub.stock_t : line.buffer_t;
    if (line.drawsDirectly) {
      if (hub.stock_t > kDirectDrawStart_t) line.hubDrawOn = true;
      if (hub.stock_t < kDirectDrawStop_t) line.hubDrawOn = false;
      line.starved = !line.hubDrawOn;
    } else {
      line.starved = source <= 1e-9;
    }
    if (line.starved) fraction = 0;
    const double need = rate_t_per_h * fraction * hours;
    if (need > source) {
      fraction *= source / need;
      source = 0;
    } else {
      source -= need;
    }
  }
  line.runFraction = fraction;
  line.output_t += rate_t_per_h * fraction * hours;

  if (hour != line.performanceHour) {
    line.performanceHour = hour;
    const std::uint64_t key = state.config.seed ^ line.idHash;
    line.performance = 0.90 + 0.08 * hashUniform(key, static_cast<std::uint64_t>(hour), 1);
    line.quality = 0.985 + 0.013 * hashUniform(key, static_cast<std::uint64_t>(hour), 2);
  }
  line.unitsRate = line.rate_units_per_h * line.rateFactor * fraction * line.performance * line.quality;
  const double alpha = state.oeeAlpha;
  line.availabilityAverage += alpha * (fraction - line.availabilityAverage);

  const double wobble = 1 + 0.02 * line.powerNoise.advance(line.random, step_ms / 1000.0);
  const double idleShare = line.behaviour.idle_power_fraction;
  line.power_kw = line.forcedOut ? 0.0 : line.running_kw * line.rateFactor * (idleShare + (1 - idleShare) * fraction) * wobble;

  // The line runs while at least half its machines do; otherwise it shows what most of the others
  // are doing (down before changeover before idle on a tie).
  MachineState aggregate = MachineState::run;
  if (2 * counts[0] < static_cast<int>(line.units.size())) {
    aggregate = MachineState::down;
    for (MachineState s : {MachineState::changeover, MachineState::idle}) {
      if (counts[static_cast<int>(s)] > counts[static_cast<int>(aggregate)]) aggregate = s;
    }
  }
  if (aggregate == MachineState::run && line.starved) aggregate = MachineState::starved;
  if (line.forcedOut) aggregate = MachineState::down;
  if (aggregate != line.reported) {
    emitStateChange(state, sink, line.line->id, line.reported, aggregate, to_ms, line.position);
    line.reported = aggregate;
  }
}

void deliverLadles(ParkState& state, std::int64_t to_ms) {
  auto& ladles = state.ladles;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < ladles.size(); ++i) {
    const Ladle& ladle = ladles[i];
    if (ladle.arrive_ms > to_ms) {
      ladles[kept++] = ladle;
      continue;
    }
    if (ladle.hub >= 0) {
      state.hubs[static_cast<std::size_t>(ladle.hub)].stock_t += ladle.amount_t;
    } else {
      LineState& line = state.lines[static_cast<std::size_t>(ladle.line)];
      line.buffer_t += ladle.amount_t;
      line.inTransit_t -= ladle.amount_t;
    }
  }
  ladles.resize(kept);
}

void dispatchFromHubs(ParkState& state, std::int64_t at_ms, SampleSink& sink) {
  const int lineCount = static_cast<int>(state.lines.size());
  for (std::size_t h = 0; h < state.hubs.size(); ++h) {
    MoltenHub& hub = state.hubs[h];
    for (int k = 0; k < lineCount; ++k) {
      // (cursor + k) mod lineCount, both below lineCount: no division per line and step.
      const int i = hub.dispatchCursor + k < lineCount ? hub.dispatchCursor + k : hub.dispatchCursor + k - lineCount;
      LineState& line = state.lines[static_cast<std::size_t>(i)];
      if (line.hub != static_cast<int>(h) || line.drawsDirectly) continue;
      if (line.buffer_t + line.inTransit_t > line.buffer_capacity_t - line.ladle_t) continue;
      if (hub.stock_t < line.ladle_t + kHubReserve_t) continue;
      hub.stock_t -= line.ladle_t;
      line.inTransit_t += line.ladle_t;
      sendLadle(state, sink, hub.id, hub.position, -1, i, line.ladle_t, line.distance_m, kLadleLoading_s, at_ms);
      hub.dispatchCursor = (i + 1) % lineCount;  // the next ladle goes to someone else first
    }
  }
}

}  // namespace

void setUpProduction(ParkState& state) {
  const model::Park& park = *state.park;
  // Every step is config.step_ms long, so this is advanceLine's 1 - exp(-hours / window), once.
  const double stepHours = static_cast<double>(state.config.step_ms) / kMsPerHour;
  state.oeeAlpha = 1 - std::exp(-stepHours / kOeeWindow_h);
  const std::uint64_t seed = state.config.seed;
  for (const auto& line : park.lines) {
    if (line.kind == model::LineKind::potline) {
      PotlineState pot;
      pot.line = &line;
      pot.random = Random(seed ^ stableHash(line.id));
      pot.position = objectPosition(park, line.id);
      for (const auto& group : line.machines) pot.pots = std::max(pot.pots, group.count);
      pot.rate_t_per_h = line.capacity_t_per_year / 8760.0;
      pot.nominal_kw = line.energy_kwh_per_t > 0 ? pot.rate_t_per_h * line.energy_kwh_per_t : line.power_kw;
      pot.nominal_v = kVoltsPerPot * pot.pots;
      pot.nominal_ka = pot.nominal_kw / pot.nominal_v;
      pot.ladle_t = kPotLadle_t;
      pot.next_ms = state.config.start_ms + hoursToMs(pot.random.exponential(kPotlineMtbf_h));
      for (const auto& link : park.material_links) {
        if (link.from == line.id && link.product == model::Product::molten_aluminium) {
          pot.hub = hubIndex(state, link.to);
          pot.distance_m = link.distance_m;
          break;
        }
      }
      state.potlines.push_back(std::move(pot));
      continue;
    }
    LineState ls;
    ls.line = &line;
    ls.behaviour = behaviourOf(line.kind);
    ls.idHash = stableHash(line.id);
    ls.random = Random(seed ^ ls.idHash);
    ls.position = objectPosition(park, line.id);
    // Cleanrooms and the recycling plant run flat out, the rest at a load factor (ingot casting
    // is set back to its nameplate below: it takes whatever metal is left).
    const bool flatOut = line.kind == model::LineKind::die_bonding || line.kind == model::LineKind::recycling;
    ls.rate_t_per_h = line.capacity_t_per_year / 8760.0 * (flatOut ? 1.0 : kProcessingLoadFactor);
    ls.rate_units_per_h = line.capacity_units_per_hour;
    if (ls.rate_units_per_h <= 0) {
      // No stated rate (cranes, racks): one move per machine per cycle, 2 minutes if unknown.
      int machines = 1;
      for (const auto& group : line.machines) machines = std::max(machines, group.count);
      ls.rate_units_per_h = machines * 3600.0 / (line.cycle_time_s > 0 ? line.cycle_time_s : 120.0);
    }
    const double rated = ratedPower(line);
    const double byEnergy = ls.rate_t_per_h * line.energy_kwh_per_t;
    ls.running_kw = byEnergy > 0 ? std::min(rated > 0 ? rated : byEnergy, byEnergy) : 0.8 * rated;
    ls.units.resize(static_cast<std::size_t>(independentUnits(line)));
    for (Unit& unit : ls.units) scheduleFromRun(unit, ls, state.config.start_ms);
    state.lines.push_back(std::move(ls));
  }
  // Molten-fed lines: every molten_aluminium link out of a hub (a node potlines deliver to).
  for (auto& ls : state.lines) {
    for (const auto& link : park.material_links) {
      if (link.to != ls.line->id || link.product != model::Product::molten_aluminium) continue;
      bool fromHub = false;
      for (const auto& hub : state.hubs) fromHub |= hub.id == link.from;
      if (!fromHub) continue;
      ls.hub = hubIndex(state, link.from);
      ls.distance_m = link.distance_m;
      ls.drawsDirectly = ls.line->building == link.from;
      if (ls.drawsDirectly) {
        ls.rate_t_per_h = ls.line->capacity_t_per_year / 8760.0;
        const double byEnergy = ls.rate_t_per_h * ls.line->energy_kwh_per_t;
        if (byEnergy > 0) ls.running_kw = ratedPower(*ls.line) > 0 ? std::min(ratedPower(*ls.line), byEnergy) : byEnergy;
      }
      const double ladle = std::clamp(std::round(ls.rate_t_per_h * 2 * 2) / 2, 2.0, 12.0);
      ls.ladle_t = ladle;
      ls.buffer_capacity_t = 3 * ladle;
      ls.buffer_t = 1.5 * ladle;
      ls.hubDrawOn = true;
      break;
    }
  }
}

void advanceProduction(ParkState& state, std::int64_t from_ms, std::int64_t to_ms, SampleSink& sink) {
  for (auto& pot : state.potlines) advancePotline(state, pot, from_ms, to_ms, sink);
  deliverLadles(state, to_ms);
  // Computed as before (through a double, floored), once per step instead of once per line.
  const auto hour = static_cast<std::int64_t>(std::floor(static_cast<double>(to_ms) / kMsPerHour));
  for (auto& line : state.lines) advanceLine(state, line, from_ms, to_ms, hour, sink);
  dispatchFromHubs(state, to_ms, sink);
}

}  // namespace parktwin::sim
