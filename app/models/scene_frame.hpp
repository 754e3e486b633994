#pragma once
// Park frame (x east, y north, metres) → Qt Quick 3D scene frame (x right, y up, -z north).
#include <QVector3D>

namespace parktwin::app {

inline QVector3D toScene(double x_m, double y_m, double height_m = 0) {
  return QVector3D(float(x_m), float(height_m), float(-y_m));
}

}  // namespace parktwin::app
