// store_bench: the ClickHouse store against the SQLite historian on the same generated data in
// one run (issue 20's benchmark, storage half): ingest samples/s through the Store interface
// (flush every --batch samples, so both make the same promise: flushed = durable), and stateAt
// latency (p50, p99) at --tags tags. Prints ratios cluster / SQLite. With --history-tags N, also
// the long-history case (history_bench.hpp): stateAt's windowed query against the scan on days
// of data; --tags 0 runs that case alone. With --influx-lines FILE, the ingest data is also
// written to FILE as InfluxDB line protocol, for bench/historian/influx_baseline.py --lines
// (the third store on the same data). --year-step S > 0: one tag over a year downsampled to
// 1,000 points on both (year_downsample.hpp).
// Usage: store_bench --uri clickhouse://127.0.0.1:PORT/parktwin [--tags N] [--seconds S]
//                    [--batch B] [--queries Q] [--dir DIR] [--influx-lines FILE]
//                    [--year-step S] [--year-queries Q]
//                    [--history-tags N] [--history-days D] [--history-step S] [--history-queries Q]
//                    (scripts/bench-store runs it)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "history_bench.hpp"
#include "year_downsample.hpp"
#include "parktwin/store/store.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Args {
  std::string uri;
  std::string dir = "/tmp";
  int tags = 10'000;
  int seconds = 60;
  int batch = 100'000;
  int queries = 200;
  std::string influxLines;
  parktwin::bench::YearArgs year{0, 21, 100'000};
  parktwin::bench::HistoryArgs history;
};

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--uri") a.uri = v;
    else if (k == "--dir") a.dir = v;
    else if (k == "--tags") a.tags = std::atoi(v.c_str());
    else if (k == "--seconds") a.seconds = std::atoi(v.c_str());
    else if (k == "--batch") a.batch = std::atoi(v.c_str());
    else if (k == "--queries") a.queries = std::atoi(v.c_str());
    else if (k == "--influx-lines") a.influxLines = v;
    else if (k == "--year-step") a.year.step_s = std::atoi(v.c_str());
    else if (k == "--year-queries") a.year.queries = std::atoi(v.c_str());
    else if (k == "--history-tags") a.history.tags = std::atoi(v.c_str());
    else if (k == "--history-days") a.history.days = std::atoi(v.c_str());
    else if (k == "--history-step") a.history.step_s = std::atoi(v.c_str());
    else if (k == "--history-queries") a.history.queries = std::atoi(v.c_str());
    else {
      std::fprintf(stderr, "store_bench: unknown option %s\n", k.c_str());
      std::exit(2);
    }
  }
  if (a.uri.empty()) {
    std::fprintf(stderr, "store_bench: --uri clickhouse://HOST:PORT/DB is required (scripts/bench-store)\n");
    std::exit(2);
  }
  a.history.uri = a.uri;
  a.year.batch = a.batch;
  return a;
}

constexpr std::int64_t kT0 = 1'780'000'000'000;

double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// Every tag once per second, in time order, a random walk per tag (the same seed for every
// store): onSample(tag index, ts_ms, value).
template <typename OnSample>
void generate(const Args& a, OnSample&& onSample) {
  std::mt19937_64 random(7);
  std::vector<double> value(static_cast<std::size_t>(a.tags), 100.0);
  for (int s = 0; s < a.seconds; ++s) {
    for (int t = 0; t < a.tags; ++t) {
      value[static_cast<std::size_t>(t)] += static_cast<double>(static_cast<int>(random() % 201) - 100) / 100.0;
      onSample(t, kT0 + s * 1000, value[static_cast<std::size_t>(t)]);
    }
  }
}

std::string tagName(int t) { return "bench.tag" + std::to_string(t); }

double ingest(parktwin::store::Store& store, const Args& a) {
  std::vector<std::string> names;
  for (int t = 0; t < a.tags; ++t) names.push_back(tagName(t));
  const auto start = Clock::now();
  std::int64_t pending = 0;
  const auto flush = [&] {
    if (auto f = store.flush(); !f) {
      std::fprintf(stderr, "%s: %s\n", store.describe().c_str(), f.error().message.c_str());
      std::exit(1);
    }
  };
  generate(a, [&](int t, std::int64_t ts, double v) {
    if (!store.append(names[static_cast<std::size_t>(t)], ts, v)) std::exit(1);
    if (++pending >= a.batch) {
      flush();
      pending = 0;
    }
  });
  flush();
  return static_cast<double>(a.tags) * a.seconds / seconds(Clock::now() - start);
}

