// Durability::WriteOnce and blocks longer than an hour (HistorianOptions::max_block_span_ms),
// the two ways a scenario run writes its file. Values are checked against the series the test
// generated itself, the file's journal mode, block spans and integrity with SQLite directly.
#include <gtest/gtest.h>

#include <bit>
#include <filesystem>
#include <string>
#include <vector>

#include "parktwin/store/historian.hpp"
#include "parktwin/store/schema.hpp"
#include "sqlite_answer.hpp"
#include "temp_dir.hpp"

namespace parktwin::store {
namespace {

constexpr std::int64_t kT0 = 1'767'225'600'000;  // 2026-01-01T00:00Z
constexpr std::int64_t kMinute = 60'000;
using test::sqliteAnswer;

// Two days of a 1/min tag in hundredths that changes every step, and one that steps every 5 h.
struct Series {
  std::vector<Sample> fast, slow;
};
Series twoDays() {
  Series s;
  for (std::int64_t i = 0; i < 2 * 1440; ++i) {
    s.fast.push_back({kT0 + i * kMinute, static_cast<double>((i * 37) % 1000) / 100.0});
    if (i % 300 == 0) s.slow.push_back({kT0 + i * kMinute, static_cast<double>(i / 300)});
  }
  return s;
}

void write(Historian& h, const Series& s) {
  for (const auto& x : s.fast) ASSERT_TRUE(h.append("fast", x.ts_ms, x.value).has_value());
  for (const auto& x : s.slow) ASSERT_TRUE(h.append("slow", x.ts_ms, x.value).has_value());
}

void expectSamples(const std::vector<Sample>& got, const std::vector<Sample>& all, std::int64_t t0, std::int64_t t1) {
  std::vector<Sample> expected;
  for (const auto& x : all) {
    if (x.ts_ms >= t0 && x.ts_ms <= t1) expected.push_back(x);
  }
  ASSERT_EQ(got.size(), expected.size()) << "[" << t0 << ", " << t1 << "]";
  for (std::size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].ts_ms, expected[i].ts_ms);
    EXPECT_EQ(std::bit_cast<std::uint64_t>(got[i].value), std::bit_cast<std::uint64_t>(expected[i].value));
  }
}

TEST(HistorianWriteOnce, FinishedFileIsAnOrdinaryWalFileWithEverySample) {
  test::TempDir dir;
  const auto file = dir.file("run.db");
  const Series s = twoDays();
  {
    HistorianOptions o;
    o.durability = Durability::WriteOnce;
    o.commit_every_samples = 1000;  // several commits while unjournaled
    auto h = Historian::open(file, o);
    ASSERT_TRUE(h.has_value()) << h.error().message;
    write(*h, s);
    ASSERT_TRUE(h->flush().has_value());
    EXPECT_EQ(sqliteAnswer(file, "PRAGMA journal_mode"), "delete") << "no WAL while written once";
    EXPECT_FALSE(std::filesystem::exists(file + "-wal"));
    auto finished = h->finishWriteOnce();
    ASSERT_TRUE(finished.has_value()) << finished.error().message;
    EXPECT_EQ(finished->durable_samples, s.fast.size() + s.slow.size());
    ASSERT_TRUE(h->append("fast", kT0 + 3 * 1440 * kMinute, 1.5).has_value()) << "goes on as a normal writer";
  }
  EXPECT_EQ(sqliteAnswer(file, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(sqliteAnswer(file, "PRAGMA integrity_check"), "ok");
  auto h = Historian::open(file, {.read_only = true});
  ASSERT_TRUE(h.has_value()) << h.error().message;
  auto fast = h->samplesBetween("fast", INT64_MIN, INT64_MAX);
  ASSERT_TRUE(fast.has_value());
  ASSERT_EQ(fast->size(), s.fast.size() + 1);
  fast->pop_back();
  expectSamples(*fast, s.fast, INT64_MIN, INT64_MAX);
}

TEST(HistorianWriteOnce, BlocksOfADayAreReadFromInsideThem) {
  test::TempDir dir;
  const auto file = dir.file("long.db");
  const Series s = twoDays();
  {
    HistorianOptions o;
    o.max_block_span_ms = kLongestBlockSpanMs;
    o.compact_segments = false;  // the rows are looked at below
    auto h = Historian::open(file, o);
    ASSERT_TRUE(h.has_value()) << h.error().message;
    write(*h, s);
    ASSERT_TRUE(h->flush().has_value());
  }
  // The file really holds blocks over an hour: 256 one-minute samples (4 h 15 min), and the
  // slow tag's samples 5 h apart in blocks of 20 h (0-20 h, 25-45 h: a day is the limit).
  EXPECT_EQ(sqliteAnswer(file, "SELECT max(t_end_ms - t_start_ms) FROM blocks"), std::to_string(20 * 3'600'000LL));
  EXPECT_EQ(sqliteAnswer(file, "SELECT value FROM meta WHERE key = 'max_block_span_ms'"), std::to_string(20 * 3'600'000LL));
  EXPECT_EQ(sqliteAnswer(file, "SELECT count(*) FROM blocks WHERE tag_id = (SELECT id FROM tags WHERE name = 'fast')"), "12");
  EXPECT_EQ(sqliteAnswer(file, "PRAGMA user_version"), std::to_string(kSchemaVersion));
  auto h = Historian::open(file, {.read_only = true});
  ASSERT_TRUE(h.has_value()) << h.error().message;
  // Windows that start hours after the block holding them began.
  for (const std::int64_t from : {kT0 + 3 * 3'600'000 + 7 * kMinute, kT0 + 26 * 3'600'000, kT0 + 44 * 3'600'000}) {
    auto fast = h->samplesBetween("fast", from, from + 30 * kMinute);
    auto slow = h->samplesBetween("slow", from, from + 6 * 3'600'000);
    ASSERT_TRUE(fast.has_value() && slow.has_value());
    expectSamples(*fast, s.fast, from, from + 30 * kMinute);
    expectSamples(*slow, s.slow, from, from + 6 * 3'600'000);
  }
  // The snapshot at 40:00 is 1 h 41 min after the fast tag's block began and 15 h after the
  // slow one's: stateAt must scan back by the file's span, not by an hour.
  const std::int64_t at = kT0 + 40 * 3'600'000 + 5 * kMinute;
  auto state = h->stateAt(at);
  ASSERT_TRUE(state.has_value()) << state.error().message;
  ASSERT_EQ(state->size(), 2u);
  for (const auto& tag : *state) {
    const auto& all = tag.tag == "fast" ? s.fast : s.slow;
    const Sample* last = nullptr;
    for (const auto& x : all) {
      if (x.ts_ms <= at) last = &x;
    }
    ASSERT_NE(last, nullptr);
    EXPECT_EQ(tag.ts_ms, last->ts_ms) << tag.tag;
    EXPECT_EQ(tag.value, last->value) << tag.tag;
  }
  // Downsample of the slow tag in hour buckets: the value stored in each hour, counted once.
  auto buckets = h->downsample("slow", kT0, kT0 + 48 * 3'600'000, 48);
  ASSERT_TRUE(buckets.has_value());
  for (std::size_t b = 0; b < 48; ++b) EXPECT_EQ((*buckets)[b].count, b % 5 == 0 ? 1u : 0u) << "hour " << b;
}

TEST(HistorianWriteOnce, SpanOverADayIsRefused) {
  test::TempDir dir;
  HistorianOptions o;
  o.max_block_span_ms = kLongestBlockSpanMs + 1;
  EXPECT_FALSE(Historian::open(dir.file("x.db"), o).has_value());
}

}  // namespace
}  // namespace parktwin::store
