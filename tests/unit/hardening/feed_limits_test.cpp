// Resource limits and credential hygiene of the live feed, through a real mosquitto on a random
// loopback port (tests/unit/feed/mosquitto_broker.hpp).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "log_capture.hpp"
#include "mosquitto_broker.hpp"
#include "parktwin/feed/payload.hpp"
#include "parktwin/feed/publisher.hpp"
#include "parktwin/feed/subscriber.hpp"

namespace {

using namespace parktwin::feed;
using feedtest::eventually;
using feedtest::MosquittoBroker;
using namespace std::chrono_literals;

using feedtest::Logs;

BrokerOptions brokerAt(const MosquittoBroker& broker, const std::string& clientId) {
  BrokerOptions o;
  o.port = broker.port();
  o.client_id = clientId;
  o.reconnect_delay_min_s = 1;
  o.reconnect_delay_max_s = 1;
  return o;
}

std::unique_ptr<Subscriber> subscriber(const BrokerOptions& broker, SampleCallback sink, Logs& logs,
                                       std::vector<std::string> known = {}) {
  SubscriberOptions o;
  o.broker = broker;
  o.park = "beidu";
  o.known_tags = std::move(known);
  auto s = Subscriber::create(o, std::move(sink), logs.callback());
  EXPECT_TRUE(s) << (s ? "" : s.error().message);
  return s ? std::move(*s) : nullptr;
}

std::unique_ptr<Publisher> publisher(BrokerOptions broker, LogCallback log = [](std::string_view) {}) {
  PublisherOptions o;
  o.broker = std::move(broker);
  o.broker.client_id.clear();
  o.park = "beidu";
  o.qos = 1;
  auto p = Publisher::create(o, std::move(log));
  EXPECT_TRUE(p) << (p ? "" : p.error().message);
  return p ? std::move(*p) : nullptr;
}

// Under AddressSanitizer freed memory waits in its quarantine (256 MiB) and every allocation has
// shadow memory, so the resident set says nothing of what the feed keeps: the bounds below are
// checked in the ordinary builds only (the asan preset still runs the rest of each test).
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kRssIsOurs = false;
#else
constexpr bool kRssIsOurs = true;
#endif

// Resident set size of this process in KiB ("VmRSS" or, for the peak, "VmHWM").
long statusKiB(const std::string& field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field + ":", 0) == 0) return std::stol(line.substr(field.size() + 1));
  }
  return -1;
}

TEST(FeedLimits, PayloadOverTheLimitIsRefusedBeforeParsing) {
  const std::string atLimit = std::string(kMaxPayloadBytes - 5, ' ') + "401.5";
  ASSERT_EQ(atLimit.size(), kMaxPayloadBytes);
  auto ok = parsePayload(atLimit);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->value, 401.5);

  auto tooBig = parsePayload(" " + atLimit);
  ASSERT_FALSE(tooBig);
  EXPECT_EQ(tooBig.error().message, "payload of 1025 bytes is over the limit of 1024");
  auto huge = parsePayload(std::string(8 << 20, '['));  // deeply nested JSON, 8 MiB
  ASSERT_FALSE(huge);
  EXPECT_NE(huge.error().message.find("over the limit"), std::string::npos);
}

TEST(FeedLimits, OversizedMessagesAreCountedAndLoggedShort) {
  MosquittoBroker broker;
  ASSERT_TRUE(broker.start()) << broker.error();
  Logs logs;
  std::atomic<int> accepted{0};
  auto sub = subscriber(brokerAt(broker, "twin-oversized"), [&](std::string_view, std::int64_t, double) { ++accepted; },
                        logs);
  ASSERT_TRUE(sub->start());
  ASSERT_TRUE(sub->waitConnected(10s));
  auto pub = publisher(brokerAt(broker, ""));
  ASSERT_TRUE(pub->connect(10s));
  ASSERT_TRUE(pub->publishRaw("parktwin/beidu/battery.soc", std::string(1 << 20, '7'), 1));  // 1 MiB
  ASSERT_TRUE(pub->publish("battery.soc", 1, 50));
  ASSERT_TRUE(pub->flush(10s));
  ASSERT_TRUE(eventually([&] { return sub->counters().received == 2; }));
  EXPECT_EQ(sub->counters().malformed, 1u);
  EXPECT_EQ(accepted.load(), 1);
  ASSERT_FALSE(logs.lines().empty());
  EXPECT_NE(logs.lines()[0].find("over the limit"), std::string::npos) << logs.lines()[0];
  EXPECT_LT(logs.lines()[0].size(), 300u);  // the payload is quoted, not dumped
}

