#pragma once
// The park a person starts from: the window's File → New and `parktwin-cli park new` both open
// this one, so the two cannot drift apart (a new park from either saves as the same file).
#include "parktwin/model/park.hpp"

namespace parktwin::model {

// The least a park file must hold, valid as it stands (validatePark finds nothing): an id, a
// name in both languages, a place, an area and the grid's emission factor; no objects yet.
Park newPark();

}  // namespace parktwin::model
