#include "kind_names.hpp"

#include <QCoreApplication>
#include <QHash>

namespace parktwin::app {

QString kindName(const QString& objectType) {
  static const QHash<QString, const char*> names{
      {"park", QT_TRANSLATE_NOOP("Kind", "Industrial park")},
      {"enterprise", QT_TRANSLATE_NOOP("Kind", "Enterprise")},
      {"building", QT_TRANSLATE_NOOP("Kind", "Building")},
      {"utility", QT_TRANSLATE_NOOP("Kind", "Utility")},
      {"external", QT_TRANSLATE_NOOP("Kind", "External partner")},
      {"line", QT_TRANSLATE_NOOP("Kind", "Production line")},
      {"machines", QT_TRANSLATE_NOOP("Kind", "Machine group")},
      {"group", QT_TRANSLATE_NOOP("Kind", "Group")},
      {"link", QT_TRANSLATE_NOOP("Kind", "Flow link")}};
  const auto it = names.find(objectType);
  return it == names.end() ? objectType : QCoreApplication::translate("Kind", it.value());
}

}  // namespace parktwin::app
