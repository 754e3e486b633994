// The simulator's clock and tag binding: which model quantity drives each tag.
#include "parktwin/sim/simulator.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <span>

#include "park_state.hpp"
#include "parktwin/common/rounding.hpp"
#include "parktwin/model/object_index.hpp"

namespace parktwin::sim {

// Where an object stands (a machine group at its grid's centre in its building); the origin
// for an id the park lacks, which the reader has already reported.
model::Point objectPosition(const model::Park& park, const std::string& objectId) {
  return model::ObjectIndex(park).position(objectId).value_or(model::Point{});
}

namespace {

template <typename T>
int indexOf(const std::vector<T>& items, const std::string& id, const auto& idOf) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (idOf(items[i]) == id) return static_cast<int>(i);
  }
  return -1;
}

// The quantity a tag measures: the part of its id after "<object>.", else its unit.
std::optional<TagBinding> bindTag(const ParkState& state, const model::Tag& tag) {
  std::string quantity = tag.id;
  if (tag.id.starts_with(tag.object + ".")) quantity = tag.id.substr(tag.object.size() + 1);
  const bool isState = tag.kind == model::TagKind::state || tag.unit == "state";
  const bool isPower = tag.unit == "kW" || tag.unit == "MW";

  if (int i = indexOf(state.potlines, tag.object, [](const PotlineState& p) { return p.line->id; }); i >= 0) {
    if (quantity == "current" || tag.unit == "kA") return TagBinding{Quantity::potCurrent, i};
    if (quantity == "voltage" || tag.unit == "V") return TagBinding{Quantity::potVoltage, i};
    if (quantity == "bath_temp" || tag.unit == "degC") return TagBinding{Quantity::potBath, i};
    if (quantity == "metal_tapped" || quantity == "output" || tag.unit == "t") return TagBinding{Quantity::potTapped, i};
    if (isState) return TagBinding{Quantity::potState, i};
    if (isPower) return TagBinding{Quantity::potPower, i};
    return std::nullopt;
  }
  if (int i = indexOf(state.lines, tag.object, [](const LineState& l) { return l.line->id; }); i >= 0) {
    const LineState& line = state.lines[static_cast<std::size_t>(i)];
    if (isState) return TagBinding{Quantity::lineState, i};
    if (isPower) return TagBinding{Quantity::linePower, i};
    if (quantity == "output" || (tag.unit == "t" && tag.kind == model::TagKind::counter)) return TagBinding{Quantity::lineOutput, i};
    if (quantity == "oee" || (tag.unit == "%" && quantity.find("oee") != std::string::npos))
      return TagBinding{Quantity::lineOee, i};
    if (quantity == "availability") return TagBinding{Quantity::lineAvailability, i};
    if (quantity == "performance") return TagBinding{Quantity::linePerformance, i};
    if (quantity == "quality") return TagBinding{Quantity::lineQuality, i};
    if (quantity == "molten_buffer" && line.hub >= 0) return TagBinding{Quantity::lineBuffer, i};
    if (quantity.ends_with("_per_hour") || tag.unit.ends_with("/h")) return TagBinding{Quantity::lineRate, i};
    return std::nullopt;
  }
  if (int i = indexOf(state.hubs, tag.object, [](const MoltenHub& h) { return h.id; }); i >= 0) {
    if (quantity == "molten_stock" || tag.unit == "t") return TagBinding{Quantity::hubStock, i};
    return std::nullopt;
  }
  if (int i = indexOf(state.pv, tag.object, [](const PvPlant& p) { return p.utility->id; }); i >= 0 && isPower)
    return TagBinding{Quantity::pvPower, i};
  if (int i = indexOf(state.hydro, tag.object, [](const HydroPlant& p) { return p.utility->id; }); i >= 0 && isPower)
    return TagBinding{Quantity::hydroPower, i};
  if (int i = indexOf(state.storage, tag.object, [](const StoragePlant& p) { return p.utility->id; }); i >= 0) {
    if (isPower) return TagBinding{Quantity::storagePower, i};
    if (quantity == "soc" || tag.unit == "%") return TagBinding{Quantity::storageSoc, i};
    return std::nullopt;
  }
  if (int i = indexOf(state.chargers, tag.object, [](const ChargerSite& c) { return c.utility->id; }); i >= 0 && isPower)
    return TagBinding{Quantity::chargerPower, i};
  if (const auto* u = state.park->findUtility(tag.object); u && isPower) {
    if (u->kind == model::UtilityKind::grid_tie) return TagBinding{Quantity::gridImport, 0};
    if (u->kind == model::UtilityKind::substation) return TagBinding{Quantity::parkLoad, 0};
  }
  return std::nullopt;
}

