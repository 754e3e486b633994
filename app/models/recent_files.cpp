#include "recent_files.hpp"

#include <QFileInfo>
#include <QSettings>

namespace parktwin::app {
namespace {
const char* const kKey = "recentParks";
}

RecentFiles::RecentFiles(QObject* parent) : QObject(parent) {
  paths_ = QSettings().value(kKey).toStringList();
  // A list edited by hand (or by an older version) is cut to the cap here, not shown whole.
  while (paths_.size() > kMaxEntries) paths_.removeLast();
}

QVariantList RecentFiles::entries() const {
  QVariantList out;
  for (const QString& path : paths_) {
    const QFileInfo info(path);
    out.push_back(QVariantMap{{"path", path}, {"name", info.fileName()}, {"exists", info.isFile()}});
  }
  return out;
}

void RecentFiles::add(const QString& path) {
  const QString absolute = QFileInfo(path).absoluteFilePath();
  paths_.removeAll(absolute);
  paths_.prepend(absolute);
  while (paths_.size() > kMaxEntries) paths_.removeLast();
  store();
}

void RecentFiles::remove(const QString& path) {
  if (paths_.removeAll(path) > 0) store();
}

void RecentFiles::removeMissing() {
  if (paths_.removeIf([](const QString& path) { return !QFileInfo(path).isFile(); }) > 0) store();
}

void RecentFiles::clear() {
  paths_.clear();
  store();
}

void RecentFiles::store() {
  QSettings().setValue(kKey, paths_);
  emit changed();
}

}  // namespace parktwin::app
