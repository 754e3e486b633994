#pragma once
// The open park's file: New, Open, Save, Save as, the recent files, whether there are unsaved
// changes, and the problems of a file that would not open. It reads and writes with twin/model
// (loadParkListingProblems, savePark) and hands a park that opened to ParkController, so the
// whole window (scene, lists, flows, timeline, title) switches to it. A file with problems
// never replaces the open park.
//
// Unsaved changes: the editor calls markModified() after each change. New, Open and closing
// the window then ask first: the action waits in pendingAction, the window shows the question,
// and resolvePending("save" | "discard" | "cancel") finishes or drops it.
#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <string>
#include <vector>

#include "recent_files.hpp"

class QQmlEngine;
class QJSEngine;

namespace parktwin::model {
struct ParkProblem;
struct Park;
}

namespace parktwin::app {

class ParkController;

class ParkDocument : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_SINGLETON
  Q_PROPERTY(QString filePath READ filePath NOTIFY fileChanged)  // "" for a new park never saved
  Q_PROPERTY(QString fileName READ fileName NOTIFY fileChanged)
  Q_PROPERTY(bool untitled READ untitled NOTIFY fileChanged)
  Q_PROPERTY(bool modified READ modified NOTIFY modifiedChanged)
  // Counts markModified() calls since the park was opened: the editor's change number.
  Q_PROPERTY(int revision READ revision NOTIFY modifiedChanged)
  Q_PROPERTY(parktwin::app::RecentFiles* recent READ recent CONSTANT)
  // The problems of problemsFile: {path (JSON Pointer, "" for the whole file), message,
  // objectId (the open park's object the path points at, else "")}.
  Q_PROPERTY(QVariantList problems READ problems NOTIFY problemsChanged)
  Q_PROPERTY(QString problemsFile READ problemsFile NOTIFY problemsChanged)
  // The list is notes of an import (what it assumed: a default height, a name in one language),
  // not problems: the park is valid and saves as it is.
  Q_PROPERTY(bool problemsAreNotes READ problemsAreNotes NOTIFY problemsChanged)
  // What waits for the answer to "save the changes?": "", "new", "open" or "close".
  Q_PROPERTY(QString pendingAction READ pendingAction NOTIFY pendingChanged)
  // useServerPark is fetching the server's 3D model files (the banner's button waits).
  Q_PROPERTY(bool fetchingServerModels READ fetchingServerModels NOTIFY fetchingServerModelsChanged)
  // Why selectWhenShown selected nothing ("--select x: ..."), in the window's language; "" else.
  Q_PROPERTY(QString selectProblem READ selectProblem NOTIFY selectProblemChanged)

