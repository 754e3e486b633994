// The long-history case of store_bench. Rows read come from system.query_log on the node the
// URI names: an initial query's read_rows there counts what every shard read for it (checked
// against the shards' own entries on 18.16), so the sum over a stateAt's queries is its cost.
// scripts/bench-store turns log_queries on for its cluster.
#include "history_bench.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "clickhouse_http.hpp"
#include "parktwin/store/store.hpp"
#include "parktwin/store/store_uri.hpp"

namespace parktwin::bench {
namespace {

using Clock = std::chrono::steady_clock;
using store::clickhouse::HttpClient;

constexpr std::int64_t kStart = 1'780'000'000'000;  // 2026-05-28: 30 days span two monthly partitions
constexpr std::int64_t kDayMs = 86'400'000;

bool run(HttpClient& http, const std::string& sql, std::string* out = nullptr) {
  auto reply = http.run(sql, {}, {"insert_distributed_sync=1"});
  if (!reply) {
    std::fprintf(stderr, "store_bench: %s\n", reply.error().message.c_str());
    return false;
  }
  if (out) *out = *reply;
  return true;
}

// Every tag every step_s seconds, a few hours per INSERT (at most about 4 million rows, so an
// HTTP request stays under its 60 s limit on a loaded machine). Tags 99, 199, ... fall silent
// after the first day; one more tag is defined and never sampled, so the windowed query also
// pays for going back to the oldest sample.
bool writeHistory(HttpClient& http, const HistoryArgs& a, const std::string& park) {
  const std::int64_t perHour = 3'600 / a.step_s * a.tags;
  std::int64_t hours = 24;
  while (hours > 1 && perHour * hours > 4'000'000) hours = hours % 2 == 0 ? hours / 2 : 1;  // 24, 12, 6, 3, 1
  const std::string tag = "number % " + std::to_string(a.tags);
  for (std::int64_t h = 0; h < 24LL * a.days; h += hours) {
    const std::string sql =
        "INSERT INTO samples SELECT '" + park + "', concat('hist.tag', toString(" + tag + ")), toUInt64(" +
        std::to_string(kStart + h * 3'600'000) + " + intDiv(number, " + std::to_string(a.tags) + ") * " +
        std::to_string(a.step_s * 1000) + "), toFloat64(number % 977) / 4, toUInt64(1) FROM numbers(" +
        std::to_string(perHour * hours) + ")" + (h < 24 ? "" : " WHERE (" + tag + ") % 100 != 99");
    if (!run(http, sql)) return false;
  }
  return run(http, "INSERT INTO tags SELECT '" + park + "', concat('hist.tag', toString(number)), '', '', toUInt64(1) "
                   "FROM system.numbers LIMIT " + std::to_string(a.tags + 1));
}

struct Measured {
  double p50_ms = 0, p99_ms = 0;
  double rows_per_query = 0, queries_per_state = 0;
  std::vector<std::vector<store::TagState>> answers;
};

// read_rows and count of the finished initial queries of `park` so far.
bool logged(HttpClient& http, const std::string& park, double& rows, double& queries) {
  std::string out;
  if (!run(http, "SYSTEM FLUSH LOGS") ||
      !run(http, "SELECT sum(read_rows), count() FROM system.query_log WHERE type = 2 AND is_initial_query AND "
                 "query LIKE '%park = ''" + park + "''%' AND query NOT LIKE '%query_log%' FORMAT TabSeparated", &out)) {
    return false;
  }
  const auto fields = store::clickhouse::parseTsv(out);
  if (fields.empty() || fields[0].size() < 2) return false;
  rows = std::strtod(fields[0][0].c_str(), nullptr);
  queries = std::strtod(fields[0][1].c_str(), nullptr);
  return true;
}

bool measure(HttpClient& http, const std::string& uri, const std::string& park, const std::vector<std::int64_t>& times,
             Measured& m) {
  auto opened = store::openStore(uri, {.read_only = true, .historian = {}});
  if (!opened) {
    std::fprintf(stderr, "store_bench: %s\n", opened.error().message.c_str());
    return false;
  }
  double rows0 = 0, queries0 = 0, rows1 = 0, queries1 = 0;
  if (!logged(http, park, rows0, queries0)) return false;
  std::vector<double> ms;
  for (const std::int64_t t : times) {
    const auto start = Clock::now();
    auto state = (*opened)->stateAt(t);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    if (!state) {
      std::fprintf(stderr, "store_bench: %s\n", state.error().message.c_str());
      return false;
    }
    m.answers.push_back(std::move(*state));
  }
  if (!logged(http, park, rows1, queries1)) return false;
  std::sort(ms.begin(), ms.end());
  const auto at = [&](double p) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * static_cast<double>(ms.size())))]; };
  m.p50_ms = at(0.50);
  m.p99_ms = at(0.99);
  m.rows_per_query = (rows1 - rows0) / static_cast<double>(times.size());
  m.queries_per_state = (queries1 - queries0) / static_cast<double>(times.size());
  return true;
}

