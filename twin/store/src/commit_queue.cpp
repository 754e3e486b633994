#include "commit_queue.hpp"

#include <algorithm>
#include <exception>
#include <string>
#include <utility>

namespace parktwin::store {

CommitQueue::CommitQueue(std::size_t max_waiting) : max_waiting_(std::max<std::size_t>(1, max_waiting)), thread_([this] { loop(); }) {}

CommitQueue::~CommitQueue() {
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return idle(); });
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void CommitQueue::post(Job job) {
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return jobs_.size() < max_waiting_ || failure_; });
    jobs_.push_back(std::move(job));
  }
  changed_.notify_all();
}

Result<CommitQueue::Done> CommitQueue::drain() {
  std::unique_lock lock(mutex_);
  if (failure_ && !running_) {
    failure_.reset();  // the worker tries the failed job again
    changed_.notify_all();
  }
  changed_.wait(lock, [&] { return idle(); });
  if (failure_) return std::unexpected(*failure_);
  return std::exchange(done_, Done{});
}

void CommitQueue::waitIdle() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return idle(); });
}

bool CommitQueue::failed() const {
  std::lock_guard lock(mutex_);
  return failure_.has_value();
}

void CommitQueue::loop() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return stop_ || (!jobs_.empty() && !failure_); });
    if (stop_) return;
    running_ = true;
    Job& job = jobs_.front();  // stays put: post() only appends, and nothing else removes it
    lock.unlock();
    Result<void> result;
    try {
      result = job.run();
    } catch (const std::exception& e) {  // memory, most likely: the job stays, to be tried again
      result = fail(std::string("a queued commit failed: ") + e.what());
    }
    lock.lock();
    running_ = false;
    if (result) {
      done_.samples += job.samples;
      done_.until_ms = std::max(done_.until_ms, job.until_ms);
      jobs_.pop_front();
    } else {
      failure_ = result.error();
    }
    changed_.notify_all();
  }
}

}  // namespace parktwin::store
