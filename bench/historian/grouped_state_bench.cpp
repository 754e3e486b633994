// grouped_state_bench: stateAt on the historian's group rows (schema 8, issue 21's goals: p99
// <= 5 ms at 10k tags, <= 30 ms at 100k), against the same historian with compaction off (every
// block a row, as schema 7 kept them) and against the prototype the layout came from (every tag's
// block sealed at common segment boundaries, `group` tags' blocks of a segment in one row).
//
// The three are written from the same generated data (historian_bench's source) and queried at
// the same instants: random ones, and instants in the first second of a segment, where some
// tags' last sample is still in the segment before. Every answer of each is checked against the
// generated values themselves, and one tag's whole history (what a chart reads; a group row holds
// 48 tags' blocks) is compared sample by sample. For each layout: stateAt p50 / p99 for both
// kinds of instant, bytes per sample, the history's time; and the ingest CPU the compaction costs.
// Usage: grouped_state_bench [--tags N] [--seconds S] [--segment-s G] [--group K] [--queries Q] [--dir D]
#include <sqlite3.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <random>
#include <semaphore>
#include <string>
#include <thread>
#include <vector>

#include "parktwin/store/block_codec.hpp"
#include "parktwin/store/historian.hpp"
#include "bench_util.hpp"
#include "sample_source.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using parktwin::bench::SampleSource;
using parktwin::bench::check;
using parktwin::bench::kT0;
using parktwin::bench::percentile;
using parktwin::store::Sample;

struct Args {
  int tags = 10'000;
  std::int64_t seconds = 3600;
  std::int64_t segmentSeconds = 240;  // the historian's blocks here span ~240 s (255 s at most)
  int group = 48;  // the fewest bytes of 16, 20, 24, 48 and 64 at 10k tags (SQLite's page fill)
  int queries = 300;
  std::string dir = "/tmp/parktwin-grouped-bench";
};

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--tags") a.tags = std::stoi(v);
    else if (k == "--seconds") a.seconds = std::stoll(v);
    else if (k == "--segment-s") a.segmentSeconds = std::stoll(v);
    else if (k == "--group") a.group = std::stoi(v);
    else if (k == "--queries") a.queries = std::stoi(v);
    else if (k == "--dir") a.dir = v;
    else {
      std::fprintf(stderr, "unknown option %s\n", k.c_str());
      std::exit(2);
    }
  }
  return a;
}

void checkSql(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::fprintf(stderr, "grouped_state_bench: %s: %s\n", what, sqlite3_errmsg(db));
    std::exit(1);
  }
}

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// A grouped row's payload: for each of its tags, a varint length and that tag's block.
void putVarint(std::vector<std::uint8_t>& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<std::uint8_t>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<std::uint8_t>(v));
}
// The next block of a grouped row, or an error where the row is cut short.
parktwin::Result<std::span<const std::uint8_t>> nextBlock(const std::uint8_t*& p, const std::uint8_t* end) {
  std::uint64_t length = 0;
  for (int shift = 0;; shift += 7) {
    if (p == end || shift > 63) return parktwin::fail("grouped row: corrupt block length");
    const std::uint8_t b = *p++;
    length |= static_cast<std::uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) break;
  }
  if (length > static_cast<std::uint64_t>(end - p)) return parktwin::fail("grouped row: block runs past the row");
  const std::span<const std::uint8_t> block(p, static_cast<std::size_t>(length));
  p += length;
  return block;
}

// The grouped file: row id = segment * groups + group + 1, so a stateAt reads one id range.
class GroupedFile {
 public:
  GroupedFile(const std::string& path, const Args& a) : a_(a), groups_((a.tags + a.group - 1) / a.group) {
    checkSql(sqlite3_open(path.c_str(), &db_), db_, "open");
    // The historian's readers map the file (4 GiB of mmap): the same here, so pages are not copied in.
    checkSql(sqlite3_exec(db_, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA mmap_size=4294967296;", nullptr, nullptr,
                          nullptr),
             db_, "pragma");
    checkSql(sqlite3_exec(db_, "CREATE TABLE IF NOT EXISTS grouped(id INTEGER PRIMARY KEY, payload BLOB NOT NULL)", nullptr, nullptr, nullptr),
             db_, "create");
    checkSql(sqlite3_prepare_v2(db_, "SELECT id, payload FROM grouped WHERE id >= ?1 AND id < ?2", -1, &range_, nullptr), db_, "prepare");
  }
  ~GroupedFile() {
    sqlite3_finalize(range_);
    sqlite3_close(db_);
  }
  GroupedFile(const GroupedFile&) = delete;
  GroupedFile& operator=(const GroupedFile&) = delete;

