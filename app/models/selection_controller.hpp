#pragma once
// The selected object of the open park and what the window says about it: its name, kind and
// building, the inspector's rows, its live or replayed tag values, where the camera should look
// at it, and the tooltip of an object under the pointer.
#include <QColor>
#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <string>

#include "parktwin/model/object_index.hpp"

namespace parktwin::model {
struct Building;
struct ProductionLine;
struct Utility;
struct Enterprise;
}

namespace parktwin::app {

class ParkController;

class SelectionController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Provided by ParkController")
  // The selected object's id; "" when nothing is selected.
  Q_PROPERTY(QString objectId READ objectId NOTIFY changed)
  Q_PROPERTY(QString name READ name NOTIFY changed)
  // "park", "link", "building", "line", "machines", "utility", "external" or "enterprise".
  Q_PROPERTY(QString type READ type NOTIFY changed)
  // The building the selected object is in (a building names itself).
  Q_PROPERTY(QString building READ building NOTIFY changed)
  // The inspector's rows: {label, value}.
  Q_PROPERTY(QVariantList inspector READ inspector NOTIFY changed)
  // Live or replayed values of the selected object's tags: {label, value, tag, analog, source}.
  Q_PROPERTY(QVariantList liveRows READ liveRows NOTIFY liveRowsChanged)

 public:
  explicit SelectionController(ParkController& park, QObject* parent = nullptr);

  // Selects an object of the open park by id ("" or an unknown id selects nothing).
  Q_INVOKABLE void select(const QString& objectId);
  // Where to look at an object: {position, radius, points} in scene metres; empty if unknown.
  Q_INVOKABLE QVariantMap focusOf(const QString& objectId) const;
  // An object's name in the display language, with its kind: for tooltips.
  Q_INVOKABLE QString describe(const QString& objectId) const;
  // A line state code (0 running .. 4 starved of metal) in words and in the scene's colour.
  Q_INVOKABLE QString stateName(int state) const;
  Q_INVOKABLE QColor stateColorOf(int state) const;

  // A new park: nothing selected, without telling QML yet (ParkController tells it once the
  // whole park is in place).
  void forget();
  // The timeline's values changed: the live rows follow, and the sparklines asked for them.
  void valuesChanged();

  QString objectId() const { return objectId_; }
  QString name() const;
  QString type() const;
  QString building() const { return building_; }
  QVariantList inspector() const;
  QVariantList liveRows() const;

 signals:
  void changed();
  void liveRowsChanged();

 private:
  // The inspector's rows by kind of object (selection_inspector.cpp).
  void addObjectRows(QVariantList& rows, const std::string& id) const;
  void addParkRows(QVariantList& rows) const;
  void addLinkRows(QVariantList& rows) const;
  void addBuildingRows(QVariantList& rows, const model::Building& b) const;
  void addLineRows(QVariantList& rows, const model::ProductionLine& l) const;
  void addUtilityRows(QVariantList& rows, const model::Utility& u) const;
  void addEnterpriseRows(QVariantList& rows, const model::Enterprise& e) const;
  void addExternalRows(QVariantList& rows, const std::string& id) const;
  void addMachineGroupRows(QVariantList& rows, const std::string& id) const;
  void addFlowRows(QVariantList& rows) const;
  QString stateTagOf(const QString& objectId) const;
  QStringList analogTagsShown() const;

  // What is selected: nothing, the park, a flow link, or one of the park's objects.
  enum class Selected { nothing, park, link, object };

  ParkController& controller_;
  const model::Park& park() const;  // the open park: only asked while one is open
  QString objectId_, building_;
  QStringList sparklineTags_;  // the tags whose sparklines were last asked of the timeline
  Selected selected_ = Selected::nothing;
  model::ObjectType objectType_ = model::ObjectType::building;  // when selected_ is object
};

}  // namespace parktwin::app
