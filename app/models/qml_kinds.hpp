#pragma once
// The park's kinds for QML (Kinds.Smelter, Kinds.Potline, Kinds.Critical): the values of
// model::BuildingKind, model::LineKind and model::Severity under the names QML can read.
// The words and names stay in twin/model (kinds.hpp); this only mirrors the numbers, and
// unmatchedWords() (tst_kinds.qml) proves every model value has its QML name.
#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include "parktwin/model/kinds.hpp"

namespace parktwin::app {

class Kinds : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_SINGLETON

 public:
  using B = model::BuildingKind;
  enum Building {
    Smelter = int(B::smelter), Plant = int(B::plant), Workshop = int(B::workshop),
    Cleanroom = int(B::cleanroom), Warehouse = int(B::warehouse), Office = int(B::office),
    Substation = int(B::substation), Port = int(B::port), Utility = int(B::utility), Lab = int(B::lab),
    Dam = int(B::dam)
  };
  Q_ENUM(Building)

  using L = model::LineKind;
  enum Line {
    Potline = int(L::potline), RodCasting = int(L::rod_casting), Extrusion = int(L::extrusion),
    DieCasting = int(L::die_casting), ChassisCasting = int(L::chassis_casting), Forging = int(L::forging),
    Machining = int(L::machining), Recycling = int(L::recycling), PlateStrip = int(L::plate_strip),
    DieBonding = int(L::die_bonding), CylinderHead = int(L::cylinder_head), FuelCell = int(L::fuel_cell),
    Storage = int(L::storage), Assembly = int(L::assembly)
  };
  Q_ENUM(Line)

  using S = model::Severity;
  enum Severity { Info = int(S::info), Warning = int(S::warning), Critical = int(S::critical) };
  Q_ENUM(Severity)

  explicit Kinds(QObject* parent = nullptr) : QObject(parent) {}

  // Model words with no QML name of the same value ("building dam" if Dam were missing or
  // had another number); empty when the mirror is whole.
  Q_INVOKABLE QStringList unmatchedWords() const;
};

}  // namespace parktwin::app
