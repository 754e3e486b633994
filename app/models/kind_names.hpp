#pragma once
// Human names of kinds. The park format's kinds (smelter, die_bonder, ...) have their zh and
// en names in twin/model (kinds.hpp), next to their words; the app's own object types (park,
// enterprise, building, line, ...) go through Qt Linguist.
#include <QString>

#include "parktwin/model/kinds.hpp"

namespace parktwin::app {

// "park", "enterprise", "building", "utility", "external", "line", "machines", "group", "link";
// other words as given.
QString kindName(const QString& objectType);

// A park kind's word as files write it ("smelter"), for model roles and ids.
template <model::KindEnum Kind>
QString kindWord(Kind kind) {
  const std::string_view word = model::toText(kind);
  return QString::fromUtf8(word.data(), static_cast<qsizetype>(word.size()));
}

// A park kind's name in `language` ("zh" or "en").
template <model::KindEnum Kind>
QString kindName(Kind kind, const QString& language) {
  const std::string_view name = model::displayName(kind, language.toStdString());
  return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

}  // namespace parktwin::app
