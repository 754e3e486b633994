#include "parktwin/flow/latest_state_solver.hpp"

#include <utility>

#include "parktwin/flow/park_state.hpp"

namespace parktwin::flow {

LatestStateSolver::LatestStateSolver(std::shared_ptr<const model::Park> park, double hours, Delivery deliver)
    : park_(std::move(park)), hours_(hours), deliver_(std::move(deliver)), worker_([this] { work(); }) {}

LatestStateSolver::~LatestStateSolver() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    pending_.reset();
  }
  wake_.notify_all();
  worker_.join();
}

void LatestStateSolver::post(StateStep step) {
  {
    std::lock_guard lock(mutex_);
    pending_ = std::move(step);
    ++posted_;
  }
  wake_.notify_one();
}

void LatestStateSolver::waitIdle() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] { return !pending_ && !busy_; });
}

std::uint64_t LatestStateSolver::posted() const {
  std::lock_guard lock(mutex_);
  return posted_;
}

std::uint64_t LatestStateSolver::solved() const {
  std::lock_guard lock(mutex_);
  return solved_;
}

void LatestStateSolver::work() {
  // Keeps the solvers' working arrays from one step to the next (the report itself goes to
  // `deliver_`, so its room is not handed back).
  ParkFlowSolver solver;
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || pending_; });
    if (stopping_) return;
    StateStep step = std::move(*pending_);
    pending_.reset();
    busy_ = true;
    lock.unlock();
    // The solve and the delivery run unlocked: post() only ever waits for the swap above.
    const StateOverrides state = overridesFromState(*park_, step.values, step.t_ms);
    deliver_(step.t_ms, solver.solve(*park_, state.material, state.energy, hours_));
    lock.lock();
    busy_ = false;
    ++solved_;
    if (!pending_) idle_.notify_all();
  }
}

}  // namespace parktwin::flow
