#include "live_feed.hpp"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include "parktwin/feed/connection_kinds.hpp"
#include "parktwin/feed/live_source.hpp"
#include "parktwin/feed/mqtt_session.hpp"
#include "parktwin/feed/running_sources.hpp"
#include "parktwin/feed/subscriber.hpp"
#include "parktwin/store/historian.hpp"
#include "server_link.hpp"

namespace parktwin::app {

Result<void> LiveFeed::openRecorder(const QString& recordTo) {
  if (recordTo.isEmpty()) return {};
  auto historian = store::Historian::open(recordTo.toStdString());
  if (!historian) return fail(historian.error().message);
  recorder_ = std::make_unique<store::Historian>(std::move(*historian));
  return {};
}

// The MQTT thread or a source's own thread. The recorder is appended to under its own
// serialisation: with several sources there are several writers.
void LiveFeed::store(std::string_view tag, std::int64_t ts_ms, double value, const QString* source) {
  if (recorder_) {
    std::lock_guard recording(recorderMutex_);
    recording_.note(recorder_->append(tag, ts_ms, value));
  }
  std::lock_guard lock(mutex_);
  const QString name = QString::fromUtf8(tag.data(), qsizetype(tag.size()));
  const auto latest = value_ts_ms_.constFind(name);
  if (latest == value_ts_ms_.cend() || ts_ms >= *latest) {
    value_ts_ms_.insert(name, ts_ms);
    values_.insert(name, value);
    if (source) tagSources_.insert(name, *source);
    staleTags_.remove(name);
  }
  newest_ts_ms_ = std::max<qint64>(newest_ts_ms_, ts_ms);
}

void LiveFeed::markStale(std::string_view tag, std::int64_t ts_ms) {
  std::lock_guard lock(mutex_);
  const QString name = QString::fromUtf8(tag.data(), qsizetype(tag.size()));
  // A value stamped after the death is current whatever order the two arrived in.
  const auto latest = value_ts_ms_.constFind(name);
  if (latest != value_ts_ms_.cend() && *latest > ts_ms) return;
  staleTags_.insert(name);
}

Result<std::unique_ptr<LiveFeed>> LiveFeed::connect(const LiveSettings& settings, const QStringList& knownTags) {
  std::unique_ptr<LiveFeed> feed(new LiveFeed);
  if (auto opened = feed->openRecorder(settings.recordTo); !opened) return fail(opened.error().message);
  feed::SubscriberOptions options;
  options.broker.host = settings.host.toStdString();
  options.broker.port = settings.port;
  options.broker.username = settings.user.toStdString();
  options.broker.password = settings.password.toStdString();
  options.broker.tls_ca_file = settings.caFile.toStdString();
  // A window only looks: a clean session under an id of its own, so that a second window, the
  // server or ingest on the same broker is never taken over (twin/feed owns the rule).
  options.broker.client_id = feed::mqttClientId(feed::MqttProgram::viewer, settings.park.toStdString(), {}, {}, false);
  options.clean_session = true;
  options.park = settings.park.toStdString();
  for (const QString& tag : knownTags) options.known_tags.push_back(tag.toStdString());
  LiveFeed* self = feed.get();
  auto sink = [self](std::string_view tag, std::int64_t ts_ms, double value) { self->store(tag, ts_ms, value, nullptr); };
  auto subscriber = feed::Subscriber::create(std::move(options), sink);
  if (!subscriber) return fail(subscriber.error().message);
  feed->subscriber_ = std::move(*subscriber);
  if (auto started = feed->subscriber_->start(); !started) return fail(started.error().message);
  return feed;
}

Result<std::unique_ptr<LiveFeed>> LiveFeed::start(const feed::Connections& file, const QString& recordTo,
                                                  const std::optional<feed::BrokerOptions>& gatewayBroker,
                                                  const std::string& language, const model::Park* park,
                                                  QStringList& failures) {
  // The window's own clean sessions, never the file's client_id: that is the recorder's (ingest).
  feed::Connections connections = file;
  (void)feed::assignMqttClientIds(connections, feed::MqttProgram::viewer);
  std::unique_ptr<LiveFeed> feed(new LiveFeed);
  if (auto opened = feed->openRecorder(recordTo); !opened) return fail(opened.error().message);
  LiveFeed* self = feed.get();
  // The ids live as long as the feed and never move after reserve: the sinks point at them.
  feed->sourceIds_.reserve(connections.sources.size());
  for (const auto& source : connections.sources) {
    const QString* id = &feed->sourceIds_.emplace_back(QString::fromStdString(source.id));
    feed::SourceSink sink;
    sink.sample = [self, id](std::string_view tag, std::int64_t ts_ms, double value) { self->store(tag, ts_ms, value, id); };
    sink.stale = [self](std::string_view tag, std::int64_t ts_ms) { self->markStale(tag, ts_ms); };
    if (park) sink = feed::roundedToParkTags(*park, std::move(sink));
    auto made = feed::startLiveSource(source, std::move(sink), gatewayBroker, language);  // twin words why not
    if (!made) {
      failures << QString::fromStdString(made.error().message);
      feed->sourceIds_.pop_back();
      continue;
    }
    feed->sourceKinds_.push_back(source.kind);
    feed->sources_.push_back(std::move(*made));
  }
  return feed;
}

std::unique_ptr<LiveFeed> LiveFeed::fromServer(const QUrl& base, const QString& token, const QString& park,
                                               ServerTrust trust) {
  std::unique_ptr<LiveFeed> feed(new LiveFeed);
  LiveFeed* self = feed.get();
  feed->server_ = std::make_unique<ServerLink>(
      base, token, park,
      [self](const QString& tag, qint64 ts_ms, double value) {
        const QByteArray name = tag.toUtf8();
        self->store(std::string_view(name.constData(), std::size_t(name.size())), ts_ms, value, nullptr);
      },
      [self](const QString& tag, qint64 ts_ms) {
        const QByteArray name = tag.toUtf8();
        self->markStale(std::string_view(name.constData(), std::size_t(name.size())), ts_ms);
      });
  feed->server_->trust(std::move(trust));
  feed->server_->start();
  return feed;
}

LiveFeed::~LiveFeed() {
  if (subscriber_) subscriber_->stop();  // no more callbacks after this
  for (auto& source : sources_) source->stop();
  if (recorder_) (void)recorder_->flush();
}

std::vector<LiveFeed::SourceState> LiveFeed::sources() const {
  std::vector<SourceState> states;
  for (std::size_t i = 0; i < sources_.size(); ++i) states.push_back({sourceIds_[i], sourceKinds_[i], sources_[i]->counters()});
  return states;
}

std::chrono::milliseconds LiveFeed::sinceStart() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started_);
}