// 100k messages, each for a different tag the park does not have: counted, never stored.
TEST(FeedLimits, FloodOfUnknownTagsDoesNotGrowMemory) {
  MosquittoBroker broker;
  ASSERT_TRUE(broker.start()) << broker.error();
  Logs logs;
  auto sub = subscriber(brokerAt(broker, "twin-flood"), [](std::string_view, std::int64_t, double) {}, logs,
                        {"battery.soc"});
  ASSERT_TRUE(sub->start());
  ASSERT_TRUE(sub->waitConnected(10s));
  auto pub = publisher(brokerAt(broker, ""));
  ASSERT_TRUE(pub->connect(10s));
  // Warm up allocator and broker connection, then measure.
  for (int i = 0; i < 2000; ++i) ASSERT_TRUE(pub->publishRaw("parktwin/beidu/warm." + std::to_string(i), "1", 1));
  ASSERT_TRUE(pub->flush(20s));
  ASSERT_TRUE(eventually([&] { return sub->counters().received == 2000; }, 20s));
  const long rssBefore = statusKiB("VmRSS");

  constexpr int kFlood = 100'000;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kFlood; ++i) {
    ASSERT_TRUE(pub->publishRaw("parktwin/beidu/flood.tag." + std::to_string(i), "1", 1));
  }
  ASSERT_TRUE(pub->flush(60s));
  ASSERT_TRUE(eventually([&] { return sub->counters().received == 2000 + kFlood; }, 60s)) << sub->counters().received;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const long rssAfter = statusKiB("VmRSS");
  const long peak = statusKiB("VmHWM");

  EXPECT_EQ(sub->counters().unknown_tag, 2000u + kFlood);
  EXPECT_EQ(sub->counters().accepted, 0u);
  EXPECT_LE(logs.lines().size(), 12u);  // rate-limited
  std::printf("unknown-tag flood: %d messages in %.1f s; RSS %ld KiB -> %ld KiB (+%ld KiB), peak %ld KiB\n", kFlood,
              seconds, rssBefore, rssAfter, rssAfter - rssBefore, peak);
  RecordProperty("rss_growth_kib", static_cast<int>(rssAfter - rssBefore));
  RecordProperty("peak_rss_kib", static_cast<int>(peak));
  // Publisher and subscriber share this process; 100k tags kept would cost well over 20 MiB.
  if (kRssIsOurs) {
    EXPECT_LT(rssAfter - rssBefore, 16 * 1024);
  }
}

