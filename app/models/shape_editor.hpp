#pragma once
// Edit mode's zones and roads: what the draw tools (qml/scene/ShapeTools.qml) hand over when a
// polygon or polyline is finished, the selected zone or road with its vertex handles, a
// handle's drag (one history entry per drag) and delete. Every change is an edit command
// (AddZone, MoveZoneVertex, AddRoad, MoveRoadPoint, RemoveZone, RemoveRoad) issued through
// ParkEditor, so undo, the unsaved mark and the Problems panel work as for buildings.
// Points are park metres (x east, y north), snapped to the 1 m grid unless asked not to.
#include <QObject>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <vector>

#include "parktwin/model/park.hpp"

class QQmlEngine;
class QJSEngine;

namespace parktwin::app {

class ParkController;
class ParkEditor;

class ShapeEditor : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_SINGLETON
  // The selected zone or road: {id, type ("zone" | "road"), nameZh, nameEn, kind (zones),
  // widthM (roads)}; empty when none is selected.
  Q_PROPERTY(QVariantMap shape READ shape NOTIFY shapeChanged)
  // Its vertices (zone) or points (road), park metres: [{xM, yM}].
  Q_PROPERTY(QVariantList handles READ handles NOTIFY shapeChanged)
  Q_PROPERTY(QStringList zoneKinds READ zoneKinds CONSTANT)
  // The tool in use: "" (select and drag), "zone", "road" or "link". Held here so the panel's
  // buttons and the pointer over the 3D view share it.
  Q_PROPERTY(QString tool READ tool WRITE setTool NOTIFY toolChanged)
  // The zone or road being drawn, park metres: [Qt.point]; empty when none.
  Q_PROPERTY(QVariantList draft READ draft NOTIFY draftChanged)
  // What the next zone is, and the next road's width in metres.
  Q_PROPERTY(QString zoneKind MEMBER zoneKind_ NOTIFY toolChanged)
  Q_PROPERTY(double roadWidthM MEMBER roadWidthM_ NOTIFY toolChanged)

 public:
  ShapeEditor(ParkController& controller, ParkEditor& editor, QObject* parent);
  static ShapeEditor* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);

  QVariantMap shape() const;
  QVariantList handles() const;
  QStringList zoneKinds() const;
  QString tool() const { return tool_; }
  void setTool(const QString& tool);
  QVariantList draft() const { return draft_; }

  // A click of the draw tool at (xM, yM): one more point, snapped unless `snap` is false; a
  // point on the last one (the second click of a double-click) adds nothing.
  Q_INVOKABLE void addDraftPoint(double xM, double yM, bool snap);
  // Double-click or Enter: the draft becomes a zone or road (addZone / addRoad); its id.
  Q_INVOKABLE QString finishDraft();
  // Esc: the draft is dropped.
  Q_INVOKABLE void cancelDraft();

  Q_INVOKABLE QString zoneKindName(const QString& word) const;
  // The point a drawing click or a handle drag at (xM, yM) lands on.
  Q_INVOKABLE QPointF snapped(double xM, double yM, bool snap) const;
  // The new zone's or road's id ("" if refused: too few points, a width not above 0); it
  // becomes the selection. `points` as the tool collected them ([Qt.point], already snapped).
  Q_INVOKABLE QString addZone(const QVariantList& points, const QString& kindWord);
  Q_INVOKABLE QString addRoad(const QVariantList& points, double widthM);
  // A drag step of the selected shape's handle `index`; steps of one drag are one entry.
  Q_INVOKABLE bool dragHandle(int index, double xM, double yM, bool snap);
  Q_INVOKABLE void endDrag();
  Q_INVOKABLE bool removeSelected();
  // Selects the road under (xM, yM) (within half its width plus 2 m), else the zone whose
  // outline holds it (the last drawn first), else nothing; returns the id.
  Q_INVOKABLE QString selectAt(double xM, double yM);
  Q_INVOKABLE void select(const QString& id);

 signals:
  void shapeChanged();
  void toolChanged();
  void draftChanged();

 private:
  const model::Park* park() const;
  const model::Zone* selectedZone() const;
  const model::Road* selectedRoad() const;
  QString unusedId(const QString& stem) const;
  void followPark();

  ParkController& controller_;
  ParkEditor& editor_;
  QString selectedId_;
  QString tool_;
  QVariantList draft_;
  QString zoneKind_ = QStringLiteral("industrial");
  double roadWidthM_ = 8;  // a two-lane service road
};

// A QML point list (Qt.point values) as park points.
std::vector<model::Point> parkPoints(const QVariantList& points);

}  // namespace parktwin::app
