// The selection's inspector: the rows shown for the selected park, link, building, line,
// utility, enterprise or machine group, and its share of the flows. One function per kind.
#include <algorithm>
#include <cmath>

#include "controller_text.hpp"
#include "kind_names.hpp"
#include "kpi_text.hpp"
#include "park_controller.hpp"
#include "selection_controller.hpp"
#include "parktwin/model/object_index.hpp"
#include "parktwin/flow/kpi_table.hpp"
#include "parktwin/sim/pv_year.hpp"
#include "parktwin/model/park.hpp"

namespace parktwin::app {

QVariantList SelectionController::inspector() const {
  QVariantList rows;
  if (!controller_.loaded() || objectId_.isEmpty()) return rows;
  rows.push_back(row(tr("Type"), kindName(type())));
  rows.push_back(row(tr("Id"), objectId_));
  const std::string id = objectId_.toStdString();
  switch (selected_) {
    case Selected::nothing: return rows;
    case Selected::park: addParkRows(rows); break;
    case Selected::link: addLinkRows(rows); break;
    case Selected::object: addObjectRows(rows, id); break;
  }
  addFlowRows(rows);
  return rows;
}

void SelectionController::addObjectRows(QVariantList& rows, const std::string& id) const {
  switch (objectType_) {
    case model::ObjectType::building: addBuildingRows(rows, *park().findBuilding(id)); break;
    case model::ObjectType::line: addLineRows(rows, *park().findLine(id)); break;
    case model::ObjectType::utility: addUtilityRows(rows, *park().findUtility(id)); break;
    case model::ObjectType::enterprise: addEnterpriseRows(rows, *park().findEnterprise(id)); break;
    case model::ObjectType::external: addExternalRows(rows, id); break;
    case model::ObjectType::machine_group: addMachineGroupRows(rows, id); break;
    case model::ObjectType::zone: break;  // not selectable
  }
}

void SelectionController::addExternalRows(QVariantList& rows, const std::string& id) const {
  const auto it = std::ranges::find_if(park().externals, [&](const auto& e) { return e.id == id; });
  if (it == park().externals.end()) return;
  rows.push_back(row(tr("Kind"), kindName(it->kind, controller_.language())));
  if (!controller_.objectIndex()->outsideThePark(id)) return;
  const auto centre = controller_.objectIndex()->extent().centre();
  const double km = std::hypot(it->position.x_m - centre.x_m, it->position.y_m - centre.y_m) / 1000;
  rows.push_back(row(tr("Where"), tr("%1 km from the park's centre, drawn at its edge").arg(number(km, 1))));
}

void SelectionController::addParkRows(QVariantList& rows) const {
  rows.push_back(row(tr("Land area"), tr("%1 mu").arg(number(park().land_area_mu))));
  rows.push_back(row(tr("Enterprises"), number(park().enterprises.size())));
  rows.push_back(row(tr("Buildings"), number(park().buildings.size())));
  rows.push_back(row(tr("Production lines"), number(park().lines.size())));
  rows.push_back(row(tr("Machines"), number(controller_.scene()->summary().value("machines").toInt())));
  rows.push_back(row(tr("Grid CO2 factor"), tr("%1 t/MWh").arg(number(park().grid_emission_t_per_mwh, 2))));
}

void SelectionController::addLinkRows(QVariantList& rows) const {
  for (const QVariant& v : controller_.flows()->overlay().arcs) {
    const QVariantMap a = v.toMap();
    if (a.value("id") != objectId_) continue;
    const bool material = a.value("quantity") == "material";
    const QString unit = material ? tr("t/h") : tr("kW");
    rows.push_back(row(tr("From"), controller_.nameOf(a.value("from").toString())));
    rows.push_back(row(tr("To"), controller_.nameOf(a.value("to").toString())));
    rows.push_back(row(material ? tr("Product") : tr("Carrier"), a.value("product").toString()));
    rows.push_back(row(tr("Flow"), number(a.value("flow").toDouble(), material ? 2 : 0) + " " + unit));
    rows.push_back(row(tr("Capacity"), number(a.value("capacity").toDouble(), material ? 2 : 0) + " " + unit));
    rows.push_back(row(tr("Utilisation"), number(a.value("utilisation").toDouble() * 100, 0) + " %"));
    if (a.value("bottleneck").toBool()) rows.push_back(row(tr("Bottleneck"), tr("Yes: on the minimum cut")));
  }
}

void SelectionController::addBuildingRows(QVariantList& rows, const model::Building& b) const {
  rows.push_back(row(tr("Kind"), kindName(b.kind, controller_.language())));
  if (const auto* e = park().findEnterprise(b.enterprise)) rows.push_back(row(tr("Enterprise"), controller_.nameOf(q(e->id))));
  rows.push_back(row(tr("Footprint"), tr("%1 m × %2 m").arg(number(b.width_m)).arg(number(b.depth_m))));
  rows.push_back(row(tr("Height"), tr("%1 m").arg(number(b.height_m))));
  if (b.roof_pv_kwp > 0) rows.push_back(row(tr("Rooftop PV"), tr("%1 kWp").arg(number(b.roof_pv_kwp))));
  int lines = 0;
  for (const auto& l : park().lines) lines += l.building == b.id;
  rows.push_back(row(tr("Production lines"), number(lines)));
  if (b.planned) rows.push_back(row(tr("Status"), tr("Planned")));
}

void SelectionController::addLineRows(QVariantList& rows, const model::ProductionLine& l) const {
  rows.push_back(row(tr("Kind"), kindName(l.kind, controller_.language())));
  rows.push_back(row(tr("Building"), controller_.nameOf(q(l.building))));
  if (const auto op = park().operatorOf(l); !op.empty()) rows.push_back(row(tr("Operator"), controller_.nameOf(q(op))));
  if (l.capacity_t_per_year > 0) rows.push_back(row(tr("Capacity"), tr("%1 t/yr").arg(number(l.capacity_t_per_year))));
  if (l.capacity_units_per_hour > 0) rows.push_back(row(tr("Capacity"), tr("%1 units/h").arg(number(l.capacity_units_per_hour))));
  if (l.energy_kwh_per_t > 0) rows.push_back(row(tr("Specific energy"), tr("%1 kWh/t").arg(number(l.energy_kwh_per_t))));
  if (l.power_kw > 0) rows.push_back(row(tr("Rated power"), tr("%1 kW").arg(number(l.power_kw))));
  int machines = 0;
  for (const auto& g : l.machines) machines += g.count;
  rows.push_back(row(tr("Machines"), number(machines)));
}

void SelectionController::addUtilityRows(QVariantList& rows, const model::Utility& u) const {
  rows.push_back(row(tr("Kind"), kindName(u.kind, controller_.language())));
  rows.push_back(row(tr("Rated power"), tr("%1 kW").arg(number(u.power_kw))));
  if (u.energy_kwh > 0) rows.push_back(row(tr("Storage"), tr("%1 MWh").arg(number(u.energy_kwh / 1000))));
  // PV shows the yearly energy the flows use: its own figure, else kWp x its yearly yield.
  const double annualKwh = u.kind == model::UtilityKind::pv ? sim::pvAnnualEnergyKwh(u, park().latitude_deg) : u.annual_energy_kwh;
  if (annualKwh > 0) rows.push_back(row(tr("Annual energy"), tr("%1 GWh/yr").arg(number(annualKwh / 1e6, 1))));
  if (u.count > 1) rows.push_back(row(tr("Units"), number(u.count)));
}

void SelectionController::addEnterpriseRows(QVariantList& rows, const model::Enterprise& e) const {
  rows.push_back(row(tr("Land area"), tr("%1 mu").arg(number(e.land_area_mu))));
  if (e.output_yuan_per_year > 0) {
    rows.push_back(row(tr("Output"), tr("%1 M yuan/yr").arg(number(e.output_yuan_per_year / 1e6))));
    rows.push_back(row(tr("Output per mu"), tr("%1 k yuan/mu").arg(number(e.output_yuan_per_year / e.land_area_mu / 1e3))));
    rows.push_back(row(tr("Tax per mu"), tr("%1 k yuan/mu").arg(number(e.tax_yuan_per_year / e.land_area_mu / 1e3, 1))));
  }
  rows.push_back(row(tr("Above designated size"), e.above_designated_size ? tr("Yes") : tr("No")));
}

void SelectionController::addMachineGroupRows(QVariantList& rows, const std::string& id) const {
  for (const auto& line : park().lines) {
    for (const auto& g : line.machines) {
      if (g.id != id) continue;
      rows.push_back(row(tr("Kind"), kindName(g.kind, controller_.language())));
      rows.push_back(row(tr("Line"), controller_.nameOf(q(line.id))));
      rows.push_back(row(tr("Count"), number(g.count)));
      rows.push_back(row(tr("Size"), tr("%1 × %2 × %3 m").arg(number(g.width_m, 1)).arg(number(g.depth_m, 1)).arg(number(g.height_m, 1))));
      if (g.power_kw > 0) rows.push_back(row(tr("Power each"), tr("%1 kW").arg(number(g.power_kw))));
    }
  }
}

// The selected line's, building's or enterprise's share of the park's flows in an average
// year at design capacity (flow::breakdownKpis).
void SelectionController::addFlowRows(QVariantList& rows) const {
  const QVariantMap u = controller_.flows()->overlay().units.value(objectId_).toMap();
  if (u.isEmpty()) return;
  const double tonnes = u.value("throughputT").toDouble();
  const double kwh = u.value("energyKwh").toDouble();
  if (tonnes > 0) {
    rows.push_back(row(u.value("enterprise").toBool() ? tr("Material entering (avg. year)") : tr("Material through (avg. year)"),
                       tr("%1 t/yr").arg(number(tonnes))));
  }
  if (u.value("utilisation").toDouble() > 0) {
    rows.push_back(row(tr("Utilisation"), number(u.value("utilisation").toDouble() * 100, 0) + " %"));
  }
  if (kwh > 0) {
    rows.push_back(row(tr("Energy (avg. year)"), tr("%1 MWh/yr").arg(number(kwh / 1000))));
    if (tonnes > 0) {
      // The KPI table's name says what it divides by (this object's material, not aluminium made).
      rows.push_back(row(kpiNameText(flow::KpiKey::energy_kwh_per_t_through),
                         tr("%1 kWh/t").arg(number(u.value("energyKwhPerT").toDouble()))));
    }
    rows.push_back(row(tr("CO2 (avg. year)"), tr("%1 t/yr").arg(number(u.value("co2T").toDouble()))));
  }
  if (u.value("costYuan").toDouble() > 0) {
    rows.push_back(row(tr("Energy and transport cost"), tr("%1 M yuan/yr").arg(number(u.value("costYuan").toDouble() / 1e6, 1))));
  }
  if (u.value("directMoltenT").toDouble() > 0) {
    rows.push_back(row(tr("Molten aluminium direct"), tr("%1 t/yr, saves %2 M yuan").arg(number(u.value("directMoltenT").toDouble()))
                                                           .arg(number(u.value("remeltAvoidedYuan").toDouble() / 1e6, 1))));
  }
}

}  // namespace parktwin::app