// Where each tag's value lives, resolved once: the per-step loop then reads a double (times a
// unit factor), a state or the OEE product without a switch over every quantity. The state
// vectors are sized at creation and never grow, so the pointers stay valid.
TagRead readOf(const ParkState& s, TagBinding b, double scale) {
  const auto i = static_cast<std::size_t>(b.index);
  const auto scaled = [](const double& v, double factor) { return TagRead{TagRead::scaled, &v, factor}; };
  switch (b.quantity) {
    case Quantity::lineState: return {TagRead::state, &s.lines[i].reported, 1};
    case Quantity::linePower: return scaled(s.lines[i].power_kw, scale);
    case Quantity::lineOutput: return scaled(s.lines[i].output_t, 1);
    case Quantity::lineRate: return scaled(s.lines[i].unitsRate, 1);
    case Quantity::lineOee: return {TagRead::oee, &s.lines[i], 1};
    case Quantity::lineAvailability: return scaled(s.lines[i].availabilityAverage, 100);
    case Quantity::linePerformance: return scaled(s.lines[i].performance, 100);
    case Quantity::lineQuality: return scaled(s.lines[i].quality, 100);
    case Quantity::lineBuffer: return scaled(s.lines[i].buffer_t, 1);
    case Quantity::potCurrent: return scaled(s.potlines[i].current_ka, 1);
    case Quantity::potVoltage: return scaled(s.potlines[i].voltage_v, 1);
    case Quantity::potBath: return scaled(s.potlines[i].bath_c, 1);
    case Quantity::potTapped: return scaled(s.potlines[i].tapped_t, 1);
    case Quantity::potState: return {TagRead::state, &s.potlines[i].reported, 1};
    case Quantity::potPower: return scaled(s.potlines[i].power_kw, scale);
    case Quantity::hubStock: return scaled(s.hubs[i].stock_t, 1);
    case Quantity::pvPower: return scaled(s.pv[i].power_kw, scale);
    case Quantity::hydroPower: return scaled(s.hydro[i].power_kw, scale);
    case Quantity::storagePower: return scaled(s.storage[i].power_kw, scale);
    case Quantity::storageSoc: return scaled(s.storage[i].soc, 100);
    case Quantity::chargerPower: return scaled(s.chargers[i].power_kw, scale);
    case Quantity::gridImport: return scaled(s.import_kw, scale);
    case Quantity::parkLoad: return scaled(s.load_kw, scale);
  }
  return scaled(s.load_kw, 0);
}

// The integer behind a rounded value, or kNoScaled when it has none that the historian's
// decimal blocks can hold exactly (|r| > 2^53, or more than 15 decimals).
std::int64_t scaledOf(double rounded, int decimals) {
  constexpr double kTwo53 = 0x1p53;
  if (decimals > 15 || !(std::fabs(rounded) <= kTwo53)) return Simulator::kNoScaled;
  return static_cast<std::int64_t>(rounded);
}

// A tag's unrounded value; the kind is known for a whole group of reads (ParkState::reads).
template <TagRead::Kind kind>
double valueOf(const TagRead& r) {
  if constexpr (kind == TagRead::scaled) {
    return *static_cast<const double*>(r.source) * r.factor;
  } else if constexpr (kind == TagRead::state) {
    return static_cast<double>(static_cast<int>(*static_cast<const MachineState*>(r.source)));
  } else {
    const auto& line = *static_cast<const LineState*>(r.source);
    return 100 * line.availabilityAverage * line.performance * line.quality;
  }
}

// Rounds each tag of one group of reads to its instrument's digits, unless its input is the
// same as at the last step (`all`: the first step, when every tag is new).
template <TagRead::Kind kind>
void publishValues(std::span<TagRead> reads, bool all, std::vector<double>& values, std::vector<std::int64_t>& scaled) {
  for (TagRead& read : reads) {
    const double input = valueOf<kind>(read);
    const auto bits = std::bit_cast<std::uint64_t>(input);
    if (bits == read.lastInputBits && !all) continue;  // the same input rounds to the same value
    read.lastInputBits = bits;
    // Rounded to the instrument's digits; dividing by the exact power of ten gives the same
    // double as parsing the decimal text a meter would send ("412.3"). roundToResolution's two
    // steps, as a live source's values are rounded: the integer is the historian's too.
    const double rounded = roundToInteger(input * read.resolution);
    values[read.tag] = rounded / read.resolution;
    scaled[read.tag] = scaledOf(rounded, read.decimals);
  }
}

}  // namespace

