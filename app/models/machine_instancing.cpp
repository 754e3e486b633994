#include "machine_instancing.hpp"

#include <QQuaternion>
#include <algorithm>
#include <cmath>
#include <limits>

#include "parktwin/model/park.hpp"
#include "scene_frame.hpp"
#include "scene_style.hpp"

namespace parktwin::app {

MachineInstancing::MachineInstancing(QQuick3DObject* parent) : QQuick3DInstancing(parent) {}

void MachineInstancing::setMachines(std::vector<MachineInstance> machines) {
  machines_ = std::move(machines);
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

QByteArray MachineInstancing::table(int* instanceCount) {
  if (dirty_) {
    buffer_.resize(qsizetype(machines_.size() * sizeof(InstanceTableEntry)));
    auto* entry = reinterpret_cast<InstanceTableEntry*>(buffer_.data());
    // #Cube is 100 units on a side: scale 0.01 per metre.
    for (const auto& m : machines_) {
      const auto state = lineStates_.constFind(m.lineId);
      const QColor color = highlighted_.contains(m.groupId) ? QColor(0xff, 0xe0, 0x3a)
                           : state != lineStates_.constEnd() ? stateColor(state.value(), m.color)
                                                             : m.color;
      *entry++ = calculateTableEntry(m.position, m.size_m / 100.0f,
                                     QVector3D(0, m.rotation_deg, 0), color);
    }
    dirty_ = false;
  }
  if (instanceCount) *instanceCount = static_cast<int>(machines_.size());
  return buffer_;
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
    const QVector3D o = toLocal(origin - m.position), dir = toLocal(direction);
    const QVector3D half = m.size_m / 2;
    float t0 = 0, t1 = nearest;
    bool inside = true;
    for (int axis = 0; axis < 3 && inside; ++axis) {
      if (std::abs(dir[axis]) < 1e-9f) {
        inside = std::abs(o[axis]) <= half[axis];
        continue;
      }
      float ta = (-half[axis] - o[axis]) / dir[axis], tb = (half[axis] - o[axis]) / dir[axis];
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
      const int columns = (group.count + group.rows - 1) / group.rows;
      const QColor color = machineColor(group.kind);
      for (int i = 0; i < group.count; ++i) {
        const int row = i / columns;
        const int column = i % columns;
        // Local offset inside the building, grid centred on group.offset.
        const double lx = group.offset.x_m + (column - (columns - 1) / 2.0) * group.pitch_x_m;
        const double ly = group.offset.y_m + (row - (group.rows - 1) / 2.0) * group.pitch_y_m;
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
