#pragma once
// Where the window's history reads go: the twin's state at T, sparkline series and state spans.
// Two implementations: HistoryReader (a local store, on its own thread) and ServerHistory (a
// parktwin-server's HTTP API, asynchronous on the GUI thread). TimelineController talks to
// either through these slots and signals only, so replay, scene colours, inspector values,
// sparklines and alarms at T work the same whichever holds the history.
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>
#include <functional>
#include <string>
#include <vector>

#include "parktwin/model/park.hpp"

namespace parktwin::store {
struct Event;
struct StateSpan;
}

namespace parktwin::app {

class HistorySource : public QObject {
  Q_OBJECT
 public:
  using QObject::QObject;
  ~HistorySource() override = default;
  // The park's alarm rules, whose onsets stateRead reports (a local store: a server works out
  // the onsets of its own park's rules and sends them with the state). Called on the source's thread.
  virtual void setAlarmRules(std::vector<model::AlarmRule> rules) { (void)rules; }

 public slots:
  virtual void readAt(qint64 t_ms) = 0;
  // Bucketed means of each tag over [t0, t1) for sparklines.
  virtual void readSeries(const QStringList& tags, qint64 t0_ms, qint64 t1_ms, int buckets) = 0;
  // A state tag over [t0, t1) as spans (store::stateSpans).
  virtual void readStates(const QString& tag, qint64 t0_ms, qint64 t1_ms) = 0;

 signals:
  // values: tag → last value at or before T; ladles: ladles of molten aluminium on their way
  // at T as points (x, y in metres) in the park frame; alarmOnsets: rule id → when the
  // violation each alarm rule is in at T began (model::AlarmOnsets), for the rules broken at T.
  void stateRead(qint64 t_ms, const QHash<QString, double>& values, const QVariantList& ladles,
                 const QHash<QString, qint64>& alarmOnsets);
  void failed(const QString& message);
  // An event that cannot be decoded (its ladle is not drawn); said once per source.
  void eventUnreadable(const QString& message);
  void seriesRead(const QVariantMap& series);  // tag → list of numbers (NaN for empty buckets)
  // stateHistoryMap's shape
  void statesRead(const QVariantMap& history);
};

// A ladle trip takes minutes; events this far before T find every trip still under way at T.
inline constexpr qint64 kLongestLadleTrip_ms = 30 * 60'000;

// The ladles under way at T among `events` (of [T - kLongestLadleTrip_ms, T]); an event that
// cannot be decoded goes to `unreadable` and is skipped.
QVariantList ladlesAt(const std::vector<store::Event>& events, qint64 t_ms,
                      const std::function<void(const std::string&)>& unreadable);

// What statesRead carries, whichever source read the spans: {tag, from, to, spans: [{from, to,
// state}], shares: [{state, share}]} (times in ms; shares by store::stateShares).
QVariantMap stateHistoryMap(const QString& tag, qint64 t0_ms, qint64 t1_ms, const std::vector<store::StateSpan>& spans);

}  // namespace parktwin::app
