// Fault injection under the historian's ingest path (faulty_vfs.hpp): failed writes, failed
// fsyncs, a full disk and a busy database. Every sample flush() acknowledged as durable must
// still be in the file after the fault; the writer reports the fault and, once it is gone,
// commits what was pending on the next flush.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <functional>

#include "faulty_vfs.hpp"
#include "historian_test_support.hpp"
#include "temp_dir.hpp"

namespace {

using parktwin::store::Durability;
using parktwin::store::Historian;
using hardening::appendSamples;
using hardening::samplesOnDisk;
using parktwin::store::test::TempDir;  // tests/unit/store/temp_dir.hpp

constexpr std::int64_t kT0 = 1'767'225'600'000;

class HistorianFaults : public ::testing::Test {
 protected:
  void SetUp() override { faults().clear(); }
  void TearDown() override { faults().clear(); }
  static hardening::FaultPlan& faults() { return hardening::installFaultyVfs(); }

  // Appends, acknowledges, injects a fault during the next flush, then heals it.
  void survivesFaultDuringFlush(Durability durability, const std::function<void()>& inject,
                                const std::string& expectedWords) {
    TempDir dir;
    const std::string path = dir.file("park.db");
    {
    auto h = Historian::open(path, {.durability = durability});
    ASSERT_TRUE(h) << h.error().message;
    appendSamples(*h, "a", kT0, 5000);
    auto first = h->flush();
    ASSERT_TRUE(first) << first.error().message;
    ASSERT_EQ(first->durable_samples, 5000u);

    appendSamples(*h, "a", kT0 + 5000 * 1000, 5000);
    const auto injectedBefore = faults().injected.load();
    inject();
    auto failed = h->flush();
    faults().clear();
    ASSERT_GT(faults().injected.load(), injectedBefore) << "no fault was injected";
    ASSERT_FALSE(failed) << "flush reported success through a failing disk";
    EXPECT_NE(failed.error().message.find(expectedWords), std::string::npos) << failed.error().message;
    std::printf("flush under the fault: %s\n", failed.error().message.c_str());
    // What was acknowledged is there, read by a fresh connection.
    EXPECT_GE(samplesOnDisk(path, "a"), 5000);

    // The fault is gone: the pending samples are committed by the next flush.
    auto healed = h->flush();
    ASSERT_TRUE(healed) << healed.error().message;
    EXPECT_EQ(healed->durable_samples, 10000u);
    EXPECT_EQ(samplesOnDisk(path, "a"), 10000);
    appendSamples(*h, "a", kT0 + 10000 * 1000, 10);
    ASSERT_TRUE(h->flush());
    }
    EXPECT_EQ(samplesOnDisk(path, "a"), 10010);
  }
};

TEST_F(HistorianFaults, FailedWriteKeepsDurableSamplesAndRecovers) {
  survivesFaultDuringFlush(Durability::Normal, [] { faults().fail_writes = true; }, "I/O");
}

TEST_F(HistorianFaults, FailedFsyncKeepsDurableSamplesAndRecovers) {
  survivesFaultDuringFlush(Durability::Full, [] { faults().fail_syncs = true; }, "I/O");
}

TEST_F(HistorianFaults, DiskFullDuringFlushKeepsDurableSamplesAndRecovers) {
  survivesFaultDuringFlush(Durability::Normal, [] { faults().max_file_bytes = 4096; }, "full");
}

TEST_F(HistorianFaults, BusyDatabaseIsReportedAndTheNextFlushCommits) {
  TempDir dir;
  const std::string path = dir.file("park.db");
  auto h = Historian::open(path);
  ASSERT_TRUE(h) << h.error().message;
  appendSamples(*h, "a", kT0, 1000);
  ASSERT_TRUE(h->flush());
  appendSamples(*h, "a", kT0 + 1000 * 1000, 1000);

  // Another process holds the write lock longer than the historian's busy timeout (5 s).
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  const auto start = std::chrono::steady_clock::now();
  auto busy = h->flush();
  const auto waited = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(busy) << "flush succeeded while another connection held the write lock";
  EXPECT_NE(busy.error().message.find("locked"), std::string::npos) << busy.error().message;
  EXPECT_GE(waited, std::chrono::seconds(4));  // it waited for the lock before giving up
  std::printf("flush against a held write lock: %s\n", busy.error().message.c_str());
  EXPECT_EQ(samplesOnDisk(path, "a"), 1000);

  ASSERT_EQ(sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(other);
  auto healed = h->flush();
  ASSERT_TRUE(healed) << healed.error().message;
  EXPECT_EQ(healed->durable_samples, 2000u);
  EXPECT_EQ(samplesOnDisk(path, "a"), 2000);
}

}  // namespace
