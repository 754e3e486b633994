#include "polygon_geometry.hpp"

#include "scene_frame.hpp"

namespace parktwin::app {

namespace {
double cross(QPointF a, QPointF b, QPointF c) {
  return (b.x() - a.x()) * (c.y() - a.y()) - (b.y() - a.y()) * (c.x() - a.x());
}
bool inside(QPointF p, QPointF a, QPointF b, QPointF c) {
  return cross(a, b, p) >= 0 && cross(b, c, p) >= 0 && cross(c, a, p) >= 0;
}
}  // namespace

QList<quint32> triangulate(const QList<QPointF>& points) {
  QList<quint32> result;
  QList<quint32> remaining;
  double area = 0;
  for (qsizetype i = 0; i < points.size(); ++i) {
    remaining.push_back(quint32(i));
    const QPointF a = points[i], b = points[(i + 1) % points.size()];
    area += a.x() * b.y() - b.x() * a.y();
  }
  if (area < 0) std::reverse(remaining.begin(), remaining.end());  // make it counter-clockwise
  qsizetype guard = remaining.size() * remaining.size();
  while (remaining.size() > 3 && guard-- > 0) {
    const qsizetype n = remaining.size();
    for (qsizetype i = 0; i < n; ++i) {
      const quint32 ia = remaining[(i + n - 1) % n], ib = remaining[i], ic = remaining[(i + 1) % n];
      const QPointF a = points[ia], b = points[ib], c = points[ic];
      if (cross(a, b, c) <= 0) continue;  // reflex corner
      bool ear = true;
      for (quint32 other : remaining) {
        if (other != ia && other != ib && other != ic && inside(points[other], a, b, c)) {
          ear = false;
          break;
        }
      }
      if (!ear) continue;
      result << ia << ib << ic;
      remaining.removeAt(i);
      break;
    }
  }
  if (remaining.size() == 3) result << remaining[0] << remaining[1] << remaining[2];
  return result;
}

PolygonGeometry::PolygonGeometry(QQuick3DObject* parent) : QQuick3DGeometry(parent) {}

void PolygonGeometry::setOutline(const QVariantList& outline) {
  outline_ = outline;
  rebuild();
  emit outlineChanged();
}

void PolygonGeometry::rebuild() {
  QList<QPointF> points;
  for (const QVariant& v : outline_) points.push_back(v.toPointF());
  const QList<quint32> indices = triangulate(points);

  // Position, normal, and texture coordinates in park metres (a texture's scale sets its tile).
  QByteArray vertices(points.size() * 8 * qsizetype(sizeof(float)), Qt::Uninitialized);
  auto* out = reinterpret_cast<float*>(vertices.data());
  QVector3D lo(1e9f, 0, 1e9f), hi(-1e9f, 0, -1e9f);
  for (const QPointF& p : points) {
    const QVector3D s = toScene(p.x(), p.y());
    *out++ = s.x(); *out++ = 0; *out++ = s.z();
    *out++ = 0; *out++ = 1; *out++ = 0;  // normal: up
    *out++ = float(p.x()); *out++ = float(p.y());
    lo.setX(std::min(lo.x(), s.x())); lo.setZ(std::min(lo.z(), s.z()));
    hi.setX(std::max(hi.x(), s.x())); hi.setZ(std::max(hi.z(), s.z()));
  }
  // Seen from above, the scene frame looks like the park frame, so counter-clockwise
  // triangles in park metres face up.
  // Copied by QByteArray, not memcpy: an outline with no triangle yet has no index data, and
  // memcpy from its null pointer is undefined even for 0 bytes (UBSan stopped the window on it).
  const QByteArray indexData(reinterpret_cast<const char*>(indices.constData()),
                             indices.size() * qsizetype(sizeof(quint32)));
  clear();
  setStride(8 * sizeof(float));
  setVertexData(vertices);
  setIndexData(indexData);
  setPrimitiveType(PrimitiveType::Triangles);
  addAttribute(Attribute::PositionSemantic, 0, Attribute::F32Type);
  addAttribute(Attribute::NormalSemantic, 3 * sizeof(float), Attribute::F32Type);
  addAttribute(Attribute::TexCoord0Semantic, 6 * sizeof(float), Attribute::F32Type);
  addAttribute(Attribute::IndexSemantic, 0, Attribute::U32Type);
  setBounds(lo, hi);
  update();
}

}  // namespace parktwin::app
