// Buffering appends: the open block per tag, in-window reordering, late samples.
#include <algorithm>
#include <cstdint>
#include <ctime>

#include "historian_impl.hpp"
#include "parktwin/store/schema.hpp"

namespace parktwin::store {
namespace {

bool spanExceeded(std::int64_t first, std::int64_t ts, std::int64_t max_span_ms) {
  // ts > first here; the unsigned difference is exact even across the whole int64 range.
  return static_cast<std::uint64_t>(ts) - static_cast<std::uint64_t>(first) > static_cast<std::uint64_t>(max_span_ms);
}

// Sorts `ts` into the open block unless the timestamp is already there (first wins); true if
// it went in.
bool insertIntoOpenBlock(BlockEncoder& open, std::int64_t ts, double value) {
  auto samples = decodeBlock(open.payload());
  if (!samples) return false;  // cannot happen: we encoded it ourselves
  auto at = std::lower_bound(samples->begin(), samples->end(), ts,
                             [](const Sample& s, std::int64_t t) { return s.ts_ms < t; });
  if (at != samples->end() && at->ts_ms == ts) return false;
  samples->insert(at, Sample{ts, value});
  open.clear();
  for (const auto& s : *samples) open.append(s.ts_ms, s.value);
  return true;
}

}  // namespace

Result<TagWriter*> Historian::Impl::writerFor(std::string_view tag) {
  if (auto it = tag_writers.find(tag); it != tag_writers.end()) return &it->second;
  if (tag.empty()) return fail("empty tag name");
  waitForCommits();  // the lookup runs on `writer`
  if (!find_tag) {
    auto prepared = writer->prepare(
        "SELECT t.id, (SELECT max(b.t_end_ms) FROM blocks b WHERE b.tag_id = t.id AND b.t_start_ms >= "
        " (SELECT max(t_start_ms) FROM blocks WHERE tag_id = t.id) - ?) FROM tags t WHERE t.name = ?");
    if (!prepared) return std::unexpected(prepared.error());
    find_tag.emplace(std::move(*prepared));
  }
  find_tag->bind(1, stored_max_span_ms).bind(2, tag);
  auto row = find_tag->step();
  if (!row) return std::unexpected(row.error());
  TagWriter tw;
  tw.loaded = true;
  if (*row) {
    tw.id = find_tag->int64(0);
    if (!find_tag->isNull(1)) tw.stored_max_ts = find_tag->int64(1);
  }
  find_tag->reset();
  auto [it, inserted] = tag_writers.emplace(std::string(tag), std::move(tw));
  it->second.name = &it->first;
  if (it->second.id == 0) new_tags.push_back(&it->second);
  return &it->second;
}

// Sources send their tags in the same order every cycle (a PLC scan, a simulator step, a
// gateway's poll, a replayed file), so the writer that followed the previous one last time is very
// likely the one asked for: one comparison of names instead of a hash lookup, and the writer
// after it is fetched into the cache meanwhile. At 10k tags the lookup's cache misses were a
// quarter of ingest's time. Any other order falls back to the lookup and learns the new one.
Result<TagWriter*> Historian::Impl::writerInOrder(std::string_view tag) {
  TagWriter* tw = last_appended ? last_appended->appended_next : nullptr;
  if (!tw || *tw->name != tag) {
    auto found = writerFor(tag);
    if (!found) return found;
    tw = *found;
    if (last_appended) last_appended->appended_next = tw;
  }
  last_appended = tw;
  if (tw->appended_next) prefetchWriter(tw->appended_next);
  return tw;
}

// Into the open block, through the decimal shortcut when the value's decimal form is known.
void appendToOpen(BlockEncoder& open, std::int64_t ts, double value, const KnownDecimal* known) {
  if (known) open.appendDecimal(ts, value, *known);
  else open.append(ts, value);
}

// Into the tail block, with the decimal form the open block just found for the same value.
void appendToTail(BlockEncoder& tail, const BlockEncoder& open, std::int64_t ts, double value) {
  if (const auto known = open.lastDecimal()) tail.appendDecimal(ts, value, *known);
  else tail.append(ts, value);
}

Result<void> Historian::Impl::addSample(TagWriter& tw, std::int64_t ts, double value, const KnownDecimal* known) {
  BlockEncoder& open = tw.open;
  // Samples that go into the open block also go into the tail row of the next commit.
  const bool tail = tailEnabled();
  if (ts <= tw.stored_max_ts) {
    tw.late.push_back({ts, value});  // overlaps what earlier sessions stored: deduplicated at commit
    touch(tw);
    fold_due = true;
    appended_in_order = false;
  } else if (open.empty()) {
    appendToOpen(open, ts, value, known);
    if (tail) appendToTail(tw.tail, open, ts, value);
    tw.dirty = true;
    touch(tw);
  } else if (ts > open.lastTs()) {
    if (open.count() >= options.max_samples_per_block || open.payloadBytes() >= options.max_block_bytes ||
        spanExceeded(open.firstTs(), ts, options.max_block_span_ms)) {
      if (tw.dirty || tw.open_rowid == 0) sealed.push_back({&tw, tw.open_rowid, std::move(open)});
      open.clear();
      tw.open_rowid = 0;
    }
    appendToOpen(open, ts, value, known);
    if (tail) appendToTail(tw.tail, open, ts, value);
    tw.dirty = true;
    touch(tw);
  } else if (ts == open.lastTs()) {
    // duplicate of the newest sample: first wins
  } else if (ts >= open.firstTs() &&
             static_cast<std::uint64_t>(open.lastTs()) - static_cast<std::uint64_t>(ts) <=
                 static_cast<std::uint64_t>(options.reorder_window_ms)) {
    if (insertIntoOpenBlock(open, ts, value) && tail) tw.tail.append(ts, value);  // out of order: readers sort
    tw.dirty = true;
    touch(tw);
    appended_in_order = false;
  } else {
    tw.late.push_back({ts, value});
    touch(tw);
    fold_due = true;
    appended_in_order = false;
  }
  // A snapshot taken from memory no longer holds once a sample at or before it arrives.
  if (!pending_snapshots.empty() && ts <= pending_snapshots.back().ts_ms) {
    std::erase_if(pending_snapshots, [ts](const PendingSnapshot& s) { return ts <= s.ts_ms; });
  }
  ++pending_samples;
  max_pending_ts = std::max(max_pending_ts, ts);
  min_pending_ts = std::min(min_pending_ts, ts);
  return {};
}

std::chrono::milliseconds coarseMonotonicNow() {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
  return std::chrono::seconds(now.tv_sec) +
         std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::nanoseconds(now.tv_nsec));
}

