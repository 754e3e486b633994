#include "park_document.hpp"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJSEngine>
#include <QStandardPaths>
#include <QUrl>
#include <map>
#include <utility>

#include "park_controller.hpp"
#include "parktwin/model/model_files.hpp"
#include "parktwin/model/new_park.hpp"
#include "parktwin/model/object_index.hpp"
#include "parktwin/model/park_file.hpp"
#include "parktwin/model/validate.hpp"
#include "problem_text.hpp"
#include "selection_controller.hpp"
#include "server_link.hpp"
#include "server_model_fetch.hpp"
#include "timeline_controller.hpp"

namespace parktwin::app {
namespace {

ParkDocument* g_instance = nullptr;

QString localPath(const QString& pathOrUrl) {
  const QUrl url(pathOrUrl);
  return url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
}

// The first few problems, a line each, for the "save anyway?" question.
QString problemSummary(const std::vector<model::Problem>& problems, const QString& language) {
  constexpr std::size_t kShown = 5;
  QStringList lines;
  for (std::size_t i = 0; i < problems.size() && i < kShown; ++i) {
    lines.push_back(QString::fromStdString(problems[i].path) + ": " + ProblemText::of(problems[i].wording, language));
  }
  if (problems.size() > kShown) lines.push_back(QStringLiteral("…"));
  return lines.join('\n');
}

}  // namespace

ParkDocument::ParkDocument(ParkController& controller, QObject* parent) : QObject(parent), controller_(controller) {
  connect(&controller_, &ParkController::parkChanged, this, &ParkDocument::followController);
  followController();
  // After the controller's own slot, which compared the parks (connected in its constructor).
  connect(controller_.timeline(), &TimelineController::serverParkChanged, this, [this](const QByteArray& served) {
    if (!takeServerPark_ || served.isEmpty()) return;  // empty: the link closed
    takeServerPark_ = false;
    if (!controller_.serverParkDifference().isEmpty()) useServerParkNow();
    else selectPending();  // the server serves the park this window has open
  });
  connect(&controller_, &ParkController::parkChanged, this, [this] {
    if (selectProblem_.isEmpty()) return;
    selectProblem_.clear();  // it was about the park shown before
    emit selectProblemChanged();
  });
}

void ParkDocument::selectWhenShown(const QString& objectId) {
  pendingSelect_ = objectId;
  if (!takeServerPark_ && !fetchingServerModels_) selectPending();
}

void ParkDocument::selectPending() {
  if (pendingSelect_.isEmpty()) return;
  const QString id = std::exchange(pendingSelect_, QString());
  controller_.selection()->select(id);
  if (controller_.selection()->objectId() != id) {
    selectProblem_ = tr("--select %1: the park \"%2\" has no object with this id").arg(id, controller_.parkName());
    emit selectProblemChanged();
    return;
  }
  emit focusRequested(id);
}

ParkDocument::~ParkDocument() {
  if (g_instance == this) g_instance = nullptr;
}

ParkDocument* ParkDocument::create(QQmlEngine* qmlEngine, QJSEngine* jsEngine) {
  if (!g_instance) g_instance = new ParkDocument(*ParkController::create(qmlEngine, jsEngine), nullptr);
  QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
  return g_instance;
}

void ParkDocument::setInstance(ParkDocument* document) { g_instance = document; }

QString ParkDocument::fileName() const { return QFileInfo(filePath_).fileName(); }

QString ParkDocument::suggestedFileName() const {
  if (!untitled()) return fileName();
  const QString id = controller_.parkId();
  return (id.isEmpty() ? QStringLiteral("park") : id) + ".park.json";
}

// A park the controller opened by itself (the command line, a scenario's park) becomes the
// document's, unmodified; a failed load leaves the document as it was.
void ParkDocument::followController() {
  if (!controller_.loaded() || !controller_.errorText().isEmpty() || controller_.parkFile() == filePath_) return;
  adopt(controller_.parkFile());
}

void ParkDocument::adopt(const QString& path) {
  filePath_ = path;
  closeApproved_ = false;
  const bool wasModified = modified_;
  modified_ = false;
  revision_ = 0;
  emit fileChanged();
  if (wasModified) emit modifiedChanged();
}

bool ParkDocument::askFirst(const QString& action, const QString& path) {
  if (!modified_) return false;
  pendingAction_ = action;
  pendingPath_ = path;
  emit pendingChanged();
  return true;
}

void ParkDocument::newPark() {
  if (!askFirst("new")) newParkNow();
}

void ParkDocument::newParkNow() {
  if (controller_.presenting()) return;
  const model::Park park = model::newPark();  // the same new park as `parktwin-cli park new`
  closeOtherParksData(park.id);
  if (!controller_.showPark(park, QString())) return;
  adopt(QString());
  clearProblems();
}

void ParkDocument::useServerPark() {
  if (!askFirst("server")) useServerParkNow();
}

void ParkDocument::useServerParkNow() {
  ServerLink* link = controller_.timeline()->servedParkLink();
  if (!controller_.serverPark() || controller_.presenting() || fetchingServerModels_ || !link) {
    selectPending();  // nothing to take: --select goes to the park shown
    return;
  }
  // The server's model files first, into this desk's data folder (kept: a park saved from here
  // names them), so its buildings and machines are drawn as they are, not as boxes.
  const QUrl& server = link->base();
  const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + "/server-models/" +
                         server.host() + "_" + QString::number(server.port()) + "/" + QString::fromStdString(controller_.serverPark()->id);
  fetchingServerModels_ = true;
  emit fetchingServerModelsChanged();
  ServerModelFetch::start(*link, folder, [this, folder, file = filePath_, revision = revision_](const QHash<QString, QString>& localFiles) {
    fetchingServerModels_ = false;
    emit fetchingServerModelsChanged();
    // Not over a park opened or edited meanwhile; the server's park as it is now (a copy: the
    // controller's is replaced at the link's next connection).
    if (filePath_ != file || revision_ != revision || !controller_.serverPark() || controller_.presenting()) {
      selectPending();
      return;
    }
    model::Park park = *controller_.serverPark();
    std::map<std::string, std::string> local;
    for (auto it = localFiles.begin(); it != localFiles.end(); ++it) local[it.key().toStdString()] = it.value().toStdString();
    model::replaceModelUris(park, local);  // absolute: the park has no folder of its own yet
    // A model the server did not send keeps its uri, taken from the server's models' folder
    // here: not found there, it is named in the view's notice, never read from wherever this
    // process was started (QA: a desk started in a folder with ../models/ drew those files).
    showServerPark(std::move(park), folder);
    selectPending();
  }, this);
}

void ParkDocument::showServerPark(model::Park park, const QString& modelFolder) {
  // The live link or the replay stays: its data is this park's (the server's), whatever park was
  // shown before. Not marked unsaved: the server keeps the park, so closing loses nothing
  // (QA: closing asked to save a park nobody had changed); an edit from here marks it as usual.
  if (!controller_.showPark(std::move(park), QString(), modelFolder)) return;
  adopt(QString());
  clearProblems();
}

bool ParkDocument::open(const QString& pathOrUrl) {
  const QString path = localPath(pathOrUrl);
  if (askFirst("open", path)) return false;
  return openNow(path);
}

bool ParkDocument::openNow(const QString& path) {
  if (controller_.presenting()) return false;  // the audience keeps the park being presented
  // Absolute, so that problems of the open park's own file are known as its (objectAt).
  const QString absolute = QFileInfo(path).absoluteFilePath();
  auto park = model::loadParkListingProblems(absolute.toStdString());
  if (!park) {
    setProblems(absolute, park.error());
    return false;
  }
  closeOtherParksData(park->id);
  if (!controller_.showPark(std::move(*park), absolute)) return false;
  adopt(absolute);
  recent_.add(absolute);
  emit saved();
  clearProblems();
  return true;
}

// A replay or live feed belongs to its park: with another park its tags would colour nothing
// (or the wrong objects), so the timeline goes back to design values.
void ParkDocument::closeOtherParksData(const std::string& parkId) {
  if (controller_.loaded() && controller_.parkId().toStdString() != parkId) controller_.timeline()->close();
}

bool ParkDocument::requestClose() {
  return closeApproved_ || !askFirst("close");
}

void ParkDocument::resolvePending(const QString& choice) {
  if (pendingAction_.isEmpty()) return;
  if (choice == "save") {
    // saveAs goes on with the action once saved; a park with no file yet asks for one first
    // (saveAsRequested), and a failed save keeps the question open.
    save();
    return;
  }
  if (choice == "discard") {
    runPending();
    return;
  }
  pendingAction_.clear();
  pendingPath_.clear();
  emit pendingChanged();
}

void ParkDocument::runPending() {
  const QString action = pendingAction_, path = pendingPath_;
  pendingAction_.clear();
  pendingPath_.clear();
  emit pendingChanged();
  if (action == "new") newParkNow();
  if (action == "server") useServerParkNow();
  if (action == "open") openNow(path);
  if (action == "close") {
    closeApproved_ = true;
    emit closeApproved();
  }
  if (action != "new" && action != "server" && action != "open" && action != "close") emit pendingApproved(action, path);
}

bool ParkDocument::save() {
  if (untitled()) {
    emit saveAsRequested();
    return false;
  }
  return saveAs(filePath_);
}

bool ParkDocument::saveAs(const QString& pathOrUrl, bool despiteProblems) {
  const auto* park = controller_.park();
  if (!park) return false;
  QString path = localPath(pathOrUrl);
  if (!path.endsWith(".json")) path += ".park.json";
  const QString absolute = QFileInfo(path).absoluteFilePath();
  if (!despiteProblems) {
    // Nothing invalid is written without a warning that names the problems (issue 17).
    if (const auto problems = model::validatePark(*park); !problems.empty()) {
      emit saveWithProblemsRequested(absolute, int(problems.size()), problemSummary(problems, controller_.language()));
      return false;
    }
  }
  // Model uris name files from the park file's folder: the copy written elsewhere names the
  // same files from its own (Beidu saved to a home folder kept "../models/…", naming nothing).
  model::Park copy = *park;
  if (const QString from = controller_.parkFile(); !from.isEmpty()) model::relocateModels(copy, from.toStdString(), absolute.toStdString());
  if (auto saved = model::savePark(copy, absolute.toStdString(), controller_.language().toStdString()); !saved) {
    // The writer's words in the window's language, as the problem's own text (an empty wording
    // listed an empty problem).
    setProblems(absolute, {{"", saved.error().message, {.text = saved.error().message}}});
    return false;
  }
  adopt(absolute);
  emit saved();  // the editor's history marks this state as the file's
  recent_.add(absolute);
  // Read back what was written, as the next Open will: a park the reader refuses is shown
  // in Problems now, not discovered later.
  if (auto again = model::loadParkListingProblems(absolute.toStdString()); !again) setProblems(absolute, again.error());
  else clearProblems();
  if (!pendingAction_.isEmpty()) runPending();
  return true;
}

void ParkDocument::markModified() { setModified(true); }

void ParkDocument::setModified(bool modified) {
  ++revision_;
  // A park with no file (New, imported) matches no file until it is saved: undoing back to
  // where its history began leaves the unsaved mark on.
  modified_ = modified || (untitled() && modified_);
  if (modified) closeApproved_ = false;
  emit modifiedChanged();
}

void ParkDocument::clearProblems() {
  if (problems_.isEmpty() && problemsFile_.isEmpty()) return;
  problems_.clear();
  problemsFile_.clear();
  problemsAreNotes_ = false;
  emit problemsChanged();
}

void ParkDocument::showParkProblems(const QVariantList& problems) {
  if (problems.isEmpty()) {
    clearProblems();
    return;
  }
  problems_ = problems;
  problemsFile_ = filePath_;
  problemsAreNotes_ = false;
  emit problemsChanged();
}

void ParkDocument::showImportNotes(const QVariantList& notes) {
  showParkProblems(notes);
  problemsAreNotes_ = !notes.isEmpty();
  if (problemsAreNotes_) emit problemsChanged();
}

bool ParkDocument::isParkFile(const QString& pathOrUrl) const { return localPath(pathOrUrl).endsWith(".json"); }

void ParkDocument::setProblems(const QString& file, const std::vector<model::ParkProblem>& problems) {
  problems_.clear();
  for (const auto& p : problems) {
    const QString path = QString::fromStdString(p.path);
    problems_.push_back(QVariantMap{{"path", path},
                                    {"message", ProblemText::of(p.wording, controller_.language())},
                                    {"objectId", objectAt(path, file)}});
  }
  problemsFile_ = file;
  problemsAreNotes_ = false;
  emit problemsChanged();
}

// The open park's object a problem's path points into (/buildings/3/height_m: the id at
// /buildings/3 in the file), when the file is the open park's; else "".
QString ParkDocument::objectAt(const QString& pointer, const QString& file) const {
  const QStringList steps = pointer.split('/');
  bool isIndex = false;
  const int index = steps.value(2).toInt(&isIndex);
  if (file != filePath_ || steps.size() < 3 || !isIndex || !controller_.objectIndex()) return {};
  QFile in(file);
  if (!in.open(QIODevice::ReadOnly)) return {};
  const QJsonValue item = QJsonDocument::fromJson(in.readAll()).object().value(steps[1]).toArray().at(index);
  const QString id = item.toObject().value("id").toString();
  return controller_.objectIndex()->find(id.toStdString()) ? id : QString();
}

}  // namespace parktwin::app
