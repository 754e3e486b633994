// TimelineController live from parktwin-server: the same clock and timeline as an MQTT feed,
// with the values from the server's WebSocket (LiveFeed::fromServer).
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>
#include <QtNumeric>
#include <cstdlib>
#include <memory>

#include "parktwin/feed/broker.hpp"
#include "server_history.hpp"
#include "server_link.hpp"
#include "server_tls.hpp"
#include "timeline_controller.hpp"

namespace parktwin::app {

namespace {
const QString kUrlKey = QStringLiteral("server/url");
const QString kTokenKey = QStringLiteral("server/token");
const QString kCaFileKey = QStringLiteral("server/ca_file");
}  // namespace

// Checked before anything is closed: a typo in the address or an unusable CA file keeps the
// window as it is. What passes is remembered for next time (Connect and Replay alike).
std::optional<std::pair<QUrl, ServerTrust>> TimelineController::rememberServer(const QString& url, const QString& token,
                                                                               const QString& caFile) {
  const auto base = serverBaseUrl(url);
  if (!base) {
    setStatus(tr("Not a server address: %1 (expected http://HOST:PORT or https://HOST:PORT)").arg(url));
    return std::nullopt;
  }
  QString caProblem;
  auto trust = serverTrust(caFile, &caProblem);
  if (!trust) {
    setStatus(caProblem);
    return std::nullopt;
  }
  QSettings settings;
  settings.setValue(kUrlKey, url.trimmed());
  settings.setValue(kTokenKey, token);
  settings.setValue(kCaFileKey, trust->caFile);
  // The token opens the server as its user: the settings file that keeps it is readable by
  // this user only (QSettings writes it world-readable, like any file under the umask).
  settings.sync();
  QFile::setPermissions(settings.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
  return std::make_pair(*base, std::move(*trust));
}

bool TimelineController::connectServer(const QString& url, const QString& token, const QString& park,
                                       const QString& caFile) {
  auto target = rememberServer(url, token, caFile);
  if (!target) return false;
  close();
  const QUrl& base = target->first;
  const QString label = base.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery).toString();
  // Plain http beyond this machine sends the token in clear text: the window warns (banner).
  const bool inTheClear = base.scheme() == "http" && !feed::isLoopbackHost(base.host().toStdString());
  goLive(LiveFeed::fromServer(base, token, park, std::move(target->second)), label, {}, inTheClear, {});
  if (ServerLink* link = serverLink()) {
    // The last day's events, of the park the server serves (known once the link has asked).
    connect(link, &ServerLink::parkServed, this, [this, link] { loadServerMarkers(*link, wallMs() - 24 * 3'600'000, wallMs()); },
            Qt::SingleShotConnection);
    // Each desktop opens its own copy of the park file (or another park): the window says where
    // it differs. Asked once the link knows which park the server serves, at each connection.
    connect(link, &ServerLink::parkServed, this, [this, link] { askServedPark(*link); });
  }
  return true;
}

// The park file the server serves, for the window to compare with its own (its banner) or take.
void TimelineController::askServedPark(ServerLink& link) {
  link.get("park", [this](const QJsonDocument& served, const QString& error) {
    if (error.isEmpty()) emit serverParkChanged(served.toJson(QJsonDocument::Compact));
  });
}

// The server's events (failures, alarms, notes) as marks on the timeline.
void TimelineController::loadServerMarkers(ServerLink& link, qint64 from_ms, qint64 to_ms) {
  const QString query = QStringLiteral("events?from=%1&to=%2&min_severity=1").arg(from_ms).arg(to_ms);
  link.get(query, [this](const QJsonDocument& events, const QString& error) {
    if (!error.isEmpty()) return;  // the link reports its own problems; the marks are a nicety
    for (const auto& e : events.array()) {
      const QJsonObject event = e.toObject();
      markers_.push_back(QVariantMap{{"t", event.value("ts").toDouble()},
                                     {"object", event.value("object").toString()},
                                     {"text", event.value("message").toString()}});
    }
    emit rangeChanged();
  });
}

// The sparklines of the asked tags (the last hour in 60 buckets) from the server's series, as
// the replay's reader gives them: refreshed when data time has moved on by a bucket.
void TimelineController::refreshFromServer() {
  ServerLink* link = serverLink();
  if (!link || !link->connected() || sparklineTags_.isEmpty() || std::abs(timeMs_ - sparklinesAt_) < 60'000) return;
  sparklinesAt_ = timeMs_;
  auto series = std::make_shared<QVariantMap>();
  auto pending = std::make_shared<qsizetype>(sparklineTags_.size());
  const qint64 at = sparklinesAt_;
  for (const QString& tag : sparklineTags_) {
    const QString query = QStringLiteral("series?tag=%1&from=%2&to=%3&points=60")
                              .arg(QString::fromLatin1(QUrl::toPercentEncoding(tag)))
                              .arg(at - 3'600'000)
                              .arg(at + 1);
    link->get(query, [this, tag, series, pending, at](const QJsonDocument& doc, const QString& error) {
      if (error.isEmpty()) series->insert(tag, bucketMeans(doc.object().value("buckets").toArray()));
      if (--*pending > 0 || at != sparklinesAt_) return;  // more to come, or asked again since
      sparklines_ = *series;
      emit sparklinesChanged();
    });
  }
}

QString TimelineController::rememberedServerUrl() const { return QSettings().value(kUrlKey).toString(); }
QString TimelineController::rememberedServerToken() const { return QSettings().value(kTokenKey).toString(); }
QString TimelineController::rememberedServerCaFile() const { return QSettings().value(kCaFileKey).toString(); }

ServerLink* TimelineController::serverLink() const { return live_ ? live_->server() : nullptr; }

ServerLink* TimelineController::servedParkLink() const {
  return serverHistory_ ? &serverHistory_->link() : serverLink();
}

}  // namespace parktwin::app
