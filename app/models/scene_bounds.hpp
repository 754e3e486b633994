#pragma once
// What the camera must show of a park or object, for fitting and flying to it.
#include <QQuaternion>
#include <QVariantList>
#include <QVector3D>
#include <algorithm>

#include "parktwin/model/park.hpp"
#include "scene_frame.hpp"

namespace parktwin::app {

// The points that outline a park or object (ground and roof corners, zone outlines,
// utilities) and the box around them, from the ground up.
struct Bounds {
  QVector3D lo{1e9f, 0, 1e9f}, hi{-1e9f, 0, -1e9f};
  QVariantList points;
  void add(QVector3D p) {
    lo = QVector3D(std::min(lo.x(), p.x()), 0, std::min(lo.z(), p.z()));
    hi = QVector3D(std::max(hi.x(), p.x()), std::max(hi.y(), p.y()), std::max(hi.z(), p.z()));
    points.push_back(p);
  }
  // A building's footprint and roof corners, turned as the scene turns it (eulerRotation.y).
  void addBuilding(const parktwin::model::Building& b) {
    const QQuaternion turn = QQuaternion::fromEulerAngles(0, float(b.rotation_deg), 0);
    const QVector3D centre = toScene(b.position.x_m, b.position.y_m);
    for (const float sx : {-0.5f, 0.5f}) {
      for (const float sz : {-0.5f, 0.5f}) {
        for (const float height : {0.0f, float(b.height_m)}) {
          add(centre + turn.rotatedVector(QVector3D(sx * float(b.width_m), height, sz * float(b.depth_m))));
        }
      }
    }
  }
  // A square of ground `half` metres each way from `centre`, up to `height`: a road's width at
  // its points, a utility's yard, an external's marker with its arrow and its name above it.
  void addGroundSquare(QVector3D centre, float half, float height = 0) {
    for (const float sx : {-half, half}) {
      for (const float sz : {-half, half}) {
        add(QVector3D(centre.x() + sx, 0, centre.z() + sz));
        if (height > 0) add(QVector3D(centre.x() + sx, height, centre.z() + sz));
      }
    }
  }
  bool empty() const { return lo.x() > hi.x(); }
  QVector3D center() const { return (lo + hi) / 2; }
  float radius() const { return (hi - lo).length() / 2; }
};

}  // namespace parktwin::app
