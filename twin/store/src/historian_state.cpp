// stateAt(T): the nearest snapshot at or before T, then the blocks that may hold later samples.
#include <algorithm>
#include <bit>
#include <unordered_map>

#include "historian_impl.hpp"
#include "parktwin/store/schema.hpp"
#include "snapshot_codec.hpp"

namespace parktwin::store {

Result<std::vector<std::pair<std::int64_t, Sample>>> Historian::Impl::stateById(std::int64_t t_ms) {
  std::unordered_map<std::int64_t, Sample> state;
  std::int64_t snapshotTs = INT64_MIN;
  bool haveSnapshot = false;
  {
    auto snap = reader.prepare("SELECT ts_ms, payload FROM snapshots WHERE ts_ms <= ? ORDER BY ts_ms DESC LIMIT 1");
    if (!snap) return std::unexpected(snap.error());
    snap->bind(1, t_ms);
    auto row = snap->step();
    if (!row) return std::unexpected(row.error());
    if (*row) {
      haveSnapshot = true;
      snapshotTs = snap->int64(0);
      auto entries = decodeSnapshot(snap->blob(1));
      if (!entries) return fail(reader.path() + ": snapshot at " + std::to_string(snapshotTs) + ": " + entries.error().message);
      state.reserve(entries->size());
      for (const auto& e : *entries) state[e.tag_id] = {e.ts_ms, e.value};
      snap->reset();
    }
  }
  // Blocks that may hold a sample in (snapshot, T]: they end after the snapshot and start at
  // most kMaxBlockSpanMs before it (every block spans at most that), so the time index bounds the scan.
  auto blocks = reader.prepare(
      "SELECT tag_id, t_end_ms, last_value_bits, CASE WHEN t_end_ms > ?2 THEN payload END FROM blocks "
      "WHERE t_start_ms >= ?1 AND t_start_ms <= ?2 AND t_end_ms >= ?3");
  if (!blocks) return std::unexpected(blocks.error());
  const std::int64_t lowStart = !haveSnapshot || snapshotTs < INT64_MIN + kMaxBlockSpanMs ? INT64_MIN : snapshotTs - kMaxBlockSpanMs;
  const std::int64_t lowEnd = haveSnapshot ? snapshotTs + 1 : INT64_MIN;
  blocks->bind(1, lowStart).bind(2, t_ms).bind(3, lowEnd);
  for (;;) {
    auto row = blocks->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    const std::int64_t tag = blocks->int64(0);
    Sample last{blocks->int64(1), std::bit_cast<double>(blocks->int64(2))};
    if (last.ts_ms > t_ms) {
      // Only a block that straddles T is decoded; any other block's last sample is in its row.
      auto samples = decodeBlock(blocks->blob(3), t_ms);
      if (!samples) {
        blocks->reset();
        return fail(reader.path() + ": tag id " + std::to_string(tag) + ": " + samples.error().message);
      }
      if (samples->empty()) continue;
      last = samples->back();
    }
    auto [it, inserted] = state.try_emplace(tag, last);
    if (!inserted && last.ts_ms > it->second.ts_ms) it->second = last;
  }
  std::vector<std::pair<std::int64_t, Sample>> out(state.begin(), state.end());
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

Result<std::vector<TagState>> Historian::stateAt(std::int64_t t_ms) {
  auto byId = impl_->stateById(t_ms);
  if (!byId) return std::unexpected(byId.error());
  auto tagList = tags();
  if (!tagList) return std::unexpected(tagList.error());
  std::unordered_map<std::int64_t, const std::string*> names;
  for (const auto& t : *tagList) names[t.id] = &t.name;
  std::vector<TagState> out;
  out.reserve(byId->size());
  for (const auto& [id, s] : *byId) {
    auto it = names.find(id);
    if (it != names.end()) out.push_back({*it->second, s.ts_ms, s.value});
  }
  std::sort(out.begin(), out.end(), [](const TagState& a, const TagState& b) { return a.tag < b.tag; });
  return out;
}

}  // namespace parktwin::store
