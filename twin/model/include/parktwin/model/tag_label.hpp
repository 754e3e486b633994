#pragma once
// A tag as people read it in a list of live values: names from the park file, not ids.
#include <string>

#include "parktwin/model/park.hpp"

namespace parktwin::model {

// The tag in `language` ("zh" or "en"): the name of the object it measures and its own name,
// "Hall 3 · Hall temperature"; the tag's name alone where it already says the object's
// ("Potline 1 current"). A tag with no name in that language reads as its kind and unit in
// words, "Hall 3 · Analog value (°C)". Never the id: a list shows that beside it, small.
std::string tagLabel(const Park& park, const Tag& tag, const std::string& language);

}  // namespace parktwin::model
