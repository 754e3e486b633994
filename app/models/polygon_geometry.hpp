#pragma once
// A flat, filled polygon on the ground (zones, the reservoir, the river), triangulated by
// ear clipping so concave outlines render correctly.
#include <QQuick3DGeometry>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace parktwin::app {

class PolygonGeometry : public QQuick3DGeometry {
  Q_OBJECT
  QML_ELEMENT
  // Outline as a list of QPointF in park metres (x east, y north).
  Q_PROPERTY(QVariantList outline READ outline WRITE setOutline NOTIFY outlineChanged)

 public:
  explicit PolygonGeometry(QQuick3DObject* parent = nullptr);
  QVariantList outline() const { return outline_; }
  void setOutline(const QVariantList& outline);

 signals:
  void outlineChanged();

 private:
  void rebuild();
  QVariantList outline_;
};

// Triangle indices (into `points`) covering a simple polygon; exposed for tests.
QList<quint32> triangulate(const QList<QPointF>& points);

}  // namespace parktwin::app
