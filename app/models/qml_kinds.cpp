#include "qml_kinds.hpp"

#include <QMetaEnum>

namespace parktwin::app {
namespace {

// rod_casting -> RodCasting: the QML name of a model word.
QString qmlName(std::string_view word) {
  QString name;
  bool upper = true;
  for (char c : word) {
    if (c == '_') {
      upper = true;
      continue;
    }
    name += upper ? QChar(c).toUpper() : QChar(c);
    upper = false;
  }
  return name;
}

template <model::KindEnum Kind>
void addUnmatched(const QMetaEnum& qmlEnum, const QString& what, QStringList& out) {
  const auto table = model::kindTable<Kind>();
  if (qmlEnum.keyCount() != static_cast<int>(table.size())) {
    out << QString("%1: %2 QML names for %3 words").arg(what).arg(qmlEnum.keyCount()).arg(table.size());
  }
  for (const auto& entry : table) {
    bool found = false;
    const int value = qmlEnum.keyToValue(qmlName(entry.text).toUtf8().constData(), &found);
    if (!found || value != static_cast<int>(entry.value)) out << what + " " + QString::fromUtf8(entry.text);
  }
}

}  // namespace

QStringList Kinds::unmatchedWords() const {
  QStringList out;
  addUnmatched<model::BuildingKind>(QMetaEnum::fromType<Building>(), "building", out);
  addUnmatched<model::LineKind>(QMetaEnum::fromType<Line>(), "line", out);
  addUnmatched<model::Severity>(QMetaEnum::fromType<Severity>(), "severity", out);
  return out;
}

}  // namespace parktwin::app
