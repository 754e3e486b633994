// ObjectForms' additions: a new object with values that pass validatePark, so that adding
// one shows no problem until the person changes it.
#include <cmath>

#include "controller_text.hpp"
#include "object_forms.hpp"
#include "park_controller.hpp"
#include "park_editor.hpp"
#include "parktwin/model/edit.hpp"

namespace parktwin::app {
namespace {

std::string s(const QString& text) { return text.toStdString(); }

model::Point rounded(double xM, double yM) { return {std::round(xM), std::round(yM)}; }

model::MachineGroup newGroup(const std::string& id) {
  model::MachineGroup g;
  g.id = id;
  g.name = {"新设备组", "New machines"};
  g.kind = model::MachineKind::robot_cell;
  g.count = 4;
  g.rows = 2;
  g.pitch_x_m = 6;
  g.pitch_y_m = 6;
  g.width_m = 3;
  g.depth_m = 3;
  g.height_m = 3;
  g.power_kw = 20;
  return g;
}

}  // namespace

QString ObjectForms::addForSelection(const QString& kind, const model::Park& park, double xM, double yM) {
  const std::string selected = s(controller_.selection()->objectId());
  const std::string id = s(unusedId(kind == "machines" ? q(selected) + "-machines" : kind));
  bool added = false;
  if (kind == "enterprise") {
    added = editor_.issueEdit(model::AddEnterprise{model::Enterprise{id, {"新企业", "New enterprise"}, 10, 0, 0, false}});
  } else if (kind == "line" && park.findBuilding(selected)) {
    model::ProductionLine line;
    line.id = id;
    line.name = {"新产线", "New line"};
    line.kind = model::LineKind::assembly;
    line.building = selected;
    line.capacity_t_per_year = 1000;
    added = editor_.issueEdit(model::AddLine{line});
  } else if (kind == "machines" && park.findLine(selected)) {
    added = editor_.issueEdit(model::AddMachineGroup{selected, newGroup(id)});
  } else if (kind == "utility") {
    model::Utility battery;
    battery.id = id;
    battery.name = {"新储能", "New battery"};
    battery.kind = model::UtilityKind::battery;
    battery.position = rounded(xM, yM);
    battery.power_kw = 1000;
    battery.energy_kwh = 2000;
    added = editor_.issueEdit(model::AddUtility{battery});
  } else if (kind == "external") {
    added = editor_.issueEdit(model::AddExternal{model::ExternalNode{id, {"市场", "Market"}, model::ExternalKind::market, rounded(xM, yM), {}}});
  } else if (kind == "tag" && park.hasObject(selected)) {
    const std::string tagId = s(unusedId(q(selected) + ".power"));
    model::Tag tag{tagId, {"功率", "Power"}, "kW", model::TagKind::analog, selected, -1};
    return editor_.issueEdit(model::AddTag{tag}) ? q(tagId) : QString();
  }
  return added ? q(id) : QString();
}

QString ObjectForms::addAlarmRule(const QString& tagId) {
  const auto* park = controller_.park();
  if (!park || !park->findTag(s(tagId)) || !editor_.editing()) return {};
  const std::string id = s(unusedId(tagId + ".high"));
  model::AlarmRule rule{id, s(tagId), 100.0, std::nullopt, model::Severity::warning, {"过高", "High"}};
  return editor_.issueEdit(model::AddAlarmRule{rule}) ? q(id) : QString();
}

}  // namespace parktwin::app
