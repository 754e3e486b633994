// Reads of samples, downsampled buckets, events and per-tag summaries.
#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <memory>

#include "block_format.hpp"
#include "historian_impl.hpp"
#include "parktwin/store/schema.hpp"

namespace parktwin::store {

void mergeFirstWins(std::vector<Sample>& samples) {
  std::stable_sort(samples.begin(), samples.end(), [](const Sample& a, const Sample& b) { return a.ts_ms < b.ts_ms; });
  samples.erase(std::unique(samples.begin(), samples.end(),
                            [](const Sample& a, const Sample& b) { return a.ts_ms == b.ts_ms; }),
                samples.end());
}

Result<std::optional<TagInfo>> Historian::Impl::findTag(std::string_view name) {
  auto lent = read_statements.lend(reader, "SELECT id, name, unit, kind FROM tags WHERE name = ?");
  if (!lent) return std::unexpected(lent.error());
  sql::Statement* stmt = &**lent;
  stmt->bind(1, name);
  auto row = stmt->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::optional<TagInfo>{};
  TagInfo info{stmt->int64(0), stmt->text(1), stmt->text(2), stmt->text(3)};
  stmt->reset();
  return std::optional<TagInfo>(std::move(info));
}

namespace {

// What a stored block decoded to, against its row: the stream has no checksum, but a flipped
// bit desynchronises it or carries through the delta and XOR chains to the last sample, so
// first/last timestamp, count and last value bits catch nearly every corruption that would
// otherwise come back as plausible wrong data.
struct RowCheck {
  std::int64_t t_start_ms, t_end_ms, count, last_value_bits;
  Result<void> matches(std::int64_t decodedCount, std::int64_t first, std::int64_t last, std::uint64_t lastBits) const {
    if (decodedCount != count ||
        (decodedCount > 0 && (first != t_start_ms || last != t_end_ms || std::bit_cast<std::int64_t>(lastBits) != last_value_bits))) {
      return fail("block payload corrupt: it does not match its row (count " + std::to_string(count) + ", " +
                  std::to_string(t_start_ms) + ".." + std::to_string(t_end_ms) + " ms)");
    }
    return {};
  }
};

// Decodes a whole stored block and checks it against its row.
Result<std::vector<Sample>> decodeStoredBlock(std::span<const std::uint8_t> payload, const RowCheck& row) {
  auto samples = decodeBlock(payload);
  if (!samples) return samples;
  const Sample first = samples->empty() ? Sample{} : samples->front(), last = samples->empty() ? Sample{} : samples->back();
  if (auto ok = row.matches(static_cast<std::int64_t>(samples->size()), first.ts_ms, last.ts_ms,
                            std::bit_cast<std::uint64_t>(last.value));
      !ok) {
    return std::unexpected(ok.error());
  }
  return samples;
}

}  // namespace

Result<bool> Historian::Impl::groupTableExists() {
  auto n = read_statements.queryInt(reader, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'block_groups'");
  if (!n) return std::unexpected(n.error());
  return *n > 0;
}

Result<std::vector<GroupBlock>> Historian::Impl::groupBlocksFor(std::int64_t tag_id, std::int64_t low_start, std::int64_t t1,
                                                                 std::int64_t t0) {
  auto table = groupTableExists();
  if (!table) return std::unexpected(table.error());
  if (!*table) return std::vector<GroupBlock>{};
  return groupBlocksOf(reader, tag_id, low_start, t1, t0);
}

Result<std::vector<Sample>> Historian::Impl::samplesOf(std::int64_t tag_id, std::int64_t t0, std::int64_t t1) {
  std::vector<Sample> out;
  if (t1 < t0) return out;
  auto span = maxBlockSpan();
  if (!span) return std::unexpected(span.error());
  const std::int64_t lowStart = t0 < INT64_MIN + *span ? INT64_MIN : t0 - *span;
  auto grouped = groupBlocksFor(tag_id, lowStart, t1, t0);
  if (!grouped) return std::unexpected(grouped.error());
  // Fast path: blocks in time order straight from the (tag_id, t_start_ms) index, no sort, the
  // group rows' merged in by start. It holds while no two blocks overlap, as in a file written
  // in order. Otherwise (late blocks) the blocks are read again in insertion order (the group
  // rows' first: compaction stops once a file has late blocks) and merged, first stored value
  // winning.
  for (const bool insertionOrder : {false, true}) {
    out.clear();
    auto stmt = reader.prepare(insertionOrder
        ? "SELECT payload, t_start_ms, t_end_ms, count, last_value_bits FROM blocks "
          "WHERE tag_id = ? AND t_start_ms >= ? AND t_start_ms <= ? AND t_end_ms >= ? ORDER BY rowid"
        : "SELECT payload, t_start_ms, t_end_ms, count, last_value_bits FROM blocks "
          "WHERE tag_id = ? AND t_start_ms >= ? AND t_start_ms <= ? AND t_end_ms >= ? ORDER BY t_start_ms");
    if (!stmt) return std::unexpected(stmt.error());
    stmt->bind(1, tag_id).bind(2, lowStart).bind(3, t1).bind(4, t0);
    bool sorted = true;
    std::int64_t previousEnd = INT64_MIN;
    // One block's samples in [t0, t1] into `out`; false where it overlaps the one before (time order).
    const auto take = [&](std::span<const std::uint8_t> payload, const RowCheck& row) -> Result<bool> {
      if (!insertionOrder && previousEnd != INT64_MIN && row.t_start_ms <= previousEnd) return false;
      previousEnd = row.t_end_ms;
      auto samples = decodeStoredBlock(payload, row);
      if (!samples) return fail(reader.path() + ": tag id " + std::to_string(tag_id) + ": " + samples.error().message);
      for (const auto& s : *samples) {
        if (s.ts_ms < t0 || s.ts_ms > t1) continue;
        if (!out.empty() && s.ts_ms <= out.back().ts_ms) sorted = false;
        out.push_back(s);
      }
      return true;
    };
    std::size_t nextGroup = 0;
    // The group rows' blocks that come before a row starting at `before` (all of them first in
    // insertion order).
    const auto takeGroups = [&](std::int64_t before) -> Result<bool> {
      for (; nextGroup < grouped->size() && (insertionOrder || (*grouped)[nextGroup].t_start_ms < before); ++nextGroup) {
        const GroupBlock& b = (*grouped)[nextGroup];
        auto ok = take(b.payload, RowCheck{b.t_start_ms, b.t_end_ms, b.count, b.last_value_bits});
        if (!ok || !*ok) return ok;
      }
      return true;
    };
    bool overlap = false;
    for (;;) {
      auto row = stmt->step();
      if (!row) return std::unexpected(row.error());
      const std::int64_t start = *row ? stmt->int64(1) : INT64_MAX;
      auto groupsTaken = takeGroups(start);
      Result<bool> rowTaken = true;
      if (groupsTaken && *groupsTaken && *row) {
        rowTaken = take(stmt->blob(0), RowCheck{start, stmt->int64(2), stmt->int64(3), stmt->int64(4)});
      }
      if (!groupsTaken || !rowTaken) {
        stmt->reset();
        return std::unexpected(!groupsTaken ? groupsTaken.error() : rowTaken.error());
      }
      if (!*groupsTaken || !*rowTaken) {
        overlap = true;
        stmt->reset();
        break;
      }
      if (!*row) break;
    }
    if (overlap) continue;
    auto tail = appendTailSamples(tag_id, t0, t1, out);  // after the blocks': theirs win a tie
    if (!tail) return std::unexpected(tail.error());
    if (!sorted || *tail) mergeFirstWins(out);
    return out;
  }
  return out;
}

Result<std::vector<Sample>> Historian::samplesBetween(std::string_view tag, std::int64_t t0_ms, std::int64_t t1_ms) {
  auto view = impl_->beginReadView();  // the blocks and the tail alike
  if (!view) return std::unexpected(view.error());
  auto info = impl_->findTag(tag);
  if (!info) return std::unexpected(info.error());
  if (!*info) return fail(impl_->reader.path() + ": no tag named '" + std::string(tag) + "'");
  return impl_->samplesOf((*info)->id, t0_ms, t1_ms);
}

namespace {

// Hands a block's samples in [t0, t1] to onSample as doubles, and remembers what its row
// check needs (count, first and last timestamp, last value bits).
template <typename OnSample>
struct RangeSink {
  std::int64_t t0, t1;
  OnSample& onSample;
  std::int64_t count = 0, first = 0, last = 0;
  std::uint64_t lastBits = 0;
  void take(std::int64_t ts, double v) {
    if (count++ == 0) first = ts;
    last = ts;
    lastBits = std::bit_cast<std::uint64_t>(v);
    if (ts >= t0 && ts <= t1) onSample(ts, v);
  }
  void decimal(std::int64_t ts, std::int64_t r, int e) { take(ts, detail::fromDecimal(r, e)); }
  void xorBits(std::int64_t ts, std::uint64_t bits) { take(ts, std::bit_cast<double>(bits)); }
};

// A block that downsample can take whole, from its summary, without decoding it.
struct WholeBlock {
  std::int64_t start = 0;
  std::uint32_t count = 0;
  double min = 0, max = 0, sum = 0, last = 0;
};

// The summary of a compact block whose row says `count` samples, if it has one.
bool summaryOf(std::span<const std::uint8_t> payload, std::int64_t count, std::int64_t lastBits, detail::BlockHeader& h,
               WholeBlock& whole) {
  if (!detail::readHeader(payload, h, true) || !h.compact || !h.summary.present || h.count != count) return false;
  const double scale = detail::kPow10[static_cast<std::size_t>(h.exponent)];
  whole.count = h.count;
  whole.min = static_cast<double>(h.summary.min) / scale;
  whole.max = static_cast<double>(h.summary.max) / scale;
  whole.sum = (static_cast<double>(h.summary.min) * static_cast<double>(h.count) + static_cast<double>(h.summary.sum_above_min)) / scale;
  whole.last = std::bit_cast<double>(lastBits);
  return true;
}

// Streams a tag's samples in [t0, t1] in time order to onSample, decoding each block straight
// into it; a block that onWhole.wants(start, end) and that carries a summary goes to
// onWhole.take instead, undecoded (its stream is then not checked against its row). Holds while
// no two blocks overlap (a file written in order); returns false as soon as two do, having
// streamed some samples: the caller then reads with samplesOf.
template <typename OnSample, typename OnWhole>
Result<bool> streamInOrder(sql::Database& reader, ReadStatements& statements, std::int64_t span, std::int64_t tag_id, std::int64_t t0, std::int64_t t1,
                           std::span<const GroupBlock> grouped, OnSample&& onSample, OnWhole&& onWhole) {
  const std::int64_t lowStart = t0 < INT64_MIN + span ? INT64_MIN : t0 - span;
  auto lent = statements.lend(reader,
      "SELECT payload, t_start_ms, t_end_ms, count, last_value_bits FROM blocks "
      "WHERE tag_id = ? AND t_start_ms >= ? AND t_start_ms <= ? AND t_end_ms >= ? ORDER BY t_start_ms");
  if (!lent) return std::unexpected(lent.error());
  sql::Statement* stmt = &**lent;
  stmt->bind(1, tag_id).bind(2, lowStart).bind(3, t1).bind(4, t0);
  std::int64_t previousEnd = INT64_MIN;
  bool first = true;
  auto header = std::make_unique<detail::BlockHeader>();  // over a kilobyte: once, not per block
  // One block, whole or decoded; false where it overlaps the one before.
  const auto take = [&](std::span<const std::uint8_t> payload, const RowCheck& row) -> Result<bool> {
    if (!first && row.t_start_ms <= previousEnd) return false;
    first = false;
    previousEnd = row.t_end_ms;
    WholeBlock whole{row.t_start_ms};
    if (onWhole.wants(row.t_start_ms, row.t_end_ms) && summaryOf(payload, row.count, row.last_value_bits, *header, whole)) {
      onWhole.take(whole);
      return true;
    }
    RangeSink<OnSample> sink{t0, t1, onSample};
    auto ok = detail::decodeEach(payload, INT64_MAX, sink);
    if (ok) ok = row.matches(sink.count, sink.first, sink.last, sink.lastBits);
    if (!ok) return fail(reader.path() + ": tag id " + std::to_string(tag_id) + ": " + ok.error().message);
    return true;
  };
  std::size_t nextGroup = 0;
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    const std::int64_t start = *row ? stmt->int64(1) : INT64_MAX;
    // The group rows' blocks that start before this row's.
    for (; nextGroup < grouped.size() && grouped[nextGroup].t_start_ms < start; ++nextGroup) {
      const GroupBlock& b = grouped[nextGroup];
      auto taken = take(b.payload, RowCheck{b.t_start_ms, b.t_end_ms, b.count, b.last_value_bits});
      if (!taken || !*taken) {
        stmt->reset();
        return taken;
      }
    }
    if (!*row) return true;
    auto taken = take(stmt->blob(0), RowCheck{start, stmt->int64(2), stmt->int64(3), stmt->int64(4)});
    if (!taken || !*taken) {
      stmt->reset();
      return taken;
    }
  }
}

}  // namespace

Result<std::vector<Bucket>> Historian::downsample(std::string_view tag, std::int64_t t0_ms, std::int64_t t1_ms,
                                                  std::size_t buckets) {
  if (buckets == 0 || t1_ms <= t0_ms) return fail("downsample: need t0 < t1 and at least one bucket");
  auto snapshot = impl_->beginReadView();  // one view of the file
  if (!snapshot) return std::unexpected(snapshot.error());
  auto info = impl_->findTag(tag);
  if (!info) return std::unexpected(info.error());
  if (!*info) return fail(impl_->reader.path() + ": no tag named '" + std::string(tag) + "'");
  const auto span = static_cast<std::uint64_t>(t1_ms) - static_cast<std::uint64_t>(t0_ms);
  if (buckets > span) buckets = static_cast<std::size_t>(span);
  const std::uint64_t width = span / buckets;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<Bucket> out(buckets);
  std::vector<double> sums(buckets, 0.0);
  const auto reset = [&] {
    for (std::size_t i = 0; i < buckets; ++i) {
      out[i] = Bucket{};
      out[i].t_start_ms = static_cast<std::int64_t>(static_cast<std::uint64_t>(t0_ms) + i * width);
      out[i].t_end_ms = i + 1 == buckets ? t1_ms : static_cast<std::int64_t>(static_cast<std::uint64_t>(t0_ms) + (i + 1) * width);
      out[i].min = out[i].max = out[i].mean = out[i].last = nan;
      sums[i] = 0;
    }
  };
  reset();
  // Samples arrive in time order: the bucket only moves forward, no division per sample.
  std::size_t at = 0;
  const auto add = [&](std::int64_t ts, double value) {
    const std::uint64_t offset = static_cast<std::uint64_t>(ts) - static_cast<std::uint64_t>(t0_ms);
    while (at + 1 < buckets && offset >= (at + 1) * width) ++at;  // the remainder stays in the last
    Bucket& b = out[at];
    if (b.count == 0) {
      b.min = b.max = value;
    } else {
      b.min = std::min(b.min, value);
      b.max = std::max(b.max, value);
    }
    sums[at] += value;
    b.last = value;
    ++b.count;
  };
  // A block inside [t0, t1) and inside one bucket adds its summary to that bucket.
  const auto bucketOf = [&](std::int64_t ts) {
    const std::uint64_t offset = static_cast<std::uint64_t>(ts) - static_cast<std::uint64_t>(t0_ms);
    return std::min<std::uint64_t>(offset / width, buckets - 1);
  };
  struct {
    std::int64_t t0, t1;
    decltype(bucketOf)& bucketOfTs;
    std::vector<Bucket>& out;
    std::vector<double>& sums;
    std::size_t& at;
    bool wants(std::int64_t start, std::int64_t end) const {
      return start >= t0 && end < t1 && start <= end && bucketOfTs(start) == bucketOfTs(end);
    }
    void take(const WholeBlock& w) {
      at = static_cast<std::size_t>(bucketOfTs(w.start));
      Bucket& b = out[at];
      b.min = b.count == 0 ? w.min : std::min(b.min, w.min);
      b.max = b.count == 0 ? w.max : std::max(b.max, w.max);
      sums[at] += w.sum;
      b.last = w.last;
      b.count += w.count;
    }
  } whole{t0_ms, t1_ms, bucketOf, out, sums, at};
  auto blockSpan = impl_->maxBlockSpan();
  if (!blockSpan) return std::unexpected(blockSpan.error());
  std::vector<Sample> inTail;
  auto tail = impl_->appendTailSamples((*info)->id, t0_ms, t1_ms - 1, inTail);
  if (!tail) return std::unexpected(tail.error());
  const std::int64_t lowStart = t0_ms < INT64_MIN + *blockSpan ? INT64_MIN : t0_ms - *blockSpan;
  auto grouped = impl_->groupBlocksFor((*info)->id, lowStart, t1_ms - 1, t0_ms);
  if (!grouped) return std::unexpected(grouped.error());
  auto streamed = *tail ? Result<bool>(false)  // samples in the tail too: merged reading
                        : streamInOrder(impl_->reader, impl_->read_statements, *blockSpan, (*info)->id, t0_ms, t1_ms - 1, *grouped, add, whole);
  if (!streamed) return std::unexpected(streamed.error());
  if (!*streamed) {  // overlapping (late) blocks or a tail: merged reading, then the same accumulation
    auto samples = impl_->samplesOf((*info)->id, t0_ms, t1_ms - 1);
    if (!samples) return std::unexpected(samples.error());
    reset();
    at = 0;
    for (const auto& s : *samples) add(s.ts_ms, s.value);
  }
  for (std::size_t i = 0; i < buckets; ++i) {
    if (out[i].count > 0) out[i].mean = sums[i] / static_cast<double>(out[i].count);
  }
  return out;
}

Result<std::vector<Event>> Historian::eventsBetween(std::int64_t t0_ms, std::int64_t t1_ms, const EventFilter& filter) {
  auto stmt = impl_->reader.prepare(
      "SELECT ts_ms, kind, severity, object, message, coalesce(payload, '') FROM events "
      "WHERE ts_ms >= ? AND ts_ms <= ? AND severity >= ? AND (? IS NULL OR object = ?) ORDER BY ts_ms, id");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind(1, t0_ms).bind(2, t1_ms).bind(3, static_cast<std::int64_t>(filter.min_severity));
  if (filter.object) {
    stmt->bind(4, std::string_view(*filter.object)).bind(5, std::string_view(*filter.object));
  } else {
    stmt->bindNull(4).bindNull(5);
  }
  std::vector<Event> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    out.push_back({stmt->int64(0), stmt->text(1), static_cast<int>(stmt->int64(2)), stmt->text(3), stmt->text(4),
                   stmt->text(5)});
  }
  return out;
}

