#pragma once
// A tag, or any item of a park, as people read it in a list: names from the park file, not ids.
#include <string>

#include "parktwin/model/park.hpp"

namespace parktwin::model {

// The tag in `language` ("zh" or "en"): the name of the object it measures and its own name,
// "Hall 3 · Hall temperature"; the tag's name alone where it already says the object's
// ("Potline 1 current"). A tag with no name in that language reads as its kind and unit in
// words, "Hall 3 · Analog value (°C)". Never the id: a list shows that beside it, small.
std::string tagLabel(const Park& park, const Tag& tag, const std::string& language);

// Any id of the park as people read it in `language`: an object's name (objectName), a tag's
// label (tagLabel), a road's name, a link's ends by name ("Potline 1 → Casthouse"), an alarm
// rule by its tag's label; the id itself only where the park has nothing else to call it by.
std::string itemName(const Park& park, const std::string& id, const std::string& language);

}  // namespace parktwin::model
