#pragma once
// Colours of the park scene: one place, so the 3D view, legends and tests agree.
#include <QColor>
#include <QString>

namespace parktwin::app {

QColor buildingColor(const QString& kind);
QColor machineColor(const QString& kind);
QColor zoneColor(const QString& kind);
QColor utilityColor(const QString& kind);

}  // namespace parktwin::app
