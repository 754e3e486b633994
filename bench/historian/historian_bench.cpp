// historian_bench: ingest, bytes per sample, stateAt latency and a year-long downsample,
// historian vs plain SQLite (one row per sample) vs raw append+fsync, in one run.
// Usage: kUsage below (historian_bench --help prints it).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "baselines.hpp"
#include "bench_util.hpp"
#include "parktwin/store/historian.hpp"
#include "sample_source.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using parktwin::bench::SampleSource;
using parktwin::bench::check;
using parktwin::bench::kT0;
using parktwin::bench::percentile;

constexpr const char* kUsage =
    "Usage: historian_bench [--tags N] [--seconds S] [--batch B] [--fold-every F] [--write-behind on|off]\n"
    "                       [--compact on|off] [--sync normal|full] [--queries Q]\n"
    "                       [--dir D]   (where the files go; default /tmp/parktwin-historian-bench, emptied first\n"
    "                                    and removed at the end; a --dir given is emptied first and kept)\n"
    "                       [--baselines all|none]   (none: the historian alone, for quick iterations)\n"
    "                       [--state-of FILE]   (only stateAt, on FILE written by an earlier run with the same\n"
    "                                            --tags/--seconds: two builds' read paths on one file)\n"
    "                       [--live on|off]   (on: the writer stays open while stateAt runs, as under a live window)\n"
    "                       [--queries-out FILE]   (each stateAt's instant, ms after the data's start, and its time\n"
    "                                              in ms: where in a block T falls shows in the time)\n"
    "                       [--query-every MS]   (a stateAt started every MS ms, as a replaying window asks\n"
    "                                            one a shown step; 0, the default: back to back)\n"
    "                       [--slice-us US]   (ask the scheduler for a US us slice, Linux 6.12+'s EEVDF: does a\n"
    "                                         shorter wait for a core help on a busy host? 0: the default)\n";

struct Args {
  int tags = 10'000;
  std::int64_t seconds = 1800;
  std::size_t batch = 100'000;
  std::size_t foldEvery = parktwin::store::HistorianOptions{}.fold_every_commits;
  bool fullSync = false;
  bool writeBehind = parktwin::store::HistorianOptions{}.write_behind;
  bool compact = parktwin::store::HistorianOptions{}.compact_segments;  // group rows (off: block rows only)
  bool live = false;  // the writer left open while stateAt runs: the last minutes stay block rows and tail
  std::string dir = "/tmp/parktwin-historian-bench";
  bool keepFiles = false;  // --dir given: the files are the caller's to read or remove
  int queries = 200;
  bool baselines = true;
  std::string stateOf;  // an existing historian file: only its stateAt is measured
  std::string queriesOut;  // a file for each stateAt's instant (ms after the first second) and time (ms)
  // Queries back to back keep the reader busy all the time, so on a busy host the scheduler
  // treats it as one more CPU hog; a window asks one state a shown step and waits in between.
  int queryEveryMs = 0;
  int sliceUs = 0;
};

constexpr const char* kOptions[] = {"--tags", "--seconds", "--batch", "--fold-every", "--sync", "--write-behind",
                                    "--compact", "--live", "--dir", "--queries", "--baselines", "--state-of",
                                    "--queries-out", "--query-every", "--slice-us"};

[[noreturn]] void usageError(const std::string& message) {
  std::fprintf(stderr, "historian_bench: %s\n%s", message.c_str(), kUsage);
  std::exit(2);
}

// One of two words, or the usage.
bool either(const std::string& k, const std::string& v, const char* yes, const char* no) {
  if (v != yes && v != no) usageError(k + " takes " + yes + " or " + no + ", not " + v);
  return v == yes;
}

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; i += 2) {
    const std::string k = argv[i];
    if (k == "--help" || k == "-h") {
      std::fputs(kUsage, stdout);
      std::exit(0);
    }
    if (std::find(std::begin(kOptions), std::end(kOptions), k) == std::end(kOptions)) usageError("unknown option " + k);
    // Every option takes a value: one left without it would otherwise be dropped silently.
    if (i + 1 == argc) usageError(k + " needs a value");
    const std::string v = argv[i + 1];
    try {
      if (k == "--tags") a.tags = std::stoi(v);
      else if (k == "--seconds") a.seconds = std::stoll(v);
      else if (k == "--batch") a.batch = std::stoul(v);
      else if (k == "--fold-every") a.foldEvery = std::stoul(v);
      else if (k == "--sync") a.fullSync = either(k, v, "full", "normal");
      else if (k == "--write-behind") a.writeBehind = either(k, v, "on", "off");
      else if (k == "--compact") a.compact = either(k, v, "on", "off");
      else if (k == "--live") a.live = either(k, v, "on", "off");
      else if (k == "--dir") {
        a.dir = v;
        a.keepFiles = true;
      }
      else if (k == "--queries") a.queries = std::stoi(v);
      else if (k == "--baselines") a.baselines = either(k, v, "all", "none");
      else if (k == "--state-of") a.stateOf = v;
      else if (k == "--queries-out") a.queriesOut = v;
      else if (k == "--query-every") a.queryEveryMs = std::stoi(v);
      else if (k == "--slice-us") a.sliceUs = std::stoi(v);
    } catch (const std::logic_error&) {  // std::stoi and friends on a value that is not a number
      usageError(k + " takes a number, not " + v);
    }
  }
  return a;
}

