#include "server_model_fetch.hpp"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimer>
#include <QtDebug>

#include "server_link.hpp"

namespace parktwin::app {

void ServerModelFetch::start(ServerLink& link, const QString& folder, Done done, QObject* parent) {
  new ServerModelFetch(link, folder, std::move(done), parent);
}

ServerModelFetch::ServerModelFetch(ServerLink& link, QString folder, Done done, QObject* parent)
    : QObject(parent), link_(&link), folder_(std::move(folder)), done_(std::move(done)) {
  // The server's models as they are now: none left from an earlier fetch.
  QDir(folder_).removeRecursively();
  // A link destroyed mid-fetch never answers the requests it had: finish with what arrived.
  connect(&link, &QObject::destroyed, this, &ServerModelFetch::finish, Qt::QueuedConnection);
  // The link's replies may outlive this fetch (its parent went first): each answer checks.
  link.get("models", [self = QPointer(this)](const QJsonDocument& list, const QString& error) {
    if (self) self->onList(list, error);
  });
}

void ServerModelFetch::onList(const QJsonDocument& list, const QString& error) {
  if (!error.isEmpty()) {  // a server without model files to give (older, or refusing): boxes
    qWarning().noquote() << "the server's 3D models:" << error;
    finish();
    return;
  }
  for (const QJsonValue& entry : list.object().value("models").toArray()) {
    const QJsonObject model = entry.toObject();
    const QString uri = model.value("uri").toString();
    const QJsonArray files = model.value("files").toArray();
    if (files.isEmpty()) continue;  // the server lacks the file too
    for (qsizetype i = 0; i < files.size(); ++i) fetchFile(model.value("index").toInt(), uri, files.at(i).toString(), i == 0);
  }
  if (pending_ == 0) finish();
}

void ServerModelFetch::fetchFile(int index, const QString& uri, const QString& name, bool isModelFile) {
  const QString target = QDir::cleanPath(folder_ + "/" + QString::number(index) + "/" + name);
  // The server names files in the model's folder or below; anything else is not written.
  if (name.isEmpty() || QDir::isAbsolutePath(name) || !target.startsWith(folder_ + "/")) {
    incomplete_.insert(uri);
    return;
  }
  ++pending_;
  link_->getBytes("models/" + QString::number(index) + "/" + name,
                  [this, self = QPointer(this), uri, target, isModelFile](const QByteArray& bytes, const QString& error) {
    if (!self) return;
    QSaveFile file(target);
    const bool written = error.isEmpty() && QDir().mkpath(QFileInfo(target).path()) && file.open(QIODevice::WriteOnly) &&
                         file.write(bytes) == bytes.size() && file.commit();
    if (!written) {
      qWarning().noquote() << "the server's 3D model" << uri << ":" << (error.isEmpty() ? file.errorString() : error);
      incomplete_.insert(uri);
    } else if (isModelFile) {
      local_.insert(uri, target);
    }
    settleOne();
  });
}

void ServerModelFetch::settleOne() {
  if (--pending_ == 0) finish();
}

void ServerModelFetch::finish() {
  if (finished_) return;
  finished_ = true;
  for (const QString& uri : incomplete_) local_.remove(uri);
  // Deferred: the caller may be inside the link's teardown or its reply's signal.
  QTimer::singleShot(0, this, [this] {
    done_(local_);
    deleteLater();
  });
}

}  // namespace parktwin::app
