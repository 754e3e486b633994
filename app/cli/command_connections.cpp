// parktwin-cli connections check|test FILE [--park P]: the connections file (docs/connections.md)
// checked on its own and against its park, or tried for real (after the same check against
// --park): connect to every source, read once, print each tag's value, unit and source.
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <iostream>
#include <map>
#include <optional>
#include <mutex>
#include <thread>

#include "command_registry.hpp"
#include "parktwin/common/number_text.hpp"
#include "terminal.hpp"
#ifdef PARKTWIN_CLI_HAS_FEED
#include "live_sources.hpp"
#include "parktwin/feed/mqtt_session.hpp"
#include "parktwin/feed/connection_kinds.hpp"
#include "parktwin/feed/connections_reader.hpp"
#endif

namespace parktwin::cli {
namespace {

struct ConnectionsOptions {
  std::string file;
  std::string park;
  double timeout_s = 5;
  std::string gatewayMqtt;  // the broker OPC UA gateways publish to
  std::string language = "en";  // of check's problems and summary
};

#ifdef PARKTWIN_CLI_HAS_FEED
// With --park: the file against that park (its id, tag ids and units), as ingest checks it
// before recording. 0 when they fit or no park was given, else the exit code. The park loaded
// goes to `loaded` when one is given.
int parkMismatch(const feed::Connections& connections, const ConnectionsOptions& o, std::optional<model::Park>* loaded = nullptr) {
  if (o.park.empty()) return 0;
  auto park = loadParkArgument(o.park, o.language);
  if (!park) {
    std::cerr << park.error().message << "\n";
    return 2;
  }
  const auto problems = feed::problemsAgainstPark(connections, *park, o.language);
  for (const auto& problem : problems) std::cerr << o.file << ": " << problem << "\n";
  if (loaded != nullptr) *loaded = std::move(*park);
  return problems.empty() ? 0 : 1;
}

int runCheck(const ConnectionsOptions& o) {
  auto connections = feed::loadConnections(o.file, o.language);
  if (!connections) {
    std::cerr << connections.error().message << "\n";
    return 1;
  }
  if (const int mismatch = parkMismatch(*connections, o); mismatch != 0) return mismatch;
  if (o.language == "zh") {
    std::cout << o.file << ": 正常，园区 " << connections->park << "，" << connections->sources.size() << " 个数据源\n";
  } else {
    std::cout << o.file << ": ok, park " << connections->park << ", " << connections->sources.size()
              << (connections->sources.size() == 1 ? " source\n" : " sources\n");
  }
  for (const auto& s : connections->sources) std::cout << "  " << s.id << " (" << feed::toText(s.kind) << ")\n";
  return 0;
}

// The tags a source must deliver for `test` to pass: its fixed tag ids. A source mapping only
// tag patterns ({line}.temp) passes with any value.
std::vector<std::string> fixedTags(const feed::Source& source) {
  std::vector<std::string> tags;
  feed::forEachMapping(source, [&](const feed::ValueMapping& m, const std::string&) {
    if (auto parts = feed::tagPatternParts(m.tag); parts && parts->empty()) tags.push_back(m.tag);
  });
  return tags;
}

struct Reading {
  double value = 0;
  std::string source;
};

struct Readings {
  std::mutex mutex;
  std::map<std::string, Reading> byTag;

  feed::SourceSink sinkFor(const feed::Source& source) {
    feed::SourceSink sink;
    sink.sample = [this, id = source.id](std::string_view tag, std::int64_t, double value) {
      std::lock_guard lock(mutex);
      byTag[std::string(tag)] = {value, id};
    };
    return sink;
  }

