#include "model_problem_list.hpp"

#include <QDir>
#include <QFileInfo>

namespace parktwin::app {
namespace {

QDateTime writtenAt(const QString& path) { return QFileInfo(path).lastModified(); }  // invalid when missing

// Where the window looked, so the user knows where to put the file: short (relative) when it
// is in the park's folder or below, else the whole path rather than a run of "../".
QString shownPath(const QString& path, const QString& parkFolder) {
  if (parkFolder.isEmpty()) return path;
  const QString relative = QDir(parkFolder).relativeFilePath(path);
  return relative.startsWith(QLatin1String("../")) || QDir::isAbsolutePath(relative) ? path : relative;
}

}  // namespace

bool ModelProblemList::add(const QString& objectId, const QString& path, const QString& loaderDetail) {
  auto file = files_.find(path);
  // The file is read once, at its first failure: a shared model fails for every object using it.
  // A load failure outranks a group found too heavy on the same file (it would not draw anyway).
  if (file == files_.end() || file->failure.too_heavy_triangles > 0) {
    const QStringList objects = file == files_.end() ? QStringList() : file->objectIds;
    file = files_.insert(path, {ProblemText::modelFailure(path, loaderDetail), loaderDetail, writtenAt(path), objects});
  }
  if (file->objectIds.contains(objectId)) return false;
  file->objectIds.push_back(objectId);
  return true;
}

bool ModelProblemList::addTooHeavy(const QString& objectId, const QString& path, long long triangles) {
  auto file = files_.find(path);
  if (file == files_.end()) file = files_.insert(path, {{.missing = false, .why = {}, .why_zh = {}, .too_heavy_triangles = triangles}, {}, writtenAt(path), {}});
  if (file->objectIds.contains(objectId)) return false;
  file->objectIds.push_back(objectId);
  return true;
}

bool ModelProblemList::remove(const QString& objectId) {
  bool removed = false;
  for (auto file = files_.begin(); file != files_.end();) {
    removed = file->objectIds.removeAll(objectId) > 0 || removed;
    file = file->objectIds.isEmpty() ? files_.erase(file) : std::next(file);
  }
  return removed;
}

bool ModelProblemList::keepOnly(const QHash<QString, QString>& fileOf) {
  bool changed = false;
  for (auto file = files_.begin(); file != files_.end();) {
    const QString path = file.key();
    if (file->failure.too_heavy_triangles > 0) {
      file = files_.erase(file);
      changed = true;
      continue;
    }
    changed = file->objectIds.removeIf([&](const QString& id) { return fileOf.value(id) != path; }) > 0 || changed;
    if (file->objectIds.isEmpty()) {
      file = files_.erase(file);
      continue;
    }
    if (const QDateTime written = writtenAt(path); written != file->written) {
      const auto now = ProblemText::modelFailure(path, file->loaderDetail);
      changed = changed || now.missing != file->failure.missing || now.why != file->failure.why || now.why_zh != file->failure.why_zh;
      file->failure = now;
      file->written = written;
    }
    ++file;
  }
  return changed;
}

QStringList ModelProblemList::lines(const QString& parkFolder, const QHash<QString, QString>& namedAs,
                                    const std::function<QString(const QString&)>& nameOf, const QString& language) const {
  QStringList out;
  for (auto file = files_.cbegin(); file != files_.cend(); ++file) {
    QStringList names;
    for (const QString& id : file->objectIds) names.push_back(nameOf(id));
    const QString shown = namedAs.value(file.key(), shownPath(file.key(), parkFolder));
    out.push_back(ProblemText::modelFileLine(shown, names, file->failure, language));
  }
  return out;
}

}  // namespace parktwin::app
