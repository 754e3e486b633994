#pragma once
// The one layout of saved park files, chosen for small diffs: 2-space indent, keys in the order
// given, an object of plain values (a point, a name) on one line, every array element on its own
// line, numbers as their shortest round-trip text ("-430", not "-430.0"). Moving a building
// changes one line; adding a vertex adds one.
#include <nlohmann/json.hpp>

#include <string>

namespace parktwin::model::detail {

std::string canonicalJson(const nlohmann::ordered_json& value);

}  // namespace parktwin::model::detail
