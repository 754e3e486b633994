#include "machine_box_geometry.hpp"

#include <QByteArray>
#include <QVector3D>
#include <array>

namespace parktwin::app {

namespace {
struct Vertex {
  float x, y, z;
  float r, g, b, a;
};

// Sun from the south-west, high: the roof is brightest, then the south and west walls.
struct Face {
  QVector3D corner, u, v;  // corner + s*u + t*v for s, t in {0, 1}, counter-clockwise seen from outside
  float shade;
};
}  // namespace

MachineBoxGeometry::MachineBoxGeometry(QQuick3DObject* parent) : QQuick3DGeometry(parent) { rebuild(); }

void MachineBoxGeometry::setCompact(bool compact) { setShape(compact_, compact); }
void MachineBoxGeometry::setRoofOnly(bool roofOnly) { setShape(roofOnly_, roofOnly); }

void MachineBoxGeometry::setShape(bool& flag, bool value) {
  if (flag == value) return;
  flag = value;
  rebuild();
  update();
  emit compactChanged();
}

void MachineBoxGeometry::rebuild() {
  clear();
  // Same extent as the built-in #Cube (100 units), so instance scales stay size_m / 100.
  constexpr float h = 50;
  const std::array<Face, 5> faces{{
      {{-h, h, h}, {2 * h, 0, 0}, {0, 0, -2 * h}, 1.00f},    // roof (+y)
      {{-h, -h, h}, {2 * h, 0, 0}, {0, 2 * h, 0}, 0.82f},    // south (+z)
      {{h, -h, -h}, {-2 * h, 0, 0}, {0, 2 * h, 0}, 0.62f},   // north (-z)
      {{h, -h, h}, {0, 0, -2 * h}, {0, 2 * h, 0}, 0.70f},    // east (+x)
      {{-h, -h, -h}, {0, 0, 2 * h}, {0, 2 * h, 0}, 0.88f},   // west (-x)
  }};
  QByteArray vertices, indices;
  if (roofOnly_) {
    const std::array<Vertex, 4> roof{{{-h, h, -h, 1, 1, 1, 1}, {h, h, -h, 1, 1, 1, 1}, {h, h, h, 1, 1, 1, 1}, {-h, h, h, 1, 1, 1, 1}}};
    const std::array<quint16, 6> order{0, 3, 2, 0, 2, 1};
    vertices = QByteArray(reinterpret_cast<const char*>(roof.data()), qsizetype(sizeof(roof)));
    indices = QByteArray(reinterpret_cast<const char*>(order.data()), qsizetype(sizeof(order)));
  } else if (compact_) {
    // Corners 0-3 on the ground, 4-7 at the roof (same x/z order); the roof's 2 and 5 walls' 8 triangles.
    const std::array<Vertex, 8> corners{{{-h, -h, -h, .55f, .55f, .55f, 1}, {h, -h, -h, .55f, .55f, .55f, 1},
                                         {h, -h, h, .55f, .55f, .55f, 1},   {-h, -h, h, .55f, .55f, .55f, 1},
                                         {-h, h, -h, 1, 1, 1, 1},           {h, h, -h, 1, 1, 1, 1},
                                         {h, h, h, 1, 1, 1, 1},             {-h, h, h, 1, 1, 1, 1}}};
    const std::array<quint16, 30> order{4, 7, 6, 4, 6, 5,   // roof
                                        3, 2, 6, 3, 6, 7,   // south
                                        1, 0, 4, 1, 4, 5,   // north
                                        2, 1, 5, 2, 5, 6,   // east
                                        0, 3, 7, 0, 7, 4};  // west
    vertices = QByteArray(reinterpret_cast<const char*>(corners.data()), qsizetype(sizeof(corners)));
    indices = QByteArray(reinterpret_cast<const char*>(order.data()), qsizetype(sizeof(order)));
  } else {
    vertices = QByteArray(qsizetype(faces.size() * 4 * sizeof(Vertex)), Qt::Uninitialized);
    indices = QByteArray(qsizetype(faces.size() * 6 * sizeof(quint16)), Qt::Uninitialized);
    auto* vertex = reinterpret_cast<Vertex*>(vertices.data());
    auto* index = reinterpret_cast<quint16*>(indices.data());
    quint16 base = 0;
    for (const Face& f : faces) {
      for (const auto& [s, t] : {std::pair{0.f, 0.f}, {1.f, 0.f}, {1.f, 1.f}, {0.f, 1.f}}) {
        const QVector3D p = f.corner + s * f.u + t * f.v;
        *vertex++ = {p.x(), p.y(), p.z(), f.shade, f.shade, f.shade, 1.0f};
      }
      for (int i : {0, 1, 2, 0, 2, 3}) *index++ = quint16(base + i);
      base = quint16(base + 4);
    }
  }
  setVertexData(vertices);
  setIndexData(indices);
  setStride(sizeof(Vertex));
  setPrimitiveType(PrimitiveType::Triangles);
  addAttribute(Attribute::PositionSemantic, 0, Attribute::F32Type);
  addAttribute(Attribute::ColorSemantic, 3 * sizeof(float), Attribute::F32Type);
  addAttribute(Attribute::IndexSemantic, 0, Attribute::U16Type);
  setBounds(QVector3D(-h, -h, -h), QVector3D(h, h, h));
}

}  // namespace parktwin::app
