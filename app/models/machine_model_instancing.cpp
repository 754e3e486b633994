#include "machine_model_instancing.hpp"

#include <QVector3D>
#include <algorithm>
#include <cmath>
#include <cstring>

namespace parktwin::app {

MachineModelInstancing::MachineModelInstancing(QQuick3DObject* parent) : QQuick3DInstancing(parent) {}

void MachineModelInstancing::setSource(MachineInstancing* source) {
  if (source_ == source) return;
  if (source_) disconnect(source_, nullptr, this, nullptr);
  source_ = source;
  if (source_) connect(source_, &MachineInstancing::tableChanged, this, [this] { markDirty(); });
  markDirty();
  emit changed();
}

void MachineModelInstancing::setSpec(const QVariantMap& spec) {
  if (spec_ == spec) return;
  spec_ = spec;
  markDirty();
  emit changed();
}

int MachineModelInstancing::count() const {
  if (!source_) return 0;
  const QString group = spec_.value("groupId").toString();
  return int(std::count_if(source_->machines().begin(), source_->machines().end(),
                           [&](const MachineInstance& m) { return m.groupId == group; }));
}

QByteArray MachineModelInstancing::getInstanceBuffer(int* instanceCount) {
  buffer_.clear();
  int written = 0;
  if (source_) {
    const QString group = spec_.value("groupId").toString();
    const auto scale = float(spec_.value("scale", 1.0).toDouble());
    const auto turn = float(spec_.value("rotation", 0.0).toDouble());
    const QVector3D offset = spec_.value("offset").value<QVector3D>();
    const bool upZ = spec_.value("upZ").toBool();
    for (const auto& m : source_->machines()) {
      if (m.groupId != group) continue;
      // The model stands on the ground at the machine's centre, its offset in the machine's axes.
      const double a = m.rotation_deg * M_PI / 180.0;
      const QVector3D turned(float(offset.x() * std::cos(a) + offset.z() * std::sin(a)), 0,
                             float(-offset.x() * std::sin(a) + offset.z() * std::cos(a)));
      const QVector3D ground(m.position.x(), 0, m.position.z());
      const auto entry = calculateTableEntry(ground + turned, QVector3D(scale, scale, scale),
                                             QVector3D(upZ ? -90.0f : 0.0f, m.rotation_deg + turn, 0), source_->colorOf(m));
      buffer_.append(reinterpret_cast<const char*>(&entry), sizeof entry);
      ++written;
    }
  }
  if (instanceCount) *instanceCount = written;
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
