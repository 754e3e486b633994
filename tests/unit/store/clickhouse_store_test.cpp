// The ClickHouse store against a real two-shard cluster on loopback (scripts/cluster): the same
// data as the SQLite historian gives the same answers, both shards hold data (asked directly
// with clickhouse-client), and a shard away during ingest loses no acknowledged sample.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "clickhouse_cluster.hpp"
#include "parktwin/store/store.hpp"
#include "temp_dir.hpp"

namespace parktwin::store::test {
namespace {

constexpr std::int64_t kT0 = 1'700'000'000'000;  // 2023-11-14: the data spans three monthly partitions
constexpr std::int64_t kDay = 86'400'000;

struct Appended {
  std::string tag;
  std::int64_t ts_ms;
  double value;
};

// Several tags at irregular steps, one with a ten-day gap, values in quarters (sums are exact,
// so means compare exactly) but for one tag of decimals, appended partly out of order, with duplicates of a different value
// (the first stored wins).
std::vector<Appended> generatedSamples() {
  std::mt19937_64 random(20);
  std::vector<Appended> out;
  for (int tag = 0; tag < 12; ++tag) {
    std::int64_t t = kT0 + tag * 1000;
    for (int i = 0; i < 300; ++i) {
      t += 60'000 + static_cast<std::int64_t>(random() % (6 * 3'600'000));
      if (tag == 3 && i == 150) t += 10 * kDay;
      // Tag 11: decimals no binary fraction holds (1.364...), which a text round trip can bend.
      const double value = tag == 11 ? static_cast<double>(random() % 100'000) / 1000.0 + 0.001
                                     : static_cast<double>(random() % 4000) / 4.0 - 200;
      out.push_back({"line" + std::to_string(tag) + ".power_kw", t, value});
    }
  }
  for (std::size_t i = 0; i + 3 < out.size(); i += 7) std::swap(out[i], out[i + 3]);  // out of order
  for (std::size_t i = 0; i < out.size(); i += 97) out.push_back({out[i].tag, out[i].ts_ms, out[i].value + 1000});
  return out;
}

std::vector<Event> generatedEvents() {
  std::vector<Event> out;
  for (int i = 0; i < 40; ++i) {
    out.push_back({kT0 + (i / 2) * 3 * kDay + 5000, i % 3 == 0 ? "failure" : "state_change", i % 4,
                   "machine" + std::to_string(i % 5), "event\t" + std::to_string(i) + "\nsecond line",
                   i % 2 ? "{\"n\":" + std::to_string(i) + "}" : ""});
  }
  return out;
}

void fill(Store& store, const std::vector<Appended>& samples) {
  ASSERT_TRUE(store.defineTag("line0.power_kw", "kW", "analog"));
  for (const auto& s : samples) ASSERT_TRUE(store.append(s.tag, s.ts_ms, s.value));
  for (const auto& e : generatedEvents()) ASSERT_TRUE(store.appendEvent(e));
  ASSERT_TRUE(store.acknowledge({kT0 + 2 * kDay, "hot_pot", "pot1", "ops", "checked, fan on"}));
  ASSERT_TRUE(store.acknowledge({kT0 + 9 * kDay, "low_flow", "", "", "it's 'fine'\\really"}));
  ASSERT_TRUE(store.setParkFileHash("abc123"));
  auto flushed = store.flush();
  ASSERT_TRUE(flushed) << flushed.error().message;
  EXPECT_EQ(flushed->durable_samples, samples.size());
}

constexpr const char* kUsersXml = R"(<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>2000000000</max_memory_usage></default></profiles>
  <users>
    <default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile><quota>default</quota></default>
    <planner><password>s3cret-42</password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile><quota>default</quota></planner>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>
    <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time>
  </interval></default></quotas>
</yandex>
)";

// The same bits, NaN equal to NaN (empty buckets).
bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

class ClickHouseStoreTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (ClickHouseCluster::unavailable()) return;
    // Our own users.xml: the password-less default (the shards reach each other as it) and a
    // user with a password (the credentials test).
    usersDir_ = new TempDir();
    const std::string users = usersDir_->file("users.xml");
    std::ofstream(users) << kUsersXml;
    ::setenv("PARKTWIN_CLUSTER_USERS_XML", users.c_str(), 1);
    cluster_ = new ClickHouseCluster();
    if (!cluster_->up()) upError_ = cluster_->error();
  }
  static void TearDownTestSuite() {
    delete cluster_;
    cluster_ = nullptr;
    ::unsetenv("PARKTWIN_CLUSTER_USERS_XML");
    delete usersDir_;
    usersDir_ = nullptr;
  }
  void SetUp() override {
    if (auto why = ClickHouseCluster::unavailable()) GTEST_SKIP() << *why;
    ASSERT_TRUE(upError_.empty()) << upError_;
  }
  std::string uriFor(const std::string& park) const {
    return cluster_->uri() + "?park=" + park + "&spool=" + dir_.file("spool-" + park);
  }
  // "clickhouse://USERINFO@127.0.0.1:PORT/parktwin?park=...&spool=..."
  std::string uriWithUser(const std::string& userInfo, const std::string& park) const {
    const std::string scheme = "clickhouse://";
    return scheme + userInfo + "@" + uriFor(park).substr(scheme.size());
  }
  static ClickHouseCluster* cluster_;
  static TempDir* usersDir_;
  static std::string upError_;
  TempDir dir_;
};

