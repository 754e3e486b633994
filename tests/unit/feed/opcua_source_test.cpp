// OpcUaGatewaySource end to end: a node-opcua server (opcua_test_server.js, random port) whose
// variables change every 100 ms -> parktwin-opcua-gateway -> a real mosquitto -> the source.
// The oracle is the server's own log of every value and source timestamp it set.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <functional>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <vector>

#include "mosquitto_broker.hpp"
#include "parktwin/feed/opcua_source.hpp"

namespace {

using namespace parktwin::feed;
using feedtest::eventually;
using feedtest::MosquittoBroker;
using namespace std::chrono_literals;

const std::filesystem::path kSource = PARKTWIN_SOURCE_DIR;
const std::filesystem::path kNodeModules = kSource / "gateway/opcua/node_modules";

struct Sample {
  std::string tag;
  std::int64_t ts_ms;
  double value;
};

// The OPC UA server, its stdout (the value log) in a file.
class OpcUaServer {
 public:
  OpcUaServer(const std::filesystem::path& dir, int port, const std::string& user = {}, const std::string& password = {})
      : log_(dir / "server.log"), port_(port) {
    const std::string node = std::getenv("PARKTWIN_NODE") ? std::getenv("PARKTWIN_NODE") : "node";
    std::vector<std::string> args{node, (kSource / "tests/unit/feed/opcua_test_server.js").string(), std::to_string(port),
                                  (dir / "server-pki").string()};
    if (!user.empty()) args.insert(args.end(), {user, password});
    pid_ = ::fork();
    if (pid_ == 0) {
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::setenv("NODE_PATH", kNodeModules.c_str(), 1);
      std::freopen(log_.c_str(), "w", stdout);
      ::execvp(argv[0], argv.data());
      ::_exit(127);
    }
  }
  ~OpcUaServer() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  bool waitReady() {
    return eventually([&] { return text().find("\"ready\":true") != std::string::npos; }, 90s);
  }
  std::string endpoint() const { return "opc.tcp://127.0.0.1:" + std::to_string(port_) + "/UA/ParkTwinTest"; }
  std::string text() const {
    std::ifstream in(log_);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  // (node id, source timestamp) -> value, from the server's log.
  std::map<std::pair<std::string, std::int64_t>, double> values() const {
    std::map<std::pair<std::string, std::int64_t>, double> out;
    std::istringstream lines(text());
    for (std::string line; std::getline(lines, line);) {
      const auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object() && j.contains("node")) out[{j["node"].get<std::string>(), j["ts"].get<std::int64_t>()}] = j["v"].get<double>();
    }
    return out;
  }

