#include "park_controller.hpp"

#include <algorithm>
#include <filesystem>
#include <vector>

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QQmlEngine>
#include <QSettings>

#include "controller_text.hpp"
#include "park_difference_text.hpp"
#include "parktwin/model/history_fit.hpp"
#include "parktwin/model/object_index.hpp"
#include "parktwin/model/park_difference.hpp"
#include "parktwin/model/park_file.hpp"
#include "parktwin/model/park_id.hpp"

namespace parktwin::app {

namespace {
ParkController* g_instance = nullptr;

// The tours written for `park`: its own beside its file (a new park has no file, so no folder of
// its own), then its bundled one.
std::vector<std::filesystem::path> toursOf(const parktwin::model::Park& park, const QString& parkFile, const QString& dataFolder) {
  const std::string folder = parkFile.isEmpty() ? std::string() : QFileInfo(parkFile).absolutePath().toStdString();
  return parktwin::model::findToursForPark(park.id, folder, dataFolder.toStdString());
}
}  // namespace

ParkController::ParkController(QObject* parent) : QObject(parent) {
  connect(&timeline_, &TimelineController::valuesChanged, this, &ParkController::applyTimelineValues);
  connect(&timeline_, &TimelineController::serverParkChanged, this, &ParkController::setServerPark);
  connect(this, &ParkController::languageChanged, this, &ParkController::compareWithServerPark);
  connect(&timeline_, &TimelineController::sourceChanged, this, &ParkController::checkReplayFit);
  connect(this, &ParkController::languageChanged, this, &ParkController::checkReplayFit);
  // Flows turned on while a replay is paused: solve the step on screen now, not at the next one.
  connect(&flows_, &FlowController::followTimelineChanged, this, [this] {
    if (park_ && timeline_.mode() != "design") flows_.showStep(qint64(timeline_.timeMs()), timeline_.values());
  });
}

void ParkController::applyTimelineValues() {
  if (!park_) return;
  scene_.applyLineStates(*park_, timeline_.values());
  // The flows follow each displayed step (solved off this thread, when following: flow_overlay.hpp).
  if (timeline_.mode() == "design") flows_.showDesign();
  else flows_.showStep(qint64(timeline_.timeMs()), timeline_.values());
  selection_.valuesChanged();
  alarms_.evaluate();
}

void ParkController::setServerPark(const QByteArray& parkJson) {
  serverPark_.reset();
  // A park this build cannot read is none to compare with: the link reports the server's problems.
  if (!parkJson.isEmpty()) {
    auto park = parktwin::model::parsePark(parkJson.toStdString(), "server");
    if (park) serverPark_ = std::make_unique<parktwin::model::Park>(std::move(*park));
  }
  compareWithServerPark();
}

void ParkController::compareWithServerPark() {
  QString text;
  if (park_ && serverPark_) {
    const std::string lang = language_.toStdString();
    text = park_->id != serverPark_->id
               ? anotherParkText(*park_, *serverPark_, lang)
               : parkDifferenceText(parktwin::model::differenceBetween(*park_, *serverPark_), *park_, *serverPark_, lang);
  }
  if (text == serverParkDifference_) return;
  serverParkDifference_ = text;
  emit serverParkDifferenceChanged();
}

void ParkController::checkReplayFit() {
  QString text;
  if (park_ && !timeline_.replayTags().empty()) {
    const auto fit = parktwin::model::historyFit(*park_, timeline_.replayTags());
    text = q(parktwin::model::anotherParksHistoryText(fit, timeline_.source().toStdString(), *park_).in(language_.toStdString()));
  }
  if (text == replayParkMismatch_) return;
  replayParkMismatch_ = text;
  emit replayParkMismatchChanged();
}

void ParkController::setPresenting(bool presenting) {
  if (presenting_ == presenting) return;
  presenting_ = presenting;
  if (presenting && !tour_.loaded() && park_) {
    // The first of the park's tours that reads: a broken draft beside the good tour does not hide
    // it (QA's folder had one). None reads: the first one's refusal is what the bar shows.
    const auto tours = toursOf(*park_, parkFile_, assetRoot_);
    if (std::ranges::none_of(tours, [&](const auto& t) { return tour_.load(QString::fromStdString(t.string())); }) && !tours.empty()) {
      tour_.load(QString::fromStdString(tours.front().string()));
    }
  }
  if (!presenting) tour_.pause();
  emit presentingChanged();
}

// The first tour of the park's id beside its file (a user's own park and tour, QA), else its bundled
// tour: model::findToursForPark.
QString ParkController::defaultTourPath() const {
  const auto tours = park_ ? toursOf(*park_, parkFile_, assetRoot_) : std::vector<std::filesystem::path>{};
  return tours.empty() ? QString() : QString::fromStdString(tours.front().string());
}

QStringList ParkController::tagIds() const {
  QStringList ids;
  if (park_) {
    for (const auto& t : park_->tags) ids.push_back(q(t.id));
  }
  return ids;
}

ParkController::~ParkController() {
  // Members die before this QObject, the alarms before the timeline: nothing the timeline says
  // while it closes may reach us or a reader of our members (the alarm pins refreshed on its last
  // sourceChanged and walked the dead alarms: a hang at exit, e2e.live_exit).
  timeline_.disconnect();
  if (g_instance == this) g_instance = nullptr;
}

ParkController* ParkController::create(QQmlEngine* qmlEngine, QJSEngine*) {
  if (!g_instance) g_instance = new ParkController(nullptr);
  g_instance->setEngine(qmlEngine);
  QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
  return g_instance;
}

void ParkController::setInstance(ParkController* controller) { g_instance = controller; }

bool ParkController::loadPark(const QString& path) {
  if (presenting_) return false;  // the audience keeps seeing the park being presented
  auto park = parktwin::model::loadParkListingProblems(path.toStdString());
  parkFile_ = path;
  if (!park) {
    // Keep the last good park on screen; show why the new one did not load.
    loadProblems_ = std::move(park.error());
    emit parkChanged();
    emit errorTextChanged();
    return false;
  }
  return showPark(std::move(*park), path);
}

bool ParkController::showPark(parktwin::model::Park park, const QString& path, const QString& modelFolder) {
  if (presenting_) return false;
  parkFile_ = path;
  modelFolder_ = modelFolder;
  const bool hadProblems = !loadProblems_.empty();
  loadProblems_.clear();
  if (hadProblems) emit errorTextChanged();
  park_ = std::make_unique<parktwin::model::Park>(std::move(park));
  objectIndex_ = std::make_unique<parktwin::model::ObjectIndex>(*park_);
  selection_.forget();
  flows_.solve(*park_);
  assetTree_.reset(*park_);
  tour_.setPark(park_.get());
  timeline_.setTimeZone(q(park_->time_zone));
  alarms_.setPark(*park_);
  scenarios_.clear();
  scenarios_.refresh();
  // The scene last, when everything QML may ask on its signals (selection, alarms) is in place.
  scene_.rebuild(*park_, *objectIndex_, parkFile_, modelFolder_, true);
  compareWithServerPark();
  checkReplayFit();
  emit parkChanged();
  emit labelsChanged();
  selection_.select({});
  return true;
}

void ParkController::showEditedPark(const parktwin::model::Park& park, bool placesOnly) {
  if (!park_) return;
  *park_ = park;
  objectIndex_ = std::make_unique<parktwin::model::ObjectIndex>(*park_);
  flows_.solve(*park_);
  compareWithServerPark();
  checkReplayFit();  // an added or renamed tag
  // A drag step: only building rows changed, so the scene replaces those rows in place.
  if (placesOnly && scene_.refreshPlaces(*park_, *objectIndex_, parkFile_, modelFolder_)) {
    emit labelsChanged();
    reselect();
    return;
  }
  if (!placesOnly) {
    assetTree_.reset(*park_);
    tour_.setPark(park_.get());
    alarms_.setPark(*park_);
  }
  scene_.rebuild(*park_, *objectIndex_, parkFile_, modelFolder_, false);
  emit labelsChanged();
  reselect();
}

// Keeps the selection when its object still exists after an edit.
void ParkController::reselect() {
  if (selection_.type() == "park") {  // its id may be what was edited
    selection_.select(parkId());
    return;
  }
  const QString selected = selection_.objectId();
  selection_.select(objectIndex_->find(selected.toStdString()) || selected == parkId() ? selected : QString());
}

// loadPark's message: "<file>: <JSON path>: <what>" a line each; a file that cannot be read or
// is no JSON names itself.
QString ParkController::errorText() const {
  QStringList lines;
  for (const auto& problem : loadProblems_) {
    const QString what = q(parktwin::model::problemText(problem.wording, language_.toStdString()));
    lines << (problem.path.empty() ? what : parkFile_ + ": " + q(problem.path) + ": " + what);
  }
  return lines.join('\n');
}

QString ParkController::parkId() const { return park_ ? q(park_->id) : QString(); }
QString ParkController::parkName() const { return park_ ? q(park_->name.in(language_.toStdString())) : QString(); }
QString ParkController::parkDescription() const {
  return park_ ? q(park_->description.in(language_.toStdString())) : QString();
}

// Qt's own words first (qtbase: the file dialog's Cancel and the standard buttons, from Debian's
// qt6-translations-l10n), then ours, which are searched first. Qt 6.4 ships no Chinese for its
// QML file dialog's labels (context FileDialog, QtQuick/Dialogs/quickimpl/qml/FileDialog.qml):
// naming them here puts them in our translations.
void ParkController::installChineseTranslators() {
  [[maybe_unused]] static const char* const kQtFileDialogLabels[] = {QT_TRANSLATE_NOOP("FileDialog", "File name"),
                                                                     QT_TRANSLATE_NOOP("FileDialog", "Filter")};
  if (qtTranslator_.load("qtbase_zh_CN", QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
    QCoreApplication::installTranslator(&qtTranslator_);
  }
  if (translator_.load(":/i18n/parktwin_zh_CN.qm")) QCoreApplication::installTranslator(&translator_);
}

namespace {
constexpr auto kChosenLanguageKey = "language";
}

void ParkController::chooseLanguage(const QString& language) {
  setLanguage(language);
  QSettings().setValue(kChosenLanguageKey, language_);
}

QString ParkController::chosenLanguage() {
  const QString chosen = QSettings().value(kChosenLanguageKey).toString();
  return chosen == "zh" || chosen == "en" ? chosen : QString();
}

void ParkController::setLanguage(const QString& language) {
  const QString lang = language == "zh" ? "zh" : "en";
  if (lang == language_) return;
  language_ = lang;
  QCoreApplication::removeTranslator(&translator_);
  QCoreApplication::removeTranslator(&qtTranslator_);
  if (lang == "zh") installChineseTranslators();
  QLocale::setDefault(QLocale(lang == "zh" ? QLocale::Chinese : QLocale::English,
                              lang == "zh" ? QLocale::China : QLocale::UnitedKingdom));
  assetTree_.setLanguage(lang);
  tour_.setLanguage(lang);
  flows_.setLanguage(lang);
  scenarios_.retranslate();
  if (engine_) engine_->retranslate();
  emit languageChanged();
  emit labelsChanged();
  if (!loadProblems_.empty()) emit errorTextChanged();
}

QString ParkController::nameOf(const QString& objectId) const {
  if (!park_) return {};
  const std::string id = objectId.toStdString();
  const std::string lang = language_.toStdString();
  if (id == park_->id) return q(park_->name.in(lang));
  // The twin's one rule for an object's name (the desk banner and tag labels use it too).
  if (const std::string name = parktwin::model::objectName(*park_, id, lang); !name.empty()) return q(name);
  for (const QVariant& v : flows_.overlay().arcs) {
    const QVariantMap a = v.toMap();
    if (a.value("id") == objectId) return nameOf(a.value("from").toString()) + " → " + nameOf(a.value("to").toString());
  }
  return objectId;
}

}  // namespace parktwin::app
