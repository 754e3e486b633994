#include "kind_names.hpp"

#include <QCoreApplication>
#include <QHash>

namespace parktwin::app {

QString kindName(const QString& kind) {
  static const QHash<QString, const char*> names{
      {"smelter", QT_TRANSLATE_NOOP("Kind", "Smelter potroom")},
      {"plant", QT_TRANSLATE_NOOP("Kind", "Plant")},
      {"workshop", QT_TRANSLATE_NOOP("Kind", "Workshop")},
      {"cleanroom", QT_TRANSLATE_NOOP("Kind", "Cleanroom")},
      {"warehouse", QT_TRANSLATE_NOOP("Kind", "Warehouse")},
      {"office", QT_TRANSLATE_NOOP("Kind", "Office")},
      {"substation", QT_TRANSLATE_NOOP("Kind", "Substation")},
      {"port", QT_TRANSLATE_NOOP("Kind", "Port terminal")},
      {"utility", QT_TRANSLATE_NOOP("Kind", "Utility building")},
      {"potline", QT_TRANSLATE_NOOP("Kind", "Potline")},
      {"rod_casting", QT_TRANSLATE_NOOP("Kind", "Casting line")},
      {"extrusion", QT_TRANSLATE_NOOP("Kind", "Extrusion line")},
      {"die_casting", QT_TRANSLATE_NOOP("Kind", "Die-casting line")},
      {"chassis_casting", QT_TRANSLATE_NOOP("Kind", "Chassis casting line")},
      {"forging", QT_TRANSLATE_NOOP("Kind", "Forging line")},
      {"machining", QT_TRANSLATE_NOOP("Kind", "Machining line")},
      {"recycling", QT_TRANSLATE_NOOP("Kind", "Recycled aluminium line")},
      {"plate_strip", QT_TRANSLATE_NOOP("Kind", "Plate and strip line")},
      {"die_bonding", QT_TRANSLATE_NOOP("Kind", "Die-bonding line")},
      {"cylinder_head", QT_TRANSLATE_NOOP("Kind", "Cylinder-head line")},
      {"fuel_cell", QT_TRANSLATE_NOOP("Kind", "Fuel-cell line")},
      {"storage", QT_TRANSLATE_NOOP("Kind", "Storage and handling")},
      {"electrolytic_pot", QT_TRANSLATE_NOOP("Kind", "Electrolytic pots")},
      {"holding_furnace", QT_TRANSLATE_NOOP("Kind", "Holding furnaces")},
      {"melting_furnace", QT_TRANSLATE_NOOP("Kind", "Melting furnaces")},
      {"casting_machine", QT_TRANSLATE_NOOP("Kind", "Casting machines")},
      {"extrusion_press", QT_TRANSLATE_NOOP("Kind", "Extrusion presses")},
      {"die_casting_cell", QT_TRANSLATE_NOOP("Kind", "Die-casting cells")},
      {"forging_press", QT_TRANSLATE_NOOP("Kind", "Forging presses")},
      {"cnc_machine", QT_TRANSLATE_NOOP("Kind", "CNC machines")},
      {"rolling_mill", QT_TRANSLATE_NOOP("Kind", "Rolling mills")},
      {"die_bonder", QT_TRANSLATE_NOOP("Kind", "Die bonders")},
      {"robot_cell", QT_TRANSLATE_NOOP("Kind", "Robot cells")},
      {"fuel_cell_stack", QT_TRANSLATE_NOOP("Kind", "Stack assembly stations")},
      {"rack", QT_TRANSLATE_NOOP("Kind", "Racks")},
      {"crane", QT_TRANSLATE_NOOP("Kind", "Cranes")},
      {"grid_tie", QT_TRANSLATE_NOOP("Kind", "Grid tie")},
      {"pv", QT_TRANSLATE_NOOP("Kind", "Photovoltaics")},
      {"battery", QT_TRANSLATE_NOOP("Kind", "Battery storage")},
      {"pumped_storage", QT_TRANSLATE_NOOP("Kind", "Pumped storage")},
      {"reservoir_hydro", QT_TRANSLATE_NOOP("Kind", "Reservoir hydro")},
      {"charger", QT_TRANSLATE_NOOP("Kind", "Charging station")},
      {"hydrogen", QT_TRANSLATE_NOOP("Kind", "Hydrogen station")},
      {"park", QT_TRANSLATE_NOOP("Kind", "Industrial park")},
      {"enterprise", QT_TRANSLATE_NOOP("Kind", "Enterprise")},
      {"building", QT_TRANSLATE_NOOP("Kind", "Building")},
      {"line", QT_TRANSLATE_NOOP("Kind", "Production line")},
      {"machines", QT_TRANSLATE_NOOP("Kind", "Machine group")},
      {"group", QT_TRANSLATE_NOOP("Kind", "Group")},
      {"link", QT_TRANSLATE_NOOP("Kind", "Flow link")}};
  const auto it = names.find(kind);
  return it == names.end() ? kind : QCoreApplication::translate("Kind", it.value());
}

}  // namespace parktwin::app
