// parktwin-server --park P (--db H.db | --store URI) [--mqtt host:port] [--connections FILE]
//   [--listen 127.0.0.1:8600] [--config server.json]:
// one process per park that records the park's live feed (its MQTT topics, and/or the sources
// of a connections file: MQTT in any shape, Modbus, Sparkplug, OPC UA) into its historian,
// evaluates its alarm rules and serves the HTTP + WebSocket API (docs/server.md "The API server").
#include <CLI/CLI.hpp>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <string_view>

#include "ack_restore.hpp"
#include "api.hpp"
#include "history_adapter.hpp"
#include "http_server.hpp"
#include "live_hub.hpp"
#include "parktwin/feed/connection_kinds.hpp"
#include "parktwin/feed/connections_reader.hpp"
#include "parktwin/feed/mqtt_session.hpp"
#include "parktwin/feed/park_feed.hpp"
#include "parktwin/feed/running_sources.hpp"
#include "parktwin/model/bundled_data.hpp"
#include "parktwin/model/json_reader.hpp"
#include "parktwin/model/model_files.hpp"
#include "parktwin/model/park_file.hpp"
#include "scenario_queue.hpp"
#include "server_config.hpp"

namespace {

using namespace parktwin;
using namespace parktwin::server;

struct Options {
  std::string park, db, mqtt, connections, listen, config;
  int qos = 1;
};

std::int64_t wallClockMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

Result<ServerConfig> configFrom(const Options& o) {
  ServerConfig config;
  if (!o.config.empty()) {
    auto loaded = loadServerConfig(o.config);
    if (!loaded) return loaded;
    config = std::move(*loaded);
  }
  if (!o.listen.empty()) {
    auto endpoint = parseEndpoint(o.listen);
    if (!endpoint) return std::unexpected(endpoint.error());
    config.listen = *endpoint;
  }
  if (auto exposed = checkExposure(config); !exposed) return std::unexpected(exposed.error());
  return config;
}

// The sources of --connections at run time, and what GET .../sources says of them.
struct PlantSources {
  feed::RunningSources running;
  std::map<std::string, feed::SourceKind> kinds;  // by source id

