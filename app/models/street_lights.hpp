#pragma once
// Street lights along the park's roads for night mode: one instance table per part of a lamp
// (pole, glowing head, pool of light on the road), so each part is one draw call however many
// lamps there are. Lamps stand every `spacingM` along each road, alternating sides, 1.5 m off
// the kerb.
#include <QQuick3DInstancing>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace parktwin::app {

class StreetLightInstancing : public QQuick3DInstancing {
  Q_OBJECT
  QML_ELEMENT
  // ParkController.roads: {position, angle (degrees about y), length, width} in scene metres.
  Q_PROPERTY(QVariantList roads READ roads WRITE setRoads NOTIFY changed)
  Q_PROPERTY(Part part READ part WRITE setPart NOTIFY changed)
  Q_PROPERTY(double spacingM READ spacingM WRITE setSpacingM NOTIFY changed)
  Q_PROPERTY(int count READ count NOTIFY changed)

 public:
  // Which part of the lamp this table places; the QML Model draws it from Qt's built-in
  // meshes (#Cube for pole and head, #Rectangle for the pool; 100 units across).
  enum class Part { Pole, Head, Pool };
  Q_ENUM(Part)

  explicit StreetLightInstancing(QQuick3DObject* parent = nullptr);
  QVariantList roads() const { return roads_; }
  void setRoads(const QVariantList& roads);
  Part part() const { return part_; }
  void setPart(Part part);
  double spacingM() const { return spacingM_; }
  void setSpacingM(double spacing);
  int count() const { return int(lamps_.size()); }
  // Where lamp `index` stands on the ground, in scene metres (for tests).
  Q_INVOKABLE QVector3D lampPosition(int index) const;

 signals:
  void changed();

 protected:
  QByteArray getInstanceBuffer(int* instanceCount) override;

 private:
  void place();

  QVariantList roads_;
  Part part_ = Part::Pole;
  double spacingM_ = 36;
  QList<QVector3D> lamps_;
};

}  // namespace parktwin::app
