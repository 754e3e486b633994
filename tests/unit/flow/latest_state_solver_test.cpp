// Flows solved on a worker at the latest step: steps posted during a solve are skipped, and
// what is delivered for a step is what a fresh solve of that step alone gives (solveParkFlows
// called here directly, on this thread) and, for Beidu with a potline down, the hand figure.
#include <gtest/gtest.h>

#include <condition_variable>
#include <map>
#include <mutex>
#include <vector>

#include "parktwin/flow/latest_state_solver.hpp"
#include "parktwin/flow/park_state.hpp"
#include "test_support.hpp"

namespace parktwin::flow {
namespace {

// Beidu's two 170 kt/yr potlines at step i: both up, then potline-1 down every third step,
// and the measured load of potline-2 moving, so that neighbouring steps differ.
std::map<std::string, double> beiduStateAt(int i) {
  return {{"potline-1.state", i % 3 == 2 ? 3.0 : 0.0},
          {"potline-2.state", 0.0},
          {"potline-2.power", 200'000.0 + 1'000.0 * i}};
}

ParkFlowReport freshSolve(const model::Park& park, std::int64_t t_ms, const std::map<std::string, double>& values) {
  const StateOverrides state = overridesFromState(park, values, t_ms);
  auto report = solveParkFlows(park, state.material, state.energy, 1.0);
  EXPECT_TRUE(report) << report.error().message;
  return report ? std::move(*report) : ParkFlowReport{};
}

void expectSameSolution(const ParkFlowReport& got, const ParkFlowReport& fresh) {
  EXPECT_EQ(got.material.dispatch.arc_flow, fresh.material.dispatch.arc_flow);
  EXPECT_EQ(got.energy.dispatch.arc_flow, fresh.energy.dispatch.arc_flow);
  EXPECT_DOUBLE_EQ(got.kpis.direct_molten_t, fresh.kpis.direct_molten_t);
  EXPECT_DOUBLE_EQ(got.kpis.energy_kwh, fresh.kpis.energy_kwh);
}

struct Delivered {
  std::int64_t t_ms = 0;
  ParkFlowReport report;
};

TEST(LatestStateSolver, StepsPostedDuringASolveAreSkippedAndTheNewestIsSolved) {
  auto beidu = test::loadDemoPark("beidu");
  ASSERT_TRUE(beidu);
  const auto park = std::make_shared<const model::Park>(*beidu);
  // The first delivery holds the worker until every other step is posted: the steps between
  // the first and the last can then only be skipped.
  std::mutex mutex;
  std::condition_variable changed;
  bool firstStarted = false, gateOpen = false;
  std::vector<Delivered> delivered;
  LatestStateSolver solver(park, 1.0, [&](std::int64_t t, Result<ParkFlowReport> report) {
    std::unique_lock lock(mutex);
    firstStarted = true;
    changed.notify_all();
    changed.wait(lock, [&] { return gateOpen; });
    ASSERT_TRUE(report) << report.error().message;
    delivered.push_back({t, std::move(*report)});
  });
  solver.post({0, beiduStateAt(0)});
  {
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return firstStarted; });
  }
  const int last = 101;  // 101 % 3 == 2: potline-1 down at the last step
  for (int i = 1; i <= last; ++i) solver.post({i * 1000, beiduStateAt(i)});
  {
    std::lock_guard lock(mutex);
    gateOpen = true;
  }
  changed.notify_all();
  solver.waitIdle();

  EXPECT_EQ(solver.posted(), 102u);
  EXPECT_EQ(solver.solved(), 2u) << "the 100 steps between the first and the last are skipped";
  ASSERT_EQ(delivered.size(), 2u);
  EXPECT_EQ(delivered[0].t_ms, 0);
  EXPECT_EQ(delivered[1].t_ms, last * 1000);
  expectSameSolution(delivered[0].report, freshSolve(*park, 0, beiduStateAt(0)));
  expectSameSolution(delivered[1].report, freshSolve(*park, last * 1000, beiduStateAt(last)));
  // By hand: one 170 kt/yr potline down leaves 170,000 t/yr / 8760 h of molten metal.
  EXPECT_NEAR(delivered[1].report.kpis.direct_molten_t, 170'000.0 / 8760, 0.01);
  EXPECT_NEAR(delivered[0].report.kpis.direct_molten_t, 340'000.0 / 8760, 0.01);
}

TEST(LatestStateSolver, EveryDeliveredStepEqualsAFreshSolveOfThatStep) {
  auto beidu = test::loadDemoPark("beidu");
  ASSERT_TRUE(beidu);
  const auto park = std::make_shared<const model::Park>(*beidu);
  std::mutex mutex;
  std::vector<Delivered> delivered;
  LatestStateSolver solver(park, 1.0, [&](std::int64_t t, Result<ParkFlowReport> report) {
    ASSERT_TRUE(report) << report.error().message;
    std::lock_guard lock(mutex);
    delivered.push_back({t, std::move(*report)});
  });
  const int steps = 60;
  for (int i = 0; i < steps; ++i) solver.post({i * 1000, beiduStateAt(i)});
  solver.waitIdle();

  ASSERT_FALSE(delivered.empty());
  EXPECT_EQ(solver.solved(), delivered.size());
  EXPECT_EQ(delivered.back().t_ms, (steps - 1) * 1000) << "the newest step is always solved";
  std::int64_t previous = -1;
  for (const auto& d : delivered) {
    EXPECT_GT(d.t_ms, previous) << "steps are solved in the order posted";
    previous = d.t_ms;
    expectSameSolution(d.report, freshSolve(*park, d.t_ms, beiduStateAt(static_cast<int>(d.t_ms / 1000))));
  }
}

}  // namespace
}  // namespace parktwin::flow
