// parktwin-cli ingest: subscribe to a park's live MQTT feed (or start every source of a connections
// file, docs/connections.md) and write what arrives to a historian
// and/or a CSV, printing the feed's counters (received, accepted, malformed, unknown tag,
// duplicates, gaps). At QoS 1 a message is acknowledged to the broker only once the historian
// committed it (feed::DurableSubscriber), so killing ingest loses no acknowledged sample.
#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <functional>
#include <thread>

#include "broker_flags.hpp"
#include "command_registry.hpp"
#include "parktwin/model/park_file.hpp"
#include "terminal.hpp"
#include "parktwin/common/time_text.hpp"
#include "parktwin/sim/csv_writer.hpp"
#include "parktwin/store/store.hpp"
#include "store_option.hpp"
#include "parktwin/store/recording_monitor.hpp"
#ifdef PARKTWIN_CLI_HAS_FEED  // set by CMake when twin/feed (libmosquitto) is built
#include "parktwin/feed/park_feed.hpp"
#include "parktwin/feed/connections_reader.hpp"
#include "parktwin/feed/mqtt_session.hpp"
#include "live_sources.hpp"
#endif

namespace parktwin::cli {
namespace {

struct IngestOptions {
  std::string park;
  std::string mqtt;
  std::string connections;
  std::string gatewayMqtt;  // with --connections: the broker OPC UA gateways publish to
  std::string user, password, tlsCa;
  std::string clientId;
  int qos = 1;
  std::string csv;
  std::string db;
  std::string sync = "normal";
  int ackBatchMs = 100;
  std::string duration;
  std::uint64_t count = 0;
  bool allTags = false;
};

#ifdef PARKTWIN_CLI_HAS_FEED
volatile std::sig_atomic_t stopRequested = 0;

void printCounters(const feed::FeedCounters& c, std::size_t gaps) {
  std::cerr << describeFeedCounters(c, gaps, commandLanguage()) << "\n";
}

// Tells the user the moment recording stops reaching the disk, and when it recovers: the
// historian keeps what it could not commit and retries, so a stall is news, not yet a loss.
struct RecordingReporter {
  std::string db;
  bool reportedFailing = false;

  void report(const store::RecordingStatus& status) {
    if (status.failing == reportedFailing) return;
    reportedFailing = status.failing;
    const bool zh = commandLanguage() == "zh";
    if (status.failing && zh) {
      std::cerr << "ingest：写入 " << db << " 的记录已停止：" << status.last_error << "（样本暂存在内存中并会重试）\n";
    } else if (status.failing) {
      std::cerr << "ingest: recording to " << db << " stopped: " << status.last_error
                << " (samples are kept in memory and retried)\n";
    } else {
      std::cerr << (zh ? "ingest：写入 " + db + " 的记录已恢复\n" : "ingest: recording to " + db + " resumed\n");
    }
  }
};

// Where accepted samples go. Written on the feed's network thread only (one Historian per
// thread); the main thread touches it again only after the feed stopped.
struct IngestSinks {
  std::unique_ptr<sim::CsvSampleWriter> csv;
  bool syncToDisk = false;  // --sync full
  std::unique_ptr<store::Store> historian;
  store::RecordingMonitor recording;
  std::atomic<std::uint64_t> accepted{0};

  void sample(std::string_view tag, std::int64_t ts, double v) {
    if (csv) csv->sample(tag, ts, v);
    if (historian) recording.note(historian->append(tag, ts, v));
    accepted.fetch_add(1, std::memory_order_relaxed);
  }

