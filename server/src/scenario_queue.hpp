#pragma once
// Scenario runs queued by the API (POST .../scenarios) and run one at a time on a worker
// thread with twin/scenario's runner; their status, progress (0..1) and KPIs for
// GET .../scenarios/{id}. Thread-safe.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "parktwin/common/result.hpp"
#include "parktwin/model/park.hpp"
#include "parktwin/scenario/scenario.hpp"

namespace parktwin::server {

class ScenarioQueue {
 public:
  ScenarioQueue(const model::Park& park, std::filesystem::path dataFolder, std::size_t maxQueued = 16);
  ~ScenarioQueue();  // cancels the running job and waits for it
  ScenarioQueue(const ScenarioQueue&) = delete;
  ScenarioQueue& operator=(const ScenarioQueue&) = delete;

  // Body: {"scenario": "<bundled name>"} or {"definition": {<scenario file>}}, optionally
  // "duration_hours" (shortens the run) and "start" (ISO-8601; moves it). Returns the run's id; invalid_input names the problem,
  // busy when the queue is full. Refusals, and the run's error, in `language` ("zh" or "en").
  Result<std::string> submit(const nlohmann::json& body, const std::string& user, const std::string& language = "en");
  std::optional<nlohmann::json> status(const std::string& id) const;

 private:
  struct Job {
    std::string id, user, scenario_id;
    scenario::Scenario scenario;
    std::optional<std::int64_t> duration_ms, start_ms;
    std::string state = "queued";  // queued, running, done, failed
    double progress = 0;
    std::string error;
    std::string language;  // of `error`: the submitter's
    nlohmann::json kpis;
  };
  Result<scenario::Scenario> readScenario(const nlohmann::json& body, const std::string& language) const;
  Result<scenario::Scenario> readBundled(const std::string& name, const std::string& language) const;
  void work();
  void run(Job& job);

  const model::Park& park_;
  std::filesystem::path dataFolder_;
  std::size_t maxQueued_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::map<std::string, Job> jobs_;
  std::deque<std::string> queue_;
  std::uint64_t nextId_ = 1;
  std::atomic<bool> cancel_{false};
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace parktwin::server
