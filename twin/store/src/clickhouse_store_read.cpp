// Reads of the ClickHouse store. Every query runs in the engine over the Distributed tables and
// collapses rows a replay duplicated itself (GROUP BY the row's key, argMax by ver; the
// downsample with FINAL), since ReplacingMergeTree only does so in background merges.
#include <cmath>
#include <cstdlib>
#include <limits>

#include "clickhouse_store.hpp"

namespace parktwin::store::clickhouse {
namespace {

std::int64_t int64Of(const std::string& s) { return std::strtoll(s.c_str(), nullptr, 10); }
std::uint64_t uint64Of(const std::string& s) { return std::strtoull(s.c_str(), nullptr, 10); }
double doubleOf(const std::string& s) { return std::strtod(s.c_str(), nullptr); }  // reads nan, inf, -inf too

// Samples are stored from 1970 on (UInt64 ms); a range starting earlier starts there.
std::int64_t notBefore1970(std::int64_t t) { return std::max<std::int64_t>(t, 0); }

}  // namespace

// Every row must have the `columns` the query selects: a shorter row (a proxy's or another
// server's answer, a cut reply) is an error here, not an out-of-range read in the caller.
Result<std::vector<std::vector<std::string>>> ClickHouseStore::select(const std::string& sql, std::size_t columns) {
  auto text = http_.run(sql + " FORMAT TabSeparated");
  if (!text) return std::unexpected(nameShard(text.error()));
  auto rows = parseTsv(*text);
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (rows[i].size() < columns)
      return fail(describe() + ": reply row " + std::to_string(i + 1) + " has " + std::to_string(rows[i].size()) +
                  " fields, the query asks for " + std::to_string(columns));
  return rows;
}

Result<std::string> ClickHouseStore::parkFileHash() {
  auto rows = select("SELECT argMax(file_hash, ver) FROM parks WHERE " + parkIs(), 1);
  if (!rows) return std::unexpected(rows.error());
  return rows->empty() ? std::string{} : rows->front().at(0);
}

Result<std::vector<TagInfo>> ClickHouseStore::tags() {
  auto rows = select("SELECT name, argMax(unit, ver), argMax(kind, ver) FROM tags WHERE " + parkIs() +
                     " GROUP BY name ORDER BY name", 3);
  if (!rows) return std::unexpected(rows.error());
  std::vector<TagInfo> out;
  for (auto& r : *rows) out.push_back({static_cast<std::int64_t>(out.size() + 1), r.at(0), r.at(1), r.at(2)});
  return out;
}

Result<std::vector<Sample>> ClickHouseStore::samplesBetween(std::string_view tag, std::int64_t t0_ms, std::int64_t t1_ms) {
  if (t1_ms < 0 || t1_ms < t0_ms) return std::vector<Sample>{};
  auto rows = select("SELECT ts, argMax(value, ver) FROM samples WHERE " + parkIs() + " AND tag = " + quoteSql(tag) +
                     " AND ts >= " + std::to_string(notBefore1970(t0_ms)) + " AND ts <= " + std::to_string(t1_ms) +
                     " GROUP BY ts ORDER BY ts", 2);
  if (!rows) return std::unexpected(rows.error());
  std::vector<Sample> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) out.push_back({int64Of(r.at(0)), doubleOf(r.at(1))});
  return out;
}

