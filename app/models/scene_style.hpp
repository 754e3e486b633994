#pragma once
// Colours of the park scene: one place, so the 3D view, legends and tests agree.
#include <QColor>
#include <QString>

namespace parktwin::app {

QColor buildingColor(const QString& kind);
QColor machineColor(const QString& kind);
QColor zoneColor(const QString& kind);
QColor utilityColor(const QString& kind);
QColor externalColor(const QString& kind);
// The colour of a scenario's mark on an object (down, limited, raised, built, changed).
QColor markColor(const QString& mark);

// How a utility standing on its own ground is drawn (UtilityModel.qml draws each shape).
enum class UtilityShape { tower, yard, water, pvField, containers, canopy, tank };
UtilityShape utilityShape(const QString& kind);
QString utilityShapeName(UtilityShape shape);  // the name UtilityModel.qml switches on

// A machine's colour in a line state: running keeps its kind colour.
QColor stateColor(int state, const QColor& running);

}  // namespace parktwin::app
