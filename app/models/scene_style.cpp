#include "scene_style.hpp"

#include <QHash>

namespace parktwin::app {

namespace {
QColor lookup(const QHash<QString, QColor>& table, const QString& kind, QColor fallback) {
  return table.value(kind, fallback);
}
}  // namespace

QColor buildingColor(const QString& kind) {
  static const QHash<QString, QColor> table{
      {"smelter", QColor(0xb8, 0x5c, 0x38)},   {"plant", QColor(0x5f, 0x87, 0xb5)},
      {"workshop", QColor(0x7b, 0x9a, 0xc0)},  {"cleanroom", QColor(0x7f, 0xa7, 0xd6)},
      {"warehouse", QColor(0xc9, 0xa2, 0x5a)}, {"office", QColor(0x7d, 0x8b, 0xa3)},
      {"substation", QColor(0x8e, 0x6c, 0xb0)}, {"port", QColor(0x4f, 0x9a, 0x94)},
      {"utility", QColor(0x6f, 0xa8, 0x6a)},   {"lab", QColor(0xa0, 0xb4, 0xc8)},
      {"dam", QColor(0x90, 0x90, 0x88)}};
  return lookup(table, kind, QColor(0x9e, 0xa7, 0xb3));
}

QColor machineColor(const QString& kind) {
  static const QHash<QString, QColor> table{
      {"electrolytic_pot", QColor(0xff, 0x8a, 0x3d)}, {"holding_furnace", QColor(0xe0, 0x4f, 0x2f)},
      {"melting_furnace", QColor(0xe0, 0x4f, 0x2f)},  {"casting_machine", QColor(0xd9, 0xd9, 0xd9)},
      {"extrusion_press", QColor(0x3a, 0x6e, 0xa5)},  {"die_casting_cell", QColor(0x2e, 0x8b, 0x57)},
      {"forging_press", QColor(0x6b, 0x4f, 0x9e)},    {"cnc_machine", QColor(0x1e, 0x90, 0xff)},
      {"rolling_mill", QColor(0x70, 0x80, 0x90)},     {"die_bonder", QColor(0x00, 0xb3, 0xb3)},
      {"robot_cell", QColor(0xff, 0xb3, 0x00)},       {"fuel_cell_stack", QColor(0x3c, 0xb3, 0x71)},
      {"rack", QColor(0xb0, 0x8d, 0x57)},             {"crane", QColor(0xe6, 0x39, 0x46)}};
  return lookup(table, kind, QColor(0x99, 0x99, 0x99));
}

QColor zoneColor(const QString& kind) {
  static const QHash<QString, QColor> table{
      {"industrial", QColor(0xcf, 0xd3, 0xcb)}, {"logistics", QColor(0xd8, 0xd0, 0xc0)},
      {"energy", QColor(0xd0, 0xd8, 0xc8)},     {"water", QColor(0x4a, 0x8c, 0xc4)},
      {"green", QColor(0x9c, 0xc0, 0x84)},      {"planned", QColor(0xe6, 0xdc, 0xb8)},
      {"residential", QColor(0xe0, 0xcf, 0xc0)}};
  return lookup(table, kind, QColor(0xd0, 0xd0, 0xd0));
}

QColor utilityColor(const QString& kind) {
  static const QHash<QString, QColor> table{
      {"grid_tie", QColor(0x8e, 0x6c, 0xb0)},   {"substation", QColor(0x8e, 0x6c, 0xb0)},
      {"pv", QColor(0x1d, 0x35, 0x6b)},         {"battery", QColor(0x2e, 0xb8, 0x72)},
      {"pumped_storage", QColor(0x2a, 0x6f, 0xb0)}, {"reservoir_hydro", QColor(0x2a, 0x8f, 0xc0)},
      {"charger", QColor(0x22, 0xc5, 0x5e)},    {"hydrogen", QColor(0x38, 0xbd, 0xf8)}};
  return lookup(table, kind, QColor(0x88, 0x88, 0x88));
}

QColor externalColor(const QString& kind) {
  static const QHash<QString, QColor> table{
      {"market", QColor(0x2e, 0x9e, 0x5b)}, {"supplier", QColor(0x5b, 0x6f, 0x8c)},
      {"grid", QColor(0x8e, 0x6c, 0xb0)},   {"port", QColor(0x2f, 0x8f, 0x9a)}};
  return lookup(table, kind, QColor(0x70, 0x7a, 0x86));
}

QColor markColor(const QString& mark) {
  static const QHash<QString, QColor> table{
      {"down", QColor(0xe0, 0x2f, 0x2f)},    {"limited", QColor(0xf2, 0xb1, 0x34)},
      {"raised", QColor(0x2f, 0x80, 0xed)},  {"built", QColor(0x2e, 0xb8, 0x72)},
      {"changed", QColor(0x8e, 0x5c, 0xd9)}};
  return lookup(table, mark, QColor(0x8e, 0x5c, 0xd9));
}

UtilityShape utilityShape(const QString& kind) {
  static const QHash<QString, UtilityShape> table{
      {"grid_tie", UtilityShape::tower},       {"substation", UtilityShape::yard},
      {"pv", UtilityShape::pvField},           {"battery", UtilityShape::containers},
      {"pumped_storage", UtilityShape::water}, {"reservoir_hydro", UtilityShape::water},
      {"charger", UtilityShape::canopy},       {"hydrogen", UtilityShape::tank}};
  return table.value(kind, UtilityShape::tank);
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
