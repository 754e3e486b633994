// The one table per kind enum: the word in files and the names people read (zh and en). The
// app shows these names too, so they live here, next to the words, rather than in Qt Linguist.
#include "parktwin/model/kinds.hpp"

#include <array>

namespace parktwin::model {
namespace {

using Z = ZoneKind;
constexpr std::array<KindEntry<ZoneKind>, 7> kZoneKinds{{
    {Z::industrial, "industrial", "Industrial zone", "工业区"},
    {Z::logistics, "logistics", "Logistics zone", "物流区"},
    {Z::energy, "energy", "Energy zone", "能源区"},
    {Z::water, "water", "Water", "水域"},
    {Z::green, "green", "Green space", "绿地"},
    {Z::planned, "planned", "Planned zone", "规划区"},
    {Z::residential, "residential", "Residential zone", "生活区"},
}};

using B = BuildingKind;
constexpr std::array<KindEntry<BuildingKind>, 11> kBuildingKinds{{
    {B::smelter, "smelter", "Smelter potroom", "电解车间"},
    {B::plant, "plant", "Plant", "工厂"},
    {B::workshop, "workshop", "Workshop", "车间"},
    {B::cleanroom, "cleanroom", "Cleanroom", "洁净车间"},
    {B::warehouse, "warehouse", "Warehouse", "仓库"},
    {B::office, "office", "Office", "办公楼"},
    {B::substation, "substation", "Substation", "变电站"},
    {B::port, "port", "Port terminal", "港口码头"},
    {B::utility, "utility", "Utility building", "公用设施建筑"},
    {B::lab, "lab", "Laboratory", "实验室"},
    {B::dam, "dam", "Dam", "大坝"},
}};

using L = LineKind;
constexpr std::array<KindEntry<LineKind>, 14> kLineKinds{{
    {L::potline, "potline", "Potline", "电解系列"},
    {L::rod_casting, "rod_casting", "Casting line", "铸造线"},
    {L::extrusion, "extrusion", "Extrusion line", "挤压线"},
    {L::die_casting, "die_casting", "Die-casting line", "压铸线"},
    {L::chassis_casting, "chassis_casting", "Chassis casting line", "底盘铸造线"},
    {L::forging, "forging", "Forging line", "锻造线"},
    {L::machining, "machining", "Machining line", "机加工线"},
    {L::recycling, "recycling", "Recycled aluminium line", "再生铝线"},
    {L::plate_strip, "plate_strip", "Plate and strip line", "板带线"},
    {L::die_bonding, "die_bonding", "Die-bonding line", "固晶线"},
    {L::cylinder_head, "cylinder_head", "Cylinder-head line", "气缸头产线"},
    {L::fuel_cell, "fuel_cell", "Fuel-cell line", "燃料电池线"},
    {L::storage, "storage", "Storage and handling", "仓储与装卸"},
    {L::assembly, "assembly", "Assembly line", "装配线"},
}};

using M = MachineKind;
constexpr std::array<KindEntry<MachineKind>, 14> kMachineKinds{{
    {M::electrolytic_pot, "electrolytic_pot", "Electrolytic pots", "电解槽"},
    {M::holding_furnace, "holding_furnace", "Holding furnaces", "保温炉"},
    {M::casting_machine, "casting_machine", "Casting machines", "铸造机"},
    {M::extrusion_press, "extrusion_press", "Extrusion presses", "挤压机"},
    {M::die_casting_cell, "die_casting_cell", "Die-casting cells", "压铸单元"},
    {M::forging_press, "forging_press", "Forging presses", "锻压机"},
    {M::cnc_machine, "cnc_machine", "CNC machines", "数控机床"},
    {M::melting_furnace, "melting_furnace", "Melting furnaces", "熔炼炉"},
    {M::rolling_mill, "rolling_mill", "Rolling mills", "轧机"},
    {M::die_bonder, "die_bonder", "Die bonders", "固晶机"},
    {M::robot_cell, "robot_cell", "Robot cells", "机器人单元"},
    {M::fuel_cell_stack, "fuel_cell_stack", "Stack assembly stations", "电堆装配站"},
    {M::rack, "rack", "Racks", "货架"},
    {M::crane, "crane", "Cranes", "起重机"},
}};

using U = UtilityKind;
constexpr std::array<KindEntry<UtilityKind>, 8> kUtilityKinds{{
    {U::grid_tie, "grid_tie", "Grid tie", "电网并网点"},
    {U::substation, "substation", "Substation", "变电站"},
    {U::pv, "pv", "Photovoltaics", "光伏"},
    {U::battery, "battery", "Battery storage", "电池储能"},
    {U::pumped_storage, "pumped_storage", "Pumped storage", "抽水蓄能"},
    {U::reservoir_hydro, "reservoir_hydro", "Reservoir hydro", "水库水电"},
    {U::charger, "charger", "Charging station", "充电站"},
    {U::hydrogen, "hydrogen", "Hydrogen station", "加氢站"},
}};

using E = ExternalKind;
constexpr std::array<KindEntry<ExternalKind>, 4> kExternalKinds{{
    {E::market, "market", "Market", "市场"},
    {E::supplier, "supplier", "Supplier", "供应商"},
    {E::grid, "grid", "Power grid", "电网"},
    {E::port, "port", "Port", "港口"},
}};

using T = TagKind;
constexpr std::array<KindEntry<TagKind>, 4> kTagKinds{{
    {T::analog, "analog", "Analog value", "模拟量"},
    {T::counter, "counter", "Counter", "累计量"},
    {T::state, "state", "State", "状态量"},
    {T::boolean, "boolean", "On/off", "开关量"},
}};

using P = Product;
constexpr std::array<KindEntry<Product>, 14> kProducts{{
    {P::molten_aluminium, "molten_aluminium", "Molten aluminium", "铝液"},
    {P::ingot, "ingot", "Ingots", "铝锭"},
    {P::rod, "rod", "Rod", "铝杆"},
    {P::profile, "profile", "Profiles", "型材"},
    {P::plate, "plate", "Plate", "板材"},
    {P::forging, "forging", "Forgings", "锻件"},
    {P::chassis_part, "chassis_part", "Chassis parts", "底盘件"},
    {P::parts, "parts", "Parts", "零部件"},
    {P::scrap, "scrap", "Scrap", "废铝"},
    {P::recycled_aluminium, "recycled_aluminium", "Recycled aluminium", "再生铝"},
    {P::led_module, "led_module", "LED modules", "LED模组"},
    {P::cylinder_head, "cylinder_head", "Cylinder heads", "气缸头"},
    {P::goods, "goods", "Goods", "货物"},
    {P::hydrogen, "hydrogen", "Hydrogen", "氢气"},
}};

using C = Carrier;
constexpr std::array<KindEntry<Carrier>, 4> kCarriers{{
    {C::electricity, "electricity", "Electricity", "电力"},
    {C::hydrogen, "hydrogen", "Hydrogen", "氢气"},
    {C::heat, "heat", "Heat", "热力"},
    {C::water, "water", "Water", "水"},
}};

using S = Severity;
constexpr std::array<KindEntry<Severity>, 3> kSeverities{{
    {S::info, "info", "Information", "提示"},
    {S::warning, "warning", "Warning", "警告"},
    {S::critical, "critical", "Critical", "严重"},
}};

using Up = ModelUp;
constexpr std::array<KindEntry<ModelUp>, 2> kModelUps{{
    {Up::y, "y", "y up (glTF)", "y 轴向上（glTF）"},
    {Up::z, "z", "z up (CAD)", "z 轴向上（CAD）"},
}};

// Entry i holds Kind(i), so kindEntry can index by value.
template <typename Kind, std::size_t N>
constexpr bool inEnumOrder(const std::array<KindEntry<Kind>, N>& table) {
  for (std::size_t i = 0; i < N; ++i) {
    if (table[i].value != static_cast<Kind>(i)) return false;
  }
  return true;
}
static_assert(inEnumOrder(kZoneKinds) && inEnumOrder(kBuildingKinds) && inEnumOrder(kLineKinds));
static_assert(inEnumOrder(kMachineKinds) && inEnumOrder(kUtilityKinds) && inEnumOrder(kExternalKinds));
static_assert(inEnumOrder(kTagKinds) && inEnumOrder(kProducts) && inEnumOrder(kCarriers) && inEnumOrder(kSeverities));
static_assert(inEnumOrder(kModelUps));

}  // namespace

std::span<const KindEntry<ZoneKind>> kindTableOf(ZoneKind) { return kZoneKinds; }
std::span<const KindEntry<BuildingKind>> kindTableOf(BuildingKind) { return kBuildingKinds; }
std::span<const KindEntry<LineKind>> kindTableOf(LineKind) { return kLineKinds; }
std::span<const KindEntry<MachineKind>> kindTableOf(MachineKind) { return kMachineKinds; }
std::span<const KindEntry<UtilityKind>> kindTableOf(UtilityKind) { return kUtilityKinds; }
std::span<const KindEntry<ExternalKind>> kindTableOf(ExternalKind) { return kExternalKinds; }
std::span<const KindEntry<TagKind>> kindTableOf(TagKind) { return kTagKinds; }
std::span<const KindEntry<Product>> kindTableOf(Product) { return kProducts; }
std::span<const KindEntry<Carrier>> kindTableOf(Carrier) { return kCarriers; }
std::span<const KindEntry<Severity>> kindTableOf(Severity) { return kSeverities; }
std::span<const KindEntry<ModelUp>> kindTableOf(ModelUp) { return kModelUps; }

}  // namespace parktwin::model
