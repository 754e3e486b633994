#include "server_link.hpp"

#include <QJsonObject>
#include <QLocale>
#include <QStringList>
#include <algorithm>
#include <limits>
#include <QNetworkReply>
#include <QUrlQuery>

namespace parktwin::app {

namespace {
constexpr int kFirstRetryMs = 1000;
constexpr int kLongestRetryMs = 10'000;  // a restarted server is seen within ten seconds
constexpr int kRequestTimeoutMs = 10'000;

// Where `name` is among a columnar message's columns ({"columns": ["tag", "ts", ...]}), or -1.
qsizetype columnOf(const QJsonArray& columns, const char* name) {
  for (qsizetype i = 0; i < columns.size(); ++i) {
    if (columns.at(i).toString() == QLatin1String(name)) return i;
  }
  return -1;
}

QString serverMessage(const QByteArray& body) {
  const QJsonDocument doc = QJsonDocument::fromJson(body);
  return doc.isObject() ? doc.object().value("error").toString() : QString();
}
}  // namespace

ServerLink::ServerLink(QUrl base, QString token, QString park, ValueSink sink, StaleSink stale, QObject* parent)
    : QObject(parent),
      base_(std::move(base)),
      token_(std::move(token)),
      park_(std::move(park)),
      sink_(std::move(sink)),
      stale_(std::move(stale)) {
  retry_.setSingleShot(true);
  connect(&retry_, &QTimer::timeout, this, &ServerLink::probe);
  connect(&live_, &QWebSocket::textMessageReceived, this, &ServerLink::onMessage);
  connect(&live_, &QWebSocket::disconnected, this, [this] {
    if (closing_) return;
    // A refused upgrade (401, 404) ends here too; the probe that comes next says why.
    fail(live_.errorString().isEmpty() ? tr("the server closed the live stream") : live_.errorString());
  });
  connect(&live_, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this, [this](QAbstractSocket::SocketError e) {
    if (!closing_) fail(e == QAbstractSocket::SslHandshakeFailedError ? tlsFailure(tlsErrors_, trust_.caFile, live_.errorString())
                                                                      : live_.errorString());
  });
  connect(&live_, &QWebSocket::sslErrors, this, [this](const QList<QSslError>& errors) { tlsErrors_ = errors; });
  connect(&network_, &QNetworkAccessManager::sslErrors, this,
          [this](QNetworkReply*, const QList<QSslError>& errors) { tlsErrors_ = errors; });
}

ServerLink::~ServerLink() {
  closing_ = true;
  live_.abort();
}

void ServerLink::trust(ServerTrust trust) {
  trust_ = std::move(trust);
  live_.setSslConfiguration(trust_.configuration);
}

void ServerLink::start() { probe(); }

// On every request, the live stream's upgrade too: the token, and the window's language, in
// which the server words its refusals (QLocale's default follows the window's language:
// ParkController::setLanguage), so the messages here that quote them read in one language.
void ServerLink::addHeaders(QNetworkRequest& request) const {
  request.setRawHeader("Authorization", "Bearer " + token_.toUtf8());
  request.setRawHeader("Accept-Language", QLocale().bcp47Name().toUtf8());
}

QNetworkRequest ServerLink::request(const QString& pathAndQuery) const {
  return requestAt("/api/v1/parks/" + park_ + "/" + pathAndQuery);
}

QNetworkRequest ServerLink::requestAt(const QString& pathAndQuery) const {
  QUrl url = base_;
  const qsizetype query = pathAndQuery.indexOf('?');
  url.setPath(pathAndQuery.left(query));
  if (query >= 0) url.setQuery(pathAndQuery.mid(query + 1));
  QNetworkRequest request(url);
  addHeaders(request);
  request.setTransferTimeout(kRequestTimeoutMs);
  request.setSslConfiguration(trust_.configuration);
  return request;
}

QString ServerLink::failureOf(int httpStatus, const QString& networkError, const QByteArray& body) const {
  const QString said = serverMessage(body);
  switch (httpStatus) {
    // The status line names the server already, before this reason (QA: it named it twice).
    case 0: return tr("cannot reach the server: %1").arg(networkError);
    case 401: return tr("the server refused the token (401): %1").arg(said);
    case 403: return tr("the token's user may not do this (403): %1").arg(said);
    case 404: return tr("not found on the server (404): %1").arg(said);
    default: return tr("the server answered %1: %2").arg(httpStatus).arg(said.isEmpty() ? networkError : said);
  }
}

void ServerLink::getBytes(const QString& pathAndQuery, std::function<void(const QByteArray&, const QString&)> done) {
  fetch(request(pathAndQuery), std::move(done));
}

void ServerLink::fetch(const QNetworkRequest& request, std::function<void(const QByteArray&, const QString&)> done) {
  QNetworkReply* reply = network_.get(request);
  connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)] {
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 200) {
      done(body, {});
      return;
    }
    const QString failure = failureOf(status, reply->errorString(), body);
    done({}, reply->error() == QNetworkReply::SslHandshakeFailedError ? tlsFailure(tlsErrors_, trust_.caFile, failure) : failure);
  });
}

void ServerLink::get(const QString& pathAndQuery, std::function<void(const QJsonDocument&, const QString&)> done) {
  fetch(request(pathAndQuery), [done = std::move(done)](const QByteArray& body, const QString& failure) {
    if (!failure.isEmpty()) {
      done({}, failure);
      return;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) done({}, tr("the server's answer is not JSON: %1").arg(error.errorString()));
    else done(doc, {});
  });
}