double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// This process's CPU time (user + system) so far: on a loaded host the wall time of ingest
// includes waiting for a core, its CPU time does not.
double cpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto toSeconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return toSeconds(usage.ru_utime) + toSeconds(usage.ru_stime);
}

// stateAt at random instants of the data, the historian's queries back to back (as a replay
// would issue them), then plain SQLite's at the first tenth of the same instants.
void benchStateAt(const Args& a, const std::string& histPath, const std::string& plainPath) {
  auto h = check(parktwin::store::Historian::open(histPath, {.read_only = true}));
  std::optional<parktwin::bench::PlainSqlite> plain;
  if (a.baselines) plain.emplace(plainPath, a.fullSync);
  std::mt19937_64 rng(1);
  std::vector<std::int64_t> times;
  for (int q = 0; q < a.queries; ++q) {
    times.push_back(kT0 + 1000 + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(a.seconds * 1000 - 1000)));
  }
  // Each store's queries back to back (as a replay would issue them), the same instants.
  std::vector<double> histMs, plainMs;
  std::size_t tagsSeen = 0;
  FILE* queriesOut = a.queriesOut.empty() ? nullptr : std::fopen(a.queriesOut.c_str(), "w");
  auto due = Clock::now();
  const double cpuBefore = cpuSeconds();  // both threads of the read: what a query costs, not when it got a core
  int overran = 0;  // queries that took longer than --query-every: the next one started at once
  for (const std::int64_t t : times) {
    if (a.queryEveryMs > 0) std::this_thread::sleep_until(due);  // a window's pace, not a synchronisation
    const auto start = Clock::now();
    tagsSeen = check(h.stateAt(t)).size();
    const auto end = Clock::now();
    histMs.push_back(seconds(end - start) * 1000);
    due += std::chrono::milliseconds(a.queryEveryMs);
    if (a.queryEveryMs > 0 && end > due) {
      ++overran;
      due = end;
    }
    if (queriesOut) std::fprintf(queriesOut, "%lld %.3f\n", static_cast<long long>(t - kT0), histMs.back());
  }
  if (queriesOut) std::fclose(queriesOut);
  const double cpuMsPerQuery = (cpuSeconds() - cpuBefore) * 1000 / static_cast<double>(std::max<std::size_t>(1, times.size()));
  for (std::size_t q = 0; a.baselines && q < std::max<std::size_t>(1, times.size() / 10); ++q) {
    const auto start = Clock::now();
    plain->stateAt(times[q], a.tags);
    plainMs.push_back(seconds(Clock::now() - start) * 1000);
  }
  std::printf("\nSTATE AT T  %d tags, %zu random T over %lld s of data (%zu tags in the last answer)\n", a.tags, histMs.size(),
              static_cast<long long>(a.seconds), tagsSeen);
  std::printf("  historian (snapshot + blocks)   p50 %8.2f ms  p99 %8.2f ms", percentile(histMs, 0.5), percentile(histMs, 0.99));
  std::printf("  CPU %.2f ms a query", cpuMsPerQuery);
  if (a.queryEveryMs > 0) std::printf("  (one every %d ms; %d overran)", a.queryEveryMs, overran);
  std::printf("\n");
  if (!a.baselines) return;
  std::printf("  plain SQLite (LIMIT 1 per tag)  p50 %8.2f ms  p99 %8.2f ms  (%zu queries)  -> plain/historian p50 ratio %.2f\n",
              percentile(plainMs, 0.5), percentile(plainMs, 0.99), plainMs.size(),
              percentile(plainMs, 0.5) / percentile(histMs, 0.5));
}

