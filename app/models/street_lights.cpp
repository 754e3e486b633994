#include "street_lights.hpp"

#include <QColor>
#include <QVector3D>
#include <cmath>
#include <numbers>

namespace parktwin::app {

StreetLightInstancing::StreetLightInstancing(QQuick3DObject* parent) : QQuick3DInstancing(parent) {}

void StreetLightInstancing::setRoads(const QVariantList& roads) {
  if (roads == roads_) return;
  roads_ = roads;
  place();
}

void StreetLightInstancing::setPart(Part part) {
  if (part == part_) return;
  part_ = part;
  markDirty();
  emit changed();
}

void StreetLightInstancing::setSpacingM(double spacing) {
  if (spacing == spacingM_ || spacing < 1) return;
  spacingM_ = spacing;
  place();
}

QVector3D StreetLightInstancing::lampPosition(int index) const {
  return index >= 0 && index < lamps_.size() ? lamps_[index] : QVector3D();
}

void StreetLightInstancing::place() {
  lamps_.clear();
  for (const QVariant& item : roads_) {
    const QVariantMap road = item.toMap();
    const QVector3D centre = road.value("position").value<QVector3D>();
    const double angle = road.value("angle").toDouble() * std::numbers::pi / 180;
    const double length = road.value("length").toDouble();
    const double offset = road.value("width").toDouble() / 2 + 1.5;
    // A turn of `angle` about y takes +x to (cos, 0, -sin) and +z to (sin, 0, cos).
    const QVector3D along(float(std::cos(angle)), 0, float(-std::sin(angle)));
    const QVector3D across(float(std::sin(angle)), 0, float(std::cos(angle)));
    const int lamps = int(std::floor(length / spacingM_));
    for (int i = 0; i < lamps; ++i) {
      const double s = -length / 2 + spacingM_ * (i + 0.5);
      const double side = i % 2 == 0 ? offset : -offset;
      lamps_.push_back(QVector3D(centre.x(), 0, centre.z()) + along * float(s) + across * float(side));
    }
  }
  markDirty();
  emit changed();
}

QByteArray StreetLightInstancing::getInstanceBuffer(int* instanceCount) {
  QByteArray buffer;
  for (const QVector3D& at : lamps_) {
    QVector3D position = at, scale, rotation;
    QColor colour = Qt::white;
    switch (part_) {
      case Part::Pole:  // 8 m tall, 0.3 m thick
        position.setY(4);
        scale = {0.003f, 0.08f, 0.003f};
        colour = QColor(70, 76, 86);
        break;
      case Part::Head:  // a 1.2 m globe at the top
        position.setY(8.2f);
        scale = {0.012f, 0.012f, 0.012f};
        colour = QColor(255, 226, 160);
        break;
      case Part::Pool:  // 22 m of lit road under it, just above the road's top
        position.setY(1.15f);
        scale = {0.22f, 0.22f, 1};
        rotation = {-90, 0, 0};
        break;
    }
    const auto entry = calculateTableEntry(position, scale, rotation, colour);
    buffer.append(reinterpret_cast<const char*>(&entry), sizeof(entry));
  }
  if (instanceCount) *instanceCount = int(lamps_.size());
  return buffer;
}

}  // namespace parktwin::app