bool sameAnswers(const Measured& a, const Measured& b) {
  if (a.answers.size() != b.answers.size()) return false;
  for (std::size_t q = 0; q < a.answers.size(); ++q) {
    const auto &x = a.answers[q], &y = b.answers[q];
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (x[i].tag != y[i].tag || x[i].ts_ms != y[i].ts_ms || x[i].value != y[i].value) return false;
    }
  }
  return true;
}

}  // namespace

int runHistory(const HistoryArgs& a) {
  auto parsed = store::parseStoreUri(a.uri);
  if (!parsed || parsed->kind != store::StoreKind::clickhouse || a.step_s <= 0 || 3'600 % a.step_s != 0) {
    std::fprintf(stderr, "store_bench: --history needs a clickhouse:// URI and a step dividing an hour\n");
    return 1;
  }
  const auto& address = parsed->clickhouse;
  HttpClient http(address.host, address.http_port, address.database, address.user, address.password);
  const std::string park = "hist" + std::to_string(std::chrono::system_clock::now().time_since_epoch().count() % 1'000'000'000);
  const auto writeStart = Clock::now();
  if (!writeHistory(http, a, park)) return 1;
  const double writeS = std::chrono::duration<double>(Clock::now() - writeStart).count();
  std::string rows;
  if (!run(http, "SELECT count() FROM samples WHERE park = '" + park + "' FORMAT TabSeparated", &rows)) return 1;
  std::printf("history: %d tags (%d of them silent after day 1, 1 more never sampled) x %d days, a sample every %d s: "
              "%s rows written straight to the cluster in %.0f s\n", a.tags, a.tags / 100, a.days, a.step_s,
              rows.substr(0, rows.find('\n')).c_str(), writeS);
  // T at random in the history after its first day, the same T for both queries.
  std::mt19937_64 random(13);
  std::vector<std::int64_t> times;
  for (int q = 0; q < a.queries; ++q) {
    times.push_back(kStart + kDayMs + static_cast<std::int64_t>(random() % static_cast<std::uint64_t>((a.days - 1) * kDayMs)));
  }
  const std::string base = a.uri + (a.uri.find('?') == std::string::npos ? "?" : "&") + "park=" + park;
  Measured scan, window;
  if (!measure(http, base + "&state=scan", park, times, scan) || !measure(http, base, park, times, window)) return 1;
  std::printf("stateAt scan   (old) p50 %8.2f ms  p99 %8.2f ms  rows read/stateAt %12.0f  queries/stateAt %.2f\n",
              scan.p50_ms, scan.p99_ms, scan.rows_per_query, scan.queries_per_state);
  std::printf("stateAt window (new) p50 %8.2f ms  p99 %8.2f ms  rows read/stateAt %12.0f  queries/stateAt %.2f\n",
              window.p50_ms, window.p99_ms, window.rows_per_query, window.queries_per_state);
  std::printf("ratio new/old: p50 %.3f  p99 %.3f  rows read %.4f\n", window.p50_ms / scan.p50_ms, window.p99_ms / scan.p99_ms,
              window.rows_per_query / scan.rows_per_query);
  if (!sameAnswers(scan, window)) {
    std::fprintf(stderr, "store_bench: the windowed stateAt and the scan disagree\n");
    return 1;
  }
  std::printf("answers: equal at all %d T\n", a.queries);
  return 0;
}

}  // namespace parktwin::bench
