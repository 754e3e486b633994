#include "machine_model_instancing.hpp"

#include <QVector3D>
#include <cmath>
#include <cstring>

namespace parktwin::app {

MachineModelInstancing::MachineModelInstancing(QQuick3DObject* parent) : QQuick3DInstancing(parent) {}

void MachineModelInstancing::setSource(MachineInstancing* source) {
  if (source_ == source) return;
  if (source_) disconnect(source_, nullptr, this, nullptr);
  source_ = source;
  if (source_) {
    // countChanged comes first when the machines themselves are replaced (setMachines).
    connect(source_, &MachineInstancing::countChanged, this, &MachineModelInstancing::findMembers);
    connect(source_, &MachineInstancing::tableChanged, this, &MachineModelInstancing::rebuild);
  }
  findMembers();
}

void MachineModelInstancing::setSpec(const QVariantMap& spec) {
  if (spec_ == spec) return;
  spec_ = spec;
  findMembers();
}

void MachineModelInstancing::findMembers() {
  members_.clear();
  if (source_) {
    const QString group = spec_.value("groupId").toString();
    const auto& machines = source_->machines();
    for (std::size_t i = 0; i < machines.size(); ++i) {
      if (machines[i].groupId == group) members_.push_back(i);
    }
  }
  stale_ = true;  // a new group or park: upload whatever the table holds now
  rebuild();
  emit changed();
}

void MachineModelInstancing::rebuild() {
  QByteArray table;
  if (source_) {
    table.reserve(qsizetype(members_.size() * sizeof(InstanceTableEntry)));
    const auto scale = float(spec_.value("scale", 1.0).toDouble());
    const auto turn = float(spec_.value("rotation", 0.0).toDouble());
    const QVector3D offset = spec_.value("offset").value<QVector3D>();
    const bool upZ = spec_.value("upZ").toBool();
    const auto& machines = source_->machines();
    const QString group = spec_.value("groupId").toString();
    for (const std::size_t i : members_) {
      // setMachines announces the new table before its count: find this group's machines again.
      if (i >= machines.size() || machines[i].groupId != group) return findMembers();
      const auto& m = machines[i];
      // The model stands on the ground at the machine's centre, its offset in the machine's axes.
      const double a = m.rotation_deg * M_PI / 180.0;
      const QVector3D turned(float(offset.x() * std::cos(a) + offset.z() * std::sin(a)), 0,
                             float(-offset.x() * std::sin(a) + offset.z() * std::cos(a)));
      const QVector3D ground(m.position.x(), 0, m.position.z());
      const auto entry = calculateTableEntry(ground + turned, QVector3D(scale, scale, scale),
                                             QVector3D(upZ ? -90.0f : 0.0f, m.rotation_deg + turn, 0), source_->colorOf(m));
      table.append(reinterpret_cast<const char*>(&entry), sizeof entry);
    }
  }
  if (table == buffer_ && !stale_) return;
  stale_ = false;
  buffer_ = std::move(table);
  ++uploads_;
  markDirty();
  emit uploaded();
}

QByteArray MachineModelInstancing::getInstanceBuffer(int* instanceCount) {
  if (instanceCount) *instanceCount = int(buffer_.size() / qsizetype(sizeof(InstanceTableEntry)));
  return buffer_;
}

QColor MachineModelInstancing::instanceColor(int index) {
  int total = 0;
  const QByteArray table = getInstanceBuffer(&total);
  if (index < 0 || index >= total) return {};
  InstanceTableEntry entry;
  std::memcpy(&entry, table.constData() + qsizetype(index) * qsizetype(sizeof entry), sizeof entry);
  return QColor::fromRgbF(entry.color.x(), entry.color.y(), entry.color.z(), entry.color.w());
}

}  // namespace parktwin::app