// The same flood with no tag list (accept every tag): each new tag keeps a small duplicate
// window (Subscriber::Impl::recentTs) and a series downstream, so only max_new_tags distinct
// tags are accepted; the rest are counted and dropped, and memory stays bounded.
TEST(FeedLimits, FloodOfNewTagsWithoutATagListIsCapped) {
  MosquittoBroker broker;
  ASSERT_TRUE(broker.start()) << broker.error();
  Logs logs;
  std::atomic<int> accepted{0};
  std::atomic<int> acceptedKeep{0};
  auto sub = subscriber(brokerAt(broker, "twin-open-flood"),
                        [&](std::string_view tag, std::int64_t, double) {
                          ++accepted;
                          if (tag == "new.tag.7") ++acceptedKeep;
                        },
                        logs);
  ASSERT_TRUE(sub->start());
  ASSERT_TRUE(sub->waitConnected(10s));
  auto pub = publisher(brokerAt(broker, ""));
  ASSERT_TRUE(pub->connect(10s));
  const long rssBefore = statusKiB("VmRSS");
  constexpr int kFlood = 100'000;
  const int cap = static_cast<int>(SubscriberOptions{}.max_new_tags);
  ASSERT_LT(cap, kFlood);
  for (int i = 0; i < kFlood; ++i) ASSERT_TRUE(pub->publishRaw("parktwin/beidu/new.tag." + std::to_string(i), "1", 1));
  ASSERT_TRUE(pub->flush(60s));
  ASSERT_TRUE(eventually([&] { return sub->counters().received == static_cast<std::uint64_t>(kFlood); }, 60s))
      << sub->counters().received;
  const long rssAfter = statusKiB("VmRSS");
  std::printf("new-tag flood, no tag list: %d tags sent, %d accepted (cap %d); RSS %ld KiB -> %ld KiB (+%ld KiB), peak %ld KiB\n",
              kFlood, accepted.load(), cap, rssBefore, rssAfter, rssAfter - rssBefore, statusKiB("VmHWM"));
  RecordProperty("rss_growth_kib", static_cast<int>(rssAfter - rssBefore));
  RecordProperty("peak_rss_kib", static_cast<int>(statusKiB("VmHWM")));
  EXPECT_EQ(accepted.load(), cap);  // the first `cap` tags, in publish order (QoS 1, one connection)
  EXPECT_EQ(sub->counters().tag_limit, static_cast<std::uint64_t>(kFlood - cap));
  EXPECT_LE(logs.lines().size(), 12u);  // rate-limited
  // Uncapped, 100k tags grew RSS by about 77 MiB; capped at 20k the window costs ~16 MiB.
  if (kRssIsOurs) {
    EXPECT_LT(rssAfter - rssBefore, 32 * 1024);
  }

  // A tag accepted before the cap keeps flowing.
  ASSERT_TRUE(pub->publishRaw("parktwin/beidu/new.tag.7", "2", 1));
  ASSERT_TRUE(pub->flush(10s));
  EXPECT_TRUE(eventually([&] { return acceptedKeep.load() == 2; }, 10s)) << acceptedKeep.load();
}

// The password must appear nowhere: not in the log callback, not in the error message.
TEST(FeedSecurity, PasswordOfARefusedConnectionIsNeverLogged) {
  MosquittoBroker broker({.passwordAuth = true});
  ASSERT_TRUE(broker.start()) << broker.error();
  const std::string password = "Pa55-never-log-me";
  Logs logs;
  auto options = brokerAt(broker, "twin-secret");
  options.username = "twin";
  options.password = password;
  auto sub = subscriber(options, [](std::string_view, std::int64_t, double) {}, logs);
  ASSERT_TRUE(sub->start());
  auto refused = sub->waitConnected(10s);
  ASSERT_FALSE(refused);
  // Let the reconnect loop run and log once more.
  std::this_thread::sleep_for(1500ms);
  sub->stop();

  Logs pubLogs;
  auto pub = publisher(options, pubLogs.callback());
  auto pubRefused = pub->connect(3s);
  EXPECT_FALSE(pubRefused);
  pub->disconnect();

  // And a broker that is not there at all.
  auto gone = options;
  gone.port = feedtest::freeLoopbackPort();
  Logs goneLogs;
  auto lonely = subscriber(gone, [](std::string_view, std::int64_t, double) {}, goneLogs);
  ASSERT_TRUE(lonely->start());
  auto unreachable = lonely->waitConnected(1500ms);
  EXPECT_FALSE(unreachable);
  lonely->stop();

  std::vector<std::string> everything = logs.lines();
  for (const auto& l : pubLogs.lines()) everything.push_back(l);
  for (const auto& l : goneLogs.lines()) everything.push_back(l);
  everything.push_back(refused.error().message);
  if (!pubRefused) everything.push_back(pubRefused.error().message);
  if (!unreachable) everything.push_back(unreachable.error().message);
  ASSERT_FALSE(logs.lines().empty()) << "the refusal was not logged at all";
  for (const auto& line : everything) {
    EXPECT_EQ(line.find(password), std::string::npos) << "password in: " << line;
    EXPECT_EQ(line.find("never-log"), std::string::npos) << "part of the password in: " << line;
  }
  std::printf("%zu log lines and messages checked, e.g. \"%s\"\n", everything.size(), everything.front().c_str());
}

}  // namespace
