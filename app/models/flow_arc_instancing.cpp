#include "flow_arc_instancing.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace parktwin::app {

namespace {
const QColor kSelectedColor(0xff, 0xd4, 0x3b);
constexpr float kActiveOpacity = 0.85f;
constexpr float kInactiveOpacity = 0.25f;  // links without flow at this step
constexpr float kBottleneckHeight_m = 2.5f, kArcHeight_m = 0.8f;
}  // namespace

FlowArcInstancing::FlowArcInstancing(QQuick3DObject* parent) : QQuick3DInstancing(parent) {}

void FlowArcInstancing::setRows(StableRowsModel* rows) {
  if (rows_ == rows) return;
  if (rows_) disconnect(rows_, nullptr, this, nullptr);
  rows_ = rows;
  if (rows_) {
    // A replay step changes rows in place, one dataChanged each: only those arcs are read
    // again (reading every row at each of them cost the GUI thread 20 ms a step on Beidu).
    connect(rows_, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& first, const QModelIndex& last) { reloadRows(first.row(), last.row()); });
    const auto reloadAll = [this] { reload(); };
    connect(rows_, &QAbstractItemModel::rowsInserted, this, reloadAll);
    connect(rows_, &QAbstractItemModel::rowsRemoved, this, reloadAll);
    connect(rows_, &QAbstractItemModel::modelReset, this, reloadAll);
  }
  reload();
  emit rowsChanged();
}

void FlowArcInstancing::setSelectedId(const QString& id) {
  if (selectedId_ == id) return;
  selectedId_ = id;
  reload();
  emit selectedIdChanged();
}

FlowArcInstance FlowArcInstancing::arcOfRow(const QVariantMap& row, const QString& selectedId) {
  FlowArcInstance arc;
  arc.objectId = row.value("id").toString();
  arc.centre = row.value("position").value<QVector3D>();
  const float height = row.value("bottleneck").toBool() ? kBottleneckHeight_m : kArcHeight_m;
  arc.size_m = QVector3D(row.value("length").toFloat(), height, row.value("width").toFloat());
  arc.angle_deg = row.value("angle").toFloat();
  arc.color = !selectedId.isEmpty() && arc.objectId == selectedId ? kSelectedColor : row.value("color").value<QColor>();
  arc.color.setAlphaF(row.value("active").toBool() ? kActiveOpacity : kInactiveOpacity);
  arc.speed_m_per_s = row.value("speed").toFloat();
  return arc;
}

void FlowArcInstancing::reload() {
  arcs_.clear();
  const int n = rows_ ? rows_->count() : 0;
  arcs_.reserve(std::size_t(n));
  for (int i = 0; i < n; ++i) arcs_.push_back(arcOfRow(rows_->get(i), selectedId_));
  dirty_ = true;
  markDirty();
  emit tableChanged();
}

void FlowArcInstancing::reloadRows(int first, int last) {
  if (!rows_ || last >= count()) return reload();
  for (int i = std::max(0, first); i <= last; ++i) arcs_[std::size_t(i)] = arcOfRow(rows_->get(i), selectedId_);
  dirty_ = true;
  markDirty();
}

QByteArray FlowArcInstancing::getInstanceBuffer(int* instanceCount) {
  if (dirty_) {
    buffer_.clear();
    buffer_.reserve(qsizetype(arcs_.size() * sizeof(InstanceTableEntry)));
    for (const auto& arc : arcs_) {
      // The box is 100 units on a side (FlowArcs.qml draws its top face); its +x runs from the
      // link's source to its consumer. The material reads the length and speed for the dashes
      // (INSTANCE_DATA.xy).
      const auto entry = calculateTableEntry(arc.centre, arc.size_m / 100.0f, QVector3D(0, arc.angle_deg, 0), arc.color,
                                             QVector4D(arc.size_m.x(), arc.speed_m_per_s, 0, 0));
      buffer_.append(reinterpret_cast<const char*>(&entry), sizeof entry);
    }
    dirty_ = false;
  }
  if (instanceCount) *instanceCount = count();
  return buffer_;
}

namespace {
QVariantMap mapOf(const FlowArcInstance& arc) {
  return {{"objectId", arc.objectId}, {"position", arc.centre}, {"size", arc.size_m},
          {"angle", arc.angle_deg},   {"color", arc.color},     {"speed", arc.speed_m_per_s}};
}
}  // namespace

QVariantMap FlowArcInstancing::arcAt(int i) const {
  return i < 0 || i >= count() ? QVariantMap() : mapOf(arcs_[std::size_t(i)]);
}

QVariantMap FlowArcInstancing::drawnAs(const QVariantMap& row) const { return mapOf(arcOfRow(row, selectedId_)); }

QVariantMap FlowArcInstancing::pick(const QVector3D& origin, const QVector3D& direction) const {
  float nearest = std::numeric_limits<float>::max();
  const FlowArcInstance* hit = nullptr;
  for (const auto& arc : arcs_) {
    const auto t = rayEntersTurnedBox(origin, direction, arc.centre, arc.size_m, arc.angle_deg);
    if (t && *t < nearest) {
      nearest = *t;
      hit = &arc;
    }
  }
  if (!hit) return {};
  return {{"objectId", hit->objectId}, {"distance", nearest}};
}

std::optional<float> rayEntersTurnedBox(const QVector3D& origin, const QVector3D& direction, const QVector3D& centre,
                                        const QVector3D& size, float angle_deg) {
  // Into the box's own frame: Qt turns +x towards -z for a positive angle about +y.
  const float a = float(angle_deg * M_PI / 180.0);
  const auto toLocal = [&](const QVector3D& v) {
    return QVector3D(v.x() * std::cos(a) - v.z() * std::sin(a), v.y(), v.x() * std::sin(a) + v.z() * std::cos(a));
  };
  const QVector3D o = toLocal(origin - centre), dir = toLocal(direction), half = size / 2;
  float t0 = 0, t1 = std::numeric_limits<float>::max();
  for (int axis = 0; axis < 3; ++axis) {
    if (std::abs(dir[axis]) < 1e-9f) {
      if (o[axis] < -half[axis] || o[axis] > half[axis]) return std::nullopt;
      continue;
    }
    float ta = (-half[axis] - o[axis]) / dir[axis], tb = (half[axis] - o[axis]) / dir[axis];
    if (ta > tb) std::swap(ta, tb);
    t0 = std::max(t0, ta);
    t1 = std::min(t1, tb);
    if (t0 > t1) return std::nullopt;
  }
  return t0;
}

}  // namespace parktwin::app