ClickHouseCluster* ClickHouseStoreTest::cluster_ = nullptr;
TempDir* ClickHouseStoreTest::usersDir_ = nullptr;
std::string ClickHouseStoreTest::upError_;

TEST_F(ClickHouseStoreTest, GivesTheSameAnswersAsSqliteOnTheSameData) {
  const auto samples = generatedSamples();
  auto sqlite = openStore("sqlite:" + dir_.file("park.db"));
  auto house = openStore(uriFor("same"));
  ASSERT_TRUE(sqlite) << sqlite.error().message;
  ASSERT_TRUE(house) << house.error().message;
  fill(**sqlite, samples);
  fill(**house, samples);
  Store& a = **sqlite;
  Store& b = **house;

  // stateAt at many T, before the first sample to after the last.
  for (std::int64_t t = kT0 - kDay; t < kT0 + 90 * kDay; t += 37 * 3'600'000 + 12'345) {
    auto sa = a.stateAt(t), sb = b.stateAt(t);
    ASSERT_TRUE(sa && sb) << (sb ? "" : sb.error().message);
    std::sort(sa->begin(), sa->end(), [](auto& x, auto& y) { return x.tag < y.tag; });
    ASSERT_EQ(sa->size(), sb->size()) << "at " << t;
    for (std::size_t i = 0; i < sa->size(); ++i) {
      EXPECT_EQ((*sa)[i].tag, (*sb)[i].tag);
      EXPECT_EQ((*sa)[i].ts_ms, (*sb)[i].ts_ms) << (*sa)[i].tag << " at " << t;
      EXPECT_EQ((*sa)[i].value, (*sb)[i].value) << (*sa)[i].tag << " at " << t;
    }
  }
  for (int tag = 0; tag < 12; ++tag) {
    const std::string name = "line" + std::to_string(tag) + ".power_kw";
    for (auto [t0, t1] : {std::pair{kT0, kT0 + 5 * kDay}, std::pair{kT0 + 20 * kDay, kT0 + 70 * kDay},
                          std::pair{INT64_MIN, INT64_MAX}}) {
      auto ra = a.samplesBetween(name, t0, t1), rb = b.samplesBetween(name, t0, t1);
      ASSERT_TRUE(ra && rb) << (rb ? "" : rb.error().message);
      EXPECT_EQ(*ra, *rb) << name;
    }
    for (std::size_t buckets : {1u, 7u, 100u}) {
      auto da = a.downsample(name, kT0 + 3 * kDay + 17, kT0 + 61 * kDay, buckets);
      auto db = b.downsample(name, kT0 + 3 * kDay + 17, kT0 + 61 * kDay, buckets);
      ASSERT_TRUE(da && db) << (db ? "" : db.error().message);
      ASSERT_EQ(da->size(), db->size());
      for (std::size_t i = 0; i < da->size(); ++i) {
        const Bucket &x = (*da)[i], &y = (*db)[i];
        EXPECT_EQ(x.t_start_ms, y.t_start_ms);
        EXPECT_EQ(x.t_end_ms, y.t_end_ms);
        EXPECT_EQ(x.count, y.count) << name << " bucket " << i;
        // Means of tag 11 may differ in the last bits: the engines add in different orders.
        const bool meansAgree = same(x.mean, y.mean) || std::abs(x.mean - y.mean) <= 1e-12 * std::abs(x.mean);
        EXPECT_TRUE(same(x.min, y.min) && same(x.max, y.max) && meansAgree && same(x.last, y.last))
            << name << " bucket " << i << ": " << x.min << " " << x.max << " " << x.mean << " " << x.last << " vs "
            << y.min << " " << y.max << " " << y.mean << " " << y.last;
      }
    }
  }
  for (const EventFilter& filter : {EventFilter{}, EventFilter{"machine2", 0}, EventFilter{std::nullopt, 2}}) {
    auto ea = a.eventsBetween(kT0 + kDay, kT0 + 40 * kDay, filter), eb = b.eventsBetween(kT0 + kDay, kT0 + 40 * kDay, filter);
    ASSERT_TRUE(ea && eb) << (eb ? "" : eb.error().message);
    ASSERT_EQ(ea->size(), eb->size());
    for (std::size_t i = 0; i < ea->size(); ++i) {
      const Event &x = (*ea)[i], &y = (*eb)[i];
      EXPECT_TRUE(x.ts_ms == y.ts_ms && x.kind == y.kind && x.severity == y.severity && x.object == y.object &&
                  x.message == y.message && x.payload_json == y.payload_json)
          << "event " << i << ": " << x.message << " vs " << y.message;
    }
  }
  auto acksA = a.acknowledgementsBetween(INT64_MIN, INT64_MAX), acksB = b.acknowledgementsBetween(INT64_MIN, INT64_MAX);
  ASSERT_TRUE(acksA && acksB);
  EXPECT_EQ(*acksA, *acksB);
  EXPECT_EQ(acksB->size(), 2u);
  EXPECT_EQ(*b.parkFileHash(), "abc123");
  auto sumA = a.summary(), sumB = b.summary();
  ASSERT_TRUE(sumA && sumB);
  ASSERT_EQ(sumA->size(), sumB->size());
  for (std::size_t i = 0; i < sumA->size(); ++i) {
    EXPECT_EQ((*sumA)[i].name, (*sumB)[i].name);
    EXPECT_EQ((*sumA)[i].unit, (*sumB)[i].unit);
    EXPECT_EQ((*sumA)[i].samples, (*sumB)[i].samples);
    EXPECT_EQ((*sumA)[i].first_ms, (*sumB)[i].first_ms);
    EXPECT_EQ((*sumA)[i].last_ms, (*sumB)[i].last_ms);
  }

  // The oracle: each shard's own table, through clickhouse-client. Both hold data, and together
  // exactly the distinct (tag, ts) appended.
  std::set<std::pair<std::string, std::int64_t>> distinct;
  for (const auto& s : samples) distinct.emplace(s.tag, s.ts_ms);
  const std::string perShard =
      "SELECT count() FROM (SELECT tag, ts FROM parktwin.samples_local WHERE park = 'same' GROUP BY tag, ts)";
  auto one = cluster_->clientQuery(1, perShard), two = cluster_->clientQuery(2, perShard);
  ASSERT_TRUE(one && two);
  EXPECT_GT(std::stoull(*one), 0u);
  EXPECT_GT(std::stoull(*two), 0u);
  EXPECT_EQ(std::stoull(*one) + std::stoull(*two), distinct.size());
}