LiveSnapshot LiveFeed::snapshot() const {
  LiveSnapshot s;
  {
    std::lock_guard lock(mutex_);
    s.values = values_;
    s.newest_ts_ms = newest_ts_ms_;
    s.tagSources = tagSources_;
    s.staleTags = staleTags_;
  }
  s.recording = recording_.status();
  if (server_) {
    s.received = s.accepted = server_->valuesReceived();
    s.connected = server_->connected();
    s.problem = server_->problem();
    return s;
  }
  if (!subscriber_) {
    // A connections file: the sum of its sources; connected while any of them is. A source that
    // is not connected (a meter unplugged, a server down) makes its tags' last values stale, as a
    // Sparkplug death does, and says why.
    s.counts = LiveSnapshot::Counts::values;
    for (std::size_t i = 0; i < sources_.size(); ++i) {
      const auto c = sources_[i]->counters();
      s.received += c.values;
      s.accepted += c.values;
      s.malformed += c.errors;
      s.reconnects += c.reconnects;
      s.connected = s.connected || c.connected;
      if (c.connected) continue;
      for (auto it = s.tagSources.cbegin(); it != s.tagSources.cend(); ++it) {
        if (it.value() == sourceIds_[i]) s.staleTags.insert(it.key());
      }
      // In the window's language (QLocale's default follows it: ParkController::setLanguage).
      // Its punctuation too: "meter: why; gateway: why" reads "meter：why；gateway：why" in Chinese.
      const std::string why = c.lastError(QLocale().language() == QLocale::Chinese ? "zh" : "en");
      const QString one = QCoreApplication::translate("LiveFeed", "%1: %2")
                              .arg(sourceIds_[i], why.empty() ? QCoreApplication::translate("LiveFeed", "not connected")
                                                              : QString::fromStdString(why));
      s.problem += (s.problem.isEmpty() ? QString() : QCoreApplication::translate("LiveFeed", "; ")) + one;
    }
    return s;
  }
  const auto c = subscriber_->counters();
  s.received = c.received;
  s.accepted = c.accepted;
  s.malformed = c.malformed;
  s.unknown = c.unknown_tag + c.tag_limit;  // both: samples for tags we do not keep
  s.reconnects = c.reconnects;
  s.connected = subscriber_->connected();
  return s;
}

}  // namespace parktwin::app
