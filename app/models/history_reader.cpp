#include "history_reader.hpp"

#include "parktwin/store/store.hpp"
#include "parktwin/store/state_spans.hpp"

namespace parktwin::app {

namespace {
constexpr qint64 kStateLookback_ms = 24 * 3'600'000;
}  // namespace

HistoryReader::HistoryReader(QString path) : path_(std::move(path)) {}
HistoryReader::~HistoryReader() = default;

bool HistoryReader::ensureOpen() {
  if (historian_) return true;
  store::StoreOptions options;
  options.read_only = true;
  auto opened = store::openStore(path_.toStdString(), options);
  if (!opened) {
    emit failed(QString::fromStdString(opened.error().message));
    return false;
  }
  historian_ = std::move(*opened);
  return true;
}

void HistoryReader::readSeries(const QStringList& tags, qint64 t0_ms, qint64 t1_ms, int buckets) {
  if (!ensureOpen()) return;
  QVariantMap series;
  for (const QString& tag : tags) {
    auto b = historian_->downsample(tag.toStdString(), t0_ms, t1_ms, std::size_t(buckets));
    if (!b) continue;
    QVariantList means;
    for (const auto& bucket : *b) means.push_back(bucket.count ? bucket.mean : qQNaN());
    series.insert(tag, means);
  }
  emit seriesRead(series);
}

void HistoryReader::readStates(const QString& tag, qint64 t0_ms, qint64 t1_ms) {
  if (!ensureOpen()) return;
  // The state at t0 is the last report before it: lines report on change, so look back a day.
  auto samples = historian_->samplesBetween(tag.toStdString(), t0_ms - kStateLookback_ms, t1_ms);
  if (!samples) return;
  QVariantList spans, shares;
  const auto stateSpans = store::stateSpans(*samples, t0_ms, t1_ms);
  for (const auto& s : stateSpans) {
    spans.push_back(QVariantMap{{"from", double(s.from_ms)}, {"to", double(s.to_ms)}, {"state", s.state}});
  }
  for (const auto& s : store::stateShares(stateSpans)) shares.push_back(QVariantMap{{"state", s.state}, {"share", s.share}});
  emit statesRead(QVariantMap{{"tag", tag}, {"from", double(t0_ms)}, {"to", double(t1_ms)}, {"spans", spans}, {"shares", shares}});
}

void HistoryReader::reportUnreadableEvent(const std::string& message) {
  // Once per file: the same bad event is read again at every tick of its half hour.
  if (reportedUnreadableEvent_) return;
  reportedUnreadableEvent_ = true;
  emit eventUnreadable(QString::fromStdString(message));
}

void HistoryReader::readAt(qint64 t_ms) {
  if (!ensureOpen()) return;
  auto state = historian_->stateAt(t_ms);
  if (!state) {
    emit failed(QString::fromStdString(state.error().message));
    return;
  }
  QHash<QString, double> values;
  values.reserve(qsizetype(state->size()));
  for (const auto& s : *state) values.insert(QString::fromStdString(s.tag), s.value);

  QVariantList ladles;
  if (auto events = historian_->eventsBetween(t_ms - kLongestLadleTrip_ms, t_ms)) {
    ladles = ladlesAt(*events, t_ms, [this](const std::string& m) { reportUnreadableEvent(m); });
  }
  emit stateRead(t_ms, values, ladles);
}

}  // namespace parktwin::app