 private:
  std::filesystem::path log_;
  int port_;
  pid_t pid_ = -1;
};

class OpcUaSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::is_directory(kNodeModules)) {
      GTEST_SKIP() << kNodeModules << " is absent: run `npm ci --omit=dev` in gateway/opcua (scripts/setup does)";
    }
    dir_ = std::filesystem::temp_directory_path() / ("parktwin-opcua-" + std::to_string(::getpid()) + "-" +
                                                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    // The build tree is laid out like an install: <build>/share/parktwin/gateway/opcua.
    ::setenv("PARKTWIN_OPCUA_GATEWAY", (std::filesystem::path(PARKTWIN_BINARY_DIR) / "share/parktwin/gateway/opcua/parktwin-opcua-gateway.js").c_str(), 1);
    ::setenv("PARKTWIN_OPCUA_PKI_DIR", (dir_ / "gateway-pki").c_str(), 1);
    ASSERT_TRUE(broker_.start()) << broker_.error();
  }
  void TearDown() override {
    if (source_) source_->stop();
    ::unsetenv("PARKTWIN_OPCUA_GATEWAY_PUBLISH");
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  static OpcUaNode node(std::string id, std::string tag, double scale = 1, double offset = 0) {
    OpcUaNode n;
    n.node_id = std::move(id);
    n.sampling_interval_ms = 100;
    n.mapping.tag = std::move(tag);
    n.mapping.scale = scale;
    n.mapping.offset = offset;
    return n;
  }

  void startSource(OpcUaSource config, std::function<parktwin::Result<void>()> commit = {}) {
    BrokerOptions broker;
    broker.host = "127.0.0.1";
    broker.port = broker_.port();
    SourceSink sink{[this](std::string_view tag, std::int64_t ts, double v) {
                      std::lock_guard lock(mutex_);
                      samples_.push_back({std::string(tag), ts, v});
                    },
                    {}, std::move(commit)};
    auto made = makeOpcUaSource(Source{"ua1", SourceKind::opcua, config}, sink, broker, [](std::string_view) {});
    ASSERT_TRUE(made) << made.error().message;
    source_ = std::move(*made);
    ASSERT_TRUE(source_->start());
  }

  std::vector<Sample> samples() const {
    std::lock_guard lock(mutex_);
    return samples_;
  }

  // Line1's three variables; l1.count scaled (x2 + 1) on our side.
  static OpcUaSource lineOne(const OpcUaServer& server) {
    OpcUaSource config;
    config.endpoint = server.endpoint();
    config.nodes = {node("ns=1;s=Line1.Temperature", "l1.temp"), node("ns=1;s=Line1.Running", "l1.running"),
                    node("ns=1;s=Line1.Count", "l1.count", 2, 1)};
    return config;
  }

  // The oracle: every sample of lineOne() is a value the server set, with its source timestamp.
  void expectTheServersValues(const OpcUaServer& server) const {
    const auto logged = server.values();
    const std::map<std::string, std::string> nodeOf{{"l1.temp", "ns=1;s=Line1.Temperature"},
                                                    {"l1.running", "ns=1;s=Line1.Running"},
                                                    {"l1.count", "ns=1;s=Line1.Count"}};
    for (const auto& s : samples()) {
      const auto it = logged.find({nodeOf.at(s.tag), s.ts_ms});
      ASSERT_NE(it, logged.end()) << s.tag << " at " << s.ts_ms << ": the server set no value with that source timestamp";
      const double expected = s.tag == "l1.count" ? it->second * 2 + 1 : it->second;
      EXPECT_EQ(s.value, expected) << s.tag << " at " << s.ts_ms;
    }
    EXPECT_EQ(source_->counters().errors, 0U) << source_->counters().last_error;
  }
  std::size_t count(const std::string& tag) const {
    std::size_t n = 0;
    for (const auto& s : samples()) n += s.tag == tag ? 1 : 0;
    return n;
  }

  std::filesystem::path dir_;
  MosquittoBroker broker_;
  std::unique_ptr<LiveSource> source_;
  mutable std::mutex mutex_;
  std::vector<Sample> samples_;
};

TEST_F(OpcUaSourceTest, ValuesArriveWithTheServersSourceTimestampsAndTheGatewayEndsOnStop) {
  OpcUaServer server(dir_, feedtest::freeLoopbackPort());
  ASSERT_TRUE(server.waitReady()) << server.text();
  startSource(lineOne(server));
  ASSERT_TRUE(eventually([&] { return count("l1.temp") >= 5 && count("l1.running") >= 5 && count("l1.count") >= 5; }, 60s))
      << source_->counters().last_error;
  EXPECT_TRUE(source_->counters().connected);
  const int pid = opcUaGatewayPid(*source_);
  ASSERT_GT(pid, 0);
  source_->stop();
  // Gone, and reaped: not even a zombie is left.
  EXPECT_EQ(::kill(pid, 0), -1);
  EXPECT_EQ(errno, ESRCH);
  expectTheServersValues(server);
  // By default the gateway batches (parktwin/<park>/$batch): the three items sampled together
  // arrive in fewer MQTT messages than values.
  EXPECT_LT(source_->counters().polls, samples().size());
}