Result<Simulator> Simulator::create(const model::Park& park, const SimulatorConfig& config) {
  const bool zh = config.language == "zh";
  if (config.step_ms < 100 || config.step_ms > 3'600'000) {
    return fail(zh ? "仿真步长 " + std::to_string(config.step_ms) + " 毫秒：应为 100 毫秒到 1 小时（通常为 1 秒到 1 分钟）"
                   : "simulator step " + std::to_string(config.step_ms) + " ms: expected 100 ms to 1 h (1 s to 1 min usual)");
  }
  auto zone = TimeZone::load(park.time_zone);
  if (!zone) return fail(park.id + ": " + zone.error().message);
  auto state = std::make_unique<ParkState>();
  state->park = &park;
  state->zone = std::move(*zone);
  state->config = config;
  state->now_ms = config.start_ms;
  setUpProduction(*state);
  setUpEnergy(*state);

  std::string problems;
  for (const auto& tag : park.tags) {
    const auto binding = bindTag(*state, tag);
    if (!binding && config.skip_undrivable_tags) {
      state->skippedTags.push_back(tag.id);
      continue;
    }
    if (!binding) {
      // Under zh the object also by its Chinese name, as the park names it.
      const std::string zhName = zh ? model::objectName(park, tag.object, "zh") : std::string();
      const std::string object = zhName.empty() ? tag.object : zhName + " " + tag.object;
      problems += zh ? "\n  测点 " + tag.id + "（对象 " + object + "，单位 " + tag.unit + "）：仿真器没有这个对象的这种量"
                     : "\n  tag " + tag.id + " (unit " + tag.unit + ", object " + tag.object +
                           "): the simulator has no such quantity for this object";
      continue;
    }
    TagRead read = readOf(*state, *binding, tag.unit == "MW" ? 1e-3 : 1.0);
    read.resolution = std::pow(10.0, model::reportedDecimals(tag));
    read.decimals = model::reportedDecimals(tag);
    read.tag = static_cast<std::uint32_t>(state->tagIds.size());
    state->tagIds.push_back(tag.id);
    state->reads.push_back(read);
    state->decimals.push_back(read.decimals);
  }
  if (!problems.empty()) {
    return fail(ErrorCode::not_found, park.id + (zh ? "：无法仿真这些测点：" : ": cannot simulate these tags:") + problems);
  }
  std::ranges::stable_sort(state->reads, {}, &TagRead::kind);
  const auto firstOf = [&](TagRead::Kind kind) {
    return static_cast<std::size_t>(std::ranges::find_if(state->reads, [&](const TagRead& r) { return r.kind >= kind; }) -
                                    state->reads.begin());
  };
  state->firstStateRead = firstOf(TagRead::state);
  state->firstOeeRead = firstOf(TagRead::oee);
  state->values.assign(state->reads.size(), 0.0);
  state->scaled.assign(state->reads.size(), 0);
  return Simulator(std::move(state));
}

Simulator::Simulator(std::unique_ptr<ParkState> state) : state_(std::move(state)) {}
Simulator::Simulator(Simulator&&) noexcept = default;
Simulator& Simulator::operator=(Simulator&&) noexcept = default;
Simulator::~Simulator() = default;

void Simulator::advance(SampleSink& events) {
  ParkState& s = *state_;
  const std::int64_t from = s.now_ms;
  const std::int64_t to = from + s.config.step_ms;
  advanceProduction(s, from, to, events);
  advanceEnergy(s, from, to);
  s.now_ms = to;
  const bool first = !s.started;
  s.started = true;
  const std::span<TagRead> reads(s.reads);
  publishValues<TagRead::scaled>(reads.first(s.firstStateRead), first, s.values, s.scaled);
  publishValues<TagRead::state>(reads.subspan(s.firstStateRead, s.firstOeeRead - s.firstStateRead), first, s.values, s.scaled);
  publishValues<TagRead::oee>(reads.subspan(s.firstOeeRead), first, s.values, s.scaled);
}

void Simulator::step(SampleSink& sink) {
  advance(sink);
  const ParkState& s = *state_;
  for (std::size_t i = 0; i < s.values.size(); ++i) sink.sample(s.tagIds[i], s.now_ms, s.values[i]);
}

std::span<const double> Simulator::values() const { return state_->values; }
std::span<const std::int64_t> Simulator::scaledValues() const { return state_->scaled; }
std::span<const int> Simulator::decimals() const { return state_->decimals; }

void Simulator::runUntil(std::int64_t end_ms, SampleSink& sink) {
  while (state_->now_ms < end_ms) step(sink);
}

std::int64_t Simulator::now_ms() const { return state_->now_ms; }
const SimulatorConfig& Simulator::config() const { return state_->config; }
const std::vector<std::string>& Simulator::tagIds() const { return state_->tagIds; }
const std::vector<std::string>& Simulator::skippedTags() const { return state_->skippedTags; }

Result<void> Simulator::setLineOverride(std::string_view objectId, bool out_of_service, double rate_factor) {
  if (!(rate_factor >= 0)) return fail("line override " + std::string(objectId) + ": rate factor must be >= 0");
  bool found = false;
  for (auto& pot : state_->potlines) {
    if (pot.line->id == objectId || pot.line->building == objectId) {
      pot.forcedOut = out_of_service;
      pot.rateFactor = rate_factor;
      found = true;
    }
  }
  for (auto& line : state_->lines) {
    if (line.line->id == objectId || line.line->building == objectId) {
      line.forcedOut = out_of_service;
      line.rateFactor = rate_factor;
      found = true;
    }
  }
  if (!found) return fail("line override: no line or building with lines \"" + std::string(objectId) + "\"");
  return {};
}

std::optional<double> Simulator::currentValue(std::string_view tag) const {
  if (!state_->started) return std::nullopt;
  for (std::size_t i = 0; i < state_->tagIds.size(); ++i) {
    if (state_->tagIds[i] == tag) return state_->values[i];
  }
  return std::nullopt;
}

}  // namespace parktwin::sim
