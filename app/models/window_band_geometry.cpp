#include "window_band_geometry.hpp"

#include <QByteArray>
#include <array>

namespace parktwin::app {

WindowBandGeometry::WindowBandGeometry(QQuick3DObject* parent) : QQuick3DGeometry(parent) { rebuild(); }

void WindowBandGeometry::setSize(const QVector3D& size) {
  if (size == size_) return;
  size_ = size;
  rebuild();
  emit changed();
}

void WindowBandGeometry::setBayM(double bay) {
  if (bay == bayM_ || bay <= 0) return;
  bayM_ = bay;
  rebuild();
  emit changed();
}

void WindowBandGeometry::rebuild() {
  const float x = size_.x() / 2, y = size_.y() / 2, z = size_.z() / 2;
  // Each wall from its left to its right end as seen from outside, with its outward normal.
  struct Wall {
    QVector3D from, to, normal;
  };
  const std::array<Wall, 4> walls{{{{-x, 0, z}, {x, 0, z}, {0, 0, 1}},
                                   {{x, 0, z}, {x, 0, -z}, {1, 0, 0}},
                                   {{x, 0, -z}, {-x, 0, -z}, {0, 0, -1}},
                                   {{-x, 0, -z}, {-x, 0, z}, {-1, 0, 0}}}};
  QByteArray vertices;
  QByteArray indices;
  quint16 base = 0;
  auto put = [&vertices](std::initializer_list<float> values) {
    for (float v : values) vertices.append(reinterpret_cast<const char*>(&v), sizeof v);
  };
  for (const Wall& w : walls) {
    const float u = (w.to - w.from).length() / float(bayM_);
    const QVector3D n = w.normal;
    put({w.from.x(), -y, w.from.z(), n.x(), n.y(), n.z(), 0, 0});
    put({w.to.x(), -y, w.to.z(), n.x(), n.y(), n.z(), u, 0});
    put({w.to.x(), y, w.to.z(), n.x(), n.y(), n.z(), u, 1});
    put({w.from.x(), y, w.from.z(), n.x(), n.y(), n.z(), 0, 1});
    static constexpr std::array<quint16, 6> corners{0, 1, 2, 0, 2, 3};
    for (const quint16 i : corners) {
      const quint16 index = quint16(base + i);
      indices.append(reinterpret_cast<const char*>(&index), sizeof index);
    }
    base = quint16(base + 4);
  }
  clear();
  setStride(8 * sizeof(float));
  setVertexData(vertices);
  setIndexData(indices);
  setPrimitiveType(PrimitiveType::Triangles);
  addAttribute(Attribute::PositionSemantic, 0, Attribute::F32Type);
  addAttribute(Attribute::NormalSemantic, 3 * sizeof(float), Attribute::F32Type);
  addAttribute(Attribute::TexCoord0Semantic, 6 * sizeof(float), Attribute::F32Type);
  addAttribute(Attribute::IndexSemantic, 0, Attribute::U16Type);
  setBounds({-x, -y, -z}, {x, y, z});
  update();
}

}  // namespace parktwin::app