// "publish": "each" (here through the environment): one {"ts","v"} message per value, as before
// batches existed, for subscribers that only know that shape; the same values arrive.
TEST_F(OpcUaSourceTest, OneMessagePerValueWhenAskedCarriesTheSameValuesAndTimestamps) {
  OpcUaServer server(dir_, feedtest::freeLoopbackPort());
  ASSERT_TRUE(server.waitReady()) << server.text();
  ::setenv("PARKTWIN_OPCUA_GATEWAY_PUBLISH", "each", 1);
  startSource(lineOne(server));  // the gateway is spawned later, on the source's own thread
  ASSERT_TRUE(eventually([&] { return count("l1.temp") >= 5 && count("l1.running") >= 5 && count("l1.count") >= 5; }, 60s))
      << source_->counters().last_error;
  source_->stop();
  ::unsetenv("PARKTWIN_OPCUA_GATEWAY_PUBLISH");
  expectTheServersValues(server);
  EXPECT_EQ(source_->counters().polls, samples().size());
}

TEST_F(OpcUaSourceTest, AGatewayThatDiesIsStartedAgain) {
  OpcUaServer server(dir_, feedtest::freeLoopbackPort());
  ASSERT_TRUE(server.waitReady()) << server.text();
  OpcUaSource config;
  config.endpoint = server.endpoint();
  config.nodes = {node("ns=1;s=Line1.Count", "l1.count")};
  startSource(config);
  ASSERT_TRUE(eventually([&] { return count("l1.count") >= 2; }, 60s)) << source_->counters().last_error;
  const int first = opcUaGatewayPid(*source_);
  ASSERT_GT(first, 0);
  ::kill(first, SIGKILL);  // a crash: no goodbye
  ASSERT_TRUE(eventually([&] { return source_->counters().errors >= 1; }, 10s));
  const SourceCounters exited = source_->counters();
  EXPECT_NE(exited.lastError("en").find("the OPC UA gateway exited (status -9)"), std::string::npos) << exited.last_error;
  EXPECT_NE(exited.lastError("zh").find("OPC UA 网关已退出（状态 -9）"), std::string::npos) << exited.last_error_zh;
  const std::size_t before = count("l1.count");
  ASSERT_TRUE(eventually([&] { return count("l1.count") >= before + 2; }, 60s)) << source_->counters().last_error;
  const int second = opcUaGatewayPid(*source_);
  EXPECT_GT(second, 0);
  EXPECT_NE(second, first);
  const SourceCounters c = source_->counters();
  EXPECT_GE(c.reconnects, 1U);
  EXPECT_GE(c.gaps, 1U);
}

TEST_F(OpcUaSourceTest, WrongNodeIdIsNamedWhileTheOthersKeepComing) {
  OpcUaServer server(dir_, feedtest::freeLoopbackPort());
  ASSERT_TRUE(server.waitReady()) << server.text();
  OpcUaSource config;
  config.endpoint = server.endpoint();
  config.nodes = {node("ns=1;s=Line1.Temperature", "l1.temp"), node("ns=1;s=Line1.NoSuchThing", "l1.missing")};
  startSource(config);
  ASSERT_TRUE(eventually([&] { return count("l1.temp") >= 3; }, 60s)) << source_->counters().last_error;
  const SourceCounters c = source_->counters();
  EXPECT_GE(c.errors, 1U);
  EXPECT_NE(c.last_error.find("ns=1;s=Line1.NoSuchThing: BadNodeIdUnknown"), std::string::npos) << c.last_error;
  // The gateway's words in Chinese; the status code's name is node-opcua's, as it gives it.
  EXPECT_EQ(c.lastError("zh").rfind("ns=1;s=Line1.NoSuchThing：BadNodeIdUnknown", 0), 0U) << c.last_error_zh;
  EXPECT_EQ(count("l1.missing"), 0U);
}

TEST_F(OpcUaSourceTest, RejectedPasswordIsReportedAndTheRightOneWorks) {
  OpcUaServer server(dir_, feedtest::freeLoopbackPort(), "operator", "right");
  ASSERT_TRUE(server.waitReady()) << server.text();
  OpcUaSource config;
  config.endpoint = server.endpoint();
  config.username = "operator";
  config.password = "wrong";
  config.nodes = {node("ns=1;s=Line1.Temperature", "l1.temp")};
  startSource(config);
  ASSERT_TRUE(eventually([&] { return source_->counters().errors >= 1; }, 60s));
  const SourceCounters c = source_->counters();
  EXPECT_FALSE(c.connected);
  EXPECT_NE(c.last_error.find("BadUserAccessDenied"), std::string::npos) << c.last_error;
  EXPECT_EQ(count("l1.temp"), 0U);
  source_->stop();
  // The same server, the right password: values come (so the refusal above was the password).
  config.password = "right";
  startSource(config);
  ASSERT_TRUE(eventually([&] { return count("l1.temp") >= 2; }, 60s)) << source_->counters().last_error;
}

