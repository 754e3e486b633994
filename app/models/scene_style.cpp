#include "scene_style.hpp"

namespace parktwin::app {

QColor buildingColor(model::BuildingKind kind) {
  using enum model::BuildingKind;
  switch (kind) {
    case smelter: return QColor(0xb8, 0x5c, 0x38);
    case plant: return QColor(0x5f, 0x87, 0xb5);
    case workshop: return QColor(0x7b, 0x9a, 0xc0);
    case cleanroom: return QColor(0x7f, 0xa7, 0xd6);
    case warehouse: return QColor(0xc9, 0xa2, 0x5a);
    case office: return QColor(0x7d, 0x8b, 0xa3);
    case substation: return QColor(0x8e, 0x6c, 0xb0);
    case port: return QColor(0x4f, 0x9a, 0x94);
    case utility: return QColor(0x6f, 0xa8, 0x6a);
    case lab: return QColor(0xa0, 0xb4, 0xc8);
    case dam: return QColor(0x90, 0x90, 0x88);
  }
  return QColor(0x9e, 0xa7, 0xb3);
}

QColor machineColor(model::MachineKind kind) {
  using enum model::MachineKind;
  switch (kind) {
    case electrolytic_pot: return QColor(0xff, 0x8a, 0x3d);
    case holding_furnace:
    case melting_furnace: return QColor(0xe0, 0x4f, 0x2f);
    case casting_machine: return QColor(0xd9, 0xd9, 0xd9);
    case extrusion_press: return QColor(0x3a, 0x6e, 0xa5);
    case die_casting_cell: return QColor(0x2e, 0x8b, 0x57);
    case forging_press: return QColor(0x6b, 0x4f, 0x9e);
    case cnc_machine: return QColor(0x1e, 0x90, 0xff);
    case rolling_mill: return QColor(0x70, 0x80, 0x90);
    case die_bonder: return QColor(0x00, 0xb3, 0xb3);
    case robot_cell: return QColor(0xff, 0xb3, 0x00);
    case fuel_cell_stack: return QColor(0x3c, 0xb3, 0x71);
    case rack: return QColor(0xb0, 0x8d, 0x57);
    case crane: return QColor(0xe6, 0x39, 0x46);
  }
  return QColor(0x99, 0x99, 0x99);
}

QColor zoneColor(model::ZoneKind kind) {
  using enum model::ZoneKind;
  switch (kind) {
    case industrial: return QColor(0xcf, 0xd3, 0xcb);
    case logistics: return QColor(0xd8, 0xd0, 0xc0);
    case energy: return QColor(0xd0, 0xd8, 0xc8);
    case water: return QColor(0x4a, 0x8c, 0xc4);
    case green: return QColor(0x9c, 0xc0, 0x84);
    case planned: return QColor(0xe6, 0xdc, 0xb8);
    case residential: return QColor(0xe0, 0xcf, 0xc0);
  }
  return QColor(0xd0, 0xd0, 0xd0);
}

QColor utilityColor(model::UtilityKind kind) {
  using enum model::UtilityKind;
  switch (kind) {
    case grid_tie:
    case substation: return QColor(0x8e, 0x6c, 0xb0);
    case pv: return QColor(0x1d, 0x35, 0x6b);
    case battery: return QColor(0x2e, 0xb8, 0x72);
    case pumped_storage: return QColor(0x2a, 0x6f, 0xb0);
    case reservoir_hydro: return QColor(0x2a, 0x8f, 0xc0);
    case charger: return QColor(0x22, 0xc5, 0x5e);
    case hydrogen: return QColor(0x38, 0xbd, 0xf8);
  }
  return QColor(0x88, 0x88, 0x88);
}

QColor externalColor(model::ExternalKind kind) {
  using enum model::ExternalKind;
  switch (kind) {
    case market: return QColor(0x2e, 0x9e, 0x5b);
    case supplier: return QColor(0x5b, 0x6f, 0x8c);
    case grid: return QColor(0x8e, 0x6c, 0xb0);
    case port: return QColor(0x2f, 0x8f, 0x9a);
  }
  return QColor(0x70, 0x7a, 0x86);
}

QColor markColor(const QString& mark) {
  if (mark == "down") return QColor(0xe0, 0x2f, 0x2f);
  if (mark == "limited") return QColor(0xf2, 0xb1, 0x34);
  if (mark == "raised") return QColor(0x2f, 0x80, 0xed);
  if (mark == "built") return QColor(0x2e, 0xb8, 0x72);
  return QColor(0x8e, 0x5c, 0xd9);  // changed
}

UtilityShape utilityShape(model::UtilityKind kind) {
  using enum model::UtilityKind;
  switch (kind) {
    case grid_tie: return UtilityShape::tower;
    case substation: return UtilityShape::yard;
    case pv: return UtilityShape::pvField;
    case battery: return UtilityShape::containers;
    case pumped_storage:
    case reservoir_hydro: return UtilityShape::water;
    case charger: return UtilityShape::canopy;
    case hydrogen: return UtilityShape::tank;
  }
  return UtilityShape::tank;
}

QString utilityShapeName(UtilityShape shape) {
  switch (shape) {
    case UtilityShape::tower: return "tower";
    case UtilityShape::yard: return "yard";
    case UtilityShape::water: return "water";
    case UtilityShape::pvField: return "pvField";
    case UtilityShape::containers: return "containers";
    case UtilityShape::canopy: return "canopy";
    case UtilityShape::tank: return "tank";
  }
  return "tank";
}

QColor stateColor(int state, const QColor& running) {
  switch (state) {
    case 0: return running;
    case 1: return QColor(0x9a, 0xa3, 0xad);  // idle: grey
    case 2: return QColor(0xf2, 0xb1, 0x34);  // changeover: amber
    case 3: return QColor(0xe0, 0x2f, 0x2f);  // down: red
    case 4: return QColor(0x8e, 0x5c, 0xd9);  // starved of metal: violet
    default: return running;
  }
}

}  // namespace parktwin::app
