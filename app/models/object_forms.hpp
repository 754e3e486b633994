#pragma once
// Edit mode's inspector forms for every object but buildings (EditorPanel has those): the
// selected enterprise, line, machine group, utility or external node, with the tags on it and
// the alarm rules on those tags, as cards of fields (object_form_fields.hpp). Each change is
// one edit command through ParkEditor (SetField by JSON Pointer, or an add or remove command
// of twin/model's edit_objects.hpp), so it is validated, undoable and shown at once: the
// scene (a machine group's grid included), the Problems panel and the saved file.
#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <string>

class QQmlEngine;
class QJSEngine;

namespace parktwin::model {
struct Park;
}

namespace parktwin::app {

class ParkController;
class ParkEditor;

class ObjectForms : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_SINGLETON
  // The selected object's cards, then the cards of its tags and their alarm rules.
  Q_PROPERTY(QVariantList cards READ cards NOTIFY cardsChanged)
  // What can be added for the selection: [{kind, label}], kinds as add() takes them.
  Q_PROPERTY(QVariantList additions READ additions NOTIFY cardsChanged)

 public:
  ObjectForms(ParkController& controller, ParkEditor& editor, QObject* parent);
  static ObjectForms* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);

  QVariantList cards() const;
  QVariantList additions() const;

  // Sets the field at `pointer` from what the form holds: a string for text and kind fields
  // (kind "" removes an optional kind), a number, a bool; for optionalNumber "" removes it.
  Q_INVOKABLE bool setValue(const QString& pointer, const QString& type, const QVariant& value);
  // Adds an object of `kind` ("enterprise", "line", "machines", "utility", "external", "tag")
  // for the selection, at (xM, yM) when it stands on its own; its id ("" if refused).
  Q_INVOKABLE QString add(const QString& kind, double xM, double yM);
  Q_INVOKABLE QString addAlarmRule(const QString& tagId);
  Q_INVOKABLE bool remove(const QString& kind, const QString& id);

 signals:
  void cardsChanged();

 private:
  QVariantList ownCards(const model::Park& park, const std::string& id) const;
  QVariantList tagCards(const model::Park& park, const std::string& objectId) const;
  QString addForSelection(const QString& kind, const model::Park& park, double xM, double yM);
  QString unusedId(const QString& stem) const;

  ParkController& controller_;
  ParkEditor& editor_;
};

}  // namespace parktwin::app