TEST_F(OpcUaSourceTest, SignedAndEncryptedSessionDeliversValues) {
  // Basic256Sha256 SignAndEncrypt: the gateway makes its own certificate in the store, the test
  // server accepts unknown client certificates, the gateway trusts the server's on first use.
  OpcUaServer server(dir_, feedtest::freeLoopbackPort());
  ASSERT_TRUE(server.waitReady()) << server.text();
  OpcUaSource config;
  config.endpoint = server.endpoint();
  config.security = OpcUaSecurity::basic256sha256_sign_and_encrypt;
  config.nodes = {node("ns=1;s=Line1.Count", "l1.count")};
  startSource(config);
  ASSERT_TRUE(eventually([&] { return count("l1.count") >= 3; }, 90s)) << source_->counters().last_error;
  const auto logged = server.values();
  for (const auto& s : samples()) EXPECT_TRUE(logged.contains({"ns=1;s=Line1.Count", s.ts_ms})) << s.ts_ms;
  // The server's certificate was kept as trusted in the store the gateway was given.
  const auto trusted = dir_ / "gateway-pki" / "trusted" / "certs";
  EXPECT_TRUE(std::filesystem::is_directory(trusted) && !std::filesystem::is_empty(trusted)) << trusted;
}

TEST_F(OpcUaSourceTest, UnreachableEndpointIsRetriedAndReported) {
  OpcUaSource config;
  config.endpoint = "opc.tcp://127.0.0.1:" + std::to_string(feedtest::freeLoopbackPort()) + "/nobody";
  config.nodes = {node("ns=1;s=Line1.Temperature", "l1.temp")};
  startSource(config);
  // Two reports: the gateway tried, backed off and tried again, and is still running.
  ASSERT_TRUE(eventually([&] { return source_->counters().errors >= 2; }, 60s)) << source_->counters().last_error;
  const SourceCounters c = source_->counters();
  EXPECT_FALSE(c.connected);
  EXPECT_NE(c.last_error.find(config.endpoint), std::string::npos) << c.last_error;
  // The same reason (node-opcua's) after the endpoint, with the Chinese colon.
  EXPECT_EQ(c.lastError("zh"), config.endpoint + "：" + c.last_error.substr(config.endpoint.size() + 2)) << c.last_error;
  EXPECT_GT(opcUaGatewayPid(*source_), 0) << "the gateway gave up instead of retrying";
}

// With a commit (ingest --connections), the gateway's QoS 1 messages take the durable path:
// they are acknowledged to the broker only after the commit, which is therefore called, and the
// values are the server's as without it.
TEST_F(OpcUaSourceTest, WithACommitValuesAreAcknowledgedOnlyAfterIt) {
  OpcUaServer server(dir_, feedtest::freeLoopbackPort());
  ASSERT_TRUE(server.waitReady()) << server.text();
  OpcUaSource config;
  config.endpoint = server.endpoint();
  config.nodes = {node("ns=1;s=Line1.Temperature", "l1.temp")};
  std::atomic<int> commits{0};
  startSource(config, [&]() -> parktwin::Result<void> {
    ++commits;
    return {};
  });
  ASSERT_TRUE(eventually([&] { return count("l1.temp") >= 5 && commits >= 1; }, 60s)) << source_->counters().last_error;
  source_->stop();
  const auto logged = server.values();
  for (const auto& s : samples()) {
    const auto it = logged.find({"ns=1;s=Line1.Temperature", s.ts_ms});
    ASSERT_NE(it, logged.end()) << "no value with source timestamp " << s.ts_ms;
    EXPECT_EQ(s.value, it->second);
  }
}

}  // namespace
