// Crash safety: a writer process is SIGKILLed at random moments; every sample it reported
// durable (after flush()) must be there afterwards, and the file must pass integrity_check.
// PARKTWIN_SOAK_KILLS=N raises the number of kills (scripts/soak-historian uses 100).
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <random>
#include <string>

#include "parktwin/store/historian.hpp"
#include "temp_dir.hpp"

namespace parktwin::store {
namespace {

constexpr int kTags = 200;
constexpr int kRoundsPerFlush = 10;

double valueOf(int tag, std::int64_t round) { return tag * 1e6 + static_cast<double>(round) * 0.25; }

// Runs in the child: appends rounds from `firstRound` on and writes each durable round to `fd`.
[[noreturn]] void writerProcess(const std::string& path, std::int64_t firstRound, int fd, Durability durability) {
  HistorianOptions options;
  options.durability = durability;
  options.commit_every_samples = 700;  // commits also happen between flushes
  options.commit_every_ms = 1'000'000;
  options.max_samples_per_block = 128;
  options.snapshot_every_ms = 60'000;
  auto h = Historian::open(path, options);
  if (!h) _exit(3);
  for (std::int64_t round = firstRound;; ++round) {
    for (int tag = 0; tag < kTags; ++tag) {
      if (!h->append("tag" + std::to_string(tag), round * 1000, valueOf(tag, round))) _exit(4);
    }
    if (round % kRoundsPerFlush == kRoundsPerFlush - 1) {
      if (!h->flush()) _exit(5);
      if (write(fd, &round, sizeof round) != static_cast<ssize_t>(sizeof round)) _exit(6);
    }
  }
}

std::string integrityCheck(const std::string& path) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr);
  std::string result = sqlite3_step(stmt) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)) : "no row";
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return result;
}

}  // namespace

TEST(HistorianCrash, EverySampleReportedDurableSurvivesSigkill) {
  test::TempDir dir;
  const std::string path = dir.file("park.db");
  const char* soak = std::getenv("PARKTWIN_SOAK_KILLS");
  const int kills = soak != nullptr ? std::max(1, std::atoi(soak)) : 24;
  std::mt19937_64 rng(std::random_device{}());
  std::int64_t durableRound = -1;  // highest round any writer reported durable
  std::int64_t nextRound = 0;
  for (int kill_no = 0; kill_no < kills; ++kill_no) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    const auto durability = kill_no % 2 == 0 ? Durability::Normal : Durability::Full;
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(fds[0]);
      writerProcess(path, nextRound, fds[1], durability);
    }
    close(fds[1]);
    const int reportsBeforeKill = 1 + static_cast<int>(rng() % 5);
    for (int r = 0; r < reportsBeforeKill; ++r) {
      std::int64_t round = 0;
      ASSERT_EQ(read(fds[0], &round, sizeof round), static_cast<ssize_t>(sizeof round)) << "writer died early";
      durableRound = std::max(durableRound, round);
    }
    // Let it run on for a random while (no sleep: spin), so the kill lands anywhere.
    volatile std::uint64_t spin = 0;
    const std::uint64_t spins = rng() % 2'000'000;
    for (std::uint64_t i = 0; i < spins; ++i) spin = spin + 1;
    ASSERT_EQ(kill(pid, SIGKILL), 0);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFSIGNALED(status)) << "writer exited on its own with " << WEXITSTATUS(status);
    // Reports written after our last read() also count as durable claims.
    std::int64_t round = 0;
    while (read(fds[0], &round, sizeof round) == static_cast<ssize_t>(sizeof round)) durableRound = std::max(durableRound, round);
    close(fds[0]);

    ASSERT_EQ(integrityCheck(path), "ok") << "after kill " << kill_no;
    auto h = Historian::open(path, {.read_only = true});
    ASSERT_TRUE(h) << h.error().message;
    std::int64_t resume = INT64_MAX;
    for (int tag = 0; tag < kTags; ++tag) {
      auto samples = h->samplesBetween("tag" + std::to_string(tag), 0, INT64_MAX);
      ASSERT_TRUE(samples) << samples.error().message;
      ASSERT_GE(static_cast<std::int64_t>(samples->size()), durableRound + 1) << "tag" << tag << " after kill " << kill_no;
      for (std::int64_t r = 0; r <= durableRound; ++r) {
        const auto& s = (*samples)[static_cast<std::size_t>(r)];
        ASSERT_EQ(s.ts_ms, r * 1000) << "tag" << tag;
        ASSERT_EQ(s.value, valueOf(tag, r)) << "tag" << tag;
      }
      resume = std::min(resume, samples->back().ts_ms / 1000 + 1);
    }
    nextRound = resume;
  }
  EXPECT_GT(durableRound, kills) << "the writers made progress";
}

}  // namespace parktwin::store