  // The errors in `language` ("zh": the Chinese words where the source has them, else English).
  nlohmann::json status(std::string_view language) const {
    nlohmann::json sources = nlohmann::json::array();
    for (const auto& source : running.sources) {
      const feed::SourceCounters c = source->counters();
      const auto kind = kinds.find(source->id());
      sources.push_back({{"id", source->id()},
                         {"kind", kind == kinds.end() ? "" : std::string(feed::toText(kind->second))},
                         {"connected", c.connected},
                         {"values", c.values},
                         {"errors", c.errors},
                         {"timeouts", c.timeouts},
                         {"reconnects", c.reconnects},
                         {"gaps", c.gaps},
                         {"last_error", c.lastError(language)},
                         {"first_error", c.firstError(language)}});
    }
    return {{"sources", std::move(sources)}};
  }
};

// The sources of --connections into history and the hub, as `ingest --connections` runs them
// (QoS 1 sessions acknowledged once stored; only the park's tags kept). The file must fit the
// park; an OPC UA source hands its values over the --mqtt broker. A source's death (Sparkplug)
// marks its tags' values stale for every window.
Result<PlantSources> startConnections(const Options& o, const model::Park& park, HistoryAdapter& history, LiveHub& live) {
  if (o.connections.empty()) return PlantSources{};
  auto connections = feed::loadConnections(o.connections);
  if (!connections) return fail(ErrorCode::invalid_input, "--connections: " + connections.error().message);
  std::string problems;
  for (const auto& p : feed::problemsAgainstPark(*connections, park)) problems += "\n" + o.connections + ": " + p;
  if (!problems.empty()) return fail(ErrorCode::invalid_input, "--connections: the file does not fit the park:" + problems);
  // The server's own sessions, parktwin-server-<park>-<source>: a window or ingest reading the
  // same file beside it keeps its own (one connection per client id).
  for (const auto& warning : feed::assignMqttClientIds(*connections, feed::MqttProgram::server)) {
    std::cerr << "parktwin-server: " << warning << "\n";
  }
  feed::SourceSink sink;
  sink.sample = [&history, &live](std::string_view tag, std::int64_t ts, double v) {
    history.append(tag, ts, v);
    live.sample(tag, ts, v);
  };
  sink.stale = [&live](std::string_view tag, std::int64_t ts) { live.stale(tag, ts); };
  sink.commit = [&history] { return history.commit(); };
  PlantSources plant;
  for (const auto& source : connections->sources) plant.kinds.emplace(source.id, source.kind);
  plant.running = feed::startSources(*connections, [&](const feed::Source&) { return feed::onlyParkTags(park, sink); }, o.mqtt);
  if (!plant.running.failures.empty()) {
    feed::stopSources(plant.running);
    std::string why;
    for (const auto& f : plant.running.failures) why += "\n  " + f;
    return fail(ErrorCode::invalid_input, "--connections: sources that could not start:" + why);
  }
  return plant;
}

// The park's own MQTT topics into history and the hub; nullptr without --mqtt.
Result<std::unique_ptr<feed::FeedSubscription>> startFeed(const Options& o, const model::Park& park, HistoryAdapter& history,
                                                          LiveHub& live) {
  if (o.mqtt.empty()) return std::unique_ptr<feed::FeedSubscription>();
  auto broker = feed::parseBrokerAddress(o.mqtt);
  if (!broker) return fail(ErrorCode::invalid_input, "--mqtt: " + broker.error().message);
  broker->client_id = feed::mqttClientId(feed::MqttProgram::server, park.id, {}, {}, true);
  feed::ParkFeedOptions options;
  options.broker = *broker;
  options.qos = o.qos;
  auto created = feed::makeParkFeed(
      options, park,
      [&history, &live](std::string_view tag, std::int64_t ts, double v) {
        history.append(tag, ts, v);
        live.sample(tag, ts, v);
      },
      [&history] { return history.commit(); });
  if (!created) return created;
  if (auto started = (*created)->start(); !started) return std::unexpected(started.error());
  return created;
}

int serve(const Options& o) {
  if (o.db.empty()) {
    std::cerr << "parktwin-server: give the history: --db FILE or --store URI\n";
    return 2;
  }
  std::error_code ignored;
  const auto dataFolder = model::bundledDataFolder(std::filesystem::read_symlink("/proc/self/exe", ignored));
  auto config = configFrom(o);
  if (!config) {
    std::cerr << "parktwin-server: " << config.error().message << "\n";
    return 2;
  }
  auto parkFile = model::resolvePark(o.park, dataFolder);
  auto park = parkFile ? model::loadPark(*parkFile) : Result<model::Park>(std::unexpected(parkFile.error()));
  auto parkText = parkFile ? model::detail::readTextFile(*parkFile, "park file") : Result<std::string>(fail("no park"));
  if (!park || !parkText) {
    std::cerr << "parktwin-server: --park: " << (park ? parkText.error() : park.error()).message << "\n";
    return 2;
  }
  auto history = HistoryAdapter::open(o.db, *park);
  if (!history) {
    std::cerr << "parktwin-server: history: " << history.error().message << "\n";
    return 2;
  }
  LiveHub live(*park);
  // Alarms and newest values start from history, so a restart shows what was active.
  if (auto known = (*history)->stateAt(wallClockMs()); known) {
    for (const auto& s : *known) live.sample(s.tag, s.ts_ms, s.value);
    (void)live.tick();
  }
  if (auto began = restoreAlarmStarts(**history, live); !began) {
    std::cerr << "parktwin-server: alarm start times not read back: " << began.error().message << "\n";
  }
  if (auto restored = restoreAcknowledgements(**history, live, *park, wallClockMs()); !restored) {
    std::cerr << "parktwin-server: acknowledgements not restored: " << restored.error().message << "\n";
  }
  ScenarioQueue scenarios(*park, dataFolder);
  PlantSources plant;  // started below, before the server answers its first request
  Api api({*park, std::move(*parkText), *config, **history, live, scenarios, wallClockMs, [&plant](std::string_view language) { return plant.status(language); },
           model::modelFileSets(*park, *parkFile)});
  HttpServer http(*config, api, live);
  auto port = http.listen();
  if (!port) {
    std::cerr << "parktwin-server: " << port.error().message << "\n";
    return 1;
  }
  auto feed = startFeed(o, *park, **history, live);
  if (!feed) {
    std::cerr << "parktwin-server: " << feed.error().message << "\n";
    return 2;
  }
  auto sources = startConnections(o, *park, **history, live);
  if (!sources) {
    if (*feed) (*feed)->stop();
    std::cerr << "parktwin-server: " << sources.error().message << "\n";
    return 2;
  }
  plant = std::move(*sources);
  // Tests and scripts read this line to learn the port (with --listen HOST:0).
  std::cout << "parktwin-server: serving " << park->id << " on " << (config->tls_cert_file.empty() ? "http://" : "https://")
            << config->listen.host << ":" << *port << std::endl;
  http.run();
  feed::stopSources(plant.running);
  if (*feed) (*feed)->stop();
  auto closed = (*history)->close();
  if (!closed) {
    std::cerr << "parktwin-server: " << o.db << ": " << closed.error().message << "\n";
    return 1;
  }
  std::cerr << "parktwin-server: stopped; " << o.db << " committed\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"parktwin-server: HTTP + WebSocket API over one park's twin (docs/server.md)"};
  app.get_formatter()->column_width(36);  // "--db TEXT Excludes: --store" and its text apart (the man page reads them)
  Options o;
  app.add_option("--park", o.park, "Bundled park name (beidu, jiulong) or a park file")->required();
  auto* db = app.add_option("--db", o.db, "Historian file (SQLite; created if missing)");
  app.add_option("--store", o.db, "Store URI instead of --db: sqlite:FILE or clickhouse://HOST:PORT/DB (docs/server.md)")
      ->excludes(db);
  app.add_option("--mqtt", o.mqtt, "Broker HOST:PORT of the park's live feed (none: serve history only); also the OPC UA gateway's broker of --connections");
  app.add_option("--connections", o.connections, "A connections file (docs/connections.md): its sources (MQTT in any shape, Modbus, Sparkplug, OPC UA) are recorded and served as the live feed");
  app.add_option("--qos", o.qos, "Subscription QoS 0 or 1 (1: acknowledged once stored)")->default_val(1)->check(CLI::Range(0, 1));
  app.add_option("--listen", o.listen, "HOST:PORT to listen on (default 127.0.0.1:8600; port 0: any free port)");
  app.add_option("--config", o.config, "Server configuration (users, tokens, TLS): server.json");
  CLI11_PARSE(app, argc, argv);
  return serve(o);
}
