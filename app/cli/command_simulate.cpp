// parktwin-cli simulate: run the deterministic simulator and publish it on MQTT in real time
// (or faster), and/or write it to a long-format CSV as fast as it computes.
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

#include "command_registry.hpp"
#include "parktwin/common/iso_time.hpp"
#include "parktwin/common/time_text.hpp"
#include "parktwin/model/park_file.hpp"
#include "parktwin/sim/csv_writer.hpp"
#include "parktwin/sim/event_codec.hpp"
#include "parktwin/sim/simulator.hpp"
#include "parktwin/store/store.hpp"
#include "store_option.hpp"
#include "terminal.hpp"
// PARKTWIN_CLI_HAS_FEED: set by app/cli/CMakeLists.txt when twin/feed is built (libmosquitto).
#ifdef PARKTWIN_CLI_HAS_FEED
#include "broker_flags.hpp"
#include "parktwin/feed/publisher.hpp"
#endif

namespace parktwin::cli {
namespace {

volatile std::sig_atomic_t interrupted = 0;

struct SimulateOptions {
  std::string park;
  std::uint64_t seed = 1;
  std::string from;
  std::string duration;
  std::string step;
  double speed = 1;
  std::string csv;
  std::string events;
  std::string db;
  std::string mqtt;
  std::string user, password, tlsCa;
  int qos = 0;
  bool skipUnknownTags = false;
};

// When and how long to simulate, from --from, --duration and --step.
struct SimulateTiming {
  std::int64_t step_ms = 0;
  std::int64_t start_ms = 0;
  std::int64_t duration_ms = -1;  // forever (live only)
};

// Samples and events into the historian, events in the form the window replays (event_codec.hpp).
class HistorianSink : public sim::SampleSink {
 public:
  explicit HistorianSink(store::Store& historian) : historian_(historian) {}
  void sample(std::string_view tag, std::int64_t ts_ms, double value) override {
    if (auto r = historian_.append(tag, ts_ms, value); !r) remember(r.error().message);
  }
  void event(const sim::SimEvent& e) override {
    if (auto r = historian_.appendEvent(sim::encodeEvent(e)); !r) remember(r.error().message);
  }
  const std::string& firstError() const { return firstError_; }

 private:
  void remember(const std::string& message) {
    if (firstError_.empty()) firstError_ = message;
  }
  store::Store& historian_;
  std::string firstError_;
};

#ifdef PARKTWIN_CLI_HAS_FEED
class PublishingSink : public sim::SampleSink {
 public:
  explicit PublishingSink(feed::Publisher& publisher) : publisher_(publisher) {}
  void sample(std::string_view tag, std::int64_t ts_ms, double value) override {
    if (auto r = publisher_.publish(tag, ts_ms, value); !r) {
      ++failures_;
      if (failures_ <= 5) std::cerr << r.error().message << "\n";
    }
  }
  std::uint64_t failures() const { return failures_; }

