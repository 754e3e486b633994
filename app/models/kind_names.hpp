#pragma once
// Human names of the park format's kinds (smelter, die_bonder, ...), through Qt Linguist.
#include <QString>

namespace parktwin::app {

QString kindName(const QString& kind);

}  // namespace parktwin::app