Result<void> Historian::Impl::appendTo(TagWriter& tw, std::int64_t ts_ms, double value) {
  if (auto ok = addSample(tw, ts_ms, value); !ok) return ok;
  if (pending_samples >= options.commit_every_samples ||
      coarseMonotonicNow() - last_commit >= std::chrono::milliseconds(options.commit_every_ms)) {
    return commit();
  }
  return {};
}

Result<void> Historian::append(std::string_view tag, std::int64_t ts_ms, double value) {
  if (auto ok = requireWriter(*impl_); !ok) return ok;
  auto tw = impl_->writerInOrder(tag);
  if (!tw) return std::unexpected(tw.error());
  return impl_->appendTo(**tw, ts_ms, value);
}

Result<Historian::TagHandle> Historian::tagHandle(std::string_view tag) {
  if (auto ok = requireWriter(*impl_); !ok) return std::unexpected(ok.error());
  auto tw = impl_->writerFor(tag);  // a node of an unordered_map: its address never changes
  if (!tw) return std::unexpected(tw.error());
  TagHandle handle;
  handle.writer_ = *tw;
  return handle;
}

Result<void> Historian::append(TagHandle tag, std::int64_t ts_ms, double value) {
  if (!tag.writer_) return fail("append: no such tag handle");
  return impl_->appendTo(*static_cast<TagWriter*>(tag.writer_), ts_ms, value);
}

