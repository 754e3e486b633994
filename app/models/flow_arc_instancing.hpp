#pragma once
// Every flow arc of the overlay as one instance of one Model (FlowArcs.qml): one draw call and
// one material for ~177 arcs instead of a Model, a translucent material and a texture each.
// On llvmpipe each Model cost the renderer its own draw, uniform buffer and sort every frame, and
// the moving dashes changed 177 texture offsets per frame; here the dashes are drawn by the
// material from each instance's length and speed and one time uniform (flow_arc.vert/.frag).
// Qt 6.4 does not pick single instances, so pick() does it here.
#include <QColor>
#include <QPointer>
#include <QQuick3DInstancing>
#include <QVariantMap>
#include <QVector3D>
#include <QtQml/qqmlregistration.h>

#include <optional>
#include <vector>

#include "stable_rows_model.hpp"

namespace parktwin::app {

// One arc as the table draws it (scene metres and degrees).
struct FlowArcInstance {
  QString objectId;
  QVector3D centre;
  QVector3D size_m;  // length along the arc, height, width
  float angle_deg = 0;
  QColor color;  // alpha: the arc's opacity
  float speed_m_per_s = 0;
};

class FlowArcInstancing : public QQuick3DInstancing {
  Q_OBJECT
  QML_ELEMENT
  // FlowController.arcRows, or null for none: the table follows its rows.
  Q_PROPERTY(parktwin::app::StableRowsModel* rows READ rows WRITE setRows NOTIFY rowsChanged)
  // The selected object's id: its arc is drawn highlighted.
  Q_PROPERTY(QString selectedId READ selectedId WRITE setSelectedId NOTIFY selectedIdChanged)
  Q_PROPERTY(int count READ count NOTIFY tableChanged)

 public:
  explicit FlowArcInstancing(QQuick3DObject* parent = nullptr);

  StableRowsModel* rows() const { return rows_; }
  void setRows(StableRowsModel* rows);
  QString selectedId() const { return selectedId_; }
  void setSelectedId(const QString& id);
  int count() const { return static_cast<int>(arcs_.size()); }
  const std::vector<FlowArcInstance>& arcs() const { return arcs_; }

  // Arc `i` as drawn: {objectId, position, size (length, height, width in m), angle, color,
  // speed}; empty when out of range (tests).
  Q_INVOKABLE QVariantMap arcAt(int i) const;
  // How a row of FlowController.arcRows would be drawn, as arcAt says (tests: the rules by hand).
  Q_INVOKABLE QVariantMap drawnAs(const QVariantMap& row) const;
  // The nearest arc the ray from `origin` along `direction` (scene frame) hits:
  // {objectId, distance} with the distance along the ray in units of `direction`, or empty.
  Q_INVOKABLE QVariantMap pick(const QVector3D& origin, const QVector3D& direction) const;

  // The arc drawn for a row of FlowController.arcRows (roles as flow_overlay.cpp writes them).
  static FlowArcInstance arcOfRow(const QVariantMap& row, const QString& selectedId);

 signals:
  void rowsChanged();
  void selectedIdChanged();
  void tableChanged();

 protected:
  QByteArray getInstanceBuffer(int* instanceCount) override;

 private:
  void reload();
  void reloadRows(int first, int last);  // rows first..last changed in place

  QPointer<StableRowsModel> rows_;
  QString selectedId_;
  std::vector<FlowArcInstance> arcs_;
  QByteArray buffer_;
  bool dirty_ = true;
};

// Where along the ray from `origin` along `direction` it enters the box of `size` centred on
// `centre` and turned by `angle_deg` about the vertical (as Qt turns eulerRotation.y), if it does.
std::optional<float> rayEntersTurnedBox(const QVector3D& origin, const QVector3D& direction, const QVector3D& centre,
                                        const QVector3D& size, float angle_deg);

}  // namespace parktwin::app
