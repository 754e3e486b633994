#pragma once
// Solves a park's flows at the state of the latest step on a worker thread of its own, so that
// whoever shows the steps (the window replaying at 600x) never waits for a solve. Steps posted
// while a solve runs replace each other: only the newest is solved next, the ones in between
// are skipped. A skipped step costs nothing and changes nothing: what is delivered is always
// a whole solve of one posted step (overridesFromState, then solveParkFlows), the same as a
// solve of that step alone.
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "parktwin/common/result.hpp"
#include "parktwin/flow/park_flows.hpp"
#include "parktwin/model/park.hpp"

namespace parktwin::flow {

struct StateStep {
  std::int64_t t_ms = 0;                 // the step's time, handed back with its solution
  std::map<std::string, double> values;  // tag id -> value at t_ms (park_state.hpp)
};

class LatestStateSolver {
 public:
  // Called on the worker thread with each solved step, in the order solved (t_ms may go back
  // after a seek). `hours`: the KPI window of each solve (solveParkFlows).
  using Delivery = std::function<void(std::int64_t t_ms, Result<ParkFlowReport> report)>;

  LatestStateSolver(std::shared_ptr<const model::Park> park, double hours, Delivery deliver);
  // Waits for the solve in progress (if any); pending steps are dropped.
  ~LatestStateSolver();
  LatestStateSolver(const LatestStateSolver&) = delete;
  LatestStateSolver& operator=(const LatestStateSolver&) = delete;

  // Never blocks on a solve: replaces the step waiting, if any.
  void post(StateStep step);
  // Blocks until no step waits and none is being solved (tests and benchmarks).
  void waitIdle();
  std::uint64_t posted() const;
  std::uint64_t solved() const;

 private:
  void work();

  std::shared_ptr<const model::Park> park_;
  double hours_;
  Delivery deliver_;
  mutable std::mutex mutex_;
  std::condition_variable wake_, idle_;
  std::optional<StateStep> pending_;
  bool busy_ = false, stopping_ = false;
  std::uint64_t posted_ = 0, solved_ = 0;
  std::thread worker_;  // last: starts once everything above exists
};

}  // namespace parktwin::flow