 private:
  feed::Publisher& publisher_;
  std::uint64_t failures_ = 0;
};
#endif

// Where the samples go: the CSV, the historian and the broker, each optional, behind one sink.
// Declared in this order so that the sinks outlive what feeds them and close in reverse.
struct SimulateOutputs {
  sim::FanOutSink sinks;
  std::unique_ptr<sim::CsvSampleWriter> csv;
  std::unique_ptr<store::Store> historian;
  std::unique_ptr<HistorianSink> historianSink;
#ifdef PARKTWIN_CLI_HAS_FEED
  std::unique_ptr<feed::Publisher> publisher;
  std::unique_ptr<PublishingSink> publishing;
#endif
};

// The run's timing; nullopt after printing why.
std::optional<SimulateTiming> parseTiming(const SimulateOptions& o, const model::Park& park, bool live) {
  SimulateTiming timing;
  const auto step = durationFlag("--step", o.step.empty() ? (live ? "1s" : "1m") : o.step);
  if (!step) return std::nullopt;
  timing.step_ms = *step;
  if (o.from.empty()) {
    const std::int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::system_clock::now().time_since_epoch()).count();
    timing.start_ms = live ? now - now % *step : *parseInstantMs("2026-01-01T00:00:00+08:00");
  } else {
    const auto from = instantFlag("--from", o.from, park, commandLanguage());
    if (!from) return std::nullopt;
    timing.start_ms = *from;
  }
  if (!o.duration.empty()) {
    const auto duration = durationFlag("--duration", o.duration);
    if (!duration) return std::nullopt;
    timing.duration_ms = *duration;
  } else if (!live) {
    std::cerr << say("simulate: --duration is required without --mqtt (e.g. --duration 30d)\n",
                     "simulate：不用 --mqtt 时必须给出 --duration（如 --duration 30d）\n");
    return std::nullopt;
  }
  return timing;
}

// Opens --csv (with --events) into `out`; false after printing why.
bool openCsv(const SimulateOptions& o, SimulateOutputs& out) {
  if (o.csv.empty()) return true;
  auto opened = sim::CsvSampleWriter::open(o.csv, o.events);
  if (!opened) {
    std::cerr << opened.error().message << "\n";
    return false;
  }
  out.csv = std::move(*opened);
  out.sinks.add(*out.csv);
  return true;
}

// Opens --db and defines the park's tags in it; false after printing why.
bool openHistorian(const SimulateOptions& o, const model::Park& park, SimulateOutputs& out) {
  if (o.db.empty()) return true;
  store::StoreOptions options;
  options.historian.commit_every_ms = 5000;
  options.historian.commit_every_samples = 500'000;
  auto opened = store::openStore(o.db, options);
  if (!opened) {
    std::cerr << opened.error().message << "\n";
    return false;
  }
  out.historian = std::move(*opened);
  for (const auto& tag : park.tags) {
    if (auto defined = out.historian->defineTag(tag.id, tag.unit, model::toText(tag.kind)); !defined) {
      std::cerr << o.db << ": " << defined.error().message << "\n";
      return false;
    }
  }
  out.historianSink = std::make_unique<HistorianSink>(*out.historian);
  out.sinks.add(*out.historianSink);
  return true;
}

// Connects to --mqtt when given; the exit code after printing why (2: bad flags or broker
// refused, 1: no connection), 0 when publishing or not asked to.
// (Parameters unused in a build without twin/feed.)
int openPublisher(const SimulateOptions& o, [[maybe_unused]] const model::Park& park,
                  [[maybe_unused]] const sim::Simulator& simulator, [[maybe_unused]] std::int64_t step_ms,
                  [[maybe_unused]] SimulateOutputs& out) {
  if (o.mqtt.empty()) return 0;
#ifdef PARKTWIN_CLI_HAS_FEED
  auto broker = brokerFromFlags(o.mqtt, o.user, o.password, o.tlsCa);
  if (!broker) return 2;
  auto created = feed::Publisher::create({*broker, park.id, o.qos, false, 20'000, std::chrono::milliseconds(30'000)});
  if (!created) {
    std::cerr << created.error().message << "\n";
    return 2;
  }
  out.publisher = std::move(*created);
  if (auto connected = out.publisher->connect(std::chrono::seconds(10)); !connected) {
    std::cerr << connected.error().message << "\n";
    return 1;
  }
  out.publishing = std::make_unique<PublishingSink>(*out.publisher);
  out.sinks.add(*out.publishing);
  if (commandLanguage() == "zh") {
    std::cerr << "正在把 " << park.id << " 的 " << simulator.tagIds().size() << " 个测点发布到 " << o.mqtt << " 上的 parktwin/"
              << park.id << "/#，每 " << step_ms << " 毫秒仿真时间一次，速度为实时的 " << o.speed << " 倍\n";
  } else {
    std::cerr << "publishing " << counted(simulator.tagIds().size(), "tag", "tags") << " of " << park.id << " to parktwin/"
              << park.id << "/# on " << o.mqtt << " every " << step_ms << " ms of simulated time at " << o.speed << "x\n";
  }
  return 0;
#else
  std::cerr << "simulate: this build has no MQTT support (libmosquitto missing)\n";
  return 2;
#endif
}

// Steps the simulator to the end of the run or an interrupt (Ctrl-C), at `speed` times real
// time when live; returns the steps taken.
std::uint64_t runSteps(sim::Simulator& simulator, sim::SampleSink& sinks, const SimulateTiming& timing, bool live,
                       double speed) {
  std::signal(SIGINT, [](int) { interrupted = 1; });
  std::signal(SIGTERM, [](int) { interrupted = 1; });
  const std::int64_t end_ms = timing.duration_ms < 0 ? INT64_MAX : timing.start_ms + timing.duration_ms;
  const auto wallStart = std::chrono::steady_clock::now();
  const bool bounded = timing.duration_ms >= 0;
  ProgressBar progress("simulate", bounded ? static_cast<std::uint64_t>(timing.duration_ms / timing.step_ms) : 0);
  std::uint64_t steps = 0;
  while (simulator.now_ms() < end_ms && !interrupted) {
    simulator.step(sinks);
    ++steps;
    if (live && speed > 0) {
      const auto due = wallStart + std::chrono::milliseconds(static_cast<std::int64_t>(
                                       static_cast<double>(simulator.now_ms() - timing.start_ms) / speed));
      std::this_thread::sleep_until(due);
    }
    if (bounded && steps % 256 == 0) progress.update(steps);
  }
  if (bounded) progress.update(static_cast<std::uint64_t>(timing.duration_ms / timing.step_ms));
  return steps;
}

