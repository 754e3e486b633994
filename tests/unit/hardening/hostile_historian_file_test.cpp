// Hostile historian files: each gives a clear message, opens read-only where it can, and never
// crashes or writes garbage. (A foreign SQLite file, a newer schema and a truncated file are
// covered by tests/unit/store/schema_test.cpp; here: truncation at every page, flipped bytes in
// block payloads, a read-only file, a full disk.)
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>
#include <fstream>
#include <iterator>
#include <vector>

#include "historian_test_support.hpp"
#include "temp_dir.hpp"

namespace {

using parktwin::store::Historian;
using hardening::appendSamples;
using hardening::samplesOnDisk;
using parktwin::store::test::TempDir;  // tests/unit/store/temp_dir.hpp
namespace fs = std::filesystem;

constexpr std::int64_t kT0 = 1'767'225'600'000;

std::vector<char> readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeAll(const std::string& path, const std::vector<char>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A closed historian file (WAL checkpointed into it) with `count` samples of "a" and of "b".
// groupRows false: every block stays a row (schema 8's compaction off), for tests that alter one.
void makeHistorian(const std::string& path, int count, bool groupRows = true) {
  auto h = Historian::open(path, {.compact_segments = groupRows});
  ASSERT_TRUE(h) << h.error().message;
  appendSamples(*h, "a", kT0, count);
  appendSamples(*h, "b", kT0, count);
  auto flushed = h->flush();
  ASSERT_TRUE(flushed) << flushed.error().message;
}

// Every read the twin does on a file, each either succeeding or failing with a message.
void readEverything(Historian& h) {
  for (const char* tag : {"a", "b"}) {
    auto s = h.samplesBetween(tag, INT64_MIN, INT64_MAX);
    if (!s) {
      EXPECT_FALSE(s.error().message.empty());
    }
    auto d = h.downsample(tag, kT0, kT0 + 3'600'000, 10);
    if (!d) {
      EXPECT_FALSE(d.error().message.empty());
    }
  }
  auto state = h.stateAt(kT0 + 60'000);
  if (!state) {
    EXPECT_FALSE(state.error().message.empty());
  }
  auto summary = h.summary();
  if (!summary) {
    EXPECT_FALSE(summary.error().message.empty());
  }
}

TEST(HostileHistorianFile, TruncatedAtAnyPageIsAnErrorOrReadsWithoutCrashing) {
  TempDir dir;
  const std::string good = dir.file("good.db");
  makeHistorian(good, 3000);
  const auto bytes = readAll(good);
  ASSERT_GT(bytes.size(), 8192u);
  int refused = 0;
  for (std::size_t length : {std::size_t{0}, std::size_t{10}, std::size_t{100}, std::size_t{4095}}) {
    const std::string cut = dir.file("cut" + std::to_string(length) + ".db");
    writeAll(cut, std::vector<char>(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(length)));
    auto h = Historian::open(cut, {.read_only = true});
    if (!h) {
      ++refused;
      EXPECT_NE(h.error().message.find(cut), std::string::npos) << h.error().message;
    } else {
      readEverything(*h);
    }
  }
  for (std::size_t length = 4096; length < bytes.size(); length += 4096) {
    const std::string cut = dir.file("cut" + std::to_string(length) + ".db");
    writeAll(cut, std::vector<char>(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(length)));
    for (bool readOnly : {true, false}) {
      auto h = Historian::open(cut, {.read_only = readOnly});
      if (!h) {
        ++refused;
        EXPECT_NE(h.error().message.find(cut), std::string::npos) << h.error().message;
        continue;
      }
      readEverything(*h);
    }
  }
  EXPECT_GT(refused, 0);
}

TEST(HostileHistorianFile, FlippedByteInABlockPayloadIsReportedNotReturnedAsData) {
  TempDir dir;
  const std::string path = dir.file("park.db");
  makeHistorian(path, 200, false);  // one block row per tag
  std::vector<std::uint8_t> payload;
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT payload FROM blocks WHERE tag_id = (SELECT id FROM tags WHERE name = 'a')",
                                 -1, &stmt, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
    const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt, 0));
    payload.assign(p, p + sqlite3_column_bytes(stmt, 0));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
  }
  auto original = Historian::open(path, {.read_only = true});
  ASSERT_TRUE(original);
  const auto truth = original->samplesBetween("a", INT64_MIN, INT64_MAX);
  ASSERT_TRUE(truth);
  ASSERT_EQ(truth->size(), 200u);

  int reported = 0, silent = 0;
  for (std::size_t at = 0; at < payload.size(); ++at) {
    auto corrupt = payload;
    corrupt[at] ^= 0xFF;
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "UPDATE blocks SET payload = ? WHERE tag_id = (SELECT id FROM tags WHERE name = 'a')",
                                 -1, &stmt, nullptr), SQLITE_OK);
    sqlite3_bind_blob(stmt, 1, corrupt.data(), static_cast<int>(corrupt.size()), SQLITE_TRANSIENT);
    ASSERT_EQ(sqlite3_step(stmt), SQLITE_DONE);
    sqlite3_finalize(stmt);
    sqlite3_close(db);

    auto h = Historian::open(path, {.read_only = true});
    ASSERT_TRUE(h) << h.error().message;
    readEverything(*h);
    auto read = h->samplesBetween("a", INT64_MIN, INT64_MAX);
    if (!read) {
      ++reported;
      const auto& m = read.error().message;
      EXPECT_TRUE(m.find("corrupt") != std::string::npos || m.find("truncated") != std::string::npos) << m;
      continue;
    }
    bool same = read->size() == truth->size();
    for (std::size_t i = 0; same && i < read->size(); ++i) {
      same = (*read)[i].ts_ms == (*truth)[i].ts_ms &&
             std::memcmp(&(*read)[i].value, &(*truth)[i].value, sizeof(double)) == 0;
    }
    if (!same) ++silent;
    // The other tag's block is untouched and still reads.
    auto b = h->samplesBetween("b", INT64_MIN, INT64_MAX);
    ASSERT_TRUE(b) << b.error().message;
    EXPECT_EQ(b->size(), 200u);
  }
  RecordProperty("flipped_bytes", static_cast<int>(payload.size()));
  RecordProperty("reported", reported);
  RecordProperty("silently_wrong", silent);
  std::printf("flipped %zu payload bytes: %d reported as corrupt, %d read back as wrong data\n", payload.size(),
              reported, silent);
  EXPECT_EQ(silent, 0) << "a corrupt block was returned as data";
}

