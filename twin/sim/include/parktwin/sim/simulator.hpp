#pragma once
// The deterministic park simulator: drives every tag of a park from plausible physics and
// machine behaviour. The same park, configuration (seed, start, step) and run length give
// bit-identical samples and events on the same build. See docs/simulator.md.
#include <climits>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/model/park.hpp"
#include "parktwin/sim/sample_sink.hpp"

namespace parktwin::sim {

struct SimulatorConfig {
  std::uint64_t seed = 1;
  std::int64_t start_ms = 0;     // UTC, ms since the epoch
  std::int64_t step_ms = 1000;   // sampling step: 1 s .. 60 s; machines are event-driven within it
  // Leave out the tags it has no quantity for (a user's temperature probe), listed in
  // skippedTags(), instead of failing. The scenario runner leaves such tags out of its park
  // itself (twin/scenario prepared_park.cpp), so that its column indices stay its own.
  bool skip_undrivable_tags = false;
  // The language of create()'s refusals, "zh" or "en" (the CLI's --lang).
  std::string language = "en";
};

struct ParkState;  // src/park_state.hpp

class Simulator {
 public:
  // Fails, naming each tag, when a tag cannot be driven (unknown quantity for its object; error
  // code not_found) unless config.skip_undrivable_tags, or the configuration is out of range.
  // The park must outlive the simulator.
  static Result<Simulator> create(const model::Park& park, const SimulatorConfig& config);

  Simulator(Simulator&&) noexcept;
  Simulator& operator=(Simulator&&) noexcept;
  ~Simulator();

  // Advances one step from now_ms() and emits every tag's value stamped at the new now_ms(),
  // in the park's tag order, after the events that started during the step.
  void step(SampleSink& sink);
  // The same step without a sample() call per tag: only the step's events go to `events`; the
  // values are then values(), and each one as an integer count of its instrument's resolution
  // in scaledValues() (value == scaled / 10^decimals, the same double). A run that stores or
  // accounts whole columns reads them here instead of through a virtual call per tag.
  void advance(SampleSink& events);
  // After a step: every tag's value in tagIds() order, and the integer behind it (see advance).
  std::span<const double> values() const;
  std::span<const std::int64_t> scaledValues() const;
  // scaledValues()' mark for a value with no such integer (beyond 2^53, or over 15 decimals).
  static constexpr std::int64_t kNoScaled = INT64_MIN;
  // Each tag's reported decimals (the exponent of its scaled value), in tagIds() order.
  std::span<const int> decimals() const;
  // Steps until now_ms() >= end_ms.
  void runUntil(std::int64_t end_ms, SampleSink& sink);

  std::int64_t now_ms() const;
  const SimulatorConfig& config() const;
  // Tag ids in the order samples are emitted (the park file's order).
  const std::vector<std::string>& tagIds() const;
  // The park's tags left out (config.skip_undrivable_tags), in the park file's order.
  const std::vector<std::string>& skippedTags() const;
  // The value last emitted for a tag; nullopt for an unknown tag or before the first step.
  std::optional<double> currentValue(std::string_view tag) const;

  // What-if overrides for twin/scenario, from the next step on: takes a line (potline or
  // processing line), or every line of a building, out of service, and scales its production
  // rate and power by `rate_factor`. No random draw changes, so a run with overrides keeps the
  // failures and weather of the same run without them. Fails for an unknown object.
  Result<void> setLineOverride(std::string_view objectId, bool out_of_service, double rate_factor = 1.0);

 private:
  explicit Simulator(std::unique_ptr<ParkState> state);
  std::unique_ptr<ParkState> state_;
};

}  // namespace parktwin::sim
