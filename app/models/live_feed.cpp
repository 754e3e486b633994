#include "live_feed.hpp"

#include <QStringList>

#include "parktwin/feed/subscriber.hpp"
#include "parktwin/store/historian.hpp"

namespace parktwin::app {

Result<std::unique_ptr<LiveFeed>> LiveFeed::connect(const LiveSettings& settings, const QStringList& knownTags) {
  std::unique_ptr<LiveFeed> feed(new LiveFeed);
  if (!settings.recordTo.isEmpty()) {
    auto historian = store::Historian::open(settings.recordTo.toStdString());
    if (!historian) return fail(historian.error().message);
    feed->recorder_ = std::make_unique<store::Historian>(std::move(*historian));
  }
  feed::SubscriberOptions options;
  options.broker.host = settings.host.toStdString();
  options.broker.port = settings.port;
  options.broker.username = settings.user.toStdString();
  options.broker.password = settings.password.toStdString();
  options.broker.tls_ca_file = settings.caFile.toStdString();
  options.broker.client_id = "parktwin-gui-" + settings.park.toStdString();
  options.park = settings.park.toStdString();
  for (const QString& tag : knownTags) options.known_tags.push_back(tag.toStdString());
  LiveFeed* self = feed.get();
  // Runs on the MQTT network thread: the recorder is only ever used from there.
  auto sink = [self](std::string_view tag, std::int64_t ts_ms, double value) {
    if (self->recorder_) self->recording_.note(self->recorder_->append(tag, ts_ms, value));
    std::lock_guard lock(self->mutex_);
    const QString name = QString::fromUtf8(tag.data(), qsizetype(tag.size()));
    const auto latest = self->value_ts_ms_.constFind(name);
    if (latest == self->value_ts_ms_.cend() || ts_ms >= *latest) {
      self->value_ts_ms_.insert(name, ts_ms);
      self->values_.insert(name, value);
    }
    self->newest_ts_ms_ = std::max<qint64>(self->newest_ts_ms_, ts_ms);
  };
  auto subscriber = feed::Subscriber::create(std::move(options), sink);
  if (!subscriber) return fail(subscriber.error().message);
  feed->subscriber_ = std::move(*subscriber);
  if (auto started = feed->subscriber_->start(); !started) return fail(started.error().message);
  return feed;
}

LiveFeed::~LiveFeed() {
  if (subscriber_) subscriber_->stop();  // no more callbacks after this
  if (recorder_) (void)recorder_->flush();
}

LiveSnapshot LiveFeed::snapshot() const {
  LiveSnapshot s;
  {
    std::lock_guard lock(mutex_);
    s.values = values_;
    s.newest_ts_ms = newest_ts_ms_;
  }
  const auto c = subscriber_->counters();
  s.received = c.received;
  s.accepted = c.accepted;
  s.malformed = c.malformed;
  s.unknown = c.unknown_tag + c.tag_limit;  // both: samples for tags we do not keep
  s.reconnects = c.reconnects;
  s.connected = subscriber_->connected();
  s.recording = recording_.status();
  return s;
}

}  // namespace parktwin::app
