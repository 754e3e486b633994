#pragma once
// The closed vocabularies of the park format (docs/park-format.md lists the same values).
#include <string>
#include <vector>

namespace parktwin::model::vocabulary {

inline const std::vector<std::string> zoneKinds{"industrial", "logistics", "energy", "water", "green", "planned", "residential"};
inline const std::vector<std::string> buildingKinds{
    "smelter", "plant", "workshop", "cleanroom", "warehouse", "office", "substation",
    "port", "utility", "lab", "dam"};
inline const std::vector<std::string> lineKinds{
    "potline", "rod_casting", "extrusion", "die_casting", "chassis_casting", "forging", "machining",
    "recycling", "plate_strip", "die_bonding", "cylinder_head", "fuel_cell", "storage", "assembly"};
inline const std::vector<std::string> machineKinds{
    "electrolytic_pot", "holding_furnace", "casting_machine", "extrusion_press", "die_casting_cell",
    "forging_press", "cnc_machine", "melting_furnace", "rolling_mill", "die_bonder", "robot_cell",
    "fuel_cell_stack", "rack", "crane"};
inline const std::vector<std::string> utilityKinds{
    "grid_tie", "substation", "pv", "battery", "pumped_storage", "reservoir_hydro", "charger", "hydrogen"};
inline const std::vector<std::string> externalKinds{"market", "supplier", "grid", "port"};
inline const std::vector<std::string> tagKinds{"analog", "counter", "state", "boolean"};
inline const std::vector<std::string> products{
    "molten_aluminium", "ingot", "rod", "profile", "plate", "forging", "chassis_part", "parts",
    "scrap", "recycled_aluminium", "led_module", "cylinder_head", "goods", "hydrogen"};
inline const std::vector<std::string> carriers{"electricity", "hydrogen", "heat", "water"};
inline const std::vector<std::string> severities{"info", "warning", "critical"};

}  // namespace parktwin::model::vocabulary
