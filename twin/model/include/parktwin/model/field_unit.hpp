#pragma once
// The unit of a park file's number field, which the end of its name states (docs/park-format.md,
// "Units are in the key names": power_kw, height_m, capacity_t_per_year), and what a number
// written as text with a unit ("1.8MW") is in that unit. The one owner of both: the reader's
// problem for such a text names the unit from here (json_reader.cpp).
#include <optional>
#include <string>
#include <string_view>

namespace parktwin::model {

struct FieldUnit {
  std::string_view symbol;  // as written after a number: "kW", "t/yr"
  std::string_view zh;      // its Chinese name: "千瓦", "吨/年"
};

// The unit of a field by the end of its name; nullopt for a field that has none (count, rows).
std::optional<FieldUnit> unitOfField(std::string_view key);

// A text given for such a field that starts with a plain number ("1.8MW", "1800 kW", "1800"):
// the number in the field's unit, where the unit written is the field's, none, or one a power of
// ten away from it (MW and kW, kt and t, mm and m; spelled with its exact case, since "mt" may
// be a metric ton or a megatonne), so that the number is exact. nullopt for any other text.
struct NumberInUnit {
  std::string written;     // the number and the unit as read: "1.8 MW" ("1800" without a unit)
  std::string in_field;    // the number in the field's unit: "1800"
  bool other_unit = false;  // written in another unit than the field's (a conversion to offer)
};
std::optional<NumberInUnit> numberInFieldUnit(std::string_view text, std::string_view key);

}  // namespace parktwin::model
