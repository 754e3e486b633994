// ShapeEditor's inspector fields: the selected zone's or road's names, the zone's kind and the
// road's width, each set through SetField (edit.hpp) like every field without a command of
// its own.
#include <nlohmann/json.hpp>

#include "kind_names.hpp"
#include "park_editor.hpp"
#include "parktwin/model/edit.hpp"
#include "shape_editor.hpp"

namespace parktwin::app {

std::string ShapeEditor::selectedPointer() const {
  const auto* p = park();
  if (!p || selectedId_.isEmpty()) return {};
  const std::string id = selectedId_.toStdString();
  for (std::size_t i = 0; i < p->zones.size(); ++i) {
    if (p->zones[i].id == id) return "/zones/" + std::to_string(i);
  }
  for (std::size_t i = 0; i < p->roads.size(); ++i) {
    if (p->roads[i].id == id) return "/roads/" + std::to_string(i);
  }
  return {};
}

bool ShapeEditor::setField(const std::string& key, const nlohmann::json& value) {
  const std::string pointer = selectedPointer();
  return !pointer.empty() && editor_.issue(model::SetField{pointer + "/" + key, value}, true);
}

bool ShapeEditor::setName(const QString& language, const QString& text) {
  if (language != "zh" && language != "en") return false;
  const auto* zone = selectedZone();
  const auto* road = selectedRoad();
  const model::LocalizedText* name = zone ? &zone->name : road ? &road->name : nullptr;
  if (!name) return false;
  const std::string now = language == "zh" ? name->zh : name->en;
  if (now == text.toStdString()) return true;
  return setField("name/" + language.toStdString(), text.toStdString());
}

bool ShapeEditor::setZoneKind(const QString& word) {
  const auto* zone = selectedZone();
  const auto kind = model::parseKind<model::ZoneKind>(word.toStdString());
  if (!zone || !kind) return false;
  if (*kind == zone->kind) return true;
  return setField("kind", word.toStdString());
}

bool ShapeEditor::setRoadWidth(double widthM) {
  const auto* road = selectedRoad();
  if (!road) return false;
  if (widthM == road->width_m) return true;
  return setField("width_m", widthM);
}

}  // namespace parktwin::app
