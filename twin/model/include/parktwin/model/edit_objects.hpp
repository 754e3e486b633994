#pragma once
// Edit commands that add or remove the park's other objects (edit.hpp has the buildings,
// zones, roads and links; their fields are set with SetField). A removal takes what only
// makes sense with the object: a line its machine groups, and any removed object the tags on
// it, the links to or from it and the alarm rules on those tags; an enterprise's buildings
// and lines stay, without an owner.
#include <string>

#include "parktwin/model/park.hpp"

namespace parktwin::model {

struct AddEnterprise {  // appended; the id must be new
  Enterprise enterprise;
};
struct RemoveEnterprise {
  std::string id;
};
struct AddLine {  // appended, with its machine groups (ids must be new)
  ProductionLine line;
};
struct RemoveLine {
  std::string id;
};
struct AddMachineGroup {  // appended to the line's groups
  std::string line;
  MachineGroup group;
};
struct RemoveMachineGroup {
  std::string id;
};
struct AddUtility {
  Utility utility;
};
struct RemoveUtility {
  std::string id;
};
struct AddExternal {
  ExternalNode external;
};
struct RemoveExternal {
  std::string id;
};
struct AddTag {
  Tag tag;
};
struct RemoveTag {  // with the alarm rules on it
  std::string id;
};
struct AddAlarmRule {
  AlarmRule rule;
};
struct RemoveAlarmRule {
  std::string id;
};

// `base`, or `base-2`, `base-3`... whichever no object of the park (of any section) has: an
// id for a new object.
std::string unusedObjectId(const Park& park, const std::string& base);

}  // namespace parktwin::model
