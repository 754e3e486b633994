#pragma once
// The 3D model files of the open park that could not be loaded, with the objects drawn as boxes
// in their place, worded a line per file for the view's notice (qml/scene/ModelProblems.qml).
// A line per file, not per object: one missing machine model is shared by dozens of objects,
// and a line each once filled most of the view.
#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>

#include "problem_text.hpp"

namespace parktwin::app {

class ModelProblemList {
 public:
  // `objectId`'s model at `path` (a clean absolute local path) did not load; `loaderDetail`:
  // Qt's words. False when the object was listed already.
  bool add(const QString& objectId, const QString& path, const QString& loaderDetail);
  // `objectId` (a machine group) is drawn as boxes: its model at `path` has `triangles`, too
  // many for all its machines (model::tooHeavyToDraw). False when it was listed already.
  bool addTooHeavy(const QString& objectId, const QString& path, long long triangles);
  // `objectId`'s model loaded (a file put in place, then the view rebuilt). False when not listed.
  bool remove(const QString& objectId);
  // After a rebuild, keeps the objects that still use the file they failed on (`fileOf`: object
  // id to model path). The view keeps a delegate that did not change, box and all, and its
  // loader does not report again: forgetting its failure would hide a box still drawn. Each
  // kept file is read again (missing before, broken now: the line says so), and the groups
  // found too heavy are forgotten: the rebuild works them out again (addTooHeavy).
  bool keepOnly(const QHash<QString, QString>& fileOf);
  // A line per file in the window's `language` ("zh" or "en"), by path: "models/pot.glb (12
  // objects): no such model file". Paths under `parkFolder` are shown relative to it; a path in
  // `namedAs` as it says (a park with no file: the uri the park names the model by).
  QStringList lines(const QString& parkFolder, const QHash<QString, QString>& namedAs,
                    const std::function<QString(const QString&)>& nameOf, const QString& language) const;

 private:
  struct FailedFile {
    ProblemText::ModelFailure failure;
    QString loaderDetail;  // Qt's words at the first failure, for the file read again
    QDateTime written;     // when the file was last written as read (invalid: missing), so a
                           // rebuild reads it again only when it changed
    QStringList objectIds;
  };
  QMap<QString, FailedFile> files_;  // by path
};

}  // namespace parktwin::app
