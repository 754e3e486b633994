#pragma once
// The window as a client of parktwin-server (docs/server.md): the HTTP API for alarms, history
// and acknowledgements, and the WebSocket of live values and alarm changes, for the park the
// window shows (or, where the server serves another, the server's park). On failure (server away, bad token, park not served) it says why in
// problem() and tries again with a growing pause; it never blocks the GUI thread.
//
// Qt Network and Qt WebSockets (qt6-websockets-dev, Debian 12) rather than a Boost.Beast client
// in a non-Qt library: the link runs on the GUI thread's event loop like the rest of app/ and
// needs no thread of its own, and only the window is a client, so twin/ has no use for it.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <functional>
#include <optional>

#include "server_tls.hpp"

namespace parktwin::app {

class ServerLink : public QObject {
  Q_OBJECT
 public:
  using ValueSink = std::function<void(const QString& tag, qint64 ts_ms, double value)>;
  // The tag's value is no longer current as of ts_ms (a source's death on the server).
  using StaleSink = std::function<void(const QString& tag, qint64 ts_ms)>;
  // `base`: http://HOST:PORT or https://HOST:PORT of the server; `park`: the park's id.
  ServerLink(QUrl base, QString token, QString park, ValueSink sink, StaleSink stale, QObject* parent = nullptr);
  ~ServerLink() override;

  // Which certificates an https:// server may have (server_tls.hpp); before start().
  void trust(ServerTrust trust);
  void start();
  bool connected() const { return connected_; }
  const QUrl& base() const { return base_; }
  // The park whose data the link reads: the window's, or the server's where it serves another.
  const QString& park() const { return park_; }
  // Why the link is not connected (in the window's language), empty while it is.
  QString problem() const { return problem_; }
  quint64 valuesReceived() const { return valuesReceived_; }
  // The park's active alarms as GET .../alarms gives them (docs/server.md), worst first.
  const QJsonArray& alarms() const { return alarms_; }
  // Acknowledges as the token's user; the server's answer arrives as alarmsChanged (here and in
  // every other window on the server, over their WebSockets).
  void acknowledge(const QString& ruleId, const QString& comment);
  // What the token's user may do, as the server says (GET /api/v1/session, read at each
  // connection; the server computes it with the function that enforces it): `action` is a key
  // of its "may" ("acknowledge"). Nothing while unknown (not read yet, or a server older than
  // the endpoint): the server alone decides then, and says 403.
  std::optional<bool> may(const QString& action) const;
  // The token's user's role ("viewer"), and the role `action` needs ("operator"); empty while unknown.
  QString role() const;
  QString roleNeededFor(const QString& action) const;
  // Asks the server which parks it serves (GET /api/v1/parks) and, where the window's park is
  // not one of them, reads the server's own park from then on (park()); `done` gets the reason
  // it could not ask, or nothing. The live stream does this at each connection (start()).
  void followServedPark(std::function<void(const QString& failure)> done);
  // GET `pathAndQuery` under /api/v1/parks/<park>/; `done` gets the JSON or, on failure, an
  // empty document and the reason.
  void get(const QString& pathAndQuery, std::function<void(const QJsonDocument&, const QString& error)> done);
  // The same for an answer that is not JSON (a model file): its bytes, or the reason.
  void getBytes(const QString& pathAndQuery, std::function<void(const QByteArray&, const QString& error)> done);

 signals:
  void alarmsChanged();
  void problemChanged();
  // The link has checked which park the server serves (park()) and is opening its stream; at
  // each connection, so a server restarted with another park file is seen.
  void parkServed();
  // The session (may, role) was read and differs from what the link knew.
  void sessionChanged();

 private:
  void addHeaders(QNetworkRequest& request) const;
  QNetworkRequest request(const QString& pathAndQuery) const;  // under /api/v1/parks/<park>/
  QNetworkRequest requestAt(const QString& pathAndQuery) const;  // from the server's root
  void fetch(const QNetworkRequest& request, std::function<void(const QByteArray&, const QString& error)> done);
  QString failureOf(int httpStatus, const QString& networkError, const QByteArray& body) const;
  void probe();
  void readSession();
  void openLive();
  void onMessage(const QString& text);
  void onValues(const QJsonObject& message);
  void onStale(const QJsonObject& message);
  void fetchAlarms();
  void setAlarms(const QJsonArray& alarms);
  void fail(const QString& why);
  void setProblem(const QString& problem);

  QUrl base_;
  QString token_, park_;
  ValueSink sink_;
  StaleSink stale_;
  QNetworkAccessManager network_;
  QWebSocket live_;
  QTimer retry_;
  int retryDelayMs_ = 0;
  bool connected_ = false;
  bool closing_ = false;
  QString problem_;
  ServerTrust trust_;
  QList<QSslError> tlsErrors_;  // of the last handshake that failed, for its message
  quint64 valuesReceived_ = 0;
  QJsonArray alarms_;
  QJsonObject session_;  // GET /api/v1/session; empty while unknown
};

}  // namespace parktwin::app