  int groups() const { return groups_; }
  std::int64_t segmentOf(std::int64_t t) const { return (t - kT0) / (a_.segmentSeconds * 1000); }

  // Writes every segment of `values` (second-major, as historian_bench generates them).
  void write(const std::vector<double>& values) {
    checkSql(sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr), db_, "begin");
    sqlite3_stmt* insert = nullptr;
    checkSql(sqlite3_prepare_v2(db_, "INSERT INTO grouped(id, payload) VALUES (?, ?)", -1, &insert, nullptr), db_, "prepare insert");
    std::vector<Sample> samples;
    std::vector<std::uint8_t> row;
    const std::int64_t segments = (a_.seconds + a_.segmentSeconds - 1) / a_.segmentSeconds;
    for (std::int64_t seg = 0; seg < segments; ++seg) {
      const std::int64_t k1 = std::min(a_.seconds, (seg + 1) * a_.segmentSeconds);
      for (int g = 0; g < groups_; ++g) {
        row.clear();
        for (int t = g * a_.group; t < std::min(a_.tags, (g + 1) * a_.group); ++t) {
          samples.clear();
          for (std::int64_t k = seg * a_.segmentSeconds; k < k1; ++k) {
            samples.push_back({SampleSource::timestamp(kT0, k, t), values[static_cast<std::size_t>(k * a_.tags + t)]});
          }
          const auto block = parktwin::store::encodeBlock(samples);
          putVarint(row, block.size());
          row.insert(row.end(), block.begin(), block.end());
        }
        sqlite3_bind_int64(insert, 1, seg * groups_ + g + 1);
        sqlite3_bind_blob(insert, 2, row.data(), static_cast<int>(row.size()), SQLITE_STATIC);
        checkSql(sqlite3_step(insert), db_, "insert");
        sqlite3_reset(insert);
      }
    }
    sqlite3_finalize(insert);
    checkSql(sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr), db_, "commit");
    checkSql(sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr), db_, "checkpoint");
  }

  // Each tag of groups [g0, g1) of segment `seg` that has no answer yet: its last sample at or
  // before T, where the segment has one.
  parktwin::Result<void> stateOf(std::int64_t seg, int g0, int g1, std::int64_t t, std::vector<std::optional<Sample>>& out) {
    sqlite3_bind_int64(range_, 1, seg * groups_ + g0 + 1);
    sqlite3_bind_int64(range_, 2, seg * groups_ + g1 + 1);
    parktwin::Result<void> result;
    while (result && sqlite3_step(range_) == SQLITE_ROW) {
      const int g = static_cast<int>((sqlite3_column_int64(range_, 0) - 1) % groups_);
      const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(range_, 1));
      const auto* end = p + sqlite3_column_bytes(range_, 1);
      for (int tag = g * a_.group; result && tag < std::min(a_.tags, (g + 1) * a_.group); ++tag) {
        auto block = nextBlock(p, end);
        if (!block) result = std::unexpected(block.error());
        else if (!out[static_cast<std::size_t>(tag)]) {
          auto last = parktwin::store::decodeLastAtOrBefore(*block, t);
          if (!last) result = std::unexpected(last.error());
          else if (*last) out[static_cast<std::size_t>(tag)] = **last;
        }
      }
    }
    sqlite3_reset(range_);
    return result;
  }

  // One tag's whole history, as a chart reads it: every segment's row of its group.
  std::vector<Sample> historyOf(int tag) {
    const int g = tag / a_.group;
    std::vector<Sample> out;
    sqlite3_stmt* one = nullptr;
    checkSql(sqlite3_prepare_v2(db_, "SELECT payload FROM grouped WHERE id = ?", -1, &one, nullptr), db_, "prepare one");
    for (std::int64_t seg = 0; seg * a_.segmentSeconds < a_.seconds; ++seg) {
      sqlite3_bind_int64(one, 1, seg * groups_ + g + 1);
      if (sqlite3_step(one) == SQLITE_ROW) {
        const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(one, 0));
        const auto* end = p + sqlite3_column_bytes(one, 0);
        for (int t = g * a_.group; t <= tag; ++t) {
          const auto block = check(nextBlock(p, end));
          if (t == tag) {
            const auto samples = check(parktwin::store::decodeBlock(block));
            out.insert(out.end(), samples.begin(), samples.end());
          }
        }
      }
      sqlite3_reset(one);
    }
    sqlite3_finalize(one);
    return out;
  }

 private:
  Args a_;
  int groups_;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* range_ = nullptr;
};

