#pragma once
// Saves what a Qt Quick window shows as a PNG. QQuickWindow::grabWindow is the only grab that
// includes the 3D view (it renders as an underlay, outside the items Item.grabToImage sees).
#include <QObject>
#include <QQuickWindow>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace parktwin::app {

class WindowImage : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_SINGLETON

 public:
  explicit WindowImage(QObject* parent = nullptr) : QObject(parent) {}
  // Empty on success, else why it failed (naming the file).
  Q_INVOKABLE QString save(QQuickWindow* window, const QString& path) const;
  // A default file name for an export: ~/Pictures (or home)/parktwin-<park>-<yyyyMMdd-hhmmss>.png
  Q_INVOKABLE QString defaultPath(const QString& parkId) const;
};

}  // namespace parktwin::app