// Flushes and closes every output; 1 if any failed (after printing why), else 0.
int closeOutputs(const SimulateOptions& o, SimulateOutputs& out) {
  int rc = 0;
  if (out.csv) {
    if (auto closed = out.csv->close(); !closed) {
      std::cerr << closed.error().message << "\n";
      rc = 1;
    }
  }
  if (out.historian) {
    if (auto flushed = out.historian->flush(); !flushed) {
      std::cerr << o.db << ": " << flushed.error().message << "\n";
      rc = 1;
    } else if (!out.historianSink->firstError().empty()) {
      std::cerr << o.db << ": " << out.historianSink->firstError() << "\n";
      rc = 1;
    }
  }
#ifdef PARKTWIN_CLI_HAS_FEED
  if (out.publisher) {
    if (auto flushed = out.publisher->flush(std::chrono::seconds(10)); !flushed) {
      std::cerr << flushed.error().message << "\n";
      rc = 1;
    }
    if (commandLanguage() == "zh") {
      std::cerr << "已发布 " << out.publisher->published() << " 条消息（" << out.publishing->failures() << " 条失败）\n";
    } else {
      std::cerr << "published " << out.publisher->published() << " messages (" << out.publishing->failures() << " failed)\n";
    }
    if (out.publishing->failures() > 0) rc = 1;
  }
#endif
  return rc;
}

// The simulator for the park, or nullopt after saying why. A tag it has no quantity for (a
// user's own temperature probe) fails the run unless --skip-unknown-tags leaves it out.
std::optional<sim::Simulator> createSimulator(const SimulateOptions& o, const model::Park& park, const SimulateTiming& timing) {
  auto simulator =
      sim::Simulator::create(park, {o.seed, timing.start_ms, timing.step_ms, o.skipUnknownTags, commandLanguage()});
  if (!simulator) {
    std::cerr << simulator.error().message << "\n";
    if (simulator.error().code == ErrorCode::not_found) {
      std::cerr << say("simulate: --skip-unknown-tags simulates the other tags\n", "simulate：加 --skip-unknown-tags 可仿真其余测点\n");
    }
    return std::nullopt;
  }
  const auto& skipped = simulator->skippedTags();
  if (!skipped.empty()) {
    const bool zh = commandLanguage() == "zh";
    std::cerr << (zh ? "simulate：略过了模拟器没有对应量的 " + std::to_string(skipped.size()) + " 个测点："
                     : "simulate: left out " + std::to_string(skipped.size()) +
                           (skipped.size() == 1 ? " tag" : " tags") + " the simulator has no quantity for:");
    for (const auto& id : skipped) std::cerr << " " << id;
    std::cerr << "\n";
  }
  return std::move(*simulator);
}

// The run's last line: what was simulated, how much, and how fast, in commandLanguage().
void printSimulated(std::int64_t start_ms, std::int64_t end_ms, std::uint64_t steps, const sim::FanOutSink& sinks,
                    double wall_s, double timesRealTime) {
  const std::string from = formatIsoUtcMs(start_ms), to = formatIsoUtcMs(end_ms);
  if (commandLanguage() == "zh") {
    std::fprintf(stderr, "已仿真 %s .. %s：%llu 步，%llu 个样本，%llu 个事件，用时 %.2f 秒（实时的 %.0f 倍）\n", from.c_str(),
                 to.c_str(), static_cast<unsigned long long>(steps), static_cast<unsigned long long>(sinks.samples()),
                 static_cast<unsigned long long>(sinks.events()), wall_s, timesRealTime);
    return;
  }
  std::fprintf(stderr, "simulated %s .. %s: %s, %s, %s in %.2f s (%.0fx real time)\n", from.c_str(), to.c_str(),
               counted(steps, "step", "steps").c_str(), counted(sinks.samples(), "sample", "samples").c_str(),
               counted(sinks.events(), "event", "events").c_str(), wall_s, timesRealTime);
}