// One kept thread for the second half of the groups, as the historian keeps one for stateAt
// (a thread started per query would cost its start-up in every measurement). Each post() is
// followed by its wait() before the next post() or the destructor.
class Worker {
 public:
  ~Worker() {
    stop_ = true;
    start_.release();
    thread_.join();
  }
  void post(std::function<void()> job) {
    job_ = std::move(job);
    start_.release();
  }
  void wait() { done_.acquire(); }

 private:
  std::binary_semaphore start_{0}, done_{0};
  std::function<void()> job_;
  bool stop_ = false;  // written before start_.release(), read after its acquire
  std::thread thread_{[this] {
    for (;;) {
      start_.acquire();
      if (stop_) return;
      job_();
      done_.release();
    }
  }};
};

// The instants both layouts are asked for: random ones, and ones in the first second of a
// segment (where some tags' last sample is in the segment before).
struct Instants {
  std::vector<std::int64_t> random, boundary;
};

Instants pickInstants(const Args& a) {
  std::mt19937_64 rng(1);
  Instants out;
  for (int q = 0; q < a.queries; ++q) {
    out.random.push_back(kT0 + 1000 + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(a.seconds * 1000 - 1000)));
  }
  const std::int64_t segments = (a.seconds + a.segmentSeconds - 1) / a.segmentSeconds;
  for (int q = 0; segments > 1 && q < std::max(10, a.queries / 10); ++q) {
    const auto seg = 1 + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(segments - 1));
    out.boundary.push_back(kT0 + seg * a.segmentSeconds * 1000 + static_cast<std::int64_t>(rng() % 1000));
  }
  return out;
}

void writeHistorian(const std::string& path, const Args& a, const std::vector<double>& values, const std::vector<std::string>& names,
                    bool groupRows) {
  parktwin::store::HistorianOptions options;
  options.compact_segments = groupRows;
  options.commit_every_samples = 100'000;
  options.commit_every_ms = 1'000'000'000;
  auto h = check(parktwin::store::Historian::open(path, options));
  for (std::int64_t k = 0; k < a.seconds; ++k) {
    for (int t = 0; t < a.tags; ++t) {
      check(h.append(names[static_cast<std::size_t>(t)], SampleSource::timestamp(kT0, k, t), values[static_cast<std::size_t>(k * a.tags + t)]));
    }
  }
  check(h.flush());
}

// The oracle: the generated values. Tag t's sample of second k is at timestamp(kT0, k, t).
struct Truth {
  const Args& a;
  const std::vector<double>& values;
  Sample at(int t, std::int64_t k) const { return {SampleSource::timestamp(kT0, k, t), values[static_cast<std::size_t>(k * a.tags + t)]}; }
  Sample lastAtOrBefore(int t, std::int64_t ts) const { return at(t, std::min(a.seconds - 1, (ts - kT0 - t % 1000) / 1000)); }
};

bool same(const Sample& x, const Sample& y) { return x.ts_ms == y.ts_ms && x.value == y.value; }

// Each tag's answer by tag index ("tag<index>"), as every layout reports it.
using State = std::vector<std::optional<Sample>>;

