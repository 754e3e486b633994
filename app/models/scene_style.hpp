#pragma once
// Colours of the park scene: one place, so the 3D view, legends and tests agree.
#include <QColor>
#include <QString>

#include "parktwin/model/kinds.hpp"

namespace parktwin::app {

QColor buildingColor(model::BuildingKind kind);
QColor machineColor(model::MachineKind kind);
QColor zoneColor(model::ZoneKind kind);
QColor utilityColor(model::UtilityKind kind);
// The side of a free-standing utility's marker in metres: reservoirs are large, the rest small.
double utilityMarkerSize(model::UtilityKind kind);
// A machine's colour in a line state: running keeps its kind colour.
QColor stateColor(int state, const QColor& running);

}  // namespace parktwin::app
