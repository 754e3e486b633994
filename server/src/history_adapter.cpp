#include "history_adapter.hpp"

#include <algorithm>
#include <utility>

namespace parktwin::server {

class HistoryAdapter::Reader {
 public:
  Reader(HistoryAdapter& owner, std::unique_ptr<store::Store> historian)
      : owner_(&owner), historian_(std::move(historian)) {}
  Reader(Reader&& other) noexcept : owner_(other.owner_), historian_(std::move(other.historian_)) {}
  Reader& operator=(Reader&&) = delete;
  ~Reader() {
    if (!historian_) return;
    std::lock_guard lock(owner_->readersMutex_);
    owner_->idleReaders_.push_back(std::move(historian_));
  }
  store::Store* operator->() { return historian_.get(); }
  store::Store* get() { return historian_.get(); }

 private:
  HistoryAdapter* owner_;
  std::unique_ptr<store::Store> historian_;
};

HistoryAdapter::HistoryAdapter(std::string uri, std::unique_ptr<store::Store> writer)
    : uri_(std::move(uri)), writer_(std::move(writer)) {}

HistoryAdapter::~HistoryAdapter() = default;

Result<std::unique_ptr<HistoryAdapter>> HistoryAdapter::open(const std::string& uri, const model::Park& park) {
  store::StoreOptions options;
  // Readers see committed data only: commit often enough that the API is at most this late.
  options.historian.commit_every_ms = 250;
  auto writer = store::openStore(uri, options);
  if (!writer) return std::unexpected(writer.error());
  for (const auto& tag : park.tags) {
    if (auto defined = (*writer)->defineTag(tag.id, tag.unit, model::toText(tag.kind)); !defined) {
      return std::unexpected(defined.error());
    }
  }
  if (auto flushed = (*writer)->flush(); !flushed) return std::unexpected(flushed.error());
  return std::unique_ptr<HistoryAdapter>(new HistoryAdapter(uri, std::move(*writer)));
}

void HistoryAdapter::append(std::string_view tag, std::int64_t ts_ms, double value) {
  std::lock_guard lock(writeMutex_);
  recording_.note(writer_->append(tag, ts_ms, value));
  oldestUncommittedMs_ = std::min(oldestUncommittedMs_, ts_ms);
}

Result<void> HistoryAdapter::commit() {
  std::lock_guard lock(writeMutex_);
  auto flushed = writer_->flush();
  // After the flush: a read that starts now sees the samples; one that started before may not,
  // and its answer is not kept (the cache's ticket).
  if (oldestUncommittedMs_ != INT64_MAX) answerCache_.invalidateFrom(std::exchange(oldestUncommittedMs_, INT64_MAX));
  Result<void> outcome = flushed ? Result<void>{} : Result<void>{std::unexpected(flushed.error())};
  recording_.note(outcome);
  return outcome;
}

namespace {
// A write made durable before the caller answers (an event or acknowledgement the API reports).
Result<void> committed(store::Store& writer, Result<void> written) {
  if (!written) return written;
  auto flushed = writer.flush();
  if (!flushed) return std::unexpected(flushed.error());
  return {};
}
}  // namespace

Result<void> HistoryAdapter::recordEvent(const store::Event& event) {
  std::lock_guard lock(writeMutex_);
  return committed(*writer_, writer_->appendEvent(event));
}

Result<void> HistoryAdapter::recordAcknowledgement(const store::Acknowledgement& ack) {
  std::lock_guard lock(writeMutex_);
  return committed(*writer_, writer_->acknowledge(ack));
}

Result<store::FlushResult> HistoryAdapter::close() {
  std::lock_guard lock(writeMutex_);
  return writer_->flush();
}

Result<HistoryAdapter::Reader> HistoryAdapter::borrowReader() {
  {
    std::lock_guard lock(readersMutex_);
    if (!idleReaders_.empty()) {
      auto historian = std::move(idleReaders_.back());
      idleReaders_.pop_back();
      return Reader(*this, std::move(historian));
    }
  }
  store::StoreOptions readOnly;
  readOnly.read_only = true;
  auto opened = store::openStore(uri_, readOnly);
  if (!opened) return std::unexpected(opened.error());
  return Reader(*this, std::move(*opened));
}

Result<std::vector<store::TagState>> HistoryAdapter::stateAt(std::int64_t t_ms) {
  auto reader = borrowReader();
  if (!reader) return std::unexpected(reader.error());
  return (*reader)->stateAt(t_ms);
}

Result<std::vector<store::Bucket>> HistoryAdapter::downsample(std::string_view tag, std::int64_t t0_ms, std::int64_t t1_ms,
                                                              std::size_t buckets) {
  auto reader = borrowReader();
  if (!reader) return std::unexpected(reader.error());
  return (*reader)->downsample(tag, t0_ms, t1_ms, buckets);
}

Result<std::vector<store::Event>> HistoryAdapter::eventsBetween(std::int64_t t0_ms, std::int64_t t1_ms,
                                                                const store::EventFilter& filter) {
  auto reader = borrowReader();
  if (!reader) return std::unexpected(reader.error());
  return (*reader)->eventsBetween(t0_ms, t1_ms, filter);
}

Result<std::vector<store::TagSummary>> HistoryAdapter::summary() {
  auto reader = borrowReader();
  if (!reader) return std::unexpected(reader.error());
  return (*reader)->summary();
}

Result<std::vector<store::Sample>> HistoryAdapter::samplesBetween(std::string_view tag, std::int64_t t0_ms,
                                                                 std::int64_t t1_ms) {
  auto reader = borrowReader();
  if (!reader) return std::unexpected(reader.error());
  return (*reader)->samplesBetween(tag, t0_ms, t1_ms);
}

Result<std::vector<store::StateSpan>> HistoryAdapter::stateSpans(std::string_view tag, std::int64_t t0_ms,
                                                                 std::int64_t t1_ms) {
  auto reader = borrowReader();
  if (!reader) return std::unexpected(reader.error());
  return store::storedStateSpans(*reader->get(), tag, t0_ms, t1_ms);
}

Result<std::vector<store::Acknowledgement>> HistoryAdapter::acknowledgementsBetween(std::int64_t t0_ms, std::int64_t t1_ms) {
  auto reader = borrowReader();
  if (!reader) return std::unexpected(reader.error());
  return (*reader)->acknowledgementsBetween(t0_ms, t1_ms);
}

}  // namespace parktwin::server
