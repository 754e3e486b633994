#pragma once
// The flows' notes and warnings are model::LocalizedText (zh, en), written where the rule that
// makes them lives. In the English a park object is its id, as it always was (tests and
// scripts read it); in the Chinese it is its Chinese name with the id, "屋顶光伏（roof-pv）", so
// the reader knows it and can still find it in the park file.
#include <string>

#include "parktwin/model/park.hpp"

namespace parktwin::flow::detail {

inline std::string zhNamed(const model::Park& park, const std::string& id) {
  const std::string name = model::objectName(park, id, "zh");
  return name.empty() || name == id ? id : name + "（" + id + "）";
}

}  // namespace parktwin::flow::detail