// A layout under test: its stateAt, timed by the caller, and the times it took.
struct Layout {
  std::string name;
  std::function<void(std::int64_t t, State& out)> stateAt;
  std::vector<double> random, boundary;
};

// Every layout's stateAt at the same instants, one after the other at each, every answer
// checked against the truth.
class Comparison {
 public:
  Comparison(const Truth& truth, std::vector<Layout>& layouts) : truth_(truth), layouts_(layouts), state_(static_cast<std::size_t>(truth.a.tags)) {}

  void measure(const std::vector<std::int64_t>& times, bool boundary) {
    for (const std::int64_t t : times) {
      for (Layout& layout : layouts_) {
        std::fill(state_.begin(), state_.end(), std::nullopt);
        const auto start = Clock::now();
        layout.stateAt(t, state_);
        (boundary ? layout.boundary : layout.random).push_back(ms(Clock::now() - start));
        checkAnswers(t);
      }
    }
  }
  std::size_t checked() const { return checked_; }
  std::size_t wrong() const { return wrong_; }

 private:
  void checkAnswers(std::int64_t t) {
    for (int tag = 0; tag < truth_.a.tags; ++tag) {
      const auto& got = state_[static_cast<std::size_t>(tag)];
      ++checked_;
      if (!got || !same(*got, truth_.lastAtOrBefore(tag, t))) ++wrong_;
    }
  }

  const Truth& truth_;
  std::vector<Layout>& layouts_;
  State state_;
  std::size_t checked_ = 0, wrong_ = 0;
};

// The historian's own stateAt (outside the timing: none, it returns names; they are mapped after).
Layout historianLayout(std::string name, parktwin::store::Historian& historian) {
  return {std::move(name), [&historian](std::int64_t t, State& out) {
            for (const auto& e : check(historian.stateAt(t))) out[static_cast<std::size_t>(std::stoi(e.tag.substr(3)))] = Sample{e.ts_ms, e.value};
          }, {}, {}};
}

// The prototype: T's segment's rows, half on each thread, then the segment before for tags
// whose first sample of T's segment is after T.
Layout groupedLayout(GroupedFile& grouped, GroupedFile& second, Worker& worker) {
  const auto segment = [&grouped, &second, &worker](std::int64_t seg, std::int64_t t, State& out) {
    const int half = grouped.groups() / 2;
    parktwin::Result<void> secondHalf;
    worker.post([&] { secondHalf = second.stateOf(seg, half, second.groups(), t, out); });
    auto firstHalf = grouped.stateOf(seg, 0, half, t, out);
    worker.wait();
    check(std::move(firstHalf));
    check(std::move(secondHalf));
  };
  return {"grouped rows (prototype)", [&grouped, segment](std::int64_t t, State& out) {
            const std::int64_t seg = grouped.segmentOf(t);
            segment(seg, t, out);
            if (seg > 0 && std::any_of(out.begin(), out.end(), [](const auto& s) { return !s; })) segment(seg - 1, t, out);
          }, {}, {}};
}

// One tag's whole history, as a chart reads it, from each layout: the times, and whether each
// holds exactly the generated samples.
struct HistoryRead {
  std::vector<double> ms;  // per source, in the order read
  std::size_t samples = 0;
  bool right = true;
};

void checkHistory(const Truth& truth, int tag, const std::vector<Sample>& got, HistoryRead& out) {
  out.samples = got.size();
  out.right = out.right && got.size() == static_cast<std::size_t>(truth.a.seconds);
  for (std::size_t k = 0; out.right && k < got.size(); ++k) out.right = same(got[k], truth.at(tag, static_cast<std::int64_t>(k)));
}

double cpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

void printRow(const Layout& layout, double bytesPerSample, double historyMs) {
  std::printf("  %-44s %9.2f %9.2f %14.2f %14.2f %13.3f %16.2f\n", layout.name.c_str(), percentile(layout.random, 0.5),
              percentile(layout.random, 0.99), percentile(layout.boundary, 0.5), percentile(layout.boundary, 0.99), bytesPerSample, historyMs);
}

}  // namespace

