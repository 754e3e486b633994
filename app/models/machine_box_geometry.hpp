#pragma once
// The mesh every machine instance is drawn with: a box open at the bottom (never seen from
// the orbit camera) whose faces carry baked shading as vertex colours, so the material can be
// unlit. On llvmpipe, per-fragment lighting and the sixth face were most of the machines'
// cost; measured with bench/scene (docs/user-guide.md has no setting for it: it is the look).
#include <QQuick3DGeometry>
#include <QtQml/qqmlregistration.h>

namespace parktwin::app {

class MachineBoxGeometry : public QQuick3DGeometry {
  Q_OBJECT
  QML_ELEMENT
  // false: 5 faces of 4 vertices each, shaded per face (crisp edges, for normal parks).
  // true: 8 shared corners, roof bright and walls darkening to the ground: 2.5x fewer vertices
  // to transform, for parks of more than 5,000 machines (ParkView), where each is a few pixels.
  Q_PROPERTY(bool compact READ compact WRITE setCompact NOTIFY compactChanged)
  // true: the roof alone (4 vertices, 2 triangles), for machines so far away that their walls
  // would be a pixel or two high (ParkView's level of detail for large parks).
  Q_PROPERTY(bool roofOnly READ roofOnly WRITE setRoofOnly NOTIFY compactChanged)

 public:
  explicit MachineBoxGeometry(QQuick3DObject* parent = nullptr);
  bool compact() const { return compact_; }
  void setCompact(bool compact);
  bool roofOnly() const { return roofOnly_; }
  void setRoofOnly(bool roofOnly);

 signals:
  void compactChanged();

 private:
  void setShape(bool& flag, bool value);
  void rebuild();
  bool compact_ = false;
  bool roofOnly_ = false;
};

}  // namespace parktwin::app
