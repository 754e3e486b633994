#pragma once
// One machine group drawn with its own 3D model (the park file's "model"): an instance table
// for a RuntimeLoader (QtQuick3D.AssetUtils), built from the park's machine table so the
// machines stay where and in the colour (state, highlight) the box table gives them. While the
// model is not loaded the box table keeps drawing the group (MachineInstancing::setGroupModel).
// The full model and its mid level of detail share one table (MachineModels.qml). A change of
// the park's table (a replay step's line states) re-uploads this table only when one of its
// own entries changed: at 60x most steps change a few lines, not every modelled group.
#include <QPointer>
#include <QQuick3DInstancing>
#include <QtQml/qqmlregistration.h>
#include <vector>

#include "machine_instancing.hpp"

namespace parktwin::app {

class MachineModelInstancing : public QQuick3DInstancing {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(parktwin::app::MachineInstancing* source READ source WRITE setSource NOTIFY changed)
  // {groupId, scale, rotation, offset, upZ} of one entry of ParkController.machineModels.
  Q_PROPERTY(QVariantMap spec READ spec WRITE setSpec NOTIFY changed)
  Q_PROPERTY(int count READ count NOTIFY changed)
  // How many times the table was handed to the renderer again (tests: a change elsewhere in
  // the park does not re-upload it).
  Q_PROPERTY(int uploads READ uploads NOTIFY uploaded)

 public:
  explicit MachineModelInstancing(QQuick3DObject* parent = nullptr);
  MachineInstancing* source() const { return source_; }
  void setSource(MachineInstancing* source);
  QVariantMap spec() const { return spec_; }
  void setSpec(const QVariantMap& spec);
  int count() const { return int(members_.size()); }
  int uploads() const { return uploads_; }
  // The colour of instance `index` as written to the table (tests read the table back).
  Q_INVOKABLE QColor instanceColor(int index);

 signals:
  void changed();
  void uploaded();

 protected:
  QByteArray getInstanceBuffer(int* instanceCount) override;

 private:
  void findMembers();
  // Rebuilds the table; hands it to the renderer again when it differs from the last one.
  void rebuild();

  QPointer<MachineInstancing> source_;
  QVariantMap spec_;
  std::vector<std::size_t> members_;  // this group's indices in source_->machines()
  QByteArray buffer_;
  int uploads_ = 0;
  bool stale_ = true;
};

}  // namespace parktwin::app
