#pragma once
// Edit mode's material and energy links: the Link tool (qml/scene/ShapeTools.qml) picks two
// objects, the link form (qml/panels/LinkForm.qml) asks product or carrier and capacity, and
// this issues AddMaterialLink / AddEnergyLink through ParkEditor (undo, unsaved mark,
// Problems as for every edit). The flow overlay is solved again with each edit, so the new
// link draws at once. Products and carriers are the words the park reader accepts.
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace parktwin::app {

class ParkController;
class ParkEditor;

class LinkEditor : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_SINGLETON
  Q_PROPERTY(QStringList products READ products CONSTANT)
  Q_PROPERTY(QStringList carriers READ carriers CONSTANT)
  // Bumped with every change of the park, so bindings on linksOf() read it again.
  Q_PROPERTY(int revision READ revision NOTIFY linksChanged)

 public:
  LinkEditor(ParkController& controller, ParkEditor& editor, QObject* parent);
  static LinkEditor* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);

  QStringList products() const;
  QStringList carriers() const;
  int revision() const { return revision_; }

  // A product's or carrier's name in the window's language.
  Q_INVOKABLE QString productName(const QString& word) const;
  Q_INVOKABLE QString carrierName(const QString& word) const;
  // What a link may start or end at, for a picked object id: a building, line, utility or
  // external as it is; a machine group as its line; anything else "".
  Q_INVOKABLE QString endpointOf(const QString& objectId) const;
  // The new link's id, "" if refused (the reason in ParkEditor.lastError).
  Q_INVOKABLE QString addMaterialLink(const QString& from, const QString& to, const QString& product,
                                      double capacityTPerHour);
  Q_INVOKABLE QString addEnergyLink(const QString& from, const QString& to, const QString& carrier, double capacityKw);
  Q_INVOKABLE bool removeLink(const QString& id);
  // The links that start or end at `objectId`: [{id, type ("material" | "energy"), from, to,
  // title ("from → to" by the ends' names), what (product or carrier name), capacity (with its unit)}].
  Q_INVOKABLE QVariantList linksOf(const QString& objectId) const;

 signals:
  void linksChanged();

 private:
  QString unusedId(const QString& from, const QString& to) const;

  ParkController& controller_;
  ParkEditor& editor_;
  int revision_ = 0;
};

}  // namespace parktwin::app
