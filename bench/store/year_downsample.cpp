#include "year_downsample.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

namespace parktwin::bench {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::int64_t kStart = 1'780'000'000'000;  // 2026-05-28: the year spans 13 monthly partitions
constexpr std::int64_t kYearMs = 365LL * 86'400'000;
constexpr std::size_t kPoints = 1000;
constexpr const char* kTag = "bench.year";

// A furnace temperature as historian_bench's year: a random walk quantised to 0.01.
bool write(store::Store& store, const YearArgs& a) {
  std::mt19937_64 rng(7);
  std::normal_distribution<double> step(0.0, 0.05);
  double walk = 50;
  const std::int64_t samples = kYearMs / (a.step_s * 1000LL);
  for (std::int64_t k = 0; k < samples; ++k) {
    walk += step(rng);
    if (!store.append(kTag, kStart + k * a.step_s * 1000LL, std::round(walk * 100) / 100)) return false;
    if ((k + 1) % a.batch == 0 && !store.flush()) return false;
  }
  auto flushed = store.flush();
  if (!flushed) std::fprintf(stderr, "store_bench: %s: %s\n", store.describe().c_str(), flushed.error().message.c_str());
  return bool(flushed);
}

struct Timed {
  std::vector<double> ms;
  std::vector<store::Bucket> buckets;
  double at(double p) {
    std::sort(ms.begin(), ms.end());
    return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * static_cast<double>(ms.size())))];
  }
};

bool downsample(store::Store& store, int queries, Timed& out) {
  for (int q = 0; q < queries; ++q) {
    const auto start = Clock::now();
    auto buckets = store.downsample(kTag, kStart, kStart + kYearMs, kPoints);
    out.ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    if (!buckets || buckets->size() != kPoints) {
      std::fprintf(stderr, "store_bench: %s: downsample gave %s\n", store.describe().c_str(),
                   buckets ? (std::to_string(buckets->size()) + " buckets").c_str() : buckets.error().message.c_str());
      return false;
    }
    out.buckets = std::move(*buckets);
  }
  return true;
}

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

// Sums differ in order between the engines: the mean agrees to rounding, the rest exactly.
bool sameBuckets(const std::vector<store::Bucket>& a, const std::vector<store::Bucket>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto &x = a[i], &y = b[i];
    const bool meanClose = same(x.mean, y.mean) || std::abs(x.mean - y.mean) <= 1e-9 * std::abs(x.mean);
    if (x.t_start_ms != y.t_start_ms || x.t_end_ms != y.t_end_ms || x.count != y.count || !same(x.min, y.min) ||
        !same(x.max, y.max) || !same(x.last, y.last) || !meanClose) {
      std::fprintf(stderr, "store_bench: bucket %zu differs: count %llu / %llu, min %g / %g, max %g / %g, last %g / %g\n", i,
                   static_cast<unsigned long long>(x.count), static_cast<unsigned long long>(y.count), x.min, y.min, x.max,
                   y.max, x.last, y.last);
      return false;
    }
  }
  return true;
}

}  // namespace

int runYearDownsample(const std::string& sqlitePath, const std::string& clusterUri, const YearArgs& a) {
  if (a.step_s <= 0) return 0;
  auto sqliteStore = store::openStore("sqlite:" + sqlitePath);
  auto clusterStore = store::openStore(clusterUri);
  if (!sqliteStore || !clusterStore) {
    std::fprintf(stderr, "store_bench: %s\n", (!sqliteStore ? sqliteStore : clusterStore).error().message.c_str());
    return 1;
  }
  store::Store& sqlite = **sqliteStore;
  store::Store& cluster = **clusterStore;
  const long long samples = kYearMs / (a.step_s * 1000LL);
  auto start = Clock::now();
  if (!write(sqlite, a)) return 1;
  const double sqliteWriteS = std::chrono::duration<double>(Clock::now() - start).count();
  start = Clock::now();
  if (!write(cluster, a)) return 1;
  const double clusterWriteS = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("\nyear: 1 tag, 365 days, a sample every %d s = %lld samples; written in %.1f s (SQLite), %.1f s (cluster)\n",
              a.step_s, samples, sqliteWriteS, clusterWriteS);
  Timed s, h;
  // Alternating, so that both see the same moments of a loaded machine.
  for (int q = 0; q < a.queries; ++q) {
    if (!downsample(sqlite, 1, s) || !downsample(cluster, 1, h)) return 1;
  }
  std::printf("downsample 1 year -> %zu SQLite historian    p50 %8.2f ms  p99 %8.2f ms\n", kPoints, s.at(0.5), s.at(0.99));
  std::printf("downsample 1 year -> %zu ClickHouse 2 shards p50 %8.2f ms  p99 %8.2f ms   p50 ratio cluster/SQLite %.2f\n",
              kPoints, h.at(0.5), h.at(0.99), h.at(0.5) / s.at(0.5));
  if (!sameBuckets(s.buckets, h.buckets)) return 1;
  std::printf("answers: the same %zu buckets from both\n", kPoints);
  return 0;
}

}  // namespace parktwin::bench
