#pragma once
// A tag as a person names it in a sheet rather than by its id.
#include <optional>
#include <string>
#include <string_view>

#include "parktwin/model/park.hpp"

namespace parktwin::model {

// The tag a person means where a sheet names it instead of giving its id (a column header of an
// Excel export): its name in Chinese or in English as the park file gives it (ASCII letters in
// either case, spaces around ignored), optionally followed by its unit in brackets, "(kW)" or
// "（kW）" (the unit as the park file writes it, as displayUnit shows it, or ℃ for degC; the id
// with its unit passes too). Nullopt when no tag is named so, when two tags are (which one is
// meant cannot be told), or when the bracketed unit is not the tag's: values in MW under a kW
// tag would be stored a thousand times too small.
std::optional<std::string> tagIdForName(const Park& park, std::string_view text);

}  // namespace parktwin::model
