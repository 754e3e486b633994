#pragma once
// A building's band of windows: the four walls of a ring, outward-facing, open at top and
// bottom (a box would show the window texture across the roof through the translucent shell).
// Texture u runs in metres along the walls over `bayM`, so every wall shows whole bays of the
// same width; v runs 0 (bottom) to 1 (top).
#include <QQuick3DGeometry>
#include <QVector3D>
#include <QtQml/qqmlregistration.h>

namespace parktwin::app {

class WindowBandGeometry : public QQuick3DGeometry {
  Q_OBJECT
  QML_ELEMENT
  // Outer size of the ring in metres: along x, along z, and the band's height (centred on 0).
  Q_PROPERTY(QVector3D size READ size WRITE setSize NOTIFY changed)
  // Metres of wall per repeat of the texture (scripts/make-scene-textures: eight 3 m bays).
  Q_PROPERTY(double bayM READ bayM WRITE setBayM NOTIFY changed)

 public:
  explicit WindowBandGeometry(QQuick3DObject* parent = nullptr);
  QVector3D size() const { return size_; }
  void setSize(const QVector3D& size);
  double bayM() const { return bayM_; }
  void setBayM(double bay);

 signals:
  void changed();

 private:
  void rebuild();
  QVector3D size_{10, 3, 10};
  double bayM_ = 24;
};

}  // namespace parktwin::app
