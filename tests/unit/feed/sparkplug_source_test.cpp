// SparkplugSource end to end: a Sparkplug B edge node written in Python (sparkplug_edge_node.py,
// on the official .proto through protoc and python3-protobuf, with paho-mqtt) publishes to a real
// mosquitto; what reaches the sink is checked against the values the script sends, by hand.
#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <vector>

#include "mosquitto_broker.hpp"
#include "parktwin/feed/broker.hpp"
#include "parktwin/feed/sparkplug_source.hpp"

namespace {

using namespace parktwin::feed;
using feedtest::eventually;
using feedtest::MosquittoBroker;
using namespace std::chrono_literals;

constexpr std::int64_t T0 = 1767225600000;  // the script's base time, 2026-01-01T00:00:00Z

struct Event {
  std::string tag;
  std::int64_t ts_ms;
  double value;
};

class Collector {
 public:
  SourceSink sink() {
    return {[this](std::string_view tag, std::int64_t ts, double v) {
              std::lock_guard lock(mutex_);
              samples_.push_back({std::string(tag), ts, v});
            },
            [this](std::string_view tag, std::int64_t ts) {
              std::lock_guard lock(mutex_);
              stale_.push_back({std::string(tag), ts, 0});
            },
            {}};
  }
  std::vector<Event> samples() const {
    std::lock_guard lock(mutex_);
    return samples_;
  }
  std::vector<Event> stale() const {
    std::lock_guard lock(mutex_);
    return stale_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<Event> samples_;
  std::vector<Event> stale_;
};

struct ScriptRun {
  int status = -1;
  std::string output;
};

void expectSample(const Event& e, const std::string& tag, std::int64_t ts, double value) {
  EXPECT_EQ(e.tag, tag);
  EXPECT_EQ(e.ts_ms, ts) << tag;
  EXPECT_NEAR(e.value, value, 1e-9) << tag;
}

class SparkplugSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(broker_.start()) << broker_.error();
    // The edge node's sparkplug_b_pb2 comes from protoc now, from the .proto in the repository.
    pbDir_ = std::filesystem::path(PARKTWIN_BINARY_DIR) / ("sparkplug_py_" + std::to_string(::getpid()));
    std::filesystem::create_directories(pbDir_);
    const std::string protoDir = std::string(PARKTWIN_SOURCE_DIR) + "/twin/feed/proto";
    const std::string protoc = std::string(PARKTWIN_PROTOC) + " -I" + protoDir + " --python_out=" + pbDir_.string() + " " +
                               protoDir + "/sparkplug_b.proto";
    ASSERT_EQ(std::system(protoc.c_str()), 0) << protoc;
  }
  void TearDown() override {
    if (source_) source_->stop();
    std::error_code ec;
    std::filesystem::remove_all(pbDir_, ec);
  }

  static ValueMapping map(std::string tag, double scale = 1, double offset = 0, double deadband = 0) {
    ValueMapping m;
    m.tag = std::move(tag);
    m.scale = scale;
    m.offset = offset;
    m.deadband = deadband;
    return m;
  }

  // With `commit` and a client id, the source takes the durable path (as under ingest).
  void startSource(bool requestRebirth = true, std::function<parktwin::Result<void>()> commit = {},
                   std::string clientId = {}) {
    SparkplugSource config;
    config.broker.host = "127.0.0.1";
    config.broker.port = broker_.port();
    config.group_id = "Plant";
    config.edge_node_id = "Edge1";
    config.request_rebirth = requestRebirth;
    config.broker.client_id = std::move(clientId);
    config.metrics = {
        {"", "Line1/Temperature", map("l1.temp_k", 1, 273.15)},
        {"", "Line1/Temperature", map("l1.temp_db", 1, 0, 1.0)},
        {"", "Line1/Running", map("l1.running")},
        {"", "Line1/Count", map("l1.count")},
        {"", "Line1/Pressure", map("l1.pressure")},
        {"Meter1", "Power", map("m1.power_w", 1000)},
        {"Meter1", "Energy", map("m1.energy")},
    };
    Source source{"edge1", SourceKind::sparkplug, config};
    SourceSink sink = collector_.sink();
    sink.commit = std::move(commit);
    auto made = makeSparkplugSource(source, std::move(sink), [](std::string_view) {});
    ASSERT_TRUE(made) << made.error().message;
    source_ = std::move(*made);
    ASSERT_TRUE(source_->start());
    ASSERT_TRUE(eventually([&] { return source_->counters().connected; })) << source_->counters().last_error;
  }

