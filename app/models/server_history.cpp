#include "server_history.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtNumeric>
#include <algorithm>
#include <utility>

#include "parktwin/store/types.hpp"

namespace parktwin::app {

namespace {
constexpr int kFirstRetryMs = 1000;
constexpr int kLongestRetryMs = 10'000;  // as the live link: a restarted server is seen within ten seconds

// The rows of a columnar answer ({"columns": [...], key: [[...], ...]}) as tag → value.
QHash<QString, double> stateValues(const QJsonObject& body) {
  const QJsonArray columns = body.value("columns").toArray();
  qsizetype tag = -1, v = -1;
  for (qsizetype i = 0; i < columns.size(); ++i) {
    if (columns.at(i).toString() == QLatin1String("tag")) tag = i;
    if (columns.at(i).toString() == QLatin1String("v")) v = i;
  }
  QHash<QString, double> values;
  if (tag < 0 || v < 0) return values;
  for (const auto& row : body.value("values").toArray()) {
    const QJsonArray r = row.toArray();
    values.insert(r.at(tag).toString(), r.at(v).isDouble() ? r.at(v).toDouble() : qQNaN());
  }
  return values;
}

// Rule id -> when the violation it is in at the state's time began, as the server worked it out
// from its history (docs/server.md, GET state's alarm_onsets).
QHash<QString, qint64> alarmOnsets(const QJsonObject& body) {
  QHash<QString, qint64> onsets;
  const QJsonObject given = body.value("alarm_onsets").toObject();
  for (auto it = given.begin(); it != given.end(); ++it) onsets.insert(it.key(), qint64(it.value().toDouble()));
  return onsets;
}

std::vector<store::Event> storedEvents(const QJsonArray& events) {
  std::vector<store::Event> out;
  out.reserve(std::size_t(events.size()));
  for (const auto& item : events) {
    const QJsonObject e = item.toObject();
    const QJsonValue payload = e.value("payload");
    out.push_back({qint64(e.value("ts").toDouble()), e.value("kind").toString().toStdString(),
                   e.value("severity").toInt(), e.value("object").toString().toStdString(),
                   e.value("message").toString().toStdString(),
                   payload.isObject() ? QJsonDocument(payload.toObject()).toJson(QJsonDocument::Compact).toStdString()
                   : payload.isArray() ? QJsonDocument(payload.toArray()).toJson(QJsonDocument::Compact).toStdString()
                                       : std::string()});
  }
  return out;
}
}  // namespace

std::optional<QUrl> serverBaseUrl(const QString& url) {
  const QUrl base(url.trimmed(), QUrl::StrictMode);
  if (!base.isValid() || (base.scheme() != "http" && base.scheme() != "https") || base.host().isEmpty()) return std::nullopt;
  return base;
}

QVariantList bucketMeans(const QJsonArray& buckets) {
  QVariantList means;
  for (const auto& b : buckets) {
    const QJsonArray bucket = b.toArray();  // from, to, count, min, max, mean, last
    means.push_back(bucket.at(2).toInt() > 0 ? bucket.at(5).toDouble() : qQNaN());
  }
  return means;
}

std::optional<std::vector<store::StateSpan>> answeredSpans(const QJsonObject& body) {
  const QJsonArray columns = body.value("columns").toArray();
  if (columns.size() != 3 || columns.at(0).toString() != QLatin1String("from") || columns.at(1).toString() != QLatin1String("to") ||
      columns.at(2).toString() != QLatin1String("state") || !body.value("spans").isArray()) {
    return std::nullopt;
  }
  std::vector<store::StateSpan> spans;
  for (const auto& row : body.value("spans").toArray()) {
    const QJsonArray r = row.toArray();
    if (r.size() != 3 || !r.at(0).isDouble() || !r.at(1).isDouble() || !r.at(2).isDouble()) return std::nullopt;
    spans.push_back({qint64(r.at(0).toDouble()), qint64(r.at(1).toDouble()), r.at(2).toInt()});
  }
  return spans;
}

// The two answers one state read waits for.
struct ServerHistory::PendingState {
  quint64 generation = 0;
  qint64 t_ms = 0;
  int waiting = 2;
  QString error;
  QHash<QString, double> values;
  QHash<QString, qint64> alarmOnsets;
  std::vector<store::Event> events;
};

ServerHistory::ServerHistory(QUrl base, QString token, QString park, QObject* parent)
    : HistorySource(parent), link_(std::move(base), std::move(token), std::move(park), [](const QString&, qint64, double) {},
            [](const QString&, qint64) {}) {
  retry_.setSingleShot(true);
}

ServerHistory::~ServerHistory() = default;

void ServerHistory::readAt(qint64 t_ms) {
  retry_.stop();  // a newer position replaces one waiting to be tried again
  auto pending = std::make_shared<PendingState>();
  pending->generation = ++generation_;
  pending->t_ms = t_ms;
  link_.get(QStringLiteral("state?at=%1").arg(t_ms), [this, pending](const QJsonDocument& doc, const QString& error) {
    if (error.isEmpty()) {
      pending->values = stateValues(doc.object());
      pending->alarmOnsets = alarmOnsets(doc.object());
    } else {
      pending->error = error;
    }
    finishState(pending);
  });
  link_.get(QStringLiteral("events?from=%1&to=%2").arg(t_ms - kLongestLadleTrip_ms).arg(t_ms),
            [this, pending](const QJsonDocument& doc, const QString& error) {
              if (error.isEmpty()) pending->events = storedEvents(doc.array());
              else pending->error = error;
              finishState(pending);
            });
}

void ServerHistory::finishState(const std::shared_ptr<PendingState>& pending) {
  if (--pending->waiting > 0) return;
  if (pending->generation != generation_) return;  // a newer T was asked since: it wins
  if (!pending->error.isEmpty()) {
    const qint64 t = pending->t_ms;
    retryLater([this, t] { readAt(t); }, pending->error);
    return;
  }
  succeeded();
  const QVariantList ladles = ladlesAt(pending->events, pending->t_ms, [this](const std::string& message) {
    if (reportedUnreadableEvent_) return;  // once per server: the same event is read at every tick
    reportedUnreadableEvent_ = true;
    emit eventUnreadable(QString::fromStdString(message));
  });
  emit stateRead(pending->t_ms, pending->values, ladles, pending->alarmOnsets);
}

// The park first: a desk that shows another park than the server's replays the server's (as the
// live link follows it), where asking for its own would be refused (404) at every retry.
void ServerHistory::readSpan() {
  link_.followServedPark([this](const QString& failure) {
    if (failure.isEmpty()) readSpanOfServedPark();
    else retryLater([this] { readSpan(); }, failure);
  });
}

void ServerHistory::readSpanOfServedPark() {
  link_.get(QStringLiteral("history"), [this](const QJsonDocument& doc, const QString& error) {
    if (!error.isEmpty()) {
      retryLater([this] { readSpan(); }, error);
      return;
    }
    succeeded();
    const QJsonObject span = doc.object();
    if (!span.value("first_ms").isDouble() || !span.value("last_ms").isDouble()) {
      emit failed(tr("the server holds no samples yet"));
      return;
    }
    emit spanRead(qint64(span.value("first_ms").toDouble()), qint64(span.value("last_ms").toDouble()));
  });
}

void ServerHistory::readSeries(const QStringList& tags, qint64 t0_ms, qint64 t1_ms, int buckets) {
  if (tags.isEmpty()) return;
  if (seriesInFlight_) {
    nextSeries_ = SeriesAsk{tags, t0_ms, t1_ms, buckets};
    return;
  }
  seriesInFlight_ = true;
  auto series = std::make_shared<QVariantMap>();
  auto waiting = std::make_shared<qsizetype>(tags.size());
  for (const QString& tag : tags) {
    const QString query = QStringLiteral("series?tag=%1&from=%2&to=%3&points=%4")
                              .arg(QString::fromLatin1(QUrl::toPercentEncoding(tag)))
                              .arg(t0_ms)
                              .arg(t1_ms)
                              .arg(buckets);
    link_.get(query, [this, tags, tag, series, waiting](const QJsonDocument& doc, const QString& error) {
      if (error.isEmpty()) series->insert(tag, bucketMeans(doc.object().value("buckets").toArray()));
      if (--*waiting > 0) return;
      // Sparklines of tags no longer shown (another object selected meanwhile) are not drawn.
      if (!nextSeries_ || nextSeries_->tags == tags) emit seriesRead(*series);
      seriesAnswered();
    });
  }
}

void ServerHistory::seriesAnswered() {
  seriesInFlight_ = false;
  if (!nextSeries_) return;
  const SeriesAsk next = *std::exchange(nextSeries_, std::nullopt);
  readSeries(next.tags, next.t0_ms, next.t1_ms, next.buckets);
}

// A failed read is not retried: the timeline asks again when data time moves on by a bucket,
// and the state reads already report why the server cannot answer.
void ServerHistory::readStates(const QString& tag, qint64 t0_ms, qint64 t1_ms) {
  if (statesInFlight_) {
    nextStates_ = StatesAsk{tag, t0_ms, t1_ms};
    return;
  }
  statesInFlight_ = true;
  const QString query = QStringLiteral("spans?tag=%1&from=%2&to=%3")
                            .arg(QString::fromLatin1(QUrl::toPercentEncoding(tag)))
                            .arg(t0_ms)
                            .arg(t1_ms);
  link_.get(query, [this, tag, t0_ms, t1_ms](const QJsonDocument& doc, const QString& error) {
    // An answer for a tag no longer shown (another line selected meanwhile) is not drawn.
    const bool current = !nextStates_ || nextStates_->tag == tag;
    if (error.isEmpty() && current) {
      if (auto spans = answeredSpans(doc.object())) emit statesRead(stateHistoryMap(tag, t0_ms, t1_ms, *spans));
    }
    statesAnswered();
  });
}

void ServerHistory::statesAnswered() {
  statesInFlight_ = false;
  if (!nextStates_) return;
  const StatesAsk next = *std::exchange(nextStates_, std::nullopt);
  readStates(next.tag, next.t0_ms, next.t1_ms);
}

void ServerHistory::retryLater(std::function<void()> again, const QString& why) {
  if (why != problem_) {
    problem_ = why;
    emit problemChanged(problem_);
  }
  retryDelayMs_ = retryDelayMs_ == 0 ? kFirstRetryMs : std::min(retryDelayMs_ * 2, kLongestRetryMs);
  retry_.disconnect();
  connect(&retry_, &QTimer::timeout, this, std::move(again));
  retry_.start(retryDelayMs_);
}

void ServerHistory::succeeded() {
  retryDelayMs_ = 0;
  if (problem_.isEmpty()) return;
  problem_.clear();
  emit problemChanged(problem_);
}

}  // namespace parktwin::app
