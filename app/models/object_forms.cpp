#include "object_forms.hpp"

#include <QJSEngine>
#include <cmath>

#include "controller_text.hpp"
#include "object_form_fields.hpp"
#include "park_controller.hpp"
#include "park_editor.hpp"
#include "parktwin/model/edit.hpp"

namespace parktwin::app {
namespace {

ObjectForms* g_forms = nullptr;

std::string s(const QString& text) { return text.toStdString(); }

template <typename T>
int indexOf(const std::vector<T>& items, const std::string& id) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].id == id) return int(i);
  }
  return -1;
}

std::string at(const char* section, std::size_t index) { return "/" + std::string(section) + "/" + std::to_string(index); }

// A form's value as the park file writes it; null removes an optional key.
nlohmann::json jsonOf(const QString& type, const QVariant& value) {
  if (type == "number") return value.toDouble();
  if (type == "integer") return value.toInt();
  if (type == "bool") return value.toBool();
  if (type == "optionalNumber") {
    if (value.toString().trimmed().isEmpty()) return nullptr;
    return value.toDouble();
  }
  if (type == "kind" && value.toString().isEmpty()) return nullptr;
  return s(value.toString());
}

}  // namespace

ObjectForms::ObjectForms(ParkController& controller, ParkEditor& editor, QObject* parent)
    : QObject(parent), controller_(controller), editor_(editor) {
  connect(controller_.selection(), &SelectionController::changed, this, &ObjectForms::cardsChanged);
  connect(&controller_, &ParkController::languageChanged, this, &ObjectForms::cardsChanged);
  connect(&controller_, &ParkController::parkChanged, this, &ObjectForms::cardsChanged);
  connect(&editor_, &ParkEditor::historyChanged, this, &ObjectForms::cardsChanged);
}

ObjectForms* ObjectForms::create(QQmlEngine* qmlEngine, QJSEngine* jsEngine) {
  if (!g_forms) {
    g_forms = new ObjectForms(*ParkController::create(qmlEngine, jsEngine), *ParkEditor::create(qmlEngine, jsEngine), nullptr);
  }
  QJSEngine::setObjectOwnership(g_forms, QJSEngine::CppOwnership);
  return g_forms;
}

QVariantList ObjectForms::cards() const {
  const auto* park = controller_.park();
  if (!park || controller_.selection()->objectId().isEmpty()) return {};
  if (controller_.selection()->type() == "park") return {ObjectFormCards::park(*park)};
  const std::string id = s(controller_.selection()->objectId());
  QVariantList out = ownCards(*park, id);
  if (const auto* line = park->findLine(id)) {  // a line's groups follow it, each with its tags
    for (const auto& g : line->machines) out.append(ownCards(*park, g.id));
  }
  return out;
}

// The object's own card (none for a building: EditorPanel has its fields), then its tags'.
QVariantList ObjectForms::ownCards(const model::Park& park, const std::string& id) const {
  const QString lang = controller_.language();
  QVariantList out;
  if (int i = indexOf(park.enterprises, id); i >= 0) out.push_back(ObjectFormCards::enterprise(park.enterprises[i], at("enterprises", i), lang));
  if (int i = indexOf(park.lines, id); i >= 0) out.push_back(ObjectFormCards::line(park.lines[i], at("lines", i), lang, park));
  if (int i = indexOf(park.utilities, id); i >= 0) out.push_back(ObjectFormCards::utility(park.utilities[i], at("utilities", i), lang, park));
  if (int i = indexOf(park.externals, id); i >= 0) out.push_back(ObjectFormCards::external(park.externals[i], at("externals", i), lang));
  for (std::size_t l = 0; l < park.lines.size(); ++l) {
    if (int g = indexOf(park.lines[l].machines, id); g >= 0) {
      out.push_back(ObjectFormCards::machineGroup(park.lines[l].machines[g], at("lines", l) + at("machines", g), lang));
    }
  }
  out.append(tagCards(park, id));
  return out;
}

QVariantList ObjectForms::tagCards(const model::Park& park, const std::string& objectId) const {
  const QString lang = controller_.language();
  QVariantList out;
  for (std::size_t t = 0; t < park.tags.size(); ++t) {
    if (park.tags[t].object != objectId) continue;
    out.push_back(ObjectFormCards::tag(park.tags[t], at("tags", t), lang));
    for (std::size_t r = 0; r < park.alarm_rules.size(); ++r) {
      if (park.alarm_rules[r].tag == park.tags[t].id) out.push_back(ObjectFormCards::alarmRule(park.alarm_rules[r], at("alarm_rules", r), lang));
    }
  }
  return out;
}

QVariantList ObjectForms::additions() const {
  const auto* park = controller_.park();
  if (!park) return {};
  const QString type = controller_.selection()->type();
  QVariantList out;
  const auto offer = [&](const char* kind, const QString& label) { out.push_back(QVariantMap{{"kind", QString::fromLatin1(kind)}, {"label", label}}); };
  if (type == "building") offer("line", tr("Add line"));
  if (type == "line") offer("machines", tr("Add machine group"));
  if (!type.isEmpty() && type != "park" && type != "enterprise" && type != "link") offer("tag", tr("Add tag"));
  offer("enterprise", tr("Add enterprise"));
  offer("utility", tr("Add utility"));
  offer("external", tr("Add external node"));
  return out;
}

bool ObjectForms::setValue(const QString& pointer, const QString& type, const QVariant& value) {
  if (type == "integer" || type == "number") {
    bool ok = false;
    const double number = value.toString().toDouble(&ok);
    if (!ok || !std::isfinite(number)) return false;
  }
  return editor_.issueEdit(model::SetField{s(pointer), jsonOf(type, value)});
}

QString ObjectForms::add(const QString& kind, double xM, double yM) {
  const auto* park = controller_.park();
  if (!park || !editor_.editing()) return {};
  const QString id = addForSelection(kind, *park, xM, yM);
  if (!id.isEmpty() && kind != "tag") controller_.selection()->select(id);
  return id;
}

QString ObjectForms::unusedId(const QString& stem) const {
  const auto* park = controller_.park();
  return park ? q(model::unusedObjectId(*park, s(stem))) : QString();
}

// By the card's kind, not only its id: an edited park may hold a duplicate id for a while (listed
// as a problem), and Delete on a tag's card must not take the building of the same id.
bool ObjectForms::remove(const QString& kind, const QString& id) {
  const std::string i = s(id);
  if (kind == "enterprise") return editor_.issueEdit(model::RemoveEnterprise{i});
  if (kind == "line") return editor_.issueEdit(model::RemoveLine{i});
  if (kind == "machines") return editor_.issueEdit(model::RemoveMachineGroup{i});
  if (kind == "utility") return editor_.issueEdit(model::RemoveUtility{i});
  if (kind == "external") return editor_.issueEdit(model::RemoveExternal{i});
  if (kind == "tag") return editor_.issueEdit(model::RemoveTag{i});
  if (kind == "alarm") return editor_.issueEdit(model::RemoveAlarmRule{i});
  return false;  // the park's card among them: the park is the file itself
}

}  // namespace parktwin::app