Result<std::unordered_map<std::int64_t, TagSummary>> Historian::Impl::groupSummaries() {
  std::unordered_map<std::int64_t, TagSummary> out;
  auto table = groupTableExists();
  if (!table) return std::unexpected(table.error());
  if (!*table) return out;
  auto rows = reader.prepare("SELECT id, payload FROM block_groups");
  if (!rows) return std::unexpected(rows.error());
  auto each = forEachGroupRow(reader, *rows, [&](std::int64_t, std::span<const GroupEntry> entries) -> Result<void> {
    for (const GroupEntry& e : entries) {
      TagSummary& tag = out[e.tag_id];
      tag.first_ms = tag.blocks == 0 ? e.t_start_ms : std::min(tag.first_ms, e.t_start_ms);
      tag.last_ms = tag.blocks == 0 ? e.t_end_ms : std::max(tag.last_ms, e.t_end_ms);
      tag.samples += static_cast<std::uint64_t>(e.count);
      tag.blocks += 1;
      tag.payload_bytes += e.payload.size();
    }
    return {};
  });
  if (!each) return std::unexpected(each.error());
  return out;
}

Result<std::vector<TagSummary>> Historian::summary() {
  auto view = impl_->beginReadView();  // the blocks and the tail alike
  if (!view) return std::unexpected(view.error());
  auto stmt = impl_->reader.prepare(
      "SELECT t.name, t.unit, t.kind, min(b.t_start_ms), max(b.t_end_ms), coalesce(sum(b.count), 0), count(b.tag_id), "
      "coalesce(sum(length(b.payload)), 0), t.id FROM tags t LEFT JOIN blocks b ON b.tag_id = t.id GROUP BY t.id ORDER BY t.name");
  if (!stmt) return std::unexpected(stmt.error());
  auto tailView = impl_->readerTail();
  if (!tailView) return std::unexpected(tailView.error());
  auto grouped = impl_->groupSummaries();
  if (!grouped) return std::unexpected(grouped.error());
  std::vector<TagSummary> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    TagSummary tag{stmt->text(0), stmt->text(1), stmt->text(2), stmt->int64(3), stmt->int64(4),
                   static_cast<std::uint64_t>(stmt->int64(5)), static_cast<std::uint64_t>(stmt->int64(6)),
                   static_cast<std::uint64_t>(stmt->int64(7))};
    // The blocks in group rows count as the rows' do.
    if (auto it = grouped->find(stmt->int64(8)); it != grouped->end()) {
      const TagSummary& g = it->second;
      tag.first_ms = tag.blocks == 0 ? g.first_ms : std::min(tag.first_ms, g.first_ms);
      tag.last_ms = tag.blocks == 0 ? g.last_ms : std::max(tag.last_ms, g.last_ms);
      tag.samples += g.samples;
      tag.blocks += g.blocks;
      tag.payload_bytes += g.payload_bytes;
    }
    // The tail holds samples no block holds yet (a fold moves them, in one transaction).
    if (const auto* tail = *tailView ? (*tailView)->samplesOf(stmt->int64(8)) : nullptr; tail && !tail->empty()) {
      tag.first_ms = tag.samples == 0 ? tail->front().ts_ms : std::min(tag.first_ms, tail->front().ts_ms);
      tag.last_ms = tag.samples == 0 ? tail->back().ts_ms : std::max(tag.last_ms, tail->back().ts_ms);
      tag.samples += tail->size();
    }
    out.push_back(std::move(tag));
  }
  return out;
}

}  // namespace parktwin::store
