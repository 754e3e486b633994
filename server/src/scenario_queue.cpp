#include "scenario_queue.hpp"

#include "parktwin/model/bundled_data.hpp"
#include "parktwin/model/park_time.hpp"
#include "parktwin/scenario/runner.hpp"

namespace parktwin::server {

using nlohmann::json;

ScenarioQueue::ScenarioQueue(const model::Park& park, std::filesystem::path dataFolder, std::size_t maxQueued)
    : park_(park), dataFolder_(std::move(dataFolder)), maxQueued_(maxQueued), worker_([this] { work(); }) {}

ScenarioQueue::~ScenarioQueue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cancel_ = true;
  wake_.notify_all();
  worker_.join();
}

Result<scenario::Scenario> ScenarioQueue::readScenario(const json& body, const std::string& language) const {
  const bool zh = language == "zh";
  if (body.is_object() && body.contains("scenario") && body["scenario"].is_string()) return readBundled(body["scenario"], language);
  if (body.is_object() && body.contains("definition") && body["definition"].is_object()) {
    // Whatever park the server serves (the user's own too, QA): the definition runs on it.
    auto loaded = scenario::parseScenarioFor(park_, body["definition"].dump(), "/definition", dataFolder_, language);
    if (!loaded) return fail(ErrorCode::invalid_input, loaded.error().message);
    return loaded;
  }
  if (!body.is_object()) return fail(ErrorCode::invalid_input, zh ? "body: 应为 JSON 对象" : "body: expected a JSON object");
  return fail(ErrorCode::invalid_input, zh ? "body: 应为 {\"scenario\": \"<内置情景名>\"} 或 {\"definition\": {<情景文件内容>}}"
                                           : "body: expected {\"scenario\": \"<bundled name>\"} or {\"definition\": {<scenario file>}}");
}

Result<scenario::Scenario> ScenarioQueue::readBundled(const std::string& name, const std::string& language) const {
  const bool zh = language == "zh";
  if (!model::looksLikeBundledName(name)) {
    return fail(ErrorCode::invalid_input, zh ? "/scenario: 应为内置情景的名称，实际为“" + name + "”"
                                             : "/scenario: expected the name of a bundled scenario, got \"" + name + "\"");
  }
  auto file = model::resolveBundledOrPath(name, model::BundledKind::scenario, dataFolder_, {}, language);
  if (!file) return fail(ErrorCode::invalid_input, "/scenario: " + file.error().message);
  auto loaded = scenario::loadScenario(*file, dataFolder_, language, scenario::TargetCheck::none);
  if (!loaded) return fail(ErrorCode::invalid_input, loaded.error().message);
  // A bundled scenario names its bundled park, whose id is its name.
  if (loaded->park != park_.id) {
    return fail(ErrorCode::invalid_input,
                zh ? "情景“" + loaded->id + "”是为园区“" + loaded->park + "”写的；本服务器服务的是“" + park_.id + "”"
                   : "scenario \"" + loaded->id + "\" is for park \"" + loaded->park + "\"; this server serves \"" + park_.id + "\"");
  }
  if (auto checked = scenario::checkAgainstPark(*loaded, park_, language); !checked) {
    return fail(ErrorCode::invalid_input, checked.error().message);
  }
  return loaded;
}

Result<std::string> ScenarioQueue::submit(const json& body, const std::string& user, const std::string& language) {
  const bool zh = language == "zh";
  auto loaded = readScenario(body, language);
  if (!loaded) return std::unexpected(loaded.error());
  std::optional<std::int64_t> duration_ms;
  if (body.contains("duration_hours")) {
    const auto& hours = body["duration_hours"];
    if (!hours.is_number() || hours.get<double>() <= 0 || hours.get<double>() > 24.0 * 366 * 10) {
      return fail(ErrorCode::invalid_input, zh ? "/duration_hours: 应为大于 0 的小时数（至多十年）"
                                               : "/duration_hours: expected a number of hours > 0 (at most ten years)");
    }
    duration_ms = static_cast<std::int64_t>(hours.get<double>() * 3'600'000);
  }
  std::optional<std::int64_t> start_ms;
  if (body.contains("start")) {
    // Without a zone, the served park's civil time, as every other time typed for it.
    auto start = body["start"].is_string() ? model::parkInstantMs(body["start"].get<std::string>(), &park_, language)
                                           : Result<std::int64_t>(fail(zh ? "应为字符串" : "expected a string"));
    if (!start) {
      return fail(ErrorCode::invalid_input, "/start: " + start.error().message +
                                                (zh ? "（ISO-8601，如 2026-07-15T00:00:00+08:00）" : " (ISO-8601, e.g. 2026-07-15T00:00:00+08:00)"));
    }
    start_ms = *start;
  }
  std::lock_guard lock(mutex_);
  if (queue_.size() >= maxQueued_) return fail(ErrorCode::busy, zh ? "情景队列已满，请稍后再试" : "the scenario queue is full; try again later");
  Job job;
  job.id = "run-" + std::to_string(nextId_++);
  job.user = user;
  job.scenario_id = loaded->id;
  job.scenario = std::move(*loaded);
  job.duration_ms = duration_ms;
  job.start_ms = start_ms;
  job.language = language;
  const std::string id = job.id;
  jobs_.emplace(id, std::move(job));
  queue_.push_back(id);
  wake_.notify_all();
  return id;
}

std::optional<json> ScenarioQueue::status(const std::string& id) const {
  std::lock_guard lock(mutex_);
  const auto it = jobs_.find(id);
  if (it == jobs_.end()) return std::nullopt;
  const Job& j = it->second;
  json out{{"id", j.id}, {"scenario", j.scenario_id}, {"user", j.user}, {"state", j.state}, {"progress", j.progress}};
  if (!j.error.empty()) out["error"] = j.error;
  if (j.state == "done") out["kpis"] = j.kpis;
  return out;
}

void ScenarioQueue::work() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (stopping_) return;
    Job& job = jobs_.at(queue_.front());
    queue_.pop_front();
    job.state = "running";
    lock.unlock();
    run(job);  // a Job in the map never moves, and only this thread changes a running one's result
    lock.lock();
  }
}

void ScenarioQueue::run(Job& job) {
  scenario::RunOptions options;
  options.duration_ms = job.duration_ms;
  options.start_ms = job.start_ms;
  options.parallel = false;  // one API server shares its machine; runs queue instead
  options.language = job.language;
  options.cancel = &cancel_;
  options.progress = [this, &job](double share) {
    std::lock_guard lock(mutex_);
    job.progress = share;
  };
  auto result = scenario::runScenario(job.scenario, park_, options);
  std::lock_guard lock(mutex_);
  if (!result) {
    job.state = "failed";
    job.error = result.error().message;
    return;
  }
  json kpis = json::array();
  for (const auto& d : result->deltas) {
    kpis.push_back({{"key", flow::kpiId(d.key)}, {"baseline", d.baseline}, {"scenario", d.scenario}, {"delta", d.delta()}});
  }
  job.kpis = std::move(kpis);
  job.progress = 1.0;
  job.state = "done";
}

}  // namespace parktwin::server
