// A publisher whose clock jumps backwards (an NTP correction on a plant gateway) and then
// forwards again, through a real mosquitto into a real historian file: every sample is kept,
// late ones are counted, repeats are stored once (first wins), and the feed carries on.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "log_capture.hpp"
#include "mosquitto_broker.hpp"
#include "parktwin/feed/publisher.hpp"
#include "parktwin/feed/subscriber.hpp"
#include "parktwin/store/historian.hpp"
#include "temp_dir.hpp"

namespace {

using namespace parktwin;
using namespace std::chrono_literals;
using feedtest::eventually;
using feedtest::MosquittoBroker;

constexpr std::int64_t kT0 = 1'767'225'600'000;  // 2026-01-01T00:00:00Z
constexpr std::int64_t kHour = 3'600'000;
const std::string kTag = "potline1.current_ka";

feed::BrokerOptions brokerAt(const MosquittoBroker& broker, const std::string& clientId) {
  feed::BrokerOptions o;
  o.port = broker.port();
  o.client_id = clientId;
  return o;
}

TEST(ClockJump, BackwardsAndForwardsLosesNothingAndStoresRepeatsOnce) {
  MosquittoBroker broker;
  ASSERT_TRUE(broker.start()) << broker.error();
  store::test::TempDir dir;
  const std::string file = dir.file("park.db");
  auto historian = store::Historian::open(file);
  ASSERT_TRUE(historian) << historian.error().message;

  // The sink runs on the MQTT network thread; the test thread touches the historian only after stop().
  std::mutex appendErrorsMutex;
  std::vector<std::string> appendErrors;
  feed::SubscriberOptions options;
  options.broker = brokerAt(broker, "twin-clock");
  options.park = "beidu";
  options.known_tags = {kTag};
  feedtest::Logs logs;
  auto sub = feed::Subscriber::create(
      options,
      [&](std::string_view tag, std::int64_t ts, double value) {
        if (auto ok = historian->append(tag, ts, value); !ok) {
          std::lock_guard lock(appendErrorsMutex);
          appendErrors.push_back(ok.error().message);
        }
      },
      logs.callback());
  ASSERT_TRUE(sub) << sub.error().message;
  ASSERT_TRUE((*sub)->start());
  ASSERT_TRUE((*sub)->waitConnected(10s));
  feed::PublisherOptions pubOptions;
  pubOptions.broker = brokerAt(broker, "");
  pubOptions.park = "beidu";
  pubOptions.qos = 1;
  auto pub = feed::Publisher::create(pubOptions, [](std::string_view) {});
  ASSERT_TRUE(pub) << pub.error().message;
  ASSERT_TRUE((*pub)->connect(10s));

  // What the historian must hold afterwards: the first value published for each timestamp.
  std::map<std::int64_t, double> expected;
  int published = 0;
  auto publish = [&](std::int64_t ts, double value) {
    ASSERT_TRUE((*pub)->publish(kTag, ts, value));
    expected.try_emplace(ts, value);
    ++published;
  };
  // 10 minutes at 1 Hz; the clock jumps back an hour and runs 10 minutes; it is corrected and
  // runs 5 more minutes from where it was before the jump.
  for (int i = 0; i < 600; ++i) publish(kT0 + i * 1000LL, 400.0 + i * 0.01);
  for (int i = 0; i < 600; ++i) publish(kT0 - kHour + i * 1000LL, 300.0 + i * 0.01);
  for (int i = 0; i < 300; ++i) publish(kT0 + 600'000 + i * 1000LL, 500.0 + i * 0.01);
  // The gateway re-sends 10 of the jumped samples with other values (its buffer replayed):
  // older than the subscriber's window, so only the historian can recognise them; first wins.
  for (int i = 100; i < 110; ++i) publish(kT0 - kHour + i * 1000LL, -1.0);
  // And 5 recent ones exactly (a QoS 1 retry): recognised by the subscriber.
  for (int i = 295; i < 300; ++i) publish(kT0 + 600'000 + i * 1000LL, 500.0 + i * 0.01);
  ASSERT_TRUE((*pub)->flush(20s));
  ASSERT_TRUE(eventually([&] { return (*sub)->counters().received == static_cast<std::uint64_t>(published); }, 30s))
      << (*sub)->counters().received << " of " << published;
  (*sub)->stop();

  const auto c = (*sub)->counters();
  EXPECT_EQ(c.accepted, 1510u);     // 600 + 600 + 300 + the 10 re-sent old ones
  EXPECT_EQ(c.out_of_order, 610u);  // the jumped 600 and the 10 re-sent
  EXPECT_EQ(c.duplicates, 5u);
  EXPECT_EQ(c.malformed + c.unknown_tag + c.tag_limit, 0u);
  EXPECT_TRUE(appendErrors.empty()) << appendErrors.front();

  auto flushed = historian->flush();
  ASSERT_TRUE(flushed) << flushed.error().message;
  EXPECT_EQ(flushed->durable_until_ms, kT0 + 600'000 + 299'000);

  // A fresh read-only connection sees exactly the expected samples.
  store::HistorianOptions readOnly;
  readOnly.read_only = true;
  auto reader = store::Historian::open(file, readOnly);
  ASSERT_TRUE(reader) << reader.error().message;
  auto stored = reader->samplesBetween(kTag, kT0 - 2 * kHour, kT0 + 2 * kHour);
  ASSERT_TRUE(stored) << stored.error().message;
  ASSERT_EQ(stored->size(), expected.size());
  std::size_t i = 0;
  for (const auto& [ts, value] : expected) {
    EXPECT_EQ((*stored)[i].ts_ms, ts) << i;
    EXPECT_EQ((*stored)[i].value, value) << "at " << ts;
    ++i;
  }
}

}  // namespace
