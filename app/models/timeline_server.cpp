// TimelineController live from parktwin-server: the same clock and timeline as an MQTT feed,
// with the values from the server's WebSocket (LiveFeed::fromServer).
#include <QSettings>

#include "parktwin/feed/broker.hpp"
#include "server_link.hpp"
#include "timeline_controller.hpp"

namespace parktwin::app {

namespace {
const QString kUrlKey = QStringLiteral("server/url");
const QString kTokenKey = QStringLiteral("server/token");
}  // namespace

bool TimelineController::connectServer(const QString& url, const QString& token, const QString& park) {
  const QUrl base(url.trimmed(), QUrl::StrictMode);
  if (!base.isValid() || (base.scheme() != "http" && base.scheme() != "https") || base.host().isEmpty()) {
    setStatus(tr("Not a server address: %1 (expected http://HOST:PORT or https://HOST:PORT)").arg(url));
    return false;
  }
  close();
  QSettings settings;
  settings.setValue(kUrlKey, url.trimmed());
  settings.setValue(kTokenKey, token);
  const QString label = base.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery).toString();
  // Plain http beyond this machine sends the token in clear text: the window warns (banner).
  const bool inTheClear = base.scheme() == "http" && !feed::isLoopbackHost(base.host().toStdString());
  goLive(LiveFeed::fromServer(base, token, park), label, {}, inTheClear);
  return true;
}

QString TimelineController::rememberedServerUrl() const { return QSettings().value(kUrlKey).toString(); }
QString TimelineController::rememberedServerToken() const { return QSettings().value(kTokenKey).toString(); }

ServerLink* TimelineController::serverLink() const { return live_ ? live_->server() : nullptr; }

}  // namespace parktwin::app
