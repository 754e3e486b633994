#include "machine_instancing.hpp"

#include <QQuaternion>
#include <algorithm>
#include <cmath>
#include <limits>

#include "parktwin/model/machine_grid.hpp"
#include "parktwin/model/park.hpp"
#include "scene_frame.hpp"
#include "scene_style.hpp"

namespace parktwin::app {

MachineInstancing::MachineInstancing(QQuick3DObject* parent) : QQuick3DInstancing(parent) {}

void MachineInstancing::setMachines(std::vector<MachineInstance> machines) {
  machines_ = std::move(machines);
  modelBoxes_.clear();
  std::vector<float> heights;
  heights.reserve(machines_.size());
  for (const auto& m : machines_) heights.push_back(m.size_m.y());
  std::nth_element(heights.begin(), heights.begin() + qsizetype(heights.size() / 2), heights.end());
  typicalHeight_ = heights.empty() ? 0 : heights[heights.size() / 2];
  dirty_ = true;
  markDirty();
  emit tableChanged();
  emit countChanged();
}

void MachineInstancing::setHighlightedGroups(const QSet<QString>& groupIds) {
  if (highlighted_ == groupIds) return;
  highlighted_ = groupIds;
  dirty_ = true;
  markDirty();
  emit tableChanged();
}

void MachineInstancing::setLineStates(const QHash<QString, int>& states) {
  if (lineStates_ == states) return;
  lineStates_ = states;
  dirty_ = true;
  markDirty();
  emit tableChanged();
}

QByteArray MachineInstancing::getInstanceBuffer(int* instanceCount) { return table(instanceCount); }

QColor MachineInstancing::colorOf(const MachineInstance& m) const {
  const auto state = lineStates_.constFind(m.lineId);
  return highlighted_.contains(m.groupId) ? QColor(0xff, 0xe0, 0x3a)
         : state != lineStates_.constEnd() ? stateColor(state.value(), m.color)
                                           : m.color;
}

QByteArray MachineInstancing::table(int* instanceCount) {
  if (dirty_) {
    buffer_.clear();
    buffer_.reserve(qsizetype(machines_.size() * sizeof(InstanceTableEntry)));
    drawn_ = 0;
    // #Cube is 100 units on a side: scale 0.01 per metre. Groups drawn by their model are left out.
    for (const auto& m : machines_) {
      if (modelBoxes_.contains(m.groupId)) continue;
      const auto entry = calculateTableEntry(m.position, m.size_m / 100.0f, QVector3D(0, m.rotation_deg, 0), colorOf(m));
      buffer_.append(reinterpret_cast<const char*>(&entry), sizeof entry);
      ++drawn_;
    }
    dirty_ = false;
  }
  if (instanceCount) *instanceCount = drawn_;
  return buffer_;
}

namespace {
// (x, y, z) of a model file turned the way the scene draws it: z-up files stood up (a -90°
// turn about x), scaled, turned by `turnDeg` about the vertical and moved by `offset`.
QVector3D placed(QVector3D p, const QVariantMap& spec) {
  if (spec.value("upZ").toBool()) p = QVector3D(p.x(), p.z(), -p.y());
  p *= float(spec.value("scale", 1.0).toDouble());
  const double a = spec.value("rotation", 0.0).toDouble() * M_PI / 180.0;
  p = QVector3D(float(p.x() * std::cos(a) + p.z() * std::sin(a)), p.y(), float(-p.x() * std::sin(a) + p.z() * std::cos(a)));
  return p + spec.value("offset").value<QVector3D>();
}
}  // namespace

void MachineInstancing::setGroupModel(const QVariantMap& spec, bool loaded, const QVector3D& fileMin,
                                      const QVector3D& fileMax) {
  const QString group = spec.value("groupId").toString();
  if (!loaded) {
    if (modelBoxes_.remove(group) == 0) return;
  } else {
    QVector3D lo(1e30f, 1e30f, 1e30f), hi(-1e30f, -1e30f, -1e30f);
    for (int corner = 0; corner < 8; ++corner) {
      const QVector3D c((corner & 1) ? fileMax.x() : fileMin.x(), (corner & 2) ? fileMax.y() : fileMin.y(),
                        (corner & 4) ? fileMax.z() : fileMin.z());
      const QVector3D p = placed(c, spec);
      for (int axis = 0; axis < 3; ++axis) {
        lo[axis] = std::min(lo[axis], p[axis]);
        hi[axis] = std::max(hi[axis], p[axis]);
      }
    }
    modelBoxes_.insert(group, {lo, hi});
  }
  dirty_ = true;
  markDirty();
  emit tableChanged();
}

QVariantMap MachineInstancing::groupExtent(const QString& groupId) const {
  QVector3D sum;
  float size = 0;
  int n = 0;
  for (const auto& m : machines_) {
    if (m.groupId != groupId) continue;
    sum += m.position;
    size = std::max({size, m.size_m.x(), m.size_m.y(), m.size_m.z()});
    ++n;
  }
  if (n == 0) return {};
  const QVector3D centre = sum / float(n);
  float radius = 0;
  for (const auto& m : machines_) {
    if (m.groupId == groupId) radius = std::max(radius, (m.position - centre).length());
  }
  return {{"centre", centre}, {"radius", radius}, {"machineSize", size}};
}

MachineInstancingMirror::MachineInstancingMirror(QQuick3DObject* parent) : QQuick3DInstancing(parent) {}

void MachineInstancingMirror::setSource(MachineInstancing* source) {
  if (source_ == source) return;
  if (source_) disconnect(source_, nullptr, this, nullptr);
  source_ = source;
  if (source_) connect(source_, &MachineInstancing::tableChanged, this, [this] { markDirty(); });
  markDirty();
  emit sourceChanged();
}

QByteArray MachineInstancingMirror::getInstanceBuffer(int* instanceCount) {
  if (source_) return source_->table(instanceCount);
  if (instanceCount) *instanceCount = 0;
  return {};
}

QString MachineInstancing::pickGroup(const QVector3D& origin, const QVector3D& direction) const {
  float nearest = std::numeric_limits<float>::max();
  QString hit;
  for (const auto& m : machines_) {
    // Ray against the machine's box in its own frame (rotated about the vertical axis).
    const float a = float(-m.rotation_deg * M_PI / 180.0);
    const auto toLocal = [&](const QVector3D& v) {
      return QVector3D(v.x() * std::cos(a) + v.z() * std::sin(a), v.y(), -v.x() * std::sin(a) + v.z() * std::cos(a));
    };
    // A modelled group is hit on its model's bounds (from the ground centre), others on the box.
    const auto model = modelBoxes_.constFind(m.groupId);
    const bool modelled = model != modelBoxes_.constEnd();
    const QVector3D centre = modelled ? QVector3D(m.position.x(), 0, m.position.z()) : m.position;
    const QVector3D o = toLocal(origin - centre), dir = toLocal(direction);
    const QVector3D lo = modelled ? model->first : -m.size_m / 2, hi = modelled ? model->second : m.size_m / 2;
    float t0 = 0, t1 = nearest;
    bool inside = true;
    for (int axis = 0; axis < 3 && inside; ++axis) {
      if (std::abs(dir[axis]) < 1e-9f) {
        inside = o[axis] >= lo[axis] && o[axis] <= hi[axis];
        continue;
      }
      float ta = (lo[axis] - o[axis]) / dir[axis], tb = (hi[axis] - o[axis]) / dir[axis];
      if (ta > tb) std::swap(ta, tb);
      t0 = std::max(t0, ta);
      t1 = std::min(t1, tb);
      inside = t0 <= t1;
    }
    if (inside && t0 < nearest) {
      nearest = t0;
      hit = m.groupId;
    }
  }
  return hit;
}

std::vector<MachineInstance> machineInstancesOf(const model::Park& park) {
  std::vector<MachineInstance> out;
  for (const auto& line : park.lines) {
    const model::Building* building = park.findBuilding(line.building);
    if (!building) continue;
    const double angle = building->rotation_deg * M_PI / 180.0;
    for (const auto& group : line.machines) {
      const model::MachineGrid grid = model::machineGrid(group);
      const QColor color = machineColor(group.kind);
      for (int i = 0; !grid.empty() && i < group.count; ++i) {
        const auto [lx, ly] = model::machineOffset(group, grid, i);
        const double px = building->position.x_m + lx * std::cos(angle) - ly * std::sin(angle);
        const double py = building->position.y_m + lx * std::sin(angle) + ly * std::cos(angle);
        out.push_back({toScene(px, py, group.height_m / 2),
                       QVector3D(float(group.width_m), float(group.height_m), float(group.depth_m)),
                       float(building->rotation_deg), color, QString::fromStdString(group.id),
                       QString::fromStdString(line.id)});
      }
    }
  }
  return out;
}

}  // namespace parktwin::app
