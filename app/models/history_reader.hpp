#pragma once
// The local HistorySource: reads the twin's state at a time T from a store (a historian file,
// sqlite:FILE or a clickhouse:// URI: store::openStore), on its own thread: the GUI thread
// never waits for it. Requests that arrive while one is being read are coalesced, so a fast
// scrub only reads the latest position.
#include <memory>
#include <optional>
#include <string>

#include "history_source.hpp"
#include "parktwin/model/alarm_onset.hpp"

namespace parktwin::store {
class Store;
}

namespace parktwin::app {

class HistoryReader : public HistorySource {
  Q_OBJECT
 public:
  explicit HistoryReader(QString path);
  ~HistoryReader() override;
  void setAlarmRules(std::vector<model::AlarmRule> rules) override;

 public slots:
  void readAt(qint64 t_ms) override;
  void readSeries(const QStringList& tags, qint64 t0_ms, qint64 t1_ms, int buckets) override;
  void readStates(const QString& tag, qint64 t0_ms, qint64 t1_ms) override;

 private:
  bool ensureOpen();
  void reportUnreadableEvent(const std::string& message);
  QHash<QString, qint64> alarmOnsetsAt(qint64 t_ms, const QHash<QString, double>& values);
  QString path_;
  std::unique_ptr<parktwin::store::Store> historian_;
  bool reportedUnreadableEvent_ = false;
  std::optional<model::AlarmOnsets> alarmOnsets_;  // follows the reads' times
};

}  // namespace parktwin::app