  // What `source` still owes: the missing fixed tags, or "no value" when it has none at all.
  // What did not come, in `language` ("zh" or "en"); empty when nothing is missing.
  std::string missing(const feed::Source& source, std::string_view language) {
    std::lock_guard lock(mutex);
    const bool zh = language == "zh";
    std::string tags;
    for (const auto& tag : fixedTags(source)) {
      if (!byTag.contains(tag)) tags += (tags.empty() ? "" : zh ? "、" : ", ") + tag;
    }
    if (!tags.empty()) return zh ? "没有 " + tags + " 的值" : "no value for " + tags;
    const bool any = std::ranges::any_of(byTag, [&](const auto& entry) { return entry.second.source == source.id; });
    return any ? "" : zh ? "没有值" : "no value";
  }
};

// Whether `tag` could come from `pattern`: its literal pieces in order, {parts} matching any text.
bool fitsPattern(std::string_view tag, std::string_view pattern) {
  std::size_t at = 0;
  bool first = true;
  while (!pattern.empty()) {
    const std::size_t open = pattern.find('{');
    const std::string_view literal = pattern.substr(0, open);
    const std::size_t found = first ? (tag.starts_with(literal) ? 0 : std::string_view::npos) : tag.find(literal, at);
    if (found == std::string_view::npos) return false;
    at = found + literal.size();
    if (open == std::string_view::npos) return at == tag.size() || tag.ends_with(literal);
    pattern.remove_prefix(std::min(pattern.size(), pattern.find('}', open) + 1));
    first = false;
  }
  return true;
}

// The unit the connections file gives a tag, exactly or through a tag pattern.
std::string unitOf(const feed::Connections& connections, const std::string& tag) {
  std::string unit;
  for (const auto& source : connections.sources) {
    feed::forEachMapping(source, [&](const feed::ValueMapping& m, const std::string&) {
      if (unit.empty() && fitsPattern(tag, m.tag)) unit = m.unit;
    });
  }
  return unit;
}

// A value read as it is compared with the meter's display: with the decimals the park gives the
// tag, where it gives them; else the shortest text that reads back as the value, as a float32
// register's where it is one (229.7, not 229.699996948: QA).
std::string readingText(double value, const model::Park* park, const std::string& tag) {
  const auto* known = park == nullptr ? nullptr : park->findTag(tag);
  if (known != nullptr && known->decimals >= 0) return fixedText(value, known->decimals);
  std::array<char, 64> text{};
  const bool isFloat32 = std::isfinite(value) && static_cast<double>(static_cast<float>(value)) == value;
  const auto end = isFloat32 ? std::to_chars(text.data(), text.data() + text.size(), static_cast<float>(value)).ptr
                             : std::to_chars(text.data(), text.data() + text.size(), value).ptr;
  return std::string(text.data(), end);
}

void printReadings(Readings& readings, const feed::Connections& connections, const model::Park* park) {
  std::lock_guard lock(readings.mutex);
  for (const auto& [tag, r] : readings.byTag) {
    const std::string unit = unitOf(connections, tag);
    std::cout << padColumns(tag, 28) << " " << readingText(r.value, park, tag) << (unit.empty() ? "" : " " + unit) << "  ("
              << r.source << ")\n";
  }
}

// "<id>: no value for a, b within 5.00 s (<first error>)", in the test's language.
std::string missingWithin(const std::string& id, const std::string& missing, const ConnectionsOptions& o,
                          const std::string& firstError) {
  const std::string seconds = std::to_string(o.timeout_s).substr(0, 4);
  if (o.language == "zh") return id + "：" + seconds + " 秒内" + missing + (firstError.empty() ? "" : "（" + firstError + "）");
  return id + ": " + missing + " within " + seconds + " s" + (firstError.empty() ? "" : " (" + firstError + ")");
}

int runTest(const ConnectionsOptions& o) {
  auto connections = feed::loadConnections(o.file, o.language);
  if (!connections) {
    std::cerr << connections.error().message << "\n";
    return 1;
  }
  // A file that does not fit the park is not worth connecting for: its values would be dropped.
  std::optional<model::Park> park;
  if (const int mismatch = parkMismatch(*connections, o, &park); mismatch != 0) return mismatch;
  Readings readings;
  // From before the sources start: an OPC UA source's start waits for its gateway's broker, and
  // --timeout bounds the whole test.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<long>(o.timeout_s * 1000));
  // A test only looks: a clean session of its own, never the file's client_id, whose persistent
  // session (ingest's, the server's) a clean connect would end and erase.
  (void)feed::assignMqttClientIds(*connections, feed::MqttProgram::viewer);
  auto running =
      startSources(*connections, [&](const feed::Source& s) { return readings.sinkFor(s); }, o.gatewayMqtt, o.language);
  const auto allRead = [&] {
    return std::ranges::all_of(running.sources, [&](const auto& live) {
      const auto& source = *std::ranges::find(connections->sources, live->id(), &feed::Source::id);
      return readings.missing(source, o.language).empty();
    });
  };
  while (!allRead() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // polling the sources' progress
  }
  // The counters as the test ends, before stopping: a stopped source is no longer connected.
  std::vector<feed::SourceCounters> counted;
  for (const auto& live : running.sources) counted.push_back(live->counters());
  stopSources(running);
  printReadings(readings, *connections, park ? &*park : nullptr);
  for (std::size_t i = 0; i < running.sources.size(); ++i) {
    const auto& live = running.sources[i];
    const auto& source = *std::ranges::find(connections->sources, live->id(), &feed::Source::id);
    const std::string missing = readings.missing(source, o.language);
    const auto& counters = counted[i];
    std::cout << live->id() << " (" << feed::toText(source.kind) << "): "
              << describeCounters(counters, source.kind, o.language) << "\n";
    if (!missing.empty()) running.failures.push_back(missingWithin(source.id, missing, o, counters.firstError(o.language)));
  }
  for (const auto& failure : running.failures) {
    std::cerr << (o.language == "zh" ? "connections test：失败：" : "connections test: failed: ") << failure << "\n";
  }
  return running.failures.empty() ? 0 : 1;
}
#else
int noFeed() {
  std::cerr << "connections: this build has no live feed support (libmosquitto or libmodbus missing)\n";
  return 2;
}
#endif

const bool registered = registerCommand({
    "connections",
    {"Check a connections file (check), or connect to its sources and read once (test)",
     "校验连接文件（check），或连接其中的数据源并各读一次（test）"},
    [](CLI::App& sub) {
      auto o = std::make_shared<ConnectionsOptions>();
      sub.require_subcommand(1);
      auto* check = sub.add_subcommand("check", say("Validate a connections file: every problem with its JSON path",
                                                      "校验连接文件：逐条列出问题及其 JSON 路径"));
      check->add_option("file", o->file, say("Connections file (parktwin-connections/1)", "连接文件（parktwin-connections/1）"))->required();
      check->add_option("--park", o->park, say("Also check tags and units against this park (bundled name or file)",
                                                "同时对照此园区检查测点和单位（内置园区名称或园区文件）"));
      auto* test = sub.add_subcommand("test", say("Connect to every source, read once, print each tag's value",
                                                    "连接每个数据源，各读一次，打印每个测点的值"));
      test->add_option("file", o->file, say("Connections file (parktwin-connections/1)", "连接文件（parktwin-connections/1）"))->required();
      test->add_option("--park", o->park,
                       say("First check tags and units against this park (bundled name or file), as check --park and "
                           "ingest do",
                           "先对照此园区检查测点和单位（内置园区名称或园区文件），与 check --park 和 ingest 一样"));
      test->add_option("--timeout", o->timeout_s, say("Seconds to wait for every source", "等待所有数据源的秒数"))->default_val(5)
          ->check(CLI::Range(0.1, 600.0));
      test->add_option("--gateway-mqtt", o->gatewayMqtt,
                       say("Broker HOST:PORT over which OPC UA sources' gateways hand their values (needed for OPC UA)",
                           "OPC UA 数据源的网关经这个 MQTT 代理（主机:端口）交付数值（OPC UA 必需）"));
#ifdef PARKTWIN_CLI_HAS_FEED
      return [o, check] {
        o->language = commandLanguage();
        return check->parsed() ? runCheck(*o) : runTest(*o);
      };
#else
      (void)check;
      return [] { return noFeed(); };
#endif
    }});

}  // namespace
}  // namespace parktwin::cli
