#pragma once
// Helpers the edit commands share (edit_*.cpp).
#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/model/edit.hpp"

namespace parktwin::model::detail {

template <typename T>
T* findItem(std::vector<T>& items, const std::string& id) {
  auto it = std::ranges::find(items, id, &T::id);
  return it == items.end() ? nullptr : &*it;
}
template <typename T>
const T* findItem(const std::vector<T>& items, const std::string& id) {
  auto it = std::ranges::find(items, id, &T::id);
  return it == items.end() ? nullptr : &*it;
}

// Whether any object of the park (of any section) has this id.
bool idInUse(const Park& park, const std::string& id);

// `base`, or `base-2`, `base-3`... whichever is not used yet.
std::string unusedId(const Park& park, const std::string& base);

// Copies the sections in `sections` from `from` into `to`.
void copySections(const Park& from, Park& to, ParkSections sections);

std::unexpected<Error> noSuch(const std::string& what, const std::string& id);

// Removes the tags on the objects `gone`, the links to or from them and the alarm rules on
// those tags: what goes with a removed object.
void dropReferencesTo(Park& park, const std::set<std::string>& gone);

Result<void> applySetField(Park& park, const SetField& edit);

// edit_objects.cpp: the other objects' add and remove commands. A namespace of their own, so
// that edit_apply.cpp's overloads and these form one set (`using namespace objects` there).
namespace objects {
Result<void> apply(Park& park, const AddEnterprise& edit);
Result<void> apply(Park& park, const RemoveEnterprise& edit);
Result<void> apply(Park& park, const AddLine& edit);
Result<void> apply(Park& park, const RemoveLine& edit);
Result<void> apply(Park& park, const AddMachineGroup& edit);
Result<void> apply(Park& park, const RemoveMachineGroup& edit);
Result<void> apply(Park& park, const AddUtility& edit);
Result<void> apply(Park& park, const RemoveUtility& edit);
Result<void> apply(Park& park, const AddExternal& edit);
Result<void> apply(Park& park, const RemoveExternal& edit);
Result<void> apply(Park& park, const AddTag& edit);
Result<void> apply(Park& park, const RemoveTag& edit);
Result<void> apply(Park& park, const AddAlarmRule& edit);
Result<void> apply(Park& park, const RemoveAlarmRule& edit);
ParkSections sections(const AddEnterprise& edit);
ParkSections sections(const RemoveEnterprise& edit);
ParkSections sections(const AddLine& edit);
ParkSections sections(const RemoveLine& edit);
ParkSections sections(const AddMachineGroup& edit);
ParkSections sections(const RemoveMachineGroup& edit);
ParkSections sections(const AddUtility& edit);
ParkSections sections(const RemoveUtility& edit);
ParkSections sections(const AddExternal& edit);
ParkSections sections(const RemoveExternal& edit);
ParkSections sections(const AddTag& edit);
ParkSections sections(const RemoveTag& edit);
ParkSections sections(const AddAlarmRule& edit);
ParkSections sections(const RemoveAlarmRule& edit);
}  // namespace objects
ParkSections sectionsOfPointer(const std::string& pointer);

}  // namespace parktwin::model::detail