  ScriptRun runEdgeNode(const std::string& scenario) {
    const std::string command = "timeout 60 /usr/bin/python3 " + std::string(PARKTWIN_SOURCE_DIR) +
                                "/tests/unit/feed/sparkplug_edge_node.py " + pbDir_.string() + " " +
                                std::to_string(broker_.port()) + " " + scenario + " 2>&1";
    ScriptRun run;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return run;
    std::array<char, 4096> buffer{};
    while (std::fgets(buffer.data(), buffer.size(), pipe)) run.output += buffer.data();
    run.status = ::pclose(pipe);
    return run;
  }

  // The edge node sends data by an alias it never declared, sees our rebirth request (decoded
  // with its own pb2 from spBv1.0/Plant/NCMD/Edge1), births again and resends.
  void unknownAliasThenRebirth() {
    const ScriptRun run = runEdgeNode("unknown_alias");
    ASSERT_EQ(run.status, 0) << run.output;
    EXPECT_NE(run.output.find(R"("topic": "spBv1.0/Plant/NCMD/Edge1")"), std::string::npos) << run.output;
    EXPECT_NE(run.output.find(R"({"name": "Node Control/Rebirth", "datatype": 11, "boolean": true})"), std::string::npos)
        << run.output;
    ASSERT_TRUE(lastSampleAt(T0 + 41));
    const auto pressure = samplesOf("l1.pressure");
    // 4.5 came by an alias nobody had declared yet: skipped; the rebirth declared it (3.5).
    ASSERT_EQ(pressure.size(), 2U);
    expectSample(pressure[0], "l1.pressure", T0 + 5, 3.5);
    expectSample(pressure[1], "l1.pressure", T0 + 41, 4.75);
  }

  // The samples of one tag so far.
  std::vector<Event> samplesOf(const std::string& tag) const {
    std::vector<Event> out;
    for (const auto& e : collector_.samples()) {
      if (e.tag == tag) out.push_back(e);
    }
    return out;
  }
  // Waits until the newest sample carries `ts_ms` (the script's last message arrived).
  bool lastSampleAt(std::int64_t ts_ms) const {
    return eventually([&] {
      const auto s = collector_.samples();
      return !s.empty() && s.back().ts_ms == ts_ms;
    });
  }

  MosquittoBroker broker_;
  std::filesystem::path pbDir_;
  Collector collector_;
  std::unique_ptr<LiveSource> source_;
};

TEST_F(SparkplugSourceTest, BirthsThenDataByAliasLandWithTheMetricTimestamps) {
  startSource();
  const ScriptRun run = runEdgeNode("births_and_data");
  ASSERT_EQ(run.status, 0) << run.output;
  ASSERT_TRUE(eventually([&] { return collector_.samples().size() >= 10; })) << collector_.samples().size();
  const auto s = collector_.samples();
  ASSERT_EQ(s.size(), 10U);
  // NBIRTH: each metric's own timestamp; the string metric is not mapped.
  expectSample(s[0], "l1.temp_k", T0 + 1, 293.65);
  expectSample(s[1], "l1.temp_db", T0 + 1, 20.5);
  expectSample(s[2], "l1.running", T0 + 2, 1);
  expectSample(s[3], "l1.count", T0 + 3, -5);
  // DBIRTH: Power has no metric timestamp, so the payload's (T0 + 6); kW -> W by scale 1000.
  expectSample(s[4], "m1.power_w", T0 + 6, 1500);
  expectSample(s[5], "m1.energy", T0 + 7, 123456789);
  // NDATA by alias only; 21.25 is within l1.temp_db's deadband of 1 from 20.5, so dropped there.
  expectSample(s[6], "l1.temp_k", T0 + 10, 294.4);
  expectSample(s[7], "l1.running", T0 + 11, 0);
  expectSample(s[8], "l1.count", T0 + 12, -7);  // Int32 from the birth: no datatype in the data
  expectSample(s[9], "m1.power_w", T0 + 20, 2500);
  const SourceCounters c = source_->counters();
  EXPECT_EQ(c.values, 10U);
  EXPECT_EQ(c.polls, 4U);
  EXPECT_EQ(c.errors, 0U) << c.last_error;
  EXPECT_EQ(c.gaps, 0U);
}