 public:
  ParkDocument(ParkController& controller, QObject* parent);
  ~ParkDocument() override;
  // The application creates one document before loading QML; QML (and the tests) get that one.
  static ParkDocument* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);
  static void setInstance(ParkDocument* document);

  QString filePath() const { return filePath_; }
  QString fileName() const;
  bool untitled() const { return filePath_.isEmpty(); }
  bool modified() const { return modified_; }
  int revision() const { return revision_; }
  RecentFiles* recent() { return &recent_; }
  QVariantList problems() const { return problems_; }
  QString problemsFile() const { return problemsFile_; }
  bool problemsAreNotes() const { return problemsAreNotes_; }
  QString pendingAction() const { return pendingAction_; }
  bool fetchingServerModels() const { return fetchingServerModels_; }
  QString selectProblem() const { return selectProblem_; }

  // Each of these asks first when there are unsaved changes (see above).
  Q_INVOKABLE void newPark();
  // The park of the server this window is live from, where it differs from this one (the
  // banner's button): shown as a park with no file yet, marked unsaved so closing asks to save it.
  Q_INVOKABLE void useServerPark();
  // Takes the server's park (as useServerPark) as soon as it first arrives, where it differs from
  // this one: a window started with --server and no park shows what the server serves, not the
  // default park (QA: a desk could not join a server of a park it did not have).
  Q_INVOKABLE void takeServerParkWhenServed() { takeServerPark_ = true; }
  // --select: selects the object once the park the window keeps is shown, and asks the view to
  // fly to it (focusRequested): at once, or, while takeServerParkWhenServed waits, once the
  // server's park is taken (QA: --server --select without --park selected in the default park,
  // which the server's then replaced). An id the park lacks is said in selectProblem.
  Q_INVOKABLE void selectWhenShown(const QString& objectId);
  // A path or a file:// URL (from a file dialog or a drop). False when it waits for the
  // question, or when the file has problems (then listed in `problems`).
  Q_INVOKABLE bool open(const QString& pathOrUrl);
  // True when the window may close now; else the question is asked and closeApproved follows.
  Q_INVOKABLE bool requestClose();
  Q_INVOKABLE void resolvePending(const QString& choice);
  // For actions of other models that replace the park (File → Import GeoJSON…): true when the
  // question is asked first; the action then goes on at pendingApproved(action, path).
  bool askBefore(const QString& action, const QString& path) { return askFirst(action, path); }

  // A park never saved has no file: save() then asks for one (saveAsRequested) and returns false.
  Q_INVOKABLE bool save();
  // A park that breaks rules (validatePark) is not written at once: saveWithProblemsRequested
  // names its problems first, and only `despiteProblems` (the user's "Save anyway") writes it.
  Q_INVOKABLE bool saveAs(const QString& pathOrUrl, bool despiteProblems = false);
  // The name Save as offers: the park's file, or for a park never saved "<park id>.park.json",
  // as parktwin-cli park new names its file.
  Q_INVOKABLE QString suggestedFileName() const;
  Q_INVOKABLE void markModified();
  // The editor's word on whether the park differs from its file: its history's saved mark, so
  // undoing back to what was saved clears the unsaved mark. A park never saved (New, imported)
  // keeps the mark once it has it, until saved.
  void setModified(bool modified);
  Q_INVOKABLE void clearProblems();
  // The open park's problems after an edit (ParkEditor), live: entries as in `problems`; an
  // empty list clears the panel.
  void showParkProblems(const QVariantList& problems);
  // The notes of an import that made the open park (GeoJsonImporter): entries as in `problems`.
  void showImportNotes(const QVariantList& notes);
  // Whether a dropped URL names a park file (*.park.json or *.json).
  Q_INVOKABLE bool isParkFile(const QString& pathOrUrl) const;

 signals:
  void fileChanged();
  void modifiedChanged();
  void problemsChanged();
  void pendingChanged();
  void fetchingServerModelsChanged();
  void selectProblemChanged();
  void focusRequested(const QString& objectId);  // selectWhenShown selected it: the camera goes there
  void saveAsRequested();
  // The park has `count` problems (`summary`: the first few, "path: message" a line); saving to
  // `path` waits for saveAs(path, true).
  void saveWithProblemsRequested(const QString& path, int count, const QString& summary);
  void closeApproved();
  void saved();  // the park was written to its file
  void pendingApproved(const QString& action, const QString& path);  // an askBefore action may go on

 private:
  bool openNow(const QString& path);
  void newParkNow();
  void useServerParkNow();
  void selectPending();  // selectWhenShown's object, now that the park is the one kept
  void showServerPark(model::Park park, const QString& modelFolder);
  void closeOtherParksData(const std::string& parkId);
  void adopt(const QString& path);
  void followController();
  bool askFirst(const QString& action, const QString& path = {});
  void runPending();
  void setProblems(const QString& file, const std::vector<model::ParkProblem>& problems);
  QString objectAt(const QString& pointer, const QString& file) const;

  ParkController& controller_;
  RecentFiles recent_;
  QString filePath_;
  bool modified_ = false;
  int revision_ = 0;
  QVariantList problems_;
  QString problemsFile_;
  bool problemsAreNotes_ = false;
  QString pendingAction_, pendingPath_;
  bool closeApproved_ = false;
  bool fetchingServerModels_ = false;
  bool takeServerPark_ = false;
  QString pendingSelect_, selectProblem_;
};

}  // namespace parktwin::app