Result<std::vector<Bucket>> ClickHouseStore::downsample(std::string_view tag, std::int64_t t0_ms, std::int64_t t1_ms,
                                                        std::size_t buckets) {
  if (buckets == 0 || t1_ms <= t0_ms) return fail("downsample: need t0 < t1 and at least one bucket");
  auto known = select("SELECT count() FROM tags WHERE " + parkIs() + " AND name = " + quoteSql(tag), 1);
  if (!known) return std::unexpected(known.error());
  if (known->empty() || known->front().at(0) == "0") return fail(describe() + ": no tag named '" + std::string(tag) + "'");
  // The same buckets as Historian::downsample: equal widths, the remainder in the last one.
  const auto span = static_cast<std::uint64_t>(t1_ms) - static_cast<std::uint64_t>(t0_ms);
  if (buckets > span) buckets = static_cast<std::size_t>(span);
  const std::uint64_t width = span / buckets;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<Bucket> out(buckets);
  for (std::size_t i = 0; i < buckets; ++i) {
    out[i].t_start_ms = static_cast<std::int64_t>(static_cast<std::uint64_t>(t0_ms) + i * width);
    out[i].t_end_ms = i + 1 == buckets ? t1_ms : static_cast<std::int64_t>(static_cast<std::uint64_t>(t0_ms) + (i + 1) * width);
    out[i].min = out[i].max = out[i].mean = out[i].last = nan;
  }
  if (t1_ms <= 0) return out;
  const std::string t0 = "toInt64(" + std::to_string(t0_ms) + ")";
  // FINAL collapses replayed duplicates as the merges would (highest ver wins, as argMax by ver
  // does) while it reads the tag's sorted parts: one pass. Grouping by ts first, as the other
  // reads do, built a group per sample: a year at 1/min took seconds on the cluster (docs/server.md).
  // Exact here because a (park, tag) lives on one shard (the sharding key) and a ts in one
  // monthly partition, so every copy of a row meets its duplicates.
  auto rows = select("SELECT least(intDiv(toInt64(ts) - " + t0 + ", " + std::to_string(width) + "), " +
                     std::to_string(buckets - 1) + ") AS bucket, count(), min(value), max(value), avg(value), "
                     "argMax(value, ts) FROM samples FINAL WHERE " + parkIs() + " AND tag = " + quoteSql(tag) +
                     " AND ts >= " + std::to_string(notBefore1970(t0_ms)) + " AND ts < " + std::to_string(t1_ms) +
                     " GROUP BY bucket ORDER BY bucket", 6);
  if (!rows) return std::unexpected(rows.error());
  for (const auto& r : *rows) {
    const auto i = uint64Of(r.at(0));
    if (i >= buckets) return fail(describe() + ": downsample: bucket " + r.at(0) + " out of range");
    Bucket& b = out[i];
    b.count = uint64Of(r.at(1));
    b.min = doubleOf(r.at(2));
    b.max = doubleOf(r.at(3));
    b.mean = doubleOf(r.at(4));
    b.last = doubleOf(r.at(5));
  }
  return out;
}

Result<std::vector<Event>> ClickHouseStore::eventsBetween(std::int64_t t0_ms, std::int64_t t1_ms, const EventFilter& filter) {
  if (t1_ms < 0 || t1_ms < t0_ms) return std::vector<Event>{};
  std::string where = parkIs() + " AND ts >= " + std::to_string(notBefore1970(t0_ms)) + " AND ts <= " + std::to_string(t1_ms);
  if (filter.object) where += " AND object = " + quoteSql(*filter.object);
  where += " AND severity >= " + std::to_string(filter.min_severity);
  // id grows with the order of appending: events at one time come back in the order stored.
  auto rows = select("SELECT ts, any(kind), any(severity), any(object), any(message), any(payload) FROM events WHERE " +
                     where + " GROUP BY ts, id ORDER BY ts, id", 6);
  if (!rows) return std::unexpected(rows.error());
  std::vector<Event> out;
  for (auto& r : *rows) {
    out.push_back({int64Of(r.at(0)), r.at(1), static_cast<int>(int64Of(r.at(2))), r.at(3), r.at(4), r.at(5)});
  }
  return out;
}

Result<std::vector<Acknowledgement>> ClickHouseStore::acknowledgementsBetween(std::int64_t t0_ms, std::int64_t t1_ms) {
  if (t1_ms < 0 || t1_ms < t0_ms) return std::vector<Acknowledgement>{};
  auto rows = select("SELECT ts, any(rule), any(object), any(user), any(comment) FROM acks WHERE " + parkIs() +
                     " AND ts >= " + std::to_string(notBefore1970(t0_ms)) + " AND ts <= " + std::to_string(t1_ms) +
                     " GROUP BY ts, id ORDER BY ts, id", 5);
  if (!rows) return std::unexpected(rows.error());
  std::vector<Acknowledgement> out;
  for (auto& r : *rows) out.push_back({int64Of(r.at(0)), r.at(1), r.at(2), r.at(3), r.at(4)});
  return out;
}

Result<std::vector<TagSummary>> ClickHouseStore::summary() {
  auto known = tags();
  if (!known) return std::unexpected(known.error());
  auto rows = select("SELECT tag, min(ts), max(ts), count() FROM (SELECT tag, ts FROM samples WHERE " + parkIs() +
                     " GROUP BY tag, ts) GROUP BY tag ORDER BY tag", 4);
  if (!rows) return std::unexpected(rows.error());
  std::vector<TagSummary> out;
  for (const auto& t : *known) out.push_back({t.name, t.unit, t.kind, 0, 0, 0, 0, 0});
  for (const auto& r : *rows) {
    auto it = std::find_if(out.begin(), out.end(), [&](const TagSummary& s) { return s.name == r.at(0); });
    if (it == out.end()) it = out.insert(out.end(), TagSummary{r.at(0), "", "", 0, 0, 0, 0, 0});
    it->first_ms = int64Of(r.at(1));
    it->last_ms = int64Of(r.at(2));
    it->samples = uint64Of(r.at(3));
  }
  return out;
}

}  // namespace parktwin::store::clickhouse