// Before (re)opening the stream: the parks the server serves, then one GET that checks the
// token, so a failure gets a plain reason rather than a refused upgrade. A server of another
// park than the window's (a desk that opened the default park, on a server of the user's own)
// is followed: the values and alarms are its park's, and parkServed lets the window offer that
// park (its banner) or take it (a start with --server and no park).
void ServerLink::probe() {
  followServedPark([this](const QString& failure) {
    if (!failure.isEmpty()) {
      fail(failure);
      return;
    }
    readSession();
    get("alarms", [this](const QJsonDocument& alarms, const QString& error) {
      if (!error.isEmpty()) {
        fail(error);
        return;
      }
      setAlarms(alarms.array());
      emit parkServed();
      openLive();
    });
  });
}

void ServerLink::readSession() {
  fetch(requestAt("/api/v1/session"), [this](const QByteArray& body, const QString& failure) {
    // A failure keeps what was known: the probe's own request says why the link is down, and a
    // server older than the endpoint (404) was never known.
    if (!failure.isEmpty()) return;
    const QJsonObject session = QJsonDocument::fromJson(body).object();
    if (session == session_) return;
    session_ = session;
    emit sessionChanged();
  });
}

std::optional<bool> ServerLink::may(const QString& action) const {
  const QJsonValue may = session_.value("may").toObject().value(action);
  return may.isBool() ? std::optional<bool>(may.toBool()) : std::nullopt;
}

QString ServerLink::role() const { return session_.value("role").toString(); }

QString ServerLink::roleNeededFor(const QString& action) const {
  return session_.value("needs").toObject().value(action).toString();
}

void ServerLink::followServedPark(std::function<void(const QString& failure)> done) {
  fetch(requestAt("/api/v1/parks"), [this, done = std::move(done)](const QByteArray& body, const QString& failure) {
    if (failure.isEmpty()) {
      QStringList served;
      for (const auto& park : QJsonDocument::fromJson(body).array()) served.push_back(park.toObject().value("id").toString());
      if (!served.contains(park_) && !served.isEmpty()) park_ = served.front();
    }
    done(failure);
  });
}

void ServerLink::openLive() {
  QUrl url = base_;
  url.setScheme(base_.scheme() == "https" ? "wss" : "ws");
  url.setPath("/api/v1/parks/" + park_ + "/live");
  QNetworkRequest request(url);
  addHeaders(request);
  live_.open(request);
}

void ServerLink::onMessage(const QString& text) {
  const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
  const QString type = message.value("type").toString();
  if (type == "hello") {
    connected_ = true;
    retryDelayMs_ = 0;
    setProblem({});
    onValues(message);
    // Tags whose newest value (just given) is stale now: a death before this window connected.
    for (const auto& tag : message.value("stale").toArray()) stale_(tag.toString(), std::numeric_limits<qint64>::max());
    setAlarms(message.value("alarms").toArray());
  } else if (type == "values") {
    onValues(message);
  } else if (type == "stale") {
    onStale(message);
  } else if (type == "alarm") {
    fetchAlarms();  // raised, cleared or acknowledged (here or in another window): the list as it is now
  }
}

void ServerLink::onValues(const QJsonObject& message) {
  const QJsonArray columns = message.value("columns").toArray();
  const qsizetype tag = columnOf(columns, "tag"), ts = columnOf(columns, "ts"), v = columnOf(columns, "v");
  if (tag < 0 || ts < 0 || v < 0) return;
  for (const auto& row : message.value("values").toArray()) {
    const QJsonArray r = row.toArray();
    sink_(r.at(tag).toString(), qint64(r.at(ts).toDouble()), r.at(v).toDouble());
    ++valuesReceived_;
  }
}

void ServerLink::onStale(const QJsonObject& message) {
  const QJsonArray columns = message.value("columns").toArray();
  const qsizetype tag = columnOf(columns, "tag");
  if (tag < 0) return;
  // The server judged the order (a death is stamped with its clock, values with the devices'):
  // its mark holds over every value the window has now.
  for (const auto& row : message.value("stale").toArray()) stale_(row.toArray().at(tag).toString(), std::numeric_limits<qint64>::max());
}

void ServerLink::fetchAlarms() {
  get("alarms", [this](const QJsonDocument& alarms, const QString& error) {
    if (error.isEmpty()) setAlarms(alarms.array());
    else setProblem(error);
  });
}

void ServerLink::setAlarms(const QJsonArray& alarms) {
  if (alarms == alarms_) return;
  alarms_ = alarms;
  emit alarmsChanged();
}

void ServerLink::acknowledge(const QString& ruleId, const QString& comment) {
  QNetworkRequest ack = request("alarms/" + ruleId + "/ack");
  ack.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
  QNetworkReply* reply = network_.post(ack,
                                       QJsonDocument(QJsonObject{{"comment", comment}}).toJson(QJsonDocument::Compact));
  connect(reply, &QNetworkReply::finished, this, [this, reply] {
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200) setProblem(failureOf(status, reply->errorString(), reply->readAll()));
    fetchAlarms();
  });
}

void ServerLink::fail(const QString& why) {
  connected_ = false;
  setProblem(why);
  if (retry_.isActive()) return;  // an error and the disconnection it causes: one retry
  if (live_.state() != QAbstractSocket::UnconnectedState) {
    closing_ = true;  // our own close is not another failure
    live_.abort();
    closing_ = false;
  }
  retryDelayMs_ = retryDelayMs_ == 0 ? kFirstRetryMs : std::min(retryDelayMs_ * 2, kLongestRetryMs);
  retry_.start(retryDelayMs_);
}

void ServerLink::setProblem(const QString& problem) {
  if (problem == problem_) return;
  problem_ = problem;
  emit problemChanged();
}

}  // namespace parktwin::app
