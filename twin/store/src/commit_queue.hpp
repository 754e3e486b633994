#pragma once
// A writer's commits, run in order on a thread of their own while appends go on (write-behind,
// docs/historian.md). Each job is one transaction on the writer's connection with everything it
// writes copied in, so the appending thread changes nothing a queued job reads. A job that fails
// stops the queue: it and the jobs after it stay, in order, and run again when the writer
// drains the queue, so nothing is skipped or reordered. Internal to historian_*.cpp.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "parktwin/common/result.hpp"

namespace parktwin::store {

class CommitQueue {
 public:
  struct Job {
    std::function<Result<void>()> run;
    std::uint64_t samples = 0;          // what it makes durable
    std::int64_t until_ms = INT64_MIN;  // the newest sample it holds
  };
  // What the jobs done since the previous drain() made durable.
  struct Done {
    std::uint64_t samples = 0;
    std::int64_t until_ms = INT64_MIN;
  };

  explicit CommitQueue(std::size_t max_waiting);
  ~CommitQueue();  // runs the jobs still queued first, unless one failed
  CommitQueue(const CommitQueue&) = delete;
  CommitQueue& operator=(const CommitQueue&) = delete;

  // Queues `job`; waits while max_waiting jobs wait already (memory stays bounded when the disk
  // is slower than the appends).
  void post(Job job);
  // Waits until every job ran or one failed; a job that had failed is tried once more first.
  // Gives the failure, or what the jobs made durable.
  Result<Done> drain();
  // Waits until no job runs (all done, or stopped at a failure): the connection is free.
  void waitIdle();
  bool failed() const;

 private:
  void loop();
  bool idle() const { return !running_ && (jobs_.empty() || failure_); }
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Job> jobs_;  // the front one runs
  const std::size_t max_waiting_;
  bool running_ = false;
  std::optional<Error> failure_;  // of the front job; the queue waits for drain()
  Done done_;
  bool stop_ = false;
  std::thread thread_;  // last: it starts once the members above exist
};

}  // namespace parktwin::store
