#include "window_image.hpp"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QStandardPaths>

namespace parktwin::app {

QString WindowImage::save(QQuickWindow* window, const QString& path) const {
  if (!window) return tr("%1: no window to save").arg(path);
  if (path.isEmpty()) return tr("No file name given");
  const QFileInfo target(path);
  if (!target.absoluteDir().exists()) return tr("%1: the folder does not exist").arg(path);
  const QImage image = window->grabWindow();
  if (image.isNull()) return tr("%1: the view could not be rendered").arg(path);
  if (!image.save(path, "PNG")) return tr("%1: could not be written").arg(path);
  return {};
}

QString WindowImage::defaultPath(const QString& parkId) const {
  QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
  if (folder.isEmpty() || !QDir(folder).exists()) folder = QDir::homePath();
  const QString stamp = QDateTime::currentDateTime().toString("yyyyMMdd-hhmmss");
  return QDir(folder).filePath(QString("parktwin-%1-%2.png").arg(parkId.isEmpty() ? "park" : parkId, stamp));
}

}  // namespace parktwin::app
