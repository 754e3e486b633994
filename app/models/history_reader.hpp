#pragma once
// Reads the twin's state at a time T from a store (a historian file, sqlite:FILE or a
// clickhouse:// URI: store::openStore), on its own thread: the GUI thread never waits for it. Requests that arrive while one is being read are coalesced, so a fast
// scrub only reads the latest position.
#include <QHash>
#include <QObject>
#include <QString>
#include <QVariantList>
#include <memory>
#include <string>

namespace parktwin::store {
class Store;
}

namespace parktwin::app {

class HistoryReader : public QObject {
  Q_OBJECT
 public:
  explicit HistoryReader(QString path);
  ~HistoryReader() override;

 public slots:
  void readAt(qint64 t_ms);
  // Bucketed means of each tag over [t0, t1) for sparklines.
  void readSeries(const QStringList& tags, qint64 t0_ms, qint64 t1_ms, int buckets);
  // A state tag over [t0, t1) as spans (store::stateSpans).
  void readStates(const QString& tag, qint64 t0_ms, qint64 t1_ms);

 signals:
  // values: tag → last value at or before T; ladles: ladles of molten aluminium on their way
  // at T as points (x, y in metres) in the park frame.
  void stateRead(qint64 t_ms, const QHash<QString, double>& values, const QVariantList& ladles);
  void failed(const QString& message);
  // An event in the file that cannot be decoded (its ladle is not drawn); said once per file.
  void eventUnreadable(const QString& message);
  void seriesRead(const QVariantMap& series);  // tag → list of numbers (NaN for empty buckets)
  // {tag, from, to, spans: [{from, to, state}]} (times in ms)
  void statesRead(const QVariantMap& history);

 private:
  bool ensureOpen();
  void reportUnreadableEvent(const std::string& message);
  QString path_;
  std::unique_ptr<parktwin::store::Store> historian_;
  bool reportedUnreadableEvent_ = false;
};

}  // namespace parktwin::app
