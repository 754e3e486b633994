#pragma once
// Helpers the edit commands share (edit_*.cpp).
#include <algorithm>
#include <optional>
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

// Whether any object of the park (of any section) has this id.
bool idInUse(const Park& park, const std::string& id);

// `base`, or `base-2`, `base-3`... whichever is not used yet.
std::string unusedId(const Park& park, const std::string& base);

// Copies the sections in `sections` from `from` into `to`.
void copySections(const Park& from, Park& to, ParkSections sections);

std::unexpected<Error> noSuch(const std::string& what, const std::string& id);

Result<void> applySetField(Park& park, const SetField& edit);
ParkSections sectionsOfPointer(const std::string& pointer);

}  // namespace parktwin::model::detail
