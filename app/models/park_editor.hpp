#pragma once
// Edit mode: the window's editor of the open park. It holds the EditHistory (twin/model) over
// the park and only issues its EditCommands, so every rule stays in twin/ and the CLI edits
// the same way. After each edit, undo or redo it shows the edited park (ParkController::
// showEditedPark: scene, lists, labels, inspector; no camera fit), tells ParkDocument the park
// changed (markModified, so Save writes the edited park) and lists validatePark's problems in
// the Problems panel, live. Presentation mode never edits.
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/model/edit.hpp"

class QQmlEngine;
class QJSEngine;

namespace parktwin::model {
class EditHistory;
struct Problem;
}

namespace parktwin::app {

class ParkController;
class ParkDocument;

class ParkEditor : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_SINGLETON
  Q_PROPERTY(bool editing READ editing WRITE setEditing NOTIFY editingChanged)
  // The history list in the window's language, oldest first; the first undoCount are done.
  Q_PROPERTY(QStringList history READ history NOTIFY historyChanged)
  Q_PROPERTY(int undoCount READ undoCount NOTIFY historyChanged)
  Q_PROPERTY(bool canUndo READ canUndo NOTIFY historyChanged)
  Q_PROPERTY(bool canRedo READ canRedo NOTIFY historyChanged)
  // The selected building's editable fields: {id, nameZh, nameEn, kind, widthM, depthM,
  // heightM, xM, yM, rotationDeg}; empty when no building is selected.
  Q_PROPERTY(QVariantMap building READ building NOTIFY buildingChanged)
  // Building kinds as files write them (the palette and the kind field).
  Q_PROPERTY(QStringList buildingKinds READ buildingKinds CONSTANT)
  // The palette's kind at first: a workshop, the generic hall (the first kind is a smelter).
  Q_PROPERTY(QString defaultBuildingKind READ defaultBuildingKind CONSTANT)
  // Why the last edit was refused ("" when it applied).
  Q_PROPERTY(QString lastError READ lastError NOTIFY historyChanged)
  // Buildings and utilities standing on each other's ground (model::groundOverlaps), for the
  // panel: {text (in the window's language, with names), objectId (the later one in the file)}.
  Q_PROPERTY(QVariantList overlaps READ overlaps NOTIFY historyChanged)

 public:
  ParkEditor(ParkController& controller, ParkDocument& document, QObject* parent);
  ~ParkEditor() override;
  static ParkEditor* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);
  // The application makes one before loading QML; null until then (tests make theirs in create).
  static void setInstance(ParkEditor* editor);
  static ParkEditor* instance();
  // For the window's other editors (ObjectForms): one command, one history entry.
  bool issueEdit(const model::EditCommand& command) { return issue(command, true); }

  bool editing() const { return editing_; }
  void setEditing(bool editing);
  QStringList history() const;
  int undoCount() const;
  bool canUndo() const;
  bool canRedo() const;
  QVariantMap building() const;
  QStringList buildingKinds() const;
  QString defaultBuildingKind() const;
  QString lastError() const { return lastError_; }
  QVariantList overlaps() const { return overlaps_; }

  // A kind word in the window's language.
  Q_INVOKABLE QString kindName(const QString& word) const;
  // The centre a drag to (xM, yM) in park metres lands on (building_snap.hpp): {xM, yM}.
  Q_INVOKABLE QVariantMap snapped(const QString& id, double xM, double yM) const;
  // A drag step: moves the building to (xM, yM), snapped unless `snap` is false. The steps of
  // one drag make one history entry, until endDrag().
  Q_INVOKABLE bool dragTo(const QString& id, double xM, double yM, bool snap);
  Q_INVOKABLE void endDrag();
  Q_INVOKABLE bool moveBuilding(const QString& id, double xM, double yM);
  Q_INVOKABLE bool rotateBy(const QString& id, double degrees);
  Q_INVOKABLE bool resize(const QString& id, double widthM, double depthM, double heightM);
  // Steps of a handle drag (BuildingHandles.qml): one history entry until endDrag().
  Q_INVOKABLE bool dragRotation(const QString& id, double rotationDeg);
  Q_INVOKABLE bool dragSize(const QString& id, double widthM, double depthM);
  Q_INVOKABLE bool setName(const QString& id, const QString& language, const QString& text);
  Q_INVOKABLE bool setKind(const QString& id, const QString& word);
  // The new building's id ("" if refused); it becomes the selection.
  Q_INVOKABLE QString duplicate(const QString& id);
  Q_INVOKABLE QString addBuilding(const QString& kindWord, double xM, double yM);
  Q_INVOKABLE bool remove(const QString& id);
  Q_INVOKABLE bool undo();
  Q_INVOKABLE bool redo();
  // Undoes (or redoes) until `count` entries are done: a click on the history list.
  Q_INVOKABLE void undoTo(int count);
  // Applies one edit command through the history (seal: it ends its entry; false while a drag
  // goes on), for the other editors of the window (zones, roads, links: shape_editor.hpp).
  bool issue(const model::EditCommand& command, bool seal);

 signals:
  void editingChanged();
  void historyChanged();
  void buildingChanged();

 private:
  model::EditHistory* ensureHistory();
  bool show(Result<std::vector<model::Problem>> outcome, bool placesOnly = false);
  void listProblems(const std::vector<model::Problem>& problems);
  QString objectAt(const std::string& pointer) const;
  int buildingIndex(const QString& id) const;
  QString unusedBuildingId(const QString& stem) const;
  void forgetPark();
  void refreshOverlaps();  // after every change of the park or the language; the panel reads the list

  ParkController& controller_;
  ParkDocument& document_;
  std::unique_ptr<model::EditHistory> history_;
  bool editing_ = false;
  QString lastError_;
  QVariantList overlaps_;
};

}  // namespace parktwin::app
