#pragma once
// How two versions of one park differ, for a window that shows a server's live values on its own
// copy of the park file: objects and tags only in one of them (their values or their boxes are
// missing on the other side), and whether anything else differs (sizes, names, rules).
#include <string>
#include <vector>

#include "parktwin/model/park.hpp"

namespace parktwin::model {

struct ParkDifference {
  std::vector<std::string> objects_only_here, objects_only_there;  // ids, in park order
  std::vector<std::string> tags_only_here, tags_only_there;
  // Ids on both sides with other values (a building's size, a line's power, a tag's unit, a
  // link's capacity, an alarm rule's bound), in park order, section by section.
  std::vector<std::string> other_values;
  bool park_fields_differ = false;  // the park's own fields (name, place, factors)
  bool empty() const {
    return objects_only_here.empty() && objects_only_there.empty() && tags_only_here.empty() && tags_only_there.empty() &&
           other_values.empty() && !park_fields_differ;
  }
};

ParkDifference differenceBetween(const Park& here, const Park& there);

}  // namespace parktwin::model
