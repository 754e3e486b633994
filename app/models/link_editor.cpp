#include "link_editor.hpp"

#include <QJSEngine>
#include <algorithm>

#include "controller_text.hpp"
#include "kind_names.hpp"
#include "park_controller.hpp"
#include "park_editor.hpp"
#include "parktwin/model/edit.hpp"

namespace parktwin::app {
namespace {

LinkEditor* g_instance = nullptr;

template <model::KindEnum Kind>
QStringList wordsOf() {
  QStringList words;
  for (const auto& entry : model::kindTable<Kind>()) words.push_back(kindWord(entry.value));
  return words;
}

template <model::KindEnum Kind>
QString nameOf(const QString& word, const QString& language) {
  const auto kind = model::parseKind<Kind>(word.toStdString());
  return kind ? kindName(*kind, language) : word;
}

}  // namespace

LinkEditor::LinkEditor(ParkController& controller, ParkEditor& editor, QObject* parent)
    : QObject(parent), controller_(controller), editor_(editor) {
  const auto changed = [this] {
    ++revision_;
    emit linksChanged();
  };
  connect(controller_.scene(), &SceneController::changed, this, changed);
  connect(&controller_, &ParkController::languageChanged, this, changed);
}

LinkEditor* LinkEditor::create(QQmlEngine* qmlEngine, QJSEngine* jsEngine) {
  if (!g_instance) {
    g_instance = new LinkEditor(*ParkController::create(qmlEngine, jsEngine), *ParkEditor::create(qmlEngine, jsEngine),
                                nullptr);
  }
  QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
  return g_instance;
}

QStringList LinkEditor::products() const { return wordsOf<model::Product>(); }
QStringList LinkEditor::carriers() const { return wordsOf<model::Carrier>(); }

QString LinkEditor::productName(const QString& word) const {
  return nameOf<model::Product>(word, controller_.language());
}
QString LinkEditor::carrierName(const QString& word) const {
  return nameOf<model::Carrier>(word, controller_.language());
}

QString LinkEditor::endpointOf(const QString& objectId) const {
  const auto* park = controller_.park();
  if (!park || objectId.isEmpty()) return {};
  const std::string id = objectId.toStdString();
  if (park->findBuilding(id) || park->findLine(id) || park->findUtility(id)) return objectId;
  if (std::ranges::any_of(park->externals, [&](const auto& e) { return e.id == id; })) return objectId;
  for (const auto& line : park->lines) {
    if (std::ranges::any_of(line.machines, [&](const auto& m) { return m.id == id; })) return q(line.id);
  }
  return {};
}

QString LinkEditor::addMaterialLink(const QString& from, const QString& to, const QString& product,
                                    double capacityTPerHour) {
  const auto kind = model::parseKind<model::Product>(product.toStdString());
  if (!kind || !controller_.park()) return {};
  model::MaterialLink link;
  link.id = unusedId(from, to).toStdString();
  link.from = from.toStdString();
  link.to = to.toStdString();
  link.product = *kind;
  link.capacity_t_per_hour = capacityTPerHour;
  return editor_.issue(model::AddMaterialLink{link}, true) ? q(link.id) : QString();
}

QString LinkEditor::addEnergyLink(const QString& from, const QString& to, const QString& carrier, double capacityKw) {
  const auto kind = model::parseKind<model::Carrier>(carrier.toStdString());
  if (!kind || !controller_.park()) return {};
  model::EnergyLink link;
  link.id = unusedId(from, to).toStdString();
  link.from = from.toStdString();
  link.to = to.toStdString();
  link.carrier = *kind;
  link.capacity_kw = capacityKw;
  return editor_.issue(model::AddEnergyLink{link}, true) ? q(link.id) : QString();
}

bool LinkEditor::removeLink(const QString& id) {
  const auto* park = controller_.park();
  if (!park) return false;
  const std::string wanted = id.toStdString();
  const auto same = [&](const auto& link) { return link.id == wanted; };
  if (std::ranges::any_of(park->material_links, same)) return editor_.issue(model::RemoveMaterialLink{wanted}, true);
  if (std::ranges::any_of(park->energy_links, same)) return editor_.issue(model::RemoveEnergyLink{wanted}, true);
  return false;
}

QVariantList LinkEditor::linksOf(const QString& objectId) const {
  QVariantList out;
  const auto* park = controller_.park();
  if (!park || objectId.isEmpty()) return out;
  const std::string id = objectId.toStdString();
  // Its ends by name, as everywhere else in the window (QA: `sub-main → building-0`).
  const auto title = [&](const auto& link) { return controller_.nameOf(q(link.from)) + " → " + controller_.nameOf(q(link.to)); };
  for (const auto& l : park->material_links) {
    if (l.from != id && l.to != id) continue;
    out.push_back(QVariantMap{{"id", q(l.id)}, {"type", "material"}, {"from", q(l.from)}, {"to", q(l.to)},
                              {"title", title(l)},
                              {"what", kindName(l.product, controller_.language())},
                              {"capacity", tr("%1 t/h").arg(number(l.capacity_t_per_hour, 1))}});
  }
  for (const auto& l : park->energy_links) {
    if (l.from != id && l.to != id) continue;
    out.push_back(QVariantMap{{"id", q(l.id)}, {"type", "energy"}, {"from", q(l.from)}, {"to", q(l.to)},
                              {"title", title(l)},
                              {"what", kindName(l.carrier, controller_.language())},
                              {"capacity", tr("%1 kW").arg(number(l.capacity_kw, 0))}});
  }
  return out;
}

// "line-a-to-line-b", then "-2", "-3" when that is taken (two links between the same ends).
QString LinkEditor::unusedId(const QString& from, const QString& to) const {
  const auto* park = controller_.park();
  const QString stem = from + "-to-" + to;
  const auto used = [&](const std::string& id) {
    const auto same = [&](const auto& link) { return link.id == id; };
    return std::ranges::any_of(park->material_links, same) || std::ranges::any_of(park->energy_links, same) ||
           park->hasObject(id);
  };
  if (!used(stem.toStdString())) return stem;
  for (int n = 2;; ++n) {
    const QString id = stem + "-" + QString::number(n);
    if (!used(id.toStdString())) return id;
  }
}

}  // namespace parktwin::app