// A custom time slice for this thread and the threads it starts later (the historian's scan
// worker): EEVDF lets a task with a shorter slice preempt a running one on wake-up.
void askForSlice(int sliceUs) {
  struct SchedAttr {
    std::uint32_t size, policy;
    std::uint64_t flags;
    std::int32_t nice;
    std::uint32_t priority;
    std::uint64_t runtime, deadline, period;
  } attr{sizeof(SchedAttr), 0, 0, 0, 0, static_cast<std::uint64_t>(sliceUs) * 1000, 0, 0};
  if (syscall(SYS_sched_setattr, 0, &attr, 0) != 0) usageError("--slice-us: the kernel refused it (Linux 6.12 or later?)");
}

}  // namespace

int main(int argc, char** argv) {
  const Args a = parse(argc, argv);
  if (a.sliceUs > 0) askForSlice(a.sliceUs);
  if (!a.stateOf.empty()) {
    Args stateOnly = a;
    stateOnly.baselines = false;
    benchStateAt(stateOnly, a.stateOf, "");
    return 0;
  }
  std::filesystem::remove_all(a.dir);
  std::filesystem::create_directories(a.dir);
  const std::string histPath = a.dir + "/historian.db", plainPath = a.dir + "/plain.db", rawPath = a.dir + "/raw.bin";

  // Generate once, so every store ingests exactly the same values and generation is not timed.
  std::printf("generating %d tags x %lld s ...\n", a.tags, static_cast<long long>(a.seconds));
  const std::vector<double> values = SampleSource::generate(a.tags, a.seconds, 42);
  std::vector<std::string> names;
  for (int t = 0; t < a.tags; ++t) names.push_back("tag" + std::to_string(t));
  const double total = static_cast<double>(values.size());
  auto forEach = [&](const std::function<void(int, std::int64_t, double)>& put, const std::function<void()>& commit) {
    std::size_t n = 0;
    for (std::int64_t k = 0; k < a.seconds; ++k) {
      for (int t = 0; t < a.tags; ++t) {
        put(t, SampleSource::timestamp(kT0, k, t), values[static_cast<std::size_t>(k * a.tags + t)]);
        if (++n % a.batch == 0) commit();
      }
    }
    commit();
  };

  // --- ingest ---
  parktwin::store::HistorianOptions options;
  options.durability = a.fullSync ? parktwin::store::Durability::Full : parktwin::store::Durability::Normal;
  options.commit_every_samples = a.batch;
  options.fold_every_commits = a.foldEvery;
  options.write_behind = a.writeBehind;
  options.compact_segments = a.compact;
  options.commit_every_ms = 1'000'000'000;
  double histSeconds = 0, histCpuSeconds = 0;
  std::optional<parktwin::store::Historian> writer;  // --live: the writer stays open while stateAt is measured
  {
    writer.emplace(check(parktwin::store::Historian::open(histPath, options)));
    const double cpuStart = cpuSeconds();
    const auto start = Clock::now();
    forEach([&](int t, std::int64_t ts, double v) { check(writer->append(names[static_cast<std::size_t>(t)], ts, v)); },
            [] {});  // the historian commits every `batch` samples on its own
    check(writer->flush());
    if (!a.live) writer.reset();  // timed too: closing folds the last commits' tail into blocks
    histSeconds = seconds(Clock::now() - start);
    histCpuSeconds = cpuSeconds() - cpuStart;
  }
  double plainSeconds = 0;
  if (a.baselines) {
    parktwin::bench::PlainSqlite plain(plainPath, a.fullSync);
    const auto start = Clock::now();
    forEach([&](int t, std::int64_t ts, double v) { plain.append(t, ts, v); }, [&] { plain.commit(); });
    plainSeconds = seconds(Clock::now() - start);
    plain.checkpoint();
  }
  double rawSeconds = 0;
  if (a.baselines) {
    parktwin::bench::RawAppendFile raw(rawPath);
    const auto start = Clock::now();
    forEach([&](int t, std::int64_t ts, double v) { raw.append(t, ts, v); }, [&] { raw.commit(); });
    rawSeconds = seconds(Clock::now() - start);
  }
  const double histBytes = static_cast<double>(parktwin::bench::bytesOnDisk(histPath));
  double histPayload = 0;
  {
    auto h = check(parktwin::store::Historian::open(histPath, {.read_only = true}));
    for (const auto& t : check(h.summary())) histPayload += static_cast<double>(t.payload_bytes);
  }
  const double plainBytes = static_cast<double>(parktwin::bench::bytesOnDisk(plainPath));
  const double rawBytes = static_cast<double>(parktwin::bench::bytesOnDisk(rawPath));

  std::printf("\nINGEST  %d tags at 1 Hz, %lld s of data = %.0f samples, batch %zu, synchronous=%s, write-behind %s, group rows %s\n", a.tags,
              static_cast<long long>(a.seconds), total, a.batch, a.fullSync ? "FULL" : "NORMAL", a.writeBehind ? "on" : "off",
              a.compact ? "on" : "off");
  // The "vs historian" column only beside baselines that were run.
  std::printf("  %-28s %14s %14s%s\n", "store", "samples/s", "bytes/sample", a.baselines ? "     vs historian" : "");
  std::printf("  %-28s %14.0f %14.2f%s\n", "historian (blocks)", total / histSeconds, histBytes / total,
              a.baselines ? "            1.00x" : "");
  if (a.baselines) {
    std::printf("  %-28s %14.0f %14.2f %9.2fx speed\n", "plain SQLite row/sample", total / plainSeconds, plainBytes / total,
                plainSeconds / histSeconds);
    std::printf("  %-28s %14.0f %14.2f %9.2fx speed\n", "raw append+fsync (20 B)", total / rawSeconds, rawBytes / total,
                rawSeconds / histSeconds);
  }
  std::printf("  historian ingest took %.2f s wall, %.2f s CPU (%.0f samples per CPU second)\n", histSeconds, histCpuSeconds,
              total / histCpuSeconds);
  std::printf("  historian block payload alone: %.2f bytes/sample (the rest is SQLite pages, indexes, snapshots)\n",
              histPayload / total);
  if (a.baselines) {
    std::printf("  historian ingest is %.2fx plain SQLite and %.2fx raw append; it stores %.1fx fewer bytes than plain SQLite "
                "and %.1fx fewer than raw\n",
                plainSeconds / histSeconds, rawSeconds / histSeconds, plainBytes / histBytes, rawBytes / histBytes);
  }

  // --- stateAt ---
  benchStateAt(a, histPath, plainPath);

  // --- downsample: one tag, one year at 1-minute resolution, to 1000 buckets ---
  {
    const std::string yearHist = a.dir + "/year.db", yearPlain = a.dir + "/year_plain.db";
    const std::int64_t minutes = 365LL * 24 * 60, year = minutes * 60'000;
    std::mt19937_64 rng(7);
    std::normal_distribution<double> step(0.0, 0.05);
    {
      auto h = check(parktwin::store::Historian::open(yearHist, options));
      std::optional<parktwin::bench::PlainSqlite> plain;
      if (a.baselines) plain.emplace(yearPlain, a.fullSync);
      double w = 50;
      for (std::int64_t m = 0; m < minutes; ++m) {
        w += step(rng);
        const double v = std::round(w * 100) / 100;
        check(h.append("furnace.temp", kT0 + m * 60'000, v));
        if (!plain) continue;
        plain->append(0, kT0 + m * 60'000, v);
        if (m % 100'000 == 0) plain->commit();
      }
      check(h.flush());
    }
    auto h = check(parktwin::store::Historian::open(yearHist, {.read_only = true}));
    std::optional<parktwin::bench::PlainSqlite> plain;
    if (a.baselines) plain.emplace(yearPlain, a.fullSync);
    std::vector<double> histMs, plainMs;
    for (int q = 0; q < 21; ++q) {
      auto start = Clock::now();
      const auto buckets = check(h.downsample("furnace.temp", kT0, kT0 + year, 1000));
      histMs.push_back(seconds(Clock::now() - start) * 1000);
      if (buckets.size() != 1000) std::exit(1);
      if (!plain) continue;
      start = Clock::now();
      plain->downsample(0, kT0, kT0 + year, 1000);
      plainMs.push_back(seconds(Clock::now() - start) * 1000);
    }
    std::printf("\nDOWNSAMPLE  1 tag, 1 year at 1/min (%lld samples) -> 1000 buckets (min/max/mean/last/count)\n",
                static_cast<long long>(minutes));
    std::printf("  historian     p50 %8.2f ms   %.2f bytes/sample on disk\n", percentile(histMs, 0.5),
                static_cast<double>(parktwin::bench::bytesOnDisk(yearHist)) / static_cast<double>(minutes));
    if (plain) {
      std::printf("  plain SQLite  p50 %8.2f ms   %.2f bytes/sample on disk  -> plain/historian ratio %.2f\n",
                  percentile(plainMs, 0.5), static_cast<double>(parktwin::bench::bytesOnDisk(yearPlain)) / static_cast<double>(minutes),
                  percentile(plainMs, 0.5) / percentile(histMs, 0.5));
    }
  }
  // The default folder holds ~800 MB after a default run; a --dir given is the caller's to keep.
  writer.reset();  // --live kept it open
  if (!a.keepFiles) std::filesystem::remove_all(a.dir);
  return 0;
}