Result<void> Historian::appendAt(std::int64_t ts_ms, std::span<const TagHandle> tags, std::span<const double> values) {
  if (tags.size() != values.size()) {
    return fail("appendAt: " + std::to_string(tags.size()) + " tags but " + std::to_string(values.size()) + " values");
  }
  for (std::size_t i = 0; i < tags.size(); ++i) {
    if (!tags[i].writer_) return fail("append: no such tag handle");
    if (auto ok = impl_->addSample(*static_cast<TagWriter*>(tags[i].writer_), ts_ms, values[i]); !ok) return ok;
  }
  if (impl_->pending_samples >= impl_->options.commit_every_samples ||
      coarseMonotonicNow() - impl_->last_commit >= std::chrono::milliseconds(impl_->options.commit_every_ms)) {
    return impl_->commit();
  }
  return {};
}

Result<void> Historian::appendAt(std::int64_t ts_ms, std::span<const TagHandle> tags, std::span<const double> values,
                                 std::span<const KnownDecimal> decimals) {
  if (tags.size() != values.size() || tags.size() != decimals.size()) {
    return fail("appendAt: " + std::to_string(tags.size()) + " tags but " + std::to_string(values.size()) + " values and " +
                std::to_string(decimals.size()) + " decimals");
  }
  for (std::size_t i = 0; i < tags.size(); ++i) {
    if (!tags[i].writer_) return fail("append: no such tag handle");
    auto& tw = *static_cast<TagWriter*>(tags[i].writer_);
    if (auto ok = impl_->addSample(tw, ts_ms, values[i], &decimals[i]); !ok) return ok;
  }
  if (impl_->pending_samples >= impl_->options.commit_every_samples ||
      coarseMonotonicNow() - impl_->last_commit >= std::chrono::milliseconds(impl_->options.commit_every_ms)) {
    return impl_->commit();
  }
  return {};
}

Result<void> Historian::appendEvent(Event&& event, PayloadCheck check) {
  if (check == PayloadCheck::validate) return appendEvent(event);
  if (auto ok = requireWriter(*impl_); !ok) return ok;
  impl_->pending_events.push_back(std::move(event));
  return {};
}

Result<void> Historian::appendEvent(const Event& event) {
  if (auto ok = requireWriter(*impl_); !ok) return ok;
  if (!event.payload_json.empty()) {
    if (!impl_->json_check) {  // prepared once: runs write an event every few simulated minutes
      auto prepared = impl_->reader.prepare("SELECT json_valid(?)");
      if (!prepared) return std::unexpected(prepared.error());
      impl_->json_check.emplace(std::move(*prepared));
    }
    sql::Statement& check = *impl_->json_check;
    check.bind(1, std::string_view(event.payload_json));
    auto row = check.step();
    if (!row) return std::unexpected(row.error());
    const bool valid = *row && check.int64(0) == 1;
    check.reset();
    if (!valid) return fail("event at " + std::to_string(event.ts_ms) + ": payload is not valid JSON");
  }
  impl_->pending_events.push_back(event);
  return {};
}

Result<void> Historian::snapshotAt(std::int64_t t_ms) {
  if (auto ok = requireWriter(*impl_); !ok) return ok;
  const auto refuse = [&](const std::string& why) {
    return fail(impl_->path + ": no snapshot at " + std::to_string(t_ms) + " from memory: " + why);
  };
  if (!impl_->fresh_file) return refuse("the file held samples before this session");
  if (!impl_->appended_in_order) return refuse("a sample came out of time order");
  Impl::PendingSnapshot snapshot{t_ms, {}};
  snapshot.state.reserve(impl_->tag_writers.size());
  for (auto& [name, tw] : impl_->tag_writers) {
    if (tw.open.empty()) continue;  // nothing appended to this tag yet
    if (tw.open.lastTs() > t_ms) return refuse("tag '" + name + "' has a sample after it");
    snapshot.state.emplace_back(&tw, Sample{tw.open.lastTs(), tw.open.lastValue()});
  }
  impl_->pending_snapshots.push_back(std::move(snapshot));
  return {};
}

Result<FlushResult> Historian::flush() {
  if (auto ok = requireWriter(*impl_); !ok) return std::unexpected(ok.error());
  if (auto ok = impl_->commit(); !ok) return std::unexpected(ok.error());
  if (auto ok = impl_->settle(); !ok) return std::unexpected(ok.error());  // a commit it queued
  return FlushResult{impl_->durable_samples, impl_->durable_until_ms};
}

}  // namespace parktwin::store