// Runs `body` as user nobody in a child process (root ignores file permissions) and returns
// its exit status; the child's report goes to `report`.
int runAsNobody(const std::function<int(std::string&)>& body, std::string& report) {
  int pipeFds[2];
  if (pipe(pipeFds) != 0) return -1;
  const pid_t pid = fork();
  if (pid == 0) {
    close(pipeFds[0]);
    std::string text;
    int code = 100;
    if (setgid(65534) == 0 && setuid(65534) == 0) code = body(text);
    else text = std::string("cannot become nobody: ") + std::strerror(errno);
    (void)!write(pipeFds[1], text.data(), text.size());
    _exit(code);
  }
  close(pipeFds[1]);
  char buffer[4096];
  ssize_t n = 0;
  while ((n = read(pipeFds[0], buffer, sizeof buffer)) > 0) report.append(buffer, static_cast<std::size_t>(n));
  close(pipeFds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(HostileHistorianFile, ReadOnlyFileRefusesWritingClearlyAndOpensReadOnly) {
  TempDir dir;
  const std::string path = dir.file("park.db");
  makeHistorian(path, 100);
  ASSERT_EQ(chmod(path.c_str(), 0444), 0);
  ASSERT_EQ(chmod(dir.path().c_str(), 0777), 0);  // read-only open may still create the -shm file

  auto check = [&](std::string& report) -> int {
    auto writer = Historian::open(path);
    if (writer) {
      report = "opened a 0444 file for writing";
      return 1;
    }
    if (writer.error().message.find("read-only") == std::string::npos) {
      report = "unclear message: " + writer.error().message;
      return 2;
    }
    auto reader = Historian::open(path, {.read_only = true});
    if (!reader) {
      report = "read-only open failed: " + reader.error().message;
      return 3;
    }
    auto samples = reader->samplesBetween("a", INT64_MIN, INT64_MAX);
    if (!samples || samples->size() != 100) {
      report = "read-only open does not read the samples";
      return 4;
    }
    report = writer.error().message;
    return 0;
  };
  std::string report;
  int code = 0;
  if (geteuid() == 0) {
    // Root writes through 0444; the honest check is as an unprivileged user.
    code = runAsNobody(check, report);
    if (code == 100) GTEST_SKIP() << "running as root and " << report;
  } else {
    code = check(report);
  }
  EXPECT_EQ(code, 0) << report;
  std::printf("writer open of a 0444 file: %s\n", report.c_str());
  const auto before = readAll(path);
  ASSERT_EQ(chmod(path.c_str(), 0644), 0);
  EXPECT_EQ(samplesOnDisk(path, "a"), 100);
  EXPECT_FALSE(before.empty());
}

// A real full disk: a 256 KiB tmpfs (needs root and mount rights; skipped otherwise, the
// SQLITE_FULL path is then still covered by HistorianFaults.DiskFullDuringFlush...).
TEST(HostileHistorianFile, FullDiskKeepsWhatWasDurableAndSaysSo) {
  TempDir dir;
  const std::string mountPoint = dir.file("tiny");
  fs::create_directory(mountPoint);
  if (mount("parktwin-test", mountPoint.c_str(), "tmpfs", 0, "size=256k") != 0) {
    GTEST_SKIP() << "cannot mount a tiny tmpfs (" << std::strerror(errno)
                 << "); the full-disk path is covered by the fault-injection VFS test";
  }
  struct Unmount {
    std::string at;
    ~Unmount() { umount2(at.c_str(), MNT_DETACH); }
  } unmount{mountPoint};
  const std::string path = mountPoint + "/park.db";
  std::uint64_t durable = 0;
  std::string failure;
  {
    auto h = Historian::open(path);
    ASSERT_TRUE(h) << h.error().message;
    for (int round = 0; round < 200 && failure.empty(); ++round) {
      for (int i = 0; i < 2000; ++i) {
        // Noisy values compress badly: the disk fills in a few rounds.
        auto ok = h->append("a", kT0 + (round * 2000 + i) * 1000LL, static_cast<double>((round * 2654435761u + i * 40503u) % 100003) / 7.0);
        if (!ok) {
          failure = ok.error().message;
          break;
        }
      }
      if (!failure.empty()) break;
      auto flushed = h->flush();
      if (!flushed) failure = flushed.error().message;
      else durable = flushed->durable_samples;
    }
    ASSERT_FALSE(failure.empty()) << "the disk never filled";
    std::printf("full disk after %llu durable samples: %s\n", static_cast<unsigned long long>(durable), failure.c_str());
    EXPECT_NE(failure.find("full"), std::string::npos) << failure;
    EXPECT_NE(failure.find(path), std::string::npos) << "the message must name the file: " << failure;
  }
  ASSERT_GT(durable, 0u);
  EXPECT_GE(samplesOnDisk(path, "a"), static_cast<std::int64_t>(durable));
}

}  // namespace
