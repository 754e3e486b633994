#include "parktwin/model/tag_label.hpp"

namespace parktwin::model {

std::string tagLabel(const Park& park, const Tag& tag, const std::string& language) {
  std::string own = tag.name.in(language);
  if (own.empty()) {
    own = std::string(displayName(tag.kind, language));
    const std::string unit = displayUnit(tag.unit);
    if (!unit.empty() && tag.unit != "state") own += language == "zh" ? "（" + unit + "）" : " (" + unit + ")";
  }
  const std::string object = objectName(park, tag.object, language);
  if (object.empty() || own.find(object) != std::string::npos) return own;
  return object + " · " + own;
}

}  // namespace parktwin::model