TEST_F(SparkplugSourceTest, UnknownAliasAsksForARebirthSeenOnTheBroker) {
  startSource();
  unknownAliasThenRebirth();
  ASSERT_FALSE(HasFatalFailure());
  const SourceCounters c = source_->counters();
  EXPECT_EQ(c.errors, 1U);
  EXPECT_NE(c.last_error.find("alias 99"), std::string::npos) << c.last_error;
}

// Under ingest (a commit, a client id) the messages come through the durable client, acknowledged
// after the commit, while the rebirth command still goes out through a client of its own.
TEST_F(SparkplugSourceTest, WithACommitMessagesAreAcknowledgedAfterItAndRebirthStillWorks) {
  std::atomic<int> commits{0};
  startSource(true, [&]() -> parktwin::Result<void> {
    ++commits;
    return {};
  }, "sparkplug-durable-test");
  unknownAliasThenRebirth();
  ASSERT_FALSE(HasFatalFailure());
  EXPECT_GE(commits.load(), 1);
  EXPECT_TRUE(source_->counters().connected);
}

TEST_F(SparkplugSourceTest, SeqGapIsCountedAndAsksForARebirth) {
  startSource();
  const ScriptRun run = runEdgeNode("seq_gap");
  ASSERT_EQ(run.status, 0) << run.output;
  EXPECT_NE(run.output.find("Node Control/Rebirth"), std::string::npos) << run.output;
  ASSERT_TRUE(eventually([&] { return samplesOf("l1.temp_k").size() >= 3; }));
  const auto temp = samplesOf("l1.temp_k");
  ASSERT_EQ(temp.size(), 3U);
  expectSample(temp[1], "l1.temp_k", T0 + 51, 295.15);
  expectSample(temp[2], "l1.temp_k", T0 + 61, 296.15);  // after the gap: aliases still hold
  const SourceCounters c = source_->counters();
  EXPECT_EQ(c.gaps, 1U);
  EXPECT_NE(c.last_error.find("seq 3 where 2 was expected"), std::string::npos) << c.last_error;
}

TEST_F(SparkplugSourceTest, SeqWrapsFrom255To0WithoutAGap) {
  startSource();
  const ScriptRun run = runEdgeNode("seq_wrap");
  ASSERT_EQ(run.status, 0) << run.output;
  EXPECT_EQ(run.output.find("ncmd"), std::string::npos) << run.output;
  ASSERT_TRUE(lastSampleAt(T0 + 1299));
  const SourceCounters c = source_->counters();
  EXPECT_EQ(c.gaps, 0U) << c.last_error;
  EXPECT_EQ(c.errors, 0U) << c.last_error;
  EXPECT_EQ(c.polls, 300U);
}