int runSimulate(const SimulateOptions& o) {
  if (o.csv.empty() && o.mqtt.empty() && o.db.empty()) {
    std::cerr << say("simulate: say where the samples go: --csv FILE, --db FILE (or --store URI) and/or --mqtt HOST:PORT\n",
                     "simulate：请指定样本写到哪里：--csv 文件、--db 文件（或 --store URI），和/或 --mqtt 主机:端口\n");
    return 2;
  }
  const bool live = !o.mqtt.empty();
  auto park = loadParkArgument(o.park, commandLanguage());
  if (!park) {
    std::cerr << park.error().message << "\n";
    return 2;
  }
  const auto timing = parseTiming(o, *park, live);
  if (!timing) return 2;
  *park = model::withoutPlanned(*park);  // planned plants are not running yet
  auto simulator = createSimulator(o, *park, *timing);
  if (!simulator) return 2;
  SimulateOutputs out;
  if (!openCsv(o, out) || !openHistorian(o, *park, out)) return 1;
  if (const int rc = openPublisher(o, *park, *simulator, timing->step_ms, out); rc != 0) return rc;

  const auto wallStart = std::chrono::steady_clock::now();
  const std::uint64_t steps = runSteps(*simulator, out.sinks, *timing, live, o.speed);
  const double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
  const int rc = closeOutputs(o, out);
  const double simulated_s = static_cast<double>(simulator->now_ms() - timing->start_ms) / 1000.0;
  printSimulated(timing->start_ms, simulator->now_ms(), steps, out.sinks, wall_s, wall_s > 0 ? simulated_s / wall_s : 0.0);
  return rc;
}

const bool registered = registerCommand({
    "simulate",
    {"Run the park simulator: publish it on MQTT (--mqtt), write it to a historian (--db) or a CSV (--csv)",
     "运行园区仿真器：发布到 MQTT（--mqtt），写入历史库（--db）或 CSV（--csv）"},
    [](CLI::App& sub) {
      auto o = std::make_shared<SimulateOptions>();
      sub.add_option("--park", o->park, say("Bundled park name (beidu, jiulong) or a park file", "内置园区名称（beidu、jiulong）或园区文件"))->required();
      sub.add_option("--seed", o->seed, say("Random seed: the same seed gives the same run", "随机种子：种子相同，运行结果就相同"))->default_val(1);
      sub.add_option("--from", o->from,
                     say("Start, ISO-8601 or epoch s/ms; without a zone, the park's civil time (default: now with "
                         "--mqtt, else 2026-01-01T00:00:00+08:00)",
                         "起始时间，ISO-8601 或纪元秒/毫秒；不带时区时按园区的当地时间计（默认：用 --mqtt 时为当前时间，"
                         "否则为 2026-01-01T00:00:00+08:00）"));
      sub.add_option("--duration", o->duration,
                     say("How long to simulate: 90s, 15m, 1h, 30d (default forever with --mqtt)",
                         "仿真时长：90s、15m、1h、30d（用 --mqtt 时默认一直运行）"));
      sub.add_option("--step", o->step,
                     say("Sampling step, 1s..1m (default 1s with --mqtt, 1m otherwise)",
                         "采样步长，1s..1m（用 --mqtt 时默认 1s，否则默认 1m）"));
      sub.add_option("--speed", o->speed,
                     say("With --mqtt: multiple of real time, 0 = as fast as possible", "与 --mqtt 一起使用：实际时间的倍数，0 = 尽可能快"))->default_val(1.0);
      sub.add_option("--csv", o->csv,
                     say("Write samples as CSV: ts,tag,value (ts ISO-8601 UTC)", "把样本写成 CSV：ts,tag,value（ts 为 ISO-8601 UTC 时间）"));
      sub.add_option("--events", o->events,
                     say("With --csv: also write events (ladle trips, state changes) as CSV",
                         "与 --csv 一起使用：同时把事件（铝液包往返、状态变化）写成 CSV"));
      auto* dbOption = sub.add_option("--db", o->db,
                                      say("Write samples and events into a historian file (SQLite)", "把样本和事件写入历史库文件（SQLite）"));
      addStoreOption(sub, o->db, dbOption);
      sub.add_option("--mqtt", o->mqtt,
                     say("Publish to the broker at HOST:PORT as parktwin/<park>/<tag>",
                         "发布到位于 主机:端口 的 MQTT 代理，主题为 parktwin/<园区>/<测点>"));
      addBrokerCredentialOptions(sub, o->user, o->password, o->tlsCa);
      sub.add_option("--qos", o->qos, say("MQTT QoS 0 or 1", "MQTT 的 QoS：0 或 1"))->default_val(0)->check(CLI::Range(0, 1));
      sub.add_flag("--skip-unknown-tags", o->skipUnknownTags,
                   say("Leave out the tags the simulator has no quantity for (listed), instead of refusing the run",
                       "略过仿真器没有对应量的测点（会列出），而不是拒绝运行"));
      return [o] { return runSimulate(*o); };
    }});

}  // namespace
}  // namespace parktwin::cli