// A long history (issue 20: stateAt must cost what is near T): 40 days of one tag every 30 s
// over two monthly partitions, with a tag silent since day 2, one whose only sample is a year
// older than the rest, one that starts on day 20, one defined and never sampled, duplicates
// (the first stored wins). The windowed stateAt (the default) and the scan (state=scan) both
// equal the SQLite historian at many T, and a few answers are checked by hand as well.
TEST_F(ClickHouseStoreTest, StateAtOnALongHistoryEqualsSqlite) {
  constexpr std::int64_t kMinute = 60'000;
  std::vector<Appended> samples;
  for (std::int64_t t = kT0; t < kT0 + 40 * kDay; t += kMinute / 2) samples.push_back({"dense", t, static_cast<double>((t - kT0) / 1000 % 977)});
  for (std::int64_t t = kT0; t <= kT0 + 2 * kDay; t += 10 * kMinute) samples.push_back({"silent", t, static_cast<double>((t - kT0) / kMinute)});
  samples.push_back({"ancient", kT0 - 400 * kDay, 42.5});
  for (std::int64_t t = kT0 + 20 * kDay; t < kT0 + 40 * kDay; t += 7 * kMinute) samples.push_back({"late", t, 0.25 * static_cast<double>((t - kT0) / kMinute % 1000)});
  for (std::size_t i = 0; i < samples.size(); i += 1013) samples.push_back({samples[i].tag, samples[i].ts_ms, -1.0});
  auto sqlite = openStore("sqlite:" + dir_.file("long.db"));
  auto windowed = openStore(uriFor("long"));
  ASSERT_TRUE(sqlite && windowed) << (windowed ? sqlite.error().message : windowed.error().message);
  for (Store* store : {sqlite->get(), windowed->get()}) {
    ASSERT_TRUE(store->defineTag("defined", "kW", "analog"));
    for (const auto& s : samples) ASSERT_TRUE(store->append(s.tag, s.ts_ms, s.value));
    ASSERT_TRUE(store->flush());
  }
  auto scan = openStore(uriFor("long") + "&state=scan", {.read_only = true, .historian = {}});
  ASSERT_TRUE(scan) << scan.error().message;

  std::vector<std::int64_t> times = {kT0 - 500 * kDay, kT0 - 400 * kDay - 1, kT0 - 400 * kDay, kT0 - 1, kT0,
                                     kT0 + 2 * kDay, kT0 + 2 * kDay + 1, kT0 + 20 * kDay - 1, kT0 + 20 * kDay,
                                     kT0 + 40 * kDay, kT0 + 4000 * kDay, INT64_MAX};
  for (std::int64_t t = kT0 - kDay; t < kT0 + 42 * kDay; t += 23 * 3'600'000 + 15 * kMinute + 7) times.push_back(t);
  for (const std::int64_t t : times) {
    auto expected = (*sqlite)->stateAt(t);
    ASSERT_TRUE(expected);
    std::sort(expected->begin(), expected->end(), [](auto& x, auto& y) { return x.tag < y.tag; });
    for (Store* store : {windowed->get(), scan->get()}) {
      auto got = store->stateAt(t);
      ASSERT_TRUE(got) << got.error().message;
      ASSERT_EQ(got->size(), expected->size()) << store->describe() << " at " << t;
      for (std::size_t i = 0; i < got->size(); ++i) {
        const TagState &x = (*got)[i], &y = (*expected)[i];
        EXPECT_TRUE(x.tag == y.tag && x.ts_ms == y.ts_ms && x.value == y.value)
            << store->describe() << " at " << t << ": " << x.tag << " " << x.ts_ms << " " << x.value << " vs "
            << y.tag << " " << y.ts_ms << " " << y.value;
      }
    }
  }
  // By hand: on day 30 the silent tag's last sample is day 2's (minute 2880), the ancient
  // one's its only sample, "defined" has none; before day 20 "late" is absent.
  auto day30 = (*windowed)->stateAt(kT0 + 30 * kDay);
  ASSERT_TRUE(day30);
  const std::vector<std::string> names = {"ancient", "dense", "late", "silent"};
  ASSERT_EQ(day30->size(), names.size());
  for (std::size_t i = 0; i < names.size(); ++i) EXPECT_EQ((*day30)[i].tag, names[i]);
  EXPECT_EQ((*day30)[0].ts_ms, kT0 - 400 * kDay);
  EXPECT_EQ((*day30)[0].value, 42.5);
  EXPECT_EQ((*day30)[3].ts_ms, kT0 + 2 * kDay);
  EXPECT_EQ((*day30)[3].value, 2880.0);
  auto day19 = (*windowed)->stateAt(kT0 + 19 * kDay);
  ASSERT_TRUE(day19);
  EXPECT_EQ(day19->size(), 3u);
  EXPECT_TRUE(std::none_of(day19->begin(), day19->end(), [](const TagState& s) { return s.tag == "late"; }));
}

