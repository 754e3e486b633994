#include "history_reader.hpp"

#include "parktwin/store/store.hpp"
#include "parktwin/store/state_spans.hpp"

namespace parktwin::app {

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
  auto spans = store::storedStateSpans(*historian_, tag.toStdString(), t0_ms, t1_ms);
  if (!spans) return;
  emit statesRead(stateHistoryMap(tag, t0_ms, t1_ms, *spans));
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
