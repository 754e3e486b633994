// Simulator speed as a multiple of real time, per demo park and step. The sink does the least a
// real one must (touch each value), so this is the simulator's own cost.
//   build/bench/bench/sim/sim_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <string>

#include "parktwin/model/park_file.hpp"
#include "parktwin/sim/simulator.hpp"

namespace {

class ChecksumSink : public parktwin::sim::SampleSink {
 public:
  void sample(std::string_view tag, std::int64_t ts_ms, double value) override {
    sum_ += value + static_cast<double>(ts_ms & 1) + static_cast<double>(tag.size());
  }
  double sum_ = 0;
};

void simulateDay(benchmark::State& state, const std::string& parkName) {
  auto park = parktwin::model::loadPark(std::string(PARKTWIN_SOURCE_DIR) + "/assets/parks/" + parkName + ".json");
  if (!park) {
    state.SkipWithError(park.error().message.c_str());
    return;
  }
  const std::int64_t step_ms = state.range(0);
  const std::int64_t day_ms = 86'400'000;
  std::int64_t simulated_ms = 0;
  std::int64_t samples = 0;
  for (auto _ : state) {
    auto sim = parktwin::sim::Simulator::create(*park, {1, 1'767'225'600'000, step_ms});
    ChecksumSink sink;
    sim->runUntil(1'767'225'600'000 + day_ms, sink);
    benchmark::DoNotOptimize(sink.sum_);
    simulated_ms += day_ms;
    samples += static_cast<std::int64_t>(day_ms / step_ms * static_cast<std::int64_t>(sim->tagIds().size()));
  }
  // Simulated seconds per wall-clock second: the multiple of real time.
  state.counters["x_real_time"] = benchmark::Counter(static_cast<double>(simulated_ms) / 1000.0, benchmark::Counter::kIsRate);
  state.counters["samples_per_s"] = benchmark::Counter(static_cast<double>(samples), benchmark::Counter::kIsRate);
}

BENCHMARK_CAPTURE(simulateDay, beidu, std::string("beidu"))->Arg(1000)->Arg(60'000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(simulateDay, jiulong, std::string("jiulong"))->Arg(1000)->Arg(60'000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