// What the writer appended and saw acknowledged (flush() returned), counted by the test itself.
struct AcknowledgedLog {
  std::uint64_t count = 0;
  std::uint64_t checksum = 0;  // sum of ts * 31 + value, mod 2^64 (values are whole numbers)
  std::int64_t nextTs = kT0;

  // Appends `n` samples over 8 tags and flushes; they count only if the flush succeeded.
  ::testing::AssertionResult appendAndFlush(Store& store, int n) {
    std::uint64_t batchCount = 0, batchSum = 0;
    for (int i = 0; i < n; ++i, nextTs += 250) {
      const auto value = static_cast<std::uint64_t>(nextTs / 250 % 1000);
      if (!store.append("tag" + std::to_string(i % 8), nextTs, static_cast<double>(value))) {
        return ::testing::AssertionFailure() << "append refused";
      }
      ++batchCount;
      batchSum += static_cast<std::uint64_t>(nextTs) * 31 + value;
    }
    auto flushed = store.flush();
    if (!flushed) return ::testing::AssertionFailure() << flushed.error().message;
    count += batchCount;
    checksum += batchSum;
    return ::testing::AssertionSuccess();
  }
};

std::uintmax_t spoolBytes(const std::string& dir) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(dir + "/spool.log", ec);
  return ec ? 0 : size;
}

