#include "connections_controller.hpp"

#include <QDateTime>
#include <QFileInfo>
#include <QUrl>
#include <algorithm>
#include <chrono>

#include "controller_text.hpp"
#include "live_feed.hpp"
#include "park_controller.hpp"
#include "parktwin/feed/broker.hpp"
#include "parktwin/feed/connection_kinds.hpp"
#include "parktwin/feed/connections_reader.hpp"
#include "parktwin/model/tag_label.hpp"

namespace parktwin::app {
namespace {

constexpr int kPollMs = 500;        // ~2 Hz: counters change slowly to the eye
constexpr qint64 kRateWindowMs = 3000;  // values/s over the last seconds, not since the start
// The longest a picture of the window waits for every source to be heard from. A source can be
// connected and quiet (a topic with nothing retained, a publisher once a minute) or keep losing
// its session to another client of its id: it said nothing for 65 s in QA4 Q9, and a quiet
// topic held a --screenshot for ever. Values come within a second or two when they come.
constexpr std::chrono::milliseconds kFirstValuesWait{10'000};

QStringList lines(const std::string& text) { return q(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts); }
QString q(std::string_view text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); }

}  // namespace

ConnectionsController::ConnectionsController(ParkController& park, QObject* parent) : QObject(parent), park_(park) {
  poller_.setInterval(kPollMs);
  connect(&poller_, &QTimer::timeout, this, &ConnectionsController::poll);
}

ConnectionsController::~ConnectionsController() = default;

bool ConnectionsController::open(const QString& pathOrUrl) {
  stop();
  const QUrl url(pathOrUrl);
  path_ = url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
  problems_.clear();
  connections_.reset();
  auto loaded = feed::loadConnections(path_.toStdString(), park_.language().toStdString());
  if (!loaded) {
    problems_ = lines(loaded.error().message);
  } else if (!park_.park()) {
    problems_ << tr("Open a park first: the connections file maps tags of a park.");
  } else {
    for (const auto& problem : feed::problemsAgainstPark(*loaded, *park_.park(), park_.language().toStdString())) {
      problems_ << q(problem);
    }
    if (problems_.isEmpty()) connections_ = std::move(*loaded);
  }
  emit fileChanged();
  return connections_.has_value();
}

bool ConnectionsController::start(const QString& recordTo, const QString& gatewayMqtt) {
  if (!connections_) return false;
  stop();
  failures_.clear();
  std::optional<feed::BrokerOptions> gateway;
  if (!gatewayMqtt.isEmpty()) {
    auto parsed = feed::parseBrokerAddress(gatewayMqtt.toStdString());
    if (!parsed) failures_ << tr("Gateway broker %1: %2").arg(gatewayMqtt, q(parsed.error().message));
    else gateway = *parsed;
  }
  auto feed = LiveFeed::start(*connections_, recordTo, gateway, park_.language().toStdString(), park_.park(), failures_);
  if (!feed || (*feed)->sources().empty()) {
    if (!feed) failures_ << q(feed.error().message);
    emit runningChanged();
    return false;
  }
  feed_ = feed->get();
  // The gateway's broker is one the window reads through only when an OPC UA source started.
  const auto sources = (*feed)->sources();
  const bool throughGateway = gateway && std::ranges::any_of(sources, [](const LiveFeed::SourceState& s) { return s.kind == feed::SourceKind::opcua; });
  park_.timeline()->startFeed(std::move(*feed), QFileInfo(path_).fileName(), recordTo, throughGateway ? gatewayMqtt : QString());
  running_ = true;
  readings_.clear();
  poller_.start();
  emit runningChanged();
  poll();
  return true;
}

void ConnectionsController::stop() {
  if (!running_) return;
  poller_.stop();
  running_ = false;
  if (park_.timeline()->liveFeed() == feed_) park_.timeline()->close();  // not a feed chosen since
  feed_ = nullptr;
  emit runningChanged();
}

bool ConnectionsController::settled() const {
  if (!running_) return true;
  const LiveFeed* feed = park_.timeline()->liveFeed();
  if (feed && feed == feed_ && feed->sinceStart() >= kFirstValuesWait) return true;  // re-read at each poll
  if (sources_.isEmpty()) return false;
  return std::ranges::all_of(sources_, [](const QVariant& v) {
    const QVariantMap s = v.toMap();
    return s.value("values").toDouble() > 0 || s.value("errors").toDouble() > 0;
  });
}

QString ConnectionsController::sourceOf(const QString& tag) const {
  return running_ ? park_.timeline()->tagSources().value(tag) : QString();
}

bool ConnectionsController::isStale(const QString& tag) const {
  return running_ && park_.timeline()->staleTags().contains(tag);
}

double ConnectionsController::rateOf(const QString& id, quint64 values, qint64 wallMs) {
  auto& readings = readings_[id];
  readings.push_back({wallMs, values});
  while (readings.size() > 2 && wallMs - readings.front().wallMs > kRateWindowMs) readings.pop_front();
  const auto& first = readings.front();
  if (wallMs <= first.wallMs) return 0;
  return double(values - first.values) * 1000.0 / double(wallMs - first.wallMs);
}

void ConnectionsController::poll() {
  const LiveFeed* feed = park_.timeline()->liveFeed();
  // The timeline has moved on (closed, or another source chosen in the dialog): we stopped.
  if (!feed || feed != feed_) {
    poller_.stop();
    running_ = false;
    feed_ = nullptr;
    emit runningChanged();
    return;
  }
  const qint64 now = QDateTime::currentMSecsSinceEpoch();
  sources_.clear();
  const std::string language = park_.language().toStdString();  // a source's errors in the window's language
  for (const auto& s : feed->sources()) {
    const auto& c = s.counters;
    // The kind as the file writes it ("modbus"), and as a person reads it ("Modbus TCP").
    sources_.push_back(QVariantMap{{"id", s.id},
                                   {"kind", q(feed::toText(s.kind))},
                                   {"kindName", q(feed::displayName(s.kind, language))},
                                   {"connected", c.connected},
                                   {"valuesPerSecond", rateOf(s.id, c.values, now)},
                                   {"values", double(c.values)},
                                   {"errors", double(c.errors + c.timeouts)},
                                   {"lastError", q(c.lastError(language))},
                                   {"firstError", q(c.earlierError(language))}});
  }
  pollTags();
  emit countersChanged();
}

void ConnectionsController::pollTags() {
  const auto& sources = park_.timeline()->tagSources();
  QStringList names = sources.keys();
  std::sort(names.begin(), names.end());
  tags_.clear();
  const auto* park = park_.park();
  const std::string language = park_.language().toStdString();
  for (const QString& tag : names) {
    const double value = park_.timeline()->values().value(tag);
    const auto* known = park ? park->findTag(tag.toStdString()) : nullptr;
    // The park's names for it in the window's language; the id is shown beside them, small.
    tags_.push_back(QVariantMap{{"tag", tag},
                                {"label", known ? q(model::tagLabel(*park, *known, language)) : tag},
                                {"value", value},
                                {"text", known ? tagValueText(*known, value) : number(value, 3)},
                                {"source", sources.value(tag)},
                                {"stale", park_.timeline()->staleTags().contains(tag)}});
  }
}

}  // namespace parktwin::app