TEST_F(SparkplugSourceTest, DeathsMakeTheRightTagsStale) {
  startSource();
  const std::int64_t before = wallClockMs();
  const ScriptRun run = runEdgeNode("deaths");
  ASSERT_EQ(run.status, 0) << run.output;
  ASSERT_TRUE(eventually([&] { return collector_.stale().size() >= 9; })) << collector_.stale().size();
  const std::int64_t after = wallClockMs();
  const auto stale = collector_.stale();
  ASSERT_EQ(stale.size(), 9U);
  // DDEATH of Meter1: its two tags, at the message's timestamp.
  EXPECT_EQ(stale[0].tag, "m1.power_w");
  EXPECT_EQ(stale[1].tag, "m1.energy");
  EXPECT_EQ(stale[0].ts_ms, T0 + 70);
  // The NDEATH with bdSeq 6 belongs to an earlier session (the birth said 7): no effect. The one
  // with bdSeq 7 makes every mapped tag stale, at receipt.
  std::vector<std::string> tags;
  for (std::size_t i = 2; i < stale.size(); ++i) {
    tags.push_back(stale[i].tag);
    EXPECT_GE(stale[i].ts_ms, before);
    EXPECT_LE(stale[i].ts_ms, after);
  }
  EXPECT_EQ(tags, (std::vector<std::string>{"l1.temp_k", "l1.temp_db", "l1.running", "l1.count", "l1.pressure",
                                             "m1.power_w", "m1.energy"}));
}

TEST_F(SparkplugSourceTest, MalformedPayloadIsCountedAndSkipped) {
  startSource();
  const ScriptRun run = runEdgeNode("malformed");
  ASSERT_EQ(run.status, 0) << run.output;
  ASSERT_TRUE(lastSampleAt(T0 + 201));
  const auto s = collector_.samples();
  ASSERT_GE(s.size(), 2U);
  expectSample(s[s.size() - 2], "l1.temp_k", T0 + 201, 297.65);
  expectSample(s[s.size() - 1], "l1.temp_db", T0 + 201, 24.5);
  const SourceCounters c = source_->counters();
  EXPECT_EQ(c.errors, 1U);
  // The script's garbage: 0a ff 01 and "garbage", 10 bytes.
  EXPECT_EQ(c.lastError("en"), "NDATA from Plant/Edge1: not a Sparkplug B payload (10 bytes that are not valid protobuf)");
  EXPECT_EQ(c.lastError("zh"), "来自 Plant/Edge1 的 NDATA：不是 Sparkplug B 载荷（10 字节，不是有效的 protobuf）");
  EXPECT_EQ(c.gaps, 0U);
}

// A broker that is not there (QA: the source said "not connected" and nothing more, where the
// MQTT source names it): the same words as the MQTT source, the address and the system's reason.
TEST(SparkplugSourceBroker, ABrokerThatIsNotThereIsNamedWithTheReason) {
  const feedtest::RefusingPort nobody;
  ASSERT_GT(nobody.port(), 0);
  const std::string where = "127.0.0.1:" + std::to_string(nobody.port());
  SparkplugSource config;
  config.broker.host = "127.0.0.1";
  config.broker.port = nobody.port();
  config.group_id = "Plant";
  config.edge_node_id = "Edge1";
  Collector collected;
  auto source = makeSparkplugSource(Source{"edge1", SourceKind::sparkplug, config}, collected.sink(), [](std::string_view) {});
  ASSERT_TRUE(source) << source.error().message;
  ASSERT_TRUE((*source)->start());
  const SourceCounters counters = (*source)->counters();
  EXPECT_FALSE(counters.connected);
  EXPECT_EQ(counters.lastError("en"), "cannot reach the broker " + where + ": Connection refused");
  EXPECT_EQ(counters.lastError("zh"), "无法连接代理 " + where + "：Connection refused");
  EXPECT_EQ(counters.errors, 0U);  // no message was malformed: the broker is the whole story
  (*source)->stop();
}

TEST(SparkplugSourceConfig, RefusesWildcardIdsAndOtherKinds) {
  SparkplugSource config;
  config.group_id = "Plant/#";
  config.edge_node_id = "Edge1";
  auto bad = makeSparkplugSource(Source{"s", SourceKind::sparkplug, config}, SourceSink{[](std::string_view, std::int64_t, double) {}, {}, {}});
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("may not contain"), std::string::npos) << bad.error().message;
  auto other = makeSparkplugSource(Source{"s", SourceKind::modbus, ModbusSource{}}, SourceSink{[](std::string_view, std::int64_t, double) {}, {}, {}});
  EXPECT_FALSE(other);
}

}  // namespace
