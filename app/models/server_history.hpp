#pragma once
// The HistorySource of a parktwin-server (docs/server.md): the state at T from GET .../state,
// the ladles under way from GET .../events, sparklines from GET .../series, a line's state bar
// from GET .../spans, and the span of the stored history from GET .../history. Everything is asynchronous on the GUI thread's event loop
// (ServerLink::get), so a slow or absent server never blocks the window. A failed state read
// reports the link's own reason (the same English and Chinese text as the live link) and is
// tried again after 1 s, doubling to 10 s, as the live link retries.
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>
#include <QUrl>
#include <memory>
#include <optional>
#include <vector>

#include "history_source.hpp"
#include "parktwin/store/state_spans.hpp"
#include "server_link.hpp"

namespace parktwin::app {

// `url` as a server's base address (http://HOST:PORT or https://HOST:PORT), or nothing.
std::optional<QUrl> serverBaseUrl(const QString& url);

// The means of a series answer's buckets (GET .../series), NaN for an empty bucket.
QVariantList bucketMeans(const QJsonArray& buckets);

// The spans of a spans answer (GET .../spans), or nothing when it is not one.
std::optional<std::vector<store::StateSpan>> answeredSpans(const QJsonObject& body);

class ServerHistory : public HistorySource {
  Q_OBJECT
 public:
  ServerHistory(QUrl base, QString token, QString park, QObject* parent = nullptr);
  ~ServerHistory() override;

  // GET .../history of the park the server serves (link().park() once known): spanRead with its
  // first and last sample times, or problemChanged (retried).
  void readSpan();
  // For other reads of the same server (the timeline's marks).
  ServerLink& link() { return link_; }
  QString problem() const { return problem_; }

 public slots:
  void readAt(qint64 t_ms) override;
  void readSeries(const QStringList& tags, qint64 t0_ms, qint64 t1_ms, int buckets) override;
  void readStates(const QString& tag, qint64 t0_ms, qint64 t1_ms) override;

 signals:
  void spanRead(qint64 first_ms, qint64 last_ms);
  // Why the last request failed (empty again once one succeeds).
  void problemChanged(const QString& problem);

 private:
  struct PendingState;
  void finishState(const std::shared_ptr<PendingState>& pending);
  void readSpanOfServedPark();
  void retryLater(std::function<void()> again, const QString& why);
  void succeeded();

  ServerLink link_;  // its HTTP requests only: the live WebSocket is never opened
  QTimer retry_;
  int retryDelayMs_ = 0;
  // Of the newest readAt: HTTP answers may come back out of order (several connections), and an
  // answer to an older state request is stale and dropped.
  quint64 generation_ = 0;
  // One batch of sparkline reads and one state-bar read in flight at a time. At 600x the
  // timeline asks for both every 100 ms of wall time; a slow server (ClickHouse under load,
  // ~0.4 s a query) would otherwise gather hundreds of queued requests in front of the next
  // state read, and the window would show an old time for many seconds after a pause. What is
  // asked meanwhile waits here, only the newest, and goes once the read in flight is answered.
  struct SeriesAsk {
    QStringList tags;
    qint64 t0_ms, t1_ms;
    int buckets;
  };
  struct StatesAsk {
    QString tag;
    qint64 t0_ms, t1_ms;
  };
  bool seriesInFlight_ = false, statesInFlight_ = false;
  std::optional<SeriesAsk> nextSeries_;
  std::optional<StatesAsk> nextStates_;
  void seriesAnswered();
  void statesAnswered();
  QString problem_;
  bool reportedUnreadableEvent_ = false;
};

}  // namespace parktwin::app
