#include "kpi_text.hpp"

#include <QCoreApplication>
#include <iterator>

namespace parktwin::app {
namespace {

struct KpiWords {
  flow::KpiKey key;
  const char* label;  // flow::kpiLabel(key, "en")
  const char* name;   // flow::kpiName(key, "en") where it is not the whole label in either language
  const char* unit;   // flow::kpiUnit(key, "en")
};

using enum flow::KpiKey;

// The twin KPI table's English, for lupdate to see; the Chinese is in the .ts. A name is listed
// only where it is not the whole label (a label's parenthesis dropped), in a context of its
// own: one English label can be its own name while its Chinese has a parenthesis to drop.
// One row per KpiKey, in enum order (checked below and, against the twin table, by the Quick
// test tst_kpi_text.qml).
constexpr KpiWords kWords[] = {
    {metal_t, QT_TRANSLATE_NOOP("KpiLabel", "Aluminium made (primary + recycled)"),
     QT_TRANSLATE_NOOP("KpiName", "Aluminium made"), QT_TRANSLATE_NOOP("KpiUnit", "t")},
    {primary_t, QT_TRANSLATE_NOOP("KpiLabel", "Primary aluminium (potlines)"),
     QT_TRANSLATE_NOOP("KpiName", "Primary aluminium"), QT_TRANSLATE_NOOP("KpiUnit", "t")},
    {recycled_t, QT_TRANSLATE_NOOP("KpiLabel", "Recycled aluminium"), nullptr,
     QT_TRANSLATE_NOOP("KpiUnit", "t")},
    {processed_t, QT_TRANSLATE_NOOP("KpiLabel", "Processors' output (all lines: a chain counts at each stage)"),
     QT_TRANSLATE_NOOP("KpiName", "Processors' output"),
     QT_TRANSLATE_NOOP("KpiUnit", "t")},
    {good_processed_t, QT_TRANSLATE_NOOP("KpiLabel", "Processors' good output"), nullptr,
     QT_TRANSLATE_NOOP("KpiUnit", "t")},
    {units_made, QT_TRANSLATE_NOOP("KpiLabel", "Units made (discrete lines)"),
     QT_TRANSLATE_NOOP("KpiName", "Units made"), QT_TRANSLATE_NOOP("KpiUnit", "units")},
    {direct_molten_t, QT_TRANSLATE_NOOP("KpiLabel", "Molten metal supplied directly"), nullptr,
     QT_TRANSLATE_NOOP("KpiUnit", "t")},
    {remelt_t, QT_TRANSLATE_NOOP("KpiLabel", "Ingot remelted"), nullptr,
     QT_TRANSLATE_NOOP("KpiUnit", "t")},
    {remelt_cost_yuan, QT_TRANSLATE_NOOP("KpiLabel", "Remelting cost (300 yuan/t)"),
     QT_TRANSLATE_NOOP("KpiName", "Remelting cost"), QT_TRANSLATE_NOOP("KpiUnit", "yuan")},
    {energy_kwh, QT_TRANSLATE_NOOP("KpiLabel", "Electricity used"), nullptr,
     QT_TRANSLATE_NOOP("KpiUnit", "kWh")},
    {energy_kwh_per_t_made, QT_TRANSLATE_NOOP("KpiLabel", "Electricity per tonne of aluminium made (park load / primary + recycled; parks with potlines)"),
     QT_TRANSLATE_NOOP("KpiName", "Electricity per tonne of aluminium made"), QT_TRANSLATE_NOOP("KpiUnit", "kWh/t")},
    {grid_import_kwh, QT_TRANSLATE_NOOP("KpiLabel", "Grid import"), nullptr,
     QT_TRANSLATE_NOOP("KpiUnit", "kWh")},
    {local_kwh, QT_TRANSLATE_NOOP("KpiLabel", "Local generation used (PV, hydro)"),
     QT_TRANSLATE_NOOP("KpiName", "Local generation used"), QT_TRANSLATE_NOOP("KpiUnit", "kWh")},
    {pv_kwh, QT_TRANSLATE_NOOP("KpiLabel", "PV generation"), nullptr,
     QT_TRANSLATE_NOOP("KpiUnit", "kWh")},
    {self_sufficiency_pct, QT_TRANSLATE_NOOP("KpiLabel", "Energy self-sufficiency (PV and hydro used / park load)"),
     QT_TRANSLATE_NOOP("KpiName", "Energy self-sufficiency"), QT_TRANSLATE_NOOP("KpiUnit", "%")},
    {co2_t, QT_TRANSLATE_NOOP("KpiLabel", "CO2 emissions"), nullptr,
     QT_TRANSLATE_NOOP("KpiUnit", "t")},
    {energy_cost_yuan, QT_TRANSLATE_NOOP("KpiLabel", "Electricity cost (tariffs)"),
     QT_TRANSLATE_NOOP("KpiName", "Electricity cost"), QT_TRANSLATE_NOOP("KpiUnit", "yuan")},
    {operating_cost_yuan, QT_TRANSLATE_NOOP("KpiLabel", "Operating cost (retrofitted firms)"),
     QT_TRANSLATE_NOOP("KpiName", "Operating cost"), QT_TRANSLATE_NOOP("KpiUnit", "yuan")},
    {cost_yuan, QT_TRANSLATE_NOOP("KpiLabel", "Total cost (electricity + remelting + operating)"),
     QT_TRANSLATE_NOOP("KpiName", "Total cost"), QT_TRANSLATE_NOOP("KpiUnit", "yuan")},
    {oee_pct, QT_TRANSLATE_NOOP("KpiLabel", "Overall equipment effectiveness (OEE)"),
     QT_TRANSLATE_NOOP("KpiName", "Overall equipment effectiveness"), QT_TRANSLATE_NOOP("KpiUnit", "%")},
    {energy_avoided_vs_primary_kwh, QT_TRANSLATE_NOOP("KpiLabel", "Electricity avoided vs the same tonnes of primary"), nullptr,
     QT_TRANSLATE_NOOP("KpiUnit", "kWh")},
    {co2_avoided_vs_primary_t, QT_TRANSLATE_NOOP("KpiLabel", "CO2 avoided vs the same tonnes of primary"), nullptr,
     QT_TRANSLATE_NOOP("KpiUnit", "t")},
    {retrofit_output_t, QT_TRANSLATE_NOOP("KpiLabel", "Retrofitted firms' output"), nullptr,
     QT_TRANSLATE_NOOP("KpiUnit", "t")},
    {retrofit_kwh_per_t, QT_TRANSLATE_NOOP("KpiLabel", "Retrofitted firms' electricity per tonne of their output"),
     QT_TRANSLATE_NOOP("KpiName", "Retrofitted firms' electricity per tonne of their output"), QT_TRANSLATE_NOOP("KpiUnit", "kWh/t")},
    {retrofit_operating_cost_yuan_per_t, QT_TRANSLATE_NOOP("KpiLabel", "Retrofitted firms' operating cost per tonne of their output"), nullptr,
     QT_TRANSLATE_NOOP("KpiUnit", "yuan/t")},
    {pumped_support_kwh, QT_TRANSLATE_NOOP("KpiLabel", "Pumped-storage support"), nullptr,
     QT_TRANSLATE_NOOP("KpiUnit", "kWh")},
    {unserved_kwh, QT_TRANSLATE_NOOP("KpiLabel", "Load shed (unserved energy)"),
     QT_TRANSLATE_NOOP("KpiName", "Load shed"), QT_TRANSLATE_NOOP("KpiUnit", "kWh")},
    {throughput_t_per_h, QT_TRANSLATE_NOOP("KpiLabel", "Goods delivered per hour (to markets and end processors)"),
     QT_TRANSLATE_NOOP("KpiName", "Goods delivered per hour"), QT_TRANSLATE_NOOP("KpiUnit", "t/h")},
    {throughput_t_per_year, QT_TRANSLATE_NOOP("KpiLabel", "Goods delivered per year (to markets and end processors)"),
     QT_TRANSLATE_NOOP("KpiName", "Goods delivered per year"), QT_TRANSLATE_NOOP("KpiUnit", "t/yr")},
    {capacity_units_per_year, QT_TRANSLATE_NOOP("KpiLabel", "Design capacity in units per year (discrete lines)"),
     QT_TRANSLATE_NOOP("KpiName", "Design capacity in units per year"), QT_TRANSLATE_NOOP("KpiUnit", "units/yr")},
    {lost_t, QT_TRANSLATE_NOOP("KpiLabel", "Material lost on links"), nullptr,
     QT_TRANSLATE_NOOP("KpiUnit", "t")},
    {energy_lost_kwh, QT_TRANSLATE_NOOP("KpiLabel", "Line and transformer losses"), nullptr,
     QT_TRANSLATE_NOOP("KpiUnit", "kWh")},
    {energy_kwh_per_t_delivered, QT_TRANSLATE_NOOP("KpiLabel", "Electricity per tonne delivered (park load / goods delivered to markets and end processors)"),
     QT_TRANSLATE_NOOP("KpiName", "Electricity per tonne delivered"), QT_TRANSLATE_NOOP("KpiUnit", "kWh/t")},
    {local_supply_kwh, QT_TRANSLATE_NOOP("KpiLabel", "Local supply (PV, storage, hydro)"),
     QT_TRANSLATE_NOOP("KpiName", "Local supply"), QT_TRANSLATE_NOOP("KpiUnit", "kWh")},
    {local_supply_share_pct, QT_TRANSLATE_NOOP("KpiLabel", "Local supply share (PV, storage, hydro / all supply)"),
     QT_TRANSLATE_NOOP("KpiName", "Local supply share"), QT_TRANSLATE_NOOP("KpiUnit", "%")},
    {co2_t_per_t_delivered, QT_TRANSLATE_NOOP("KpiLabel", "CO2 per tonne delivered (emissions / goods delivered)"),
     QT_TRANSLATE_NOOP("KpiName", "CO2 per tonne delivered"), QT_TRANSLATE_NOOP("KpiUnit", "t/t")},
    {material_cost_yuan, QT_TRANSLATE_NOOP("KpiLabel", "Material cost (links, remelt premium)"),
     QT_TRANSLATE_NOOP("KpiName", "Material cost"), QT_TRANSLATE_NOOP("KpiUnit", "yuan")},
    {material_and_energy_cost_yuan, QT_TRANSLATE_NOOP("KpiLabel", "Cost (material links + electricity tariffs)"),
     QT_TRANSLATE_NOOP("KpiName", "Cost"), QT_TRANSLATE_NOOP("KpiUnit", "yuan")},
    {remelt_cost_avoided_yuan, QT_TRANSLATE_NOOP("KpiLabel", "Remelting avoided (300 yuan/t of molten metal supplied)"),
     QT_TRANSLATE_NOOP("KpiName", "Remelting avoided"), QT_TRANSLATE_NOOP("KpiUnit", "yuan")},
    {metal_through_t, QT_TRANSLATE_NOOP("KpiLabel", "Material received or made"), nullptr,
     QT_TRANSLATE_NOOP("KpiUnit", "t")},
    {metal_through_t_per_h, QT_TRANSLATE_NOOP("KpiLabel", "Material received or made per hour"), nullptr,
     QT_TRANSLATE_NOOP("KpiUnit", "t/h")},
    {capacity_t_per_h, QT_TRANSLATE_NOOP("KpiLabel", "Design capacity of its lines"), nullptr,
     QT_TRANSLATE_NOOP("KpiUnit", "t/h")},
    {capacity_units_per_h, QT_TRANSLATE_NOOP("KpiLabel", "Design capacity in units (discrete lines)"),
     QT_TRANSLATE_NOOP("KpiName", "Design capacity in units"), QT_TRANSLATE_NOOP("KpiUnit", "units/h")},
    {utilisation_pct, QT_TRANSLATE_NOOP("KpiLabel", "Utilisation (material / design capacity)"),
     QT_TRANSLATE_NOOP("KpiName", "Utilisation"), QT_TRANSLATE_NOOP("KpiUnit", "%")},
    {energy_kwh_per_t_through, QT_TRANSLATE_NOOP("KpiLabel", "Energy per t of its material (its load / material it receives or makes)"),
     QT_TRANSLATE_NOOP("KpiName", "Energy per t of its material"), QT_TRANSLATE_NOOP("KpiUnit", "kWh/t")},
};

constexpr bool inEnumOrder() {
  for (std::size_t i = 0; i < std::size(kWords); ++i) {
    if (static_cast<std::size_t>(kWords[i].key) != i) return false;
  }
  return true;
}
static_assert(inEnumOrder(), "kWords needs one row per KpiKey, in enum order");
static_assert(kWords[std::size(kWords) - 1].key == energy_kwh_per_t_through, "a KpiKey added at the end needs its row");

const KpiWords& wordsOf(flow::KpiKey key) { return kWords[static_cast<std::size_t>(key)]; }

}  // namespace

QString kpiLabelText(flow::KpiKey key) { return QCoreApplication::translate("KpiLabel", wordsOf(key).label); }
QString kpiNameText(flow::KpiKey key) {
  const KpiWords& words = wordsOf(key);
  return words.name ? QCoreApplication::translate("KpiName", words.name) : kpiLabelText(key);
}
QString kpiUnitText(flow::KpiKey key) { return QCoreApplication::translate("KpiUnit", wordsOf(key).unit); }
QString kpiDeltaUnitText(flow::KpiKey key) {
  // The twin table's one change unit that is not a KPI's own unit, for lupdate to see.
  static const char* const points = QT_TRANSLATE_NOOP("KpiUnit", "pp");
  return flow::kpiDeltaUnit(key, "en") == points ? QCoreApplication::translate("KpiUnit", points) : kpiUnitText(key);
}

}  // namespace parktwin::app