TEST_F(ClickHouseStoreTest, ShardAwayDuringIngestLosesNoAcknowledgedSample) {
  const std::string spool = dir_.file("spool-outage");
  AcknowledgedLog log;
  auto opened = openStore(uriFor("outage"));
  ASSERT_TRUE(opened) << opened.error().message;
  std::unique_ptr<Store> store = std::move(*opened);
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(log.appendAndFlush(*store, 2000));

  // Shard 2 goes away: flushes still acknowledge (the spool on disk holds the batches) and a
  // read names the missing shard at once instead of hanging.
  ASSERT_TRUE(cluster_->stopShard(2)) << cluster_->error();
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(log.appendAndFlush(*store, 2000));
  EXPECT_GT(spoolBytes(spool), 0u);
  const auto before = std::chrono::steady_clock::now();
  auto state = store->stateAt(INT64_MAX);
  ASSERT_FALSE(state);
  EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::seconds(15));
  const std::string shardAddress = "127.0.0.1:" + std::to_string(cluster_->tcpPort(2));
  EXPECT_NE(state.error().message.find("shard 2 of cluster 'parktwin' (" + shardAddress + ") is not reachable"),
            std::string::npos)
      << state.error().message;

  // Back again: a later flush (after the backoff) replays the spool.
  ASSERT_TRUE(cluster_->startShard(2)) << cluster_->error();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (spoolBytes(spool) > 0 && std::chrono::steady_clock::now() < deadline) {
    ASSERT_TRUE(log.appendAndFlush(*store, 100));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the writer's pace (ingest flushes periodically), not a wait for the replay
  }
  EXPECT_EQ(spoolBytes(spool), 0u) << "the spool was not replayed within 30 s of the shard's return";

  // Away once more and the writer closes: the next open replays what it spooled.
  ASSERT_TRUE(cluster_->stopShard(2)) << cluster_->error();
  ASSERT_TRUE(log.appendAndFlush(*store, 3000));
  store.reset();
  EXPECT_GT(spoolBytes(spool), 0u);
  ASSERT_TRUE(cluster_->startShard(2)) << cluster_->error();
  auto reopened = openStore(uriFor("outage"));
  ASSERT_TRUE(reopened) << reopened.error().message;
  EXPECT_EQ(spoolBytes(spool), 0u);

  // The oracle: every shard's own table through clickhouse-client, duplicates of a replay
  // collapsed as the store's reads collapse them.
  const std::string perShard =
      "SELECT count(), sum(ts * 31 + toUInt64(v)) FROM (SELECT tag, ts, argMax(value, ver) AS v "
      "FROM parktwin.samples_local WHERE park = 'outage' GROUP BY tag, ts) FORMAT TabSeparated";
  std::uint64_t count = 0, checksum = 0;
  for (int shard : {1, 2}) {
    auto row = cluster_->clientQuery(shard, perShard);
    ASSERT_TRUE(row) << "shard " << shard;
    const auto tab = row->find('\t');
    count += std::stoull(row->substr(0, tab));
    checksum += std::stoull(row->substr(tab + 1));
  }
  EXPECT_EQ(count, log.count);
  EXPECT_EQ(checksum, log.checksum);
  auto summary = (*reopened)->summary();
  ASSERT_TRUE(summary) << summary.error().message;
  std::uint64_t summed = 0;
  for (const auto& t : *summary) summed += t.samples;
  EXPECT_EQ(summed, log.count);
}

}  // namespace
}  // namespace parktwin::store::test