int main(int argc, char** argv) {
  const Args a = parse(argc, argv);
  std::filesystem::remove_all(a.dir);
  std::filesystem::create_directories(a.dir);
  const std::string rowsPath = a.dir + "/rows.db", histPath = a.dir + "/historian.db", groupedPath = a.dir + "/grouped.db";

  const std::vector<double> values = SampleSource::generate(a.tags, a.seconds, 42);
  std::vector<std::string> names;
  for (int t = 0; t < a.tags; ++t) names.push_back("tag" + std::to_string(t));
  // The historian's file with its group rows (schema 8, the default), and the same with
  // compaction off: every block a row, as schema 7 kept them. Ingest CPU of each, closing included.
  double cpu = cpuSeconds();
  writeHistorian(rowsPath, a, values, names, false);
  const double rowsCpu = cpuSeconds() - cpu;
  cpu = cpuSeconds();
  writeHistorian(histPath, a, values, names, true);
  const double groupsCpu = cpuSeconds() - cpu;
  GroupedFile grouped(groupedPath, a);
  grouped.write(values);
  GroupedFile second(groupedPath, a);  // the second thread's connection
  const double total = static_cast<double>(values.size());

  auto rows = check(parktwin::store::Historian::open(rowsPath, {.read_only = true}));
  auto historian = check(parktwin::store::Historian::open(histPath, {.read_only = true}));
  Worker worker;
  std::vector<Layout> layouts{historianLayout("historian, block rows only (compaction off)", rows),
                              historianLayout("historian, group rows (the default)", historian), groupedLayout(grouped, second, worker)};
  const Truth truth{a, values};
  const Instants instants = pickInstants(a);
  Comparison comparison(truth, layouts);
  comparison.measure(instants.random, false);
  comparison.measure(instants.boundary, true);

  // One tag's history from each, timed and checked sample by sample.
  const int tag = a.tags / 2;
  const std::int64_t t1 = kT0 + a.seconds * 1000;
  HistoryRead history;
  const auto timed = [&](auto read) {
    const auto start = Clock::now();
    const auto samples = read();
    history.ms.push_back(ms(Clock::now() - start));
    checkHistory(truth, tag, samples, history);
  };
  timed([&] { return check(rows.samplesBetween(names[static_cast<std::size_t>(tag)], kT0, t1)); });
  timed([&] { return check(historian.samplesBetween(names[static_cast<std::size_t>(tag)], kT0, t1)); });
  timed([&] { return grouped.historyOf(tag); });

  std::printf("stateAt, %d tags x %lld s at 1 Hz, %zu random T and %zu T in a segment's first second; prototype: %lld s segments, "
              "%d tags a row (%d rows a segment), blocks sealed at their boundaries\n",
              a.tags, static_cast<long long>(a.seconds), instants.random.size(), instants.boundary.size(),
              static_cast<long long>(a.segmentSeconds), a.group, grouped.groups());
  std::printf("  %-44s %9s %9s %14s %14s %13s %16s\n", "layout", "p50 ms", "p99 ms", "boundary p50", "boundary p99", "bytes/sample",
              "1 tag history ms");
  const auto perSample = [&](const std::string& path) { return static_cast<double>(parktwin::store::bytesOnDisk(path)) / total; };
  printRow(layouts[0], perSample(rowsPath), history.ms[0]);
  printRow(layouts[1], perSample(histPath), history.ms[1]);
  printRow(layouts[2], perSample(groupedPath), history.ms[2]);
  std::printf("  ingest CPU, closing included: group rows %.2f s / block rows only %.2f s = %.2f\n", groupsCpu, rowsCpu, groupsCpu / rowsCpu);
  const std::size_t expectedChecks = layouts.size() * static_cast<std::size_t>(a.tags) * (instants.random.size() + instants.boundary.size());
  std::printf("  answers checked against the generated values: %zu of %zu, wrong %zu; one tag's history (%zu samples) %s\n",
              comparison.checked(), expectedChecks, comparison.wrong(), history.samples,
              history.right ? "the same in all three, sample by sample" : "DIFFERS");
  return comparison.wrong() == 0 && comparison.checked() == expectedChecks && history.right ? 0 : 1;
}
