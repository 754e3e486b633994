#include "park_editor.hpp"

#include <QJSEngine>
#include <cmath>

#include "building_snap.hpp"
#include "controller_text.hpp"
#include "kind_names.hpp"
#include "park_controller.hpp"
#include "park_document.hpp"
#include "problem_text.hpp"
#include "parktwin/common/number_text.hpp"
#include "parktwin/model/edit_history.hpp"
#include "parktwin/model/ground_overlaps.hpp"
#include "parktwin/model/object_index.hpp"

namespace parktwin::app {
namespace {

ParkEditor* g_instance = nullptr;

// A new building's size before the person changes it: a mid-sized hall.
constexpr double kNewWidthM = 40, kNewDepthM = 30, kNewHeightM = 12;

std::string s(const QString& text) { return text.toStdString(); }

}  // namespace

ParkEditor::ParkEditor(ParkController& controller, ParkDocument& document, QObject* parent)
    : QObject(parent), controller_(controller), document_(document) {
  // Another park (opened, new, reloaded): its history starts afresh. A load that failed keeps
  // the park, and so its history.
  connect(&controller_, &ParkController::parkChanged, this, [this] {
    if (controller_.errorText().isEmpty()) forgetPark();
  });
  connect(&document_, &ParkDocument::saved, this, [this] {
    if (history_) history_->markSaved();
  });
  connect(controller_.selection(), &SelectionController::changed, this, &ParkEditor::buildingChanged);
  connect(&controller_, &ParkController::languageChanged, this, [this] {
    refreshOverlaps();
    emit historyChanged();
  });
  connect(&controller_, &ParkController::presentingChanged, this, [this] {
    if (controller_.presenting()) setEditing(false);
  });
  // The park opened from the command line is loaded before the editor exists (no parkChanged
  // reaches it): its overlaps were listed only after the first edit.
  refreshOverlaps();
}

ParkEditor::~ParkEditor() {
  if (g_instance == this) g_instance = nullptr;
}

ParkEditor* ParkEditor::create(QQmlEngine* qmlEngine, QJSEngine* jsEngine) {
  if (!g_instance) {
    g_instance = new ParkEditor(*ParkController::create(qmlEngine, jsEngine),
                                *ParkDocument::create(qmlEngine, jsEngine), nullptr);
  }
  QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
  return g_instance;
}

void ParkEditor::setInstance(ParkEditor* editor) { g_instance = editor; }
ParkEditor* ParkEditor::instance() { return g_instance; }

void ParkEditor::setEditing(bool editing) {
  editing = editing && !controller_.presenting() && controller_.loaded();
  if (editing_ == editing) return;
  editing_ = editing;
  emit editingChanged();
}

void ParkEditor::forgetPark() {
  history_.reset();
  lastError_.clear();
  refreshOverlaps();
  emit historyChanged();
  emit buildingChanged();
}

model::EditHistory* ParkEditor::ensureHistory() {
  if (!history_ && controller_.park()) history_ = std::make_unique<model::EditHistory>(*controller_.park());
  return history_.get();
}

QStringList ParkEditor::history() const {
  QStringList labels;
  if (!history_) return labels;
  for (const auto& label : history_->labels()) labels.push_back(q(label.in(s(controller_.language()))));
  return labels;
}

int ParkEditor::undoCount() const { return history_ ? int(history_->undoCount()) : 0; }
bool ParkEditor::canUndo() const { return history_ && history_->canUndo(); }
bool ParkEditor::canRedo() const { return history_ && history_->canRedo(); }

QVariantMap ParkEditor::building() const {
  const auto* park = controller_.park();
  const auto* b = park ? park->findBuilding(s(controller_.selection()->objectId())) : nullptr;
  if (!b) return {};
  return {{"id", q(b->id)},           {"nameZh", q(b->name.zh)},     {"nameEn", q(b->name.en)},
          {"kind", kindWord(b->kind)}, {"widthM", b->width_m},        {"depthM", b->depth_m},
          {"heightM", b->height_m},    {"xM", b->position.x_m},       {"yM", b->position.y_m},
          {"rotationDeg", b->rotation_deg}};
}

QStringList ParkEditor::buildingKinds() const {
  QStringList words;
  for (const auto& entry : model::kindTableOf(model::BuildingKind{})) words.push_back(kindWord(entry.value));
  return words;
}

QString ParkEditor::defaultBuildingKind() const { return kindWord(model::BuildingKind::workshop); }

QString ParkEditor::kindName(const QString& word) const {
  const auto kind = model::parseKind<model::BuildingKind>(s(word));
  return kind ? app::kindName(*kind, controller_.language()) : word;
}

QVariantMap ParkEditor::snapped(const QString& id, double xM, double yM) const {
  const auto* park = controller_.park();
  if (!park) return {};
  const model::Point p = snapBuildingCentre(*park, s(id), {xM, yM});
  return {{"xM", p.x_m}, {"yM", p.y_m}};
}

bool ParkEditor::dragTo(const QString& id, double xM, double yM, bool snap) {
  const auto* park = controller_.park();
  if (!park) return false;
  const model::Point p = snap ? snapBuildingCentre(*park, s(id), {xM, yM}) : model::Point{xM, yM};
  const auto* b = park->findBuilding(s(id));
  if (b && b->position == p) return true;  // a pointer move inside one grid cell changes nothing
  return issue(model::MoveBuilding{s(id), p}, false);
}

void ParkEditor::endDrag() {
  if (history_) history_->sealEntry();
}

bool ParkEditor::moveBuilding(const QString& id, double xM, double yM) {
  return issue(model::MoveBuilding{s(id), {xM, yM}}, true);
}

bool ParkEditor::rotateBy(const QString& id, double degrees) {
  const auto* park = controller_.park();
  const auto* b = park ? park->findBuilding(s(id)) : nullptr;
  if (!b) return false;
  double turned = std::fmod(b->rotation_deg + degrees, 360.0);
  if (turned < 0) turned += 360;
  return issue(model::RotateBuilding{s(id), turned}, true);
}

bool ParkEditor::resize(const QString& id, double widthM, double depthM, double heightM) {
  return issue(model::ResizeBuilding{s(id), widthM, depthM, heightM}, true);
}

bool ParkEditor::dragRotation(const QString& id, double rotationDeg) {
  double turned = std::fmod(rotationDeg, 360.0);
  if (turned < 0) turned += 360;
  return issue(model::RotateBuilding{s(id), turned}, false);
}

bool ParkEditor::dragSize(const QString& id, double widthM, double depthM) {
  const auto* park = controller_.park();
  const auto* b = park ? park->findBuilding(s(id)) : nullptr;
  return b && issue(model::ResizeBuilding{s(id), widthM, depthM, b->height_m}, false);
}

bool ParkEditor::setName(const QString& id, const QString& language, const QString& text) {
  const int index = buildingIndex(id);
  if (index < 0 || (language != "zh" && language != "en")) return false;
  return issue(model::SetField{"/buildings/" + std::to_string(index) + "/name/" + s(language), s(text)}, true);
}

bool ParkEditor::setKind(const QString& id, const QString& word) {
  const int index = buildingIndex(id);
  return index >= 0 && issue(model::SetField{"/buildings/" + std::to_string(index) + "/kind", s(word)}, true);
}

QString ParkEditor::duplicate(const QString& id) {
  const auto* park = controller_.park();
  const std::size_t before = park ? park->buildings.size() : 0;
  if (!issue(model::DuplicateBuilding{s(id)}, true) || controller_.park()->buildings.size() == before) return {};
  const QString copy = q(controller_.park()->buildings.back().id);
  controller_.selection()->select(copy);
  return copy;
}

QString ParkEditor::addBuilding(const QString& kindWord, double xM, double yM) {
  const auto kind = model::parseKind<model::BuildingKind>(s(kindWord));
  if (!kind || !controller_.park()) return {};
  model::Building b;
  b.id = s(unusedBuildingId(kindWord));
  b.kind = *kind;
  b.name = {std::string(model::displayName(*kind, "zh")), std::string(model::displayName(*kind, "en"))};
  // Beside what already stands there (twin's rule), not on it.
  const model::Point free = model::freeGroundNear(*controller_.park(), {std::round(xM), std::round(yM)}, kNewWidthM, kNewDepthM);
  b.position = {std::round(free.x_m), std::round(free.y_m)};
  b.width_m = kNewWidthM;
  b.depth_m = kNewDepthM;
  b.height_m = kNewHeightM;
  if (!issue(model::AddBuilding{b, {}}, true)) return {};
  controller_.selection()->select(q(b.id));
  return q(b.id);
}

bool ParkEditor::remove(const QString& id) { return issue(model::RemoveBuilding{s(id)}, true); }

bool ParkEditor::undo() { return ensureHistory() && history_->canUndo() && show(history_->undo()); }

bool ParkEditor::redo() { return ensureHistory() && history_->canRedo() && show(history_->redo()); }

void ParkEditor::undoTo(int count) {
  while (history_ && undoCount() > count && undo()) {
  }
  while (history_ && undoCount() < count && redo()) {
  }
}

bool ParkEditor::issue(const model::EditCommand& command, bool seal) {
  if (controller_.presenting() || !ensureHistory()) return false;
  const bool placesOnly = std::holds_alternative<model::MoveBuilding>(command) ||
                          std::holds_alternative<model::RotateBuilding>(command) ||
                          std::holds_alternative<model::ResizeBuilding>(command);
  const bool shown = show(history_->apply(command), placesOnly);
  if (seal) history_->sealEntry();
  return shown;
}

bool ParkEditor::show(Result<std::vector<model::Problem>> outcome, bool placesOnly) {
  if (!outcome) {
    lastError_ = q(outcome.error().message);
    emit historyChanged();
    return false;
  }
  lastError_.clear();
  controller_.showEditedPark(history_->park(), placesOnly);
  document_.setModified(history_->modified());
  listProblems(*outcome);
  refreshOverlaps();
  emit historyChanged();
  emit buildingChanged();
  return true;
}

void ParkEditor::listProblems(const std::vector<model::Problem>& problems) {
  QVariantList listed;
  for (const auto& p : problems) {
    listed.push_back(QVariantMap{{"path", q(p.path)}, {"message", ProblemText::of(p.wording, controller_.language())}, {"objectId", objectAt(p.path)}});
  }
  document_.showParkProblems(listed);
}

void ParkEditor::refreshOverlaps() {
  QVariantList listed;
  const auto* park = controller_.park();
  for (const auto& o : park ? model::groundOverlaps(*park) : std::vector<model::GroundOverlap>{}) {
    const QString depth = q(compactText(o.depth_m, 1));
    listed.push_back(QVariantMap{
        {"text", tr("%1 and %2 overlap by %3 m").arg(controller_.nameOf(q(o.second_id)), controller_.nameOf(q(o.first_id)), depth)},
        {"objectId", q(o.second_id)}});
  }
  overlaps_ = listed;
}

// The object a problem's path points into, from the edited park (its file is not saved yet).
QString ParkEditor::objectAt(const std::string& pointer) const {
  const auto* park = controller_.park();
  const QStringList steps = q(pointer).split('/');
  bool isIndex = false;
  const auto index = std::size_t(steps.value(2).toInt(&isIndex));
  if (!park || !isIndex) return {};
  const QString list = steps.value(1);
  const auto idIn = [&](const auto& items) { return index < items.size() ? q(items[index].id) : QString(); };
  if (list == "buildings") return idIn(park->buildings);
  if (list == "lines") return idIn(park->lines);
  if (list == "utilities") return idIn(park->utilities);
  if (list == "enterprises") return idIn(park->enterprises);
  if (list == "externals") return idIn(park->externals);
  // A tag's or an alarm rule's problem selects the object measured: its forms hold them.
  const model::Tag* tag = list == "tags" && index < park->tags.size() ? &park->tags[index] : nullptr;
  if (list == "alarm_rules" && index < park->alarm_rules.size()) tag = park->findTag(park->alarm_rules[index].tag);
  return tag ? q(tag->object) : QString();
}

int ParkEditor::buildingIndex(const QString& id) const {
  const auto* park = controller_.park();
  if (!park) return -1;
  for (std::size_t i = 0; i < park->buildings.size(); ++i) {
    if (park->buildings[i].id == s(id)) return int(i);
  }
  return -1;
}

QString ParkEditor::unusedBuildingId(const QString& stem) const {
  const auto* index = controller_.objectIndex();
  for (int n = 1;; ++n) {
    const QString id = stem + "-" + QString::number(n);
    if (!index || !index->find(s(id))) return id;
  }
}

}  // namespace parktwin::app