namespace parktwin::store::test {
namespace {

// The user and password of the test's users.xml, in the URI: the store writes and reads as that
// user (clickhouse-client, as the default user, sees the rows); a wrong password is refused at
// open with a message that names the user and says what to change, never the password.
TEST_F(ClickHouseStoreTest, AUserWithAPasswordWritesAndAWrongPasswordIsRefusedClearly) {
  auto opened = openStore(uriWithUser("planner:s3cret-42", "creds"));
  ASSERT_TRUE(opened) << opened.error().message;
  ASSERT_TRUE((*opened)->append("kiln.temp", kT0, 812.5));
  ASSERT_TRUE((*opened)->append("kiln.temp", kT0 + 1000, 813.25));
  auto flushed = (*opened)->flush();
  ASSERT_TRUE(flushed) << flushed.error().message;
  auto state = (*opened)->stateAt(kT0 + 5000);
  ASSERT_TRUE(state) << state.error().message;
  ASSERT_EQ(1u, state->size());
  EXPECT_EQ(813.25, (*state)[0].value);
  const auto sql = "SELECT count(), sum(value) FROM parktwin.samples WHERE park = 'creds'";
  EXPECT_EQ(cluster_->clientQuery(1, sql), std::optional<std::string>("2\t1625.75"));

  auto wrong = openStore(uriWithUser("planner:not-it", "creds"));
  ASSERT_FALSE(wrong);
  const std::string& message = wrong.error().message;
  EXPECT_NE(message.find("refused the user 'planner'"), std::string::npos) << message;
  EXPECT_NE(message.find("wrong user or password"), std::string::npos) << message;
  EXPECT_EQ(message.find("not-it"), std::string::npos) << message;
  EXPECT_EQ(message.find("does not answer"), std::string::npos) << message;
  auto unknown = openStore(uriWithUser("nobody:x", "creds"));
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("refused the user 'nobody'"), std::string::npos) << unknown.error().message;
}

}  // namespace
}  // namespace parktwin::store::test
