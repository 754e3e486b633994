#pragma once
// Where one run of a scenario keeps its samples and events for replay: a historian file of its
// own in a folder (written by tag handle, the fast path), or a store named by a URI (a ClickHouse
// cluster), each run as a park of its own there.
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/model/park.hpp"
#include "parktwin/store/historian.hpp"
#include "parktwin/store/store.hpp"

namespace parktwin::scenario::detail {

class RunHistory {
 public:
  // Nothing kept when both `folder` and `storeUri` are empty. `tags`: the first `ownTags` of the
  // park's tags are stored, in this order (appendStep's tagIndexes).
  static Result<RunHistory> open(const std::string& folder, const std::string& storeUri, const std::string& scenarioId,
                                 bool changed, const model::Park& park, std::size_t ownTags);
  // The park a run gets in a store: "<URI's park>_<scenario id>_<baseline|scenario>", as a word.
  static std::string storeParkName(const std::string& uriPark, const std::string& scenarioId, bool changed);

  bool active() const { return historian_.has_value() || store_ != nullptr; }
  // The samples of one step, all at `t_ms`, from the simulator's columns (its first ownTags
  // tags): values, and each as the simulator's integer and exponent (scaled, decimals) for the
  // encoder. With `onlyChanges` a tag is written only when its value differs from the last one
  // it wrote (NaN always differs); `everyTag` writes all the same (a run's first and last step).
  Result<void> appendStep(std::int64_t t_ms, std::span<const double> values, std::span<const std::int64_t> scaled,
                          std::span<const int> decimals, bool onlyChanges, bool everyTag);
  // An event from sim::encodeEvent (its payload is valid JSON by construction).
  Result<void> appendEvent(store::Event&& event);
  // Before the first sample after `t_ms`: the historian file's seek points are taken from what
  // was written (store::Historian::snapshotAt), every kSnapshotEveryMs of data time. A store
  // (ClickHouse) keeps none.
  Result<void> beforeSamplesAt(std::int64_t t_ms);
  static constexpr std::int64_t kSnapshotEveryMs = 6 * 3'600'000;
  // Commits the rest; a historian file is then made durable and renamed from its partial name
  // ("<file>.partial", written without a journal) to where(). Nothing can be appended after.
  Result<void> finish();
  // The file or store written, for messages and RunResult::historian_file.
  const std::string& where() const { return where_; }

 private:
  std::optional<store::Historian> historian_;
  std::vector<store::Historian::TagHandle> handles_;
  // appendStep's: the last value written per tag, and the step's column, reused.
  std::vector<double> lastWritten_;
  std::vector<store::Historian::TagHandle> stepHandles_;
  std::vector<double> stepValues_;
  std::vector<store::KnownDecimal> stepDecimals_;
  std::unique_ptr<store::Store> store_;
  std::vector<std::string> tagNames_;
  std::string where_;
  std::optional<std::int64_t> nextSnapshotMs_;
};

}  // namespace parktwin::scenario::detail
