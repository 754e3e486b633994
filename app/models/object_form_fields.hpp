#pragma once
// The inspector forms' cards (ObjectForms): one card per object, a list of fields that QML
// draws as rows. A field names its JSON Pointer in the park file, so a change becomes one
// SetField edit command, and the Problems panel's paths point at the same place.
// Card:  {kind, id, title, pointer, fields: [field...]}
// Field: {type: "names"|"text"|"number"|"integer"|"optionalNumber"|"bool"|"kind",
//         label (with its unit), pointer, value; names: zh, en; kind: options [{word, name}]}
//         (a reference to a building or enterprise is a "kind" whose words are the ids)
#include <QCoreApplication>
#include <QString>
#include <QVariantList>
#include <QVariantMap>

#include "parktwin/model/park.hpp"

namespace parktwin::app {

class ObjectFormCards {
  Q_DECLARE_TR_FUNCTIONS(ObjectFormCards)

 public:
  // `pointer`: the object's place in the file ("/lines/3"); `language` for kind names.
  static QVariantMap enterprise(const model::Enterprise& e, const std::string& pointer, const QString& language);
  // A line's and a utility's building and operator are chosen by name from `park`'s.
  static QVariantMap line(const model::ProductionLine& l, const std::string& pointer, const QString& language,
                          const model::Park& park);
  static QVariantMap machineGroup(const model::MachineGroup& g, const std::string& pointer, const QString& language);
  static QVariantMap utility(const model::Utility& u, const std::string& pointer, const QString& language,
                             const model::Park& park);
  static QVariantMap external(const model::ExternalNode& n, const std::string& pointer, const QString& language);
  static QVariantMap tag(const model::Tag& t, const std::string& pointer, const QString& language);
  static QVariantMap alarmRule(const model::AlarmRule& a, const std::string& pointer, const QString& language);
  // The park's own fields (its header): a new park's "New park" / new-park and its place.
  static QVariantMap park(const model::Park& park);
};

}  // namespace parktwin::app