  // Before QoS 1 messages are acknowledged: commit the historian's transaction, and hand the
  // CSV's buffer to the kernel (to the disk with --sync full), so an acknowledged sample
  // survives a kill of ingest in either.
  Result<void> commit() {
    if (csv) {
      if (auto flushed = csv->flush(syncToDisk); !flushed) return flushed;
    }
    if (historian) {
      auto flushed = historian->flush();
      Result<void> outcome = flushed ? Result<void>{} : Result<void>{std::unexpected(flushed.error())};
      recording.note(outcome);
      return outcome;
    }
    return {};
  }
};

// Returns an exit code when a sink cannot be opened.
std::optional<int> openSinks(const IngestOptions& o, const model::Park& park, IngestSinks& sinks) {
  // Without a store, QoS 1 would tell the broker that samples are stored and drop them: the
  // broker then never sends them again.
  if (o.csv.empty() && o.db.empty()) {
    std::cerr << say("ingest: nothing to store into: give --db FILE (or --store URI), or --csv FILE\n",
                     "ingest：没有可写入的地方：请给出 --db 文件（或 --store URI），或 --csv 文件\n");
    return 2;
  }
  sinks.syncToDisk = o.sync == "full";
  if (!o.csv.empty()) {
    auto opened = sim::CsvSampleWriter::open(o.csv, "");
    if (!opened) {
      std::cerr << opened.error().message << "\n";
      return 1;
    }
    sinks.csv = std::move(*opened);
  }
  if (!o.db.empty()) {
    store::StoreOptions options;
    options.historian.durability = o.sync == "full" ? store::Durability::Full : store::Durability::Normal;
    auto opened = store::openStore(o.db, options);
    if (!opened) {
      std::cerr << opened.error().message << "\n";
      return 1;
    }
    sinks.historian = std::move(*opened);
    for (const auto& tag : park.tags) (void)sinks.historian->defineTag(tag.id, tag.unit, model::toText(tag.kind));
  }
  return std::nullopt;
}

Result<std::unique_ptr<feed::FeedSubscription>> makeFeed(const IngestOptions& o, const feed::BrokerOptions& broker,
                                                          const model::Park& park, IngestSinks& sinks) {
  feed::ParkFeedOptions options;
  options.broker = broker;
  options.qos = o.qos;
  options.all_tags = o.allTags;
  options.ack_batch_delay = std::chrono::milliseconds(o.ackBatchMs);
  options.language = commandLanguage();  // a broker it cannot reach, named in the user's language
  return feed::makeParkFeed(
      options, park, [&sinks](std::string_view tag, std::int64_t ts, double v) { sinks.sample(tag, ts, v); },
      [&sinks] { return sinks.commit(); });
}

// From here on Ctrl-C and SIGTERM stop the recording in order (what is received is committed,
// the files closed) instead of ending the process. Called once the sources are started and
// before the line saying so: a stop that the line has announced is always an orderly one. (Not
// earlier: a connect that waits for an unreachable broker should still die at Ctrl-C.)
void catchStopSignals() {
  std::signal(SIGINT, [](int) { stopRequested = 1; });
  std::signal(SIGTERM, [](int) { stopRequested = 1; });
}

// Runs until Ctrl-C, --duration or --count (catchStopSignals), reporting counters every 10 s.
void waitUntilDone(const IngestOptions& o, std::int64_t duration_ms, const std::function<void()>& reportCounters,
                   IngestSinks& sinks, const std::function<void()>& tick = {}) {
  const auto start = std::chrono::steady_clock::now();
  auto lastReport = start;
  RecordingReporter reporter{o.db};
  while (!stopRequested) {
    reporter.report(sinks.recording.status());
    if (tick) tick();
    const auto now = std::chrono::steady_clock::now();
    if (duration_ms >= 0 && now - start >= std::chrono::milliseconds(duration_ms)) break;
    if (o.count > 0 && sinks.accepted.load() >= o.count) break;
    if (now - lastReport >= std::chrono::seconds(10)) {
      reportCounters();
      lastReport = now;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // polling the stop conditions
  }
}

// After the feed stopped: commit what is left and close the files.
int finishIngest(const IngestOptions& o, IngestSinks& sinks) {
  if (sinks.historian) {
    auto flushed = sinks.historian->flush();
    const bool zh = commandLanguage() == "zh";
    if (!flushed) {
      std::cerr << (zh ? "ingest：写入 " + o.db + " 失败，样本未存下：" : "ingest: recording to " + o.db + " failed; samples not stored: ")
                << flushed.error().message << "\n";
      return 1;
    }
    RecordingReporter{o.db, sinks.recording.status().failing}.report(store::RecordingStatus{});
    if (zh) std::cerr << o.db << "：已存下 " << flushed->durable_samples << " 个样本\n";
    else std::cerr << o.db << ": " << counted(flushed->durable_samples, "sample", "samples") << " stored\n";
  }
  if (sinks.csv) {
    if (auto closed = sinks.csv->close(); !closed) {
      std::cerr << closed.error().message << "\n";
      return 1;
    }
  }
  return 0;
}

// The sink of every source of a connections file: the sources write from their own threads, so
// one lock keeps the sinks to one writer at a time. `commit` lets an MQTT source acknowledge its
// QoS 1 messages only once the historian stored them (docs/connections.md, "Acknowledged").
// Only the park's tags are kept unless --all-tags.
struct SharedSinks {
  SharedSinks(IngestSinks& target, const model::Park& ofPark, bool keepAllTags)
      : sinks(target), park(ofPark), allTags(keepAllTags) {}
  IngestSinks& sinks;
  const model::Park& park;
  bool allTags = false;
  std::mutex writing;
  std::shared_ptr<std::atomic<std::uint64_t>> unknown = std::make_shared<std::atomic<std::uint64_t>>(0);

  feed::SourceSink sinkFor(const feed::Source&) {
    feed::SourceSink sink;
    sink.sample = [this](std::string_view tag, std::int64_t ts, double v) {
      std::lock_guard lock(writing);
      sinks.sample(tag, ts, v);
    };
    sink.commit = [this] {
      std::lock_guard lock(writing);
      return sinks.commit();
    };
    return allTags ? feed::roundedToParkTags(park, std::move(sink)) : feed::onlyParkTags(park, std::move(sink), unknown);
  }
};

// Every source of a connections file at once, into the same sinks.
int runConnectionsIngest(const IngestOptions& o, const model::Park& park) {
  auto duration_ms = o.duration.empty() ? std::optional<std::int64_t>(-1) : durationFlag("--duration", o.duration);
  if (!duration_ms) return 2;
  const std::string& lang = commandLanguage();
  auto connections = feed::loadConnections(o.connections, lang);
  if (!connections) {
    std::cerr << connections.error().message << "\n";
    return 2;
  }
  const auto problems = feed::problemsAgainstPark(*connections, park, lang);
  for (const auto& problem : problems) std::cerr << o.connections << ": " << problem << "\n";
  if (!problems.empty()) return 2;
  // The file's client_id is ingest's own persistent session (scripts/crash-test reconnects to it).
  for (const auto& warning : feed::assignMqttClientIds(*connections, feed::MqttProgram::ingest)) {
    std::cerr << "ingest: " << warning << "\n";
  }
  IngestSinks sinks;
  if (auto failed = openSinks(o, park, sinks)) return *failed;
  SharedSinks shared(sinks, park, o.allTags);
  catchStopSignals();  // before the sources announce themselves connected
  auto running = startSources(*connections, [&](const feed::Source& s) { return shared.sinkFor(s); }, o.gatewayMqtt, lang);
  const auto report = [&] {
    for (const auto& s : running.sources) {
      const auto& source = *std::ranges::find(connections->sources, s->id(), &feed::Source::id);
      std::cerr << s->id() << (lang == "zh" ? "：" : ": ") << describeCounters(s->counters(), source.kind, lang) << "\n";
    }
    const std::uint64_t unknown = shared.unknown->load();
    if (unknown > 0 && lang == "zh") std::cerr << "已丢弃园区未列出的测点的 " << unknown << " 个样本（--all-tags 可保留它们）\n";
    else if (unknown > 0) std::cerr << unknown << (unknown == 1 ? " sample" : " samples") << " of tags the park does not list were dropped (--all-tags keeps them)\n";
  };
  for (const auto& failure : running.failures) std::cerr << "ingest: " << failure << "\n";
  if (running.failures.empty()) {
    const auto n = running.sources.size();
    std::cerr << (lang == "zh" ? "正在记录 " + o.connections + " 的 " + std::to_string(n) + " 个数据源\n"
                               : "recording " + std::to_string(n) + (n == 1 ? " source of " : " sources of ") + o.connections + "\n");
    ConnectionAnnouncer announcer;
    waitUntilDone(o, *duration_ms, report, sinks, [&] { announcer.announce(running, lang); });
  }
  stopSources(running);
  report();
  std::lock_guard lock(shared.writing);
  const int finished = finishIngest(o, sinks);
  return running.failures.empty() ? finished : 1;
}

int runIngest(const IngestOptions& o) {
  auto park = loadParkArgument(o.park, commandLanguage());
  if (!park) {
    std::cerr << park.error().message << "\n";
    return 2;
  }
  if (o.mqtt.empty() == o.connections.empty()) {
    std::cerr << say("ingest: give either --mqtt (the park's own feed) or --connections (a connections file)\n",
                     "ingest：请给出 --mqtt（园区自身的数据）或 --connections（连接文件）二者之一\n");
    return 2;
  }
  if (!o.connections.empty()) return runConnectionsIngest(o, *park);
  auto broker = brokerFromFlags(o.mqtt, o.user, o.password, o.tlsCa);
  if (!broker) return 2;
  broker->client_id = feed::mqttClientId(feed::MqttProgram::ingest, park->id, {}, o.clientId, true);
  std::int64_t duration_ms = -1;
  if (!o.duration.empty()) {
    auto d = parseDurationMs(o.duration);
    if (!d) {
      std::cerr << "--duration: " << d.error().message << "\n";
      return 2;
    }
    duration_ms = *d;
  }
  if (o.qos == 1 && !o.tlsCa.empty()) {  // refused before any file is created
    std::cerr << say("ingest: --qos 1 with --tls-ca is not supported: QoS 1 ingest acknowledges a sample only once it "
                     "is stored, and that client has no TLS yet. Use --qos 0 over TLS (samples can be lost), or bridge "
                     "the remote broker to a local one and ingest from it without TLS\n",
                     "ingest：不支持 --qos 1 与 --tls-ca 同用：QoS 1 的 ingest 在样本存下后才确认，而该客户端尚不支持 TLS。"
                     "请改用经 TLS 的 --qos 0（样本可能丢失），或把远端代理桥接到本地代理，再从本地代理以不加密方式 ingest\n");
    return 2;
  }
  IngestSinks sinks;
  if (auto failed = openSinks(o, *park, sinks)) return *failed;
  auto feed = makeFeed(o, *broker, *park, sinks);
  if (!feed) {
    std::cerr << feed.error().message << "\n";
    return 2;
  }
  auto connected = (*feed)->start();
  if (connected) connected = (*feed)->waitConnected(std::chrono::seconds(10));
  if (!connected) {
    std::cerr << connected.error().message << "\n";
    return 1;
  }
  catchStopSignals();
  if (commandLanguage() == "zh") {
    std::cerr << "已订阅 " << o.mqtt << " 上的 parktwin/" << park->id << "/#，客户端 id 为 " << broker->client_id
              << (o.qos == 1 ? "（QoS 1，存下后才确认）" : "（QoS 0）") << "\n";
  } else {
    std::cerr << "subscribed to parktwin/" << park->id << "/# on " << o.mqtt << " as " << broker->client_id
              << (o.qos == 1 ? " (QoS 1, acknowledged once stored)" : " (QoS 0)") << "\n";
  }
  waitUntilDone(o, duration_ms, [&] { printCounters((*feed)->counters(), (*feed)->gaps().size()); }, sinks);
  (*feed)->stop();
  printCounters((*feed)->counters(), (*feed)->gaps().size());
  return finishIngest(o, sinks);
}
#endif

const bool registered = registerCommand({
    "ingest",
    {"Record a park's live MQTT feed (--mqtt) or every source of a connections file (--connections) into a historian "
     "(--db) or CSV",
     "把园区的实时 MQTT 数据（--mqtt）或连接文件中的所有数据源（--connections）记录到历史库（--db）或 CSV"},
    [](CLI::App& sub) {
      auto o = std::make_shared<IngestOptions>();
      sub.add_option("--park", o->park, say("Bundled park name (beidu, jiulong) or a park file", "内置园区名称（beidu、jiulong）或园区文件"))->required();
      auto* mqtt = sub.add_option("--mqtt", o->mqtt,
                                  say("Broker HOST:PORT of the park's own feed (parktwin/<park>/#)",
                                      "园区自身数据所在的 MQTT 代理，主机:端口（主题 parktwin/<园区>/#）"));
      sub.add_option("--connections", o->connections,
                     say("Record every source of this connections file instead", "改为记录这个连接文件中的所有数据源"))
          ->excludes(mqtt);
      sub.add_option("--gateway-mqtt", o->gatewayMqtt,
                     say("With --connections: broker HOST:PORT over which OPC UA sources' gateways hand their values",
                         "与 --connections 一起使用：OPC UA 数据源的网关经这个 MQTT 代理（主机:端口）交付数值"));
      addBrokerCredentialOptions(sub, o->user, o->password, o->tlsCa);
      sub.add_option("--client-id", o->clientId,
                     say("Client id of the persistent session (default parktwin-ingest-<park>)",
                         "持久会话的客户端 id（默认 parktwin-ingest-<园区>）"))
          ->check([](const std::string& id) {
            return std::string(id.empty() ? say("an empty client id has no persistent session", "客户端 id 为空就没有持久会话")
                                          : "");
          });
      sub.add_option("--qos", o->qos, say("Subscription QoS 0 or 1", "订阅的 QoS：0 或 1"))->default_val(1)->check(CLI::Range(0, 1));
      sub.add_option("--csv", o->csv, say("Write accepted samples as CSV: ts,tag,value", "把接受的样本写成 CSV：ts,tag,value"));
      auto* dbOption = sub.add_option("--db", o->db,
                                      say("Write accepted samples into a historian file (SQLite)", "把接受的样本写入历史库文件（SQLite）"));
      addStoreOption(sub, o->db, dbOption);
      sub.add_option("--sync", o->sync,
                     say("normal: a stored sample survives a crash of ingest; full: also a power loss (slower)",
                         "normal：已存下的样本在 ingest 崩溃后仍在；full：断电后也在（较慢）"))
          ->default_val("normal")->check(CLI::IsMember({"normal", "full"}));
      sub.add_option("--ack-batch-ms", o->ackBatchMs,
                     say("QoS 1: commit and acknowledge at least this often (ms)", "QoS 1：至少每隔这么久提交并确认一次（毫秒）"))
          ->default_val(100)->check(CLI::Range(1, 10'000));
      sub.add_option("--duration", o->duration,
                     say("Stop after this long (e.g. 1h); default: until Ctrl-C", "运行这么久后停止（如 1h）；默认：直到按 Ctrl-C"));
      sub.add_option("--count", o->count, say("Stop after this many accepted samples", "接受这么多个样本后停止"));
      sub.add_flag("--all-tags", o->allTags, say("Accept tags the park file does not list", "也接受园区文件中没有列出的测点"));
#ifdef PARKTWIN_CLI_HAS_FEED
      return [o] { return runIngest(*o); };
#else
      return [o] {
        std::cerr << say("ingest: this build has no MQTT support (libmosquitto missing)\n",
                         "ingest：此版本不支持 MQTT（缺少 libmosquitto）\n");
        return 2;
      };
#endif
    }});

}  // namespace
}  // namespace parktwin::cli
