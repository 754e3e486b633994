#pragma once
// The server's 3D model files, for a desk that takes the server's park (ParkDocument::
// useServerPark): GET .../models lists each model's files (docs/server.md), then each file is
// fetched and written under `folder`, one sub-folder a model (folder/<index>/<file>), so a
// .gltf keeps its buffers and images beside it. Without them the desk drew every modelled
// building and machine as a box.
#include <QHash>
#include <QJsonDocument>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <functional>

namespace parktwin::app {

class ServerLink;

class ServerModelFetch : public QObject {
  Q_OBJECT
 public:
  // The park's model uri -> the model file here, for each model whose files all arrived.
  using Done = std::function<void(const QHash<QString, QString>& localFiles)>;
  // Starts at once; `done` runs once, on the event loop, also when the link goes away first
  // (with what had arrived by then). The fetch deletes itself after.
  static void start(ServerLink& link, const QString& folder, Done done, QObject* parent);

 private:
  ServerModelFetch(ServerLink& link, QString folder, Done done, QObject* parent);
  void onList(const QJsonDocument& list, const QString& error);
  void fetchFile(int index, const QString& uri, const QString& name, bool isModelFile);
  void settleOne();
  void finish();

  QPointer<ServerLink> link_;
  QString folder_;
  Done done_;
  int pending_ = 0;
  bool finished_ = false;
  QHash<QString, QString> local_;  // uri -> its model file here, once written
  QSet<QString> incomplete_;       // uris with a file that did not arrive
};

}  // namespace parktwin::app
