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

void HistoryReader::setAlarmRules(std::vector<model::AlarmRule> rules) { alarmOnsets_.emplace(std::move(rules)); }

// When each alarm rule broken at T began, from the tags' samples (the rule parktwin-server
// follows at its start). A failed read leaves them out: the alarms then show since T.
QHash<QString, qint64> HistoryReader::alarmOnsetsAt(qint64 t_ms, const QHash<QString, double>& values) {
  QHash<QString, qint64> out;
  if (!alarmOnsets_) return out;
  const auto valueOf = [&values](const std::string& tag) -> std::optional<double> {
    const auto it = values.constFind(QString::fromStdString(tag));
    return it == values.constEnd() ? std::nullopt : std::optional<double>(it.value());
  };
  const model::ReadTagSamples read = [this](const std::string& tag, std::int64_t t0_ms,
                                            std::int64_t t1_ms) -> Result<model::TagSamples> {
    auto samples = historian_->samplesBetween(tag, t0_ms, t1_ms);
    if (!samples) return std::unexpected(samples.error());
    model::TagSamples columns;
    for (const auto& s : *samples) columns.ts_ms.push_back(s.ts_ms), columns.values.push_back(s.value);
    return columns;
  };
  if (auto onsets = alarmOnsets_->at(t_ms, valueOf, read)) {
    for (const auto& [rule, since] : *onsets) out.insert(QString::fromStdString(rule), since);
  }
  return out;
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
  emit stateRead(t_ms, values, ladles, alarmOnsetsAt(t_ms, values));
}

}  // namespace parktwin::app
