#include "run_history.hpp"

#include <cctype>
#include <filesystem>
#include <limits>

#include "parktwin/model/kinds.hpp"
#include "parktwin/store/schema.hpp"
#include "parktwin/store/store_uri.hpp"

namespace parktwin::scenario::detail {

std::string RunHistory::storeParkName(const std::string& uriPark, const std::string& scenarioId, bool changed) {
  std::string name = uriPark + "_" + scenarioId + (changed ? "_scenario" : "_baseline");
  // Store parks are letters, digits and _ (store URIs); scenario ids may hold '-'.
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

namespace {

// A run's file is written under this name and renamed when finished: a run that dies half-way
// leaves no file the window would open (written without a journal, it may be corrupt).
std::string partialName(const std::string& file) { return file + ".partial"; }

void removeDatabase(const std::string& file) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(file + suffix, ec);
}

Result<store::Historian> openRunFile(const std::string& file) {
  removeDatabase(file);
  removeDatabase(partialName(file));
  store::HistorianOptions ho;
  // A new file written in one go and redone if it dies: no journal until finish().
  ho.durability = store::Durability::WriteOnce;
  // Blocks of a day at most (schema 6): a 1/min tag's block then holds 256 samples instead of
  // an hour's 60, a quarter of the rows to insert and index.
  ho.max_block_span_ms = store::kLongestBlockSpanMs;
  ho.commit_every_ms = 60'000;
  ho.commit_every_samples = 2'000'000;
  // Seek points come from RunHistory::beforeSamplesAt, out of what was written: the historian's
  // own ones read the blocks back (stateAt at each point), a third of the run's storage time.
  ho.snapshot_every_ms = 0;
  // A run's few hundred tags read fast from block rows; moving a year of them into group rows
  // would add to the run's time for nothing.
  ho.compact_segments = false;
  return store::Historian::open(partialName(file), ho);
}

}  // namespace

Result<RunHistory> RunHistory::open(const std::string& folder, const std::string& storeUri, const std::string& scenarioId,
                                    bool changed, const model::Park& park, std::size_t ownTags) {
  RunHistory h;
  if (!storeUri.empty()) {
    auto parsed = store::parseStoreUri(storeUri);
    if (!parsed) return std::unexpected(parsed.error());
    // Appended last, park and spool override the URI's own (parameters apply in order). The two
    // runs write at once, so each needs a spool of its own (a spool admits one writer).
    const std::string runPark = storeParkName(parsed->clickhouse.park, scenarioId, changed);
    const std::string runSpool = parsed->clickhouse.spool_dir + (changed ? "-scenario" : "-baseline");
    auto opened = store::openStore(storeUri + (storeUri.find('?') == std::string::npos ? "?" : "&") + "park=" + runPark +
                                   "&spool=" + runSpool);
    if (!opened) return std::unexpected(opened.error());
    h.store_ = std::move(*opened);
    h.where_ = h.store_->describe();
    for (std::size_t i = 0; i < ownTags; ++i) {
      const auto& tag = park.tags[i];
      if (auto ok = h.store_->defineTag(tag.id, tag.unit, model::toText(tag.kind)); !ok) return std::unexpected(ok.error());
      h.tagNames_.push_back(tag.id);
    }
    return h;
  }
  if (folder.empty()) return h;
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  h.where_ = (std::filesystem::path(folder) / (scenarioId + (changed ? "-scenario.db" : "-baseline.db"))).string();
  auto opened = openRunFile(h.where_);
  if (!opened) return fail(h.where_ + ": " + opened.error().message);
  h.historian_.emplace(std::move(*opened));
  for (std::size_t i = 0; i < ownTags; ++i) {
    const auto& tag = park.tags[i];
    if (auto ok = h.historian_->defineTag(tag.id, tag.unit, model::toText(tag.kind)); !ok) return std::unexpected(ok.error());
    auto handle = h.historian_->tagHandle(tag.id);
    if (!handle) return std::unexpected(handle.error());
    h.handles_.push_back(*handle);
  }
  return h;
}

Result<void> RunHistory::beforeSamplesAt(std::int64_t t_ms) {
  if (!historian_) return {};
  // Seek points every 6 h of data: a seek then decodes at most ~7 one-hour blocks per tag.
  if (!nextSnapshotMs_) nextSnapshotMs_ = (t_ms / kSnapshotEveryMs + (t_ms >= 0 ? 1 : 0)) * kSnapshotEveryMs;
  while (*nextSnapshotMs_ < t_ms) {
    if (auto ok = historian_->snapshotAt(*nextSnapshotMs_); !ok) return ok;
    *nextSnapshotMs_ += kSnapshotEveryMs;
  }
  return {};
}

Result<void> RunHistory::appendStep(std::int64_t t_ms, std::span<const double> values, std::span<const std::int64_t> scaled,
                                    std::span<const int> decimals, bool onlyChanges, bool everyTag) {
  const std::size_t tags = historian_ ? handles_.size() : tagNames_.size();
  if (values.size() != tags || scaled.size() != tags || decimals.size() != tags)
    return fail(where_ + ": a step of " + std::to_string(values.size()) + " values for " + std::to_string(tags) + " tags");
  if (lastWritten_.size() != tags) {  // the first step: the column is sized once for every tag
    lastWritten_.assign(tags, std::numeric_limits<double>::quiet_NaN());
    stepHandles_.resize(tags);
    stepValues_.resize(tags);
    stepDecimals_.resize(tags);
  }
  std::size_t n = 0;
  for (std::size_t i = 0; i < tags; ++i) {
    const double value = values[i];
    if (onlyChanges && !everyTag && value == lastWritten_[i]) continue;
    lastWritten_[i] = value;
    if (!historian_) {
      if (auto ok = store_->append(tagNames_[i], t_ms, value); !ok) return ok;
      continue;
    }
    stepHandles_[n] = handles_[i];
    stepValues_[n] = value;
    stepDecimals_[n] = {scaled[i], decimals[i]};
    ++n;
  }
  if (!historian_) return {};
  return historian_->appendAt(t_ms, std::span(stepHandles_).first(n), std::span(stepValues_).first(n),
                              std::span(stepDecimals_).first(n));
}

Result<void> RunHistory::appendEvent(store::Event&& event) {
  if (historian_) return historian_->appendEvent(std::move(event), store::Historian::PayloadCheck::built_by_codec);
  return store_->appendEvent(event);
}

Result<void> RunHistory::finish() {
  if (!historian_) {
    auto flushed = store_->flush();
    if (!flushed) return std::unexpected(flushed.error());
    return {};
  }
  auto finished = historian_->finishWriteOnce();
  if (!finished) return std::unexpected(finished.error());
  historian_.reset();  // closes the file (its -wal is checkpointed and removed) before the rename
  std::error_code ec;
  std::filesystem::rename(partialName(where_), where_, ec);
  if (ec) return fail(partialName(where_) + ": cannot rename to " + where_ + ": " + ec.message());
  return {};
}

}  // namespace parktwin::scenario::detail