// The same samples as line protocol (measurement m, tag key id, field v, ms timestamps), every
// double in the shortest text that reads back as itself, so InfluxDB stores the same values.
void writeInfluxLines(const Args& a) {
  std::ofstream out(a.influxLines);
  char line[128];
  generate(a, [&](int t, std::int64_t ts, double v) {
    const int n = std::snprintf(line, sizeof line, "m,id=bench.tag%d v=%.17g %lld\n", t, v, static_cast<long long>(ts));
    out.write(line, n);
  });
  if (!out) {
    std::fprintf(stderr, "store_bench: cannot write %s\n", a.influxLines.c_str());
    std::exit(1);
  }
}

struct Latency {
  double p50_ms, p99_ms;
};

Latency stateAtLatency(parktwin::store::Store& store, const Args& a) {
  std::mt19937_64 random(11);
  std::vector<double> ms;
  for (int q = 0; q < a.queries; ++q) {
    const std::int64_t t = kT0 + static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(a.seconds * 1000));
    const auto start = Clock::now();
    auto state = store.stateAt(t);
    ms.push_back(seconds(Clock::now() - start) * 1000);
    if (!state || state->size() != static_cast<std::size_t>(a.tags)) {
      std::fprintf(stderr, "%s: stateAt gave %s\n", store.describe().c_str(),
                   state ? (std::to_string(state->size()) + " tags").c_str() : state.error().message.c_str());
      std::exit(1);
    }
  }
  std::sort(ms.begin(), ms.end());
  const auto at = [&](double p) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * static_cast<double>(ms.size())))]; };
  return {at(0.50), at(0.99)};
}

}  // namespace

int main(int argc, char** argv) {
  const Args a = parse(argc, argv);
  if (a.tags <= 0) return a.history.tags > 0 ? parktwin::bench::runHistory(a.history) : 0;
  const std::string db = a.dir + "/store_bench.db";
  std::filesystem::remove(db);
  std::filesystem::remove(db + "-wal");
  const std::string park = "bench" + std::to_string(std::chrono::system_clock::now().time_since_epoch().count() % 1'000'000'000);
  const std::string uri = a.uri + (a.uri.find('?') == std::string::npos ? "?" : "&") + "park=" + park + "&spool=" + a.dir +
                          "/store_bench_spool";
  auto sqlite = parktwin::store::openStore("sqlite:" + db);
  auto house = parktwin::store::openStore(uri);
  if (!sqlite || !house) {
    std::fprintf(stderr, "store_bench: %s\n", (!sqlite ? sqlite : house).error().message.c_str());
    return 1;
  }
  std::printf("store_bench: %d tags x %d s at 1 Hz = %d samples, flush every %d, %d stateAt queries\n", a.tags, a.seconds,
              a.tags * a.seconds, a.batch, a.queries);
  if (!a.influxLines.empty()) writeInfluxLines(a);
  const double sqliteRate = ingest(**sqlite, a);
  const double houseRate = ingest(**house, a);
  std::printf("ingest  SQLite historian   %12.0f samples/s\n", sqliteRate);
  std::printf("ingest  ClickHouse 2 shards %11.0f samples/s   ratio cluster/SQLite %.2f\n", houseRate, houseRate / sqliteRate);
  const Latency s = stateAtLatency(**sqlite, a);
  const Latency h = stateAtLatency(**house, a);
  std::printf("stateAt SQLite historian    p50 %8.2f ms  p99 %8.2f ms\n", s.p50_ms, s.p99_ms);
  std::printf("stateAt ClickHouse 2 shards p50 %8.2f ms  p99 %8.2f ms   p99 ratio cluster/SQLite %.2f\n", h.p50_ms,
              h.p99_ms, h.p99_ms / s.p99_ms);
  sqlite->reset();
  for (const std::string& file : {db, a.dir + "/year.db"}) {
    std::filesystem::remove(file);
    std::filesystem::remove(file + "-wal");
    std::filesystem::remove(file + "-shm");
  }
  if (parktwin::bench::runYearDownsample(a.dir + "/year.db", a.uri + (a.uri.find('?') == std::string::npos ? "?" : "&") +
                                         "park=year" + park + "&spool=" + a.dir + "/year_spool", a.year) != 0) {
    return 1;
  }
  return a.history.tags > 0 ? parktwin::bench::runHistory(a.history) : 0;
}
