// stateAt on the ClickHouse store (docs/server.md, "stateAt on a long history"). A single
// `argMax(value, (ts, ver)) ... WHERE ts <= T GROUP BY tag` reads every sample at or before T: on
// years of 1 Hz data, the whole history for one answer. So the store reads back in time in
// windows: first the last 15 minutes before T for every tag, then, for the tags the park knows
// but not found yet only, windows each 8 times as long further back, and at last everything
// older. A ts bound lets each shard skip the monthly partitions outside it (the partition key's
// min/max of ts) and the granules inside where one tag's ts range lies outside it (the primary
// key (park, tag, ts)); `tag IN (...)` lets the primary key skip every other tag.
//
// The answer is the scan's, exactly: windows are disjoint and read newest first, so the first
// window holding a tag's sample holds its newest at or before T, and all its duplicates (same
// ts) too. The search ends when every tag the park knows is found or no older sample can
// exist; the store writes a tag's row before its samples (flush sends `tags` first), so a tag
// with samples is a tag the park knows.
#include <algorithm>
#include <cstdlib>

#include "clickhouse_store.hpp"

namespace parktwin::store::clickhouse {
namespace {

constexpr std::int64_t kFirstWindowMs = 15 * 60'000;
// Widening 8-fold rather than doubling: a tag never sampled (defined only) costs a query per
// window, and 15 min x 8^6 is already 341 days, after which one query reads all that is older.
constexpr std::int64_t kWidenBy = 8;
constexpr std::int64_t kLastBoundedWindowMs = 400LL * 86'400'000;
// A tag list longer than this goes unsent (the window then reads every tag, and rows of tags
// found already are dropped here): ClickHouse's max_query_size is 256 KiB by default.
constexpr std::size_t kMaxTagListBytes = 128 * 1024;

using Found = std::map<std::string, TagState, std::less<>>;

std::vector<TagState> inTagOrder(Found found) {  // by tag, as the scan's ORDER BY tag gave them
  std::vector<TagState> out;
  out.reserve(found.size());
  for (auto& [tag, state] : found) out.push_back(std::move(state));
  return out;
}

}  // namespace

Result<void> ClickHouseStore::newestPerTag(const std::string& where,
                                           Found& found) {
  auto rows = select("SELECT tag, max(ts), argMax(value, (ts, ver)) FROM samples WHERE " + parkIs() + where +
                     " GROUP BY tag", 3);
  if (!rows) return std::unexpected(rows.error());
  for (const auto& r : *rows) {
    // emplace keeps what a newer window found.
    found.emplace(r.at(0), TagState{r.at(0), std::strtoll(r.at(1).c_str(), nullptr, 10), std::strtod(r.at(2).c_str(), nullptr)});
  }
  return {};
}

Result<std::vector<TagState>> ClickHouseStore::stateAtScan(std::int64_t t_ms) {
  Found found;
  if (auto ok = newestPerTag(" AND ts <= " + std::to_string(t_ms), found); !ok) return std::unexpected(ok.error());
  return inTagOrder(std::move(found));
}

Result<std::vector<TagState>> ClickHouseStore::stateAt(std::int64_t t_ms) {
  if (t_ms < 0) return std::vector<TagState>{};
  if (address_.state_query == StateQuery::scan) return stateAtScan(t_ms);
  auto known = tags();
  if (!known) return std::unexpected(known.error());
  Found found;
  std::string upper = " AND ts <= " + std::to_string(t_ms);
  std::string tagList;  // " AND tag IN (...)": the tags still missing; empty for the first window
  for (std::int64_t width = kFirstWindowMs;; width *= kWidenBy) {
    const std::int64_t lower = t_ms - width;
    const bool last = lower <= 0 || width > kLastBoundedWindowMs;
    if (auto ok = newestPerTag(upper + (last ? "" : " AND ts >= " + std::to_string(lower)) + tagList, found); !ok) {
      return std::unexpected(ok.error());
    }
    std::string missing;
    for (const auto& tag : *known) {
      if (found.contains(tag.name)) continue;
      if (!missing.empty()) missing += ',';
      missing += quoteSql(tag.name);
    }
    if (last || missing.empty()) break;
    tagList = missing.size() > kMaxTagListBytes ? "" : " AND tag IN (" + missing + ")";
    upper = " AND ts < " + std::to_string(lower);
  }
  return inTagOrder(std::move(found));
}

}  // namespace parktwin::store::clickhouse
