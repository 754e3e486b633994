#pragma once
// One machine group drawn with its own 3D model (the park file's "model"): an instance table
// for a RuntimeLoader (QtQuick3D.AssetUtils), built from the park's machine table so the
// machines stay where and in the colour (state, highlight) the box table gives them. While the
// model is not loaded the box table keeps drawing the group (MachineInstancing::setGroupModel).
#include <QPointer>
#include <QQuick3DInstancing>
#include <QtQml/qqmlregistration.h>

#include "machine_instancing.hpp"

namespace parktwin::app {

class MachineModelInstancing : public QQuick3DInstancing {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(parktwin::app::MachineInstancing* source READ source WRITE setSource NOTIFY changed)
  // {groupId, scale, rotation, offset, upZ} of one entry of ParkController.machineModels.
  Q_PROPERTY(QVariantMap spec READ spec WRITE setSpec NOTIFY changed)
  Q_PROPERTY(int count READ count NOTIFY changed)

 public:
  explicit MachineModelInstancing(QQuick3DObject* parent = nullptr);
  MachineInstancing* source() const { return source_; }
  void setSource(MachineInstancing* source);
  QVariantMap spec() const { return spec_; }
  void setSpec(const QVariantMap& spec);
  int count() const;
  // The colour of instance `index` as written to the table (tests read the table back).
  Q_INVOKABLE QColor instanceColor(int index);

 signals:
  void changed();

 protected:
  QByteArray getInstanceBuffer(int* instanceCount) override;

 private:
  QPointer<MachineInstancing> source_;
  QVariantMap spec_;
  QByteArray buffer_;
};

}  // namespace parktwin::app
