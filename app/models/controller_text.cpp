#include "controller_text.hpp"

#include <QCoreApplication>

namespace parktwin::app {

QString tagValueText(const model::Tag& tag, double value) {
  if (tag.kind == model::TagKind::boolean) {
    return value != 0 ? QCoreApplication::translate("TagValue", "on") : QCoreApplication::translate("TagValue", "off");
  }
  const QString unit = q(model::displayUnit(tag.unit));
  const QString text = number(value, model::displayDecimals(tag, value));
  return unit.isEmpty() || unit == "state" ? text : text + " " + unit;
}

}  // namespace parktwin::app
