#pragma once
// Every machine of the park (pots, die bonders, presses...) as one instance table, so the
// scene draws hundreds of thousands of them with one draw call per mesh.
#include <QQuick3DInstancing>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <utility>
#include <vector>

namespace parktwin::model {
struct Park;
}

namespace parktwin::app {

struct MachineInstance {
  QVector3D position;  // centre of the box, scene metres
  QVector3D size_m;
  float rotation_deg = 0;
  QColor color;
  QString groupId;
  QString lineId;
};

class MachineInstancing : public QQuick3DInstancing {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Provided by ParkController")
  Q_PROPERTY(int count READ count NOTIFY countChanged)
  // The median machine height in metres (for the scene's level of detail).
  Q_PROPERTY(double typicalHeight READ typicalHeight NOTIFY countChanged)

 public:
  explicit MachineInstancing(QQuick3DObject* parent = nullptr);

  void setMachines(std::vector<MachineInstance> machines);
  void setHighlightedGroups(const QSet<QString>& groupIds);
  // Line state (0 run, 1 idle, 2 changeover, 3 down, 4 starved; see twin/sim machine_state.hpp)
  // recolours that line's machines; lines without a state keep their kind's colour.
  void setLineStates(const QHash<QString, int>& states);
  int count() const { return static_cast<int>(machines_.size()); }
  double typicalHeight() const { return typicalHeight_; }
  const std::vector<MachineInstance>& machines() const { return machines_; }
  // The instance table as the renderer wants it (rebuilt only after a change).
  QByteArray table(int* instanceCount);
  // The machine group of the nearest machine box the ray from `origin` along `direction`
  // hits (scene frame), or empty. Qt 6.4 cannot pick single instances, so we do it here.
  QString pickGroup(const QVector3D& origin, const QVector3D& direction) const;
  // A machine's colour in the table: highlight, else its line's state, else its kind's.
  QColor colorOf(const MachineInstance& machine) const;
  // A group whose model (ParkController.machineModels entry `spec`) has loaded with the bounds
  // RuntimeLoader gives (file axes, before scale): the box table leaves it out and picking
  // uses the model's bounds. `loaded` false draws the group as boxes again.
  Q_INVOKABLE void setGroupModel(const QVariantMap& spec, bool loaded, const QVector3D& fileMin, const QVector3D& fileMax);
  // Where a group stands, for the models' level of detail: {centre, radius} of its machines'
  // centres and {machineSize}, the largest side of its biggest machine box (scene metres).
  Q_INVOKABLE QVariantMap groupExtent(const QString& groupId) const;

 signals:
  void countChanged();
  void tableChanged();

 protected:
  QByteArray getInstanceBuffer(int* instanceCount) override;

 private:
  std::vector<MachineInstance> machines_;
  QSet<QString> highlighted_;
  QHash<QString, int> lineStates_;
  // Groups drawn by their model: the model's box in the machine's frame, from the ground centre.
  QHash<QString, std::pair<QVector3D, QVector3D>> modelBoxes_;
  QByteArray buffer_;
  bool dirty_ = true;
  int drawn_ = 0;  // instances in buffer_
  double typicalHeight_ = 0;
};

// The same machines in a second window (a PNG export): Qt Quick 3D refuses to use one
// instancing object in two windows at once, so this one shares the source's table.
class MachineInstancingMirror : public QQuick3DInstancing {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(parktwin::app::MachineInstancing* source READ source WRITE setSource NOTIFY sourceChanged)

 public:
  explicit MachineInstancingMirror(QQuick3DObject* parent = nullptr);
  MachineInstancing* source() const { return source_; }
  void setSource(MachineInstancing* source);

 signals:
  void sourceChanged();

 protected:
  QByteArray getInstanceBuffer(int* instanceCount) override;

 private:
  QPointer<MachineInstancing> source_;
};

// Lays out every machine group of the park in its building (park frame → scene frame).
std::vector<MachineInstance> machineInstancesOf(const parktwin::model::Park& park);

}  // namespace parktwin::app
