#include "parktwin/model/field_unit.hpp"

#include <cstddef>
#include <vector>

namespace parktwin::model {
namespace {

// A way to write a unit after a number, and the power of ten that takes a number in it to the
// field's unit: a field in kW reads "MW" as 3 (1.8 MW = 1800 kW).
struct Spelling {
  std::string_view text;
  int exponent;
};

struct UnitOfSuffix {
  std::string_view suffix;  // the end of a field's name, "_kw"
  FieldUnit unit;
  std::vector<Spelling> spellings;
};

// Longer suffixes before the shorter ones they end with: "_yuan_per_kwh" before "_kwh",
// "_kwh_per_kwp" before "_kwp".
const std::vector<UnitOfSuffix>& unitTable() {
  static const std::vector<UnitOfSuffix> table{
      {"_kwh_per_kwp", {"kWh/kWp", "千瓦时/千瓦峰"}, {{"kWh/kWp", 0}}},
      {"_kwh_per_t", {"kWh/t", "千瓦时/吨"}, {{"kWh/t", 0}, {"MWh/t", 3}, {"kWh/kg", 3}}},
      {"_t_per_mwh", {"t/MWh", "吨/兆瓦时"}, {{"t/MWh", 0}, {"kg/kWh", 0}, {"g/kWh", -3}}},
      {"_t_per_year",
       {"t/yr", "吨/年"},
       {{"t/yr", 0}, {"t/a", 0}, {"t/year", 0}, {"吨/年", 0}, {"kt/yr", 3}, {"kt/a", 3}, {"kt/year", 3}, {"千吨/年", 3},
        {"万吨/年", 4}, {"Mt/yr", 6}, {"Mt/a", 6}, {"Mt/year", 6}}},
      {"_t_per_hour", {"t/h", "吨/小时"}, {{"t/h", 0}, {"吨/小时", 0}, {"kg/h", -3}, {"kt/h", 3}}},
      {"_t_per_h", {"t/h", "吨/小时"}, {{"t/h", 0}, {"吨/小时", 0}, {"kg/h", -3}, {"kt/h", 3}}},
      {"_units_per_hour", {"units/h", "件/小时"}, {{"units/h", 0}, {"件/小时", 0}}},
      {"_units_per_h", {"units/h", "件/小时"}, {{"units/h", 0}, {"件/小时", 0}}},
      {"_yuan_per_kwh", {"yuan/kWh", "元/千瓦时"}, {{"yuan/kWh", 0}, {"元/kWh", 0}, {"元/千瓦时", 0}, {"元/度", 0}}},
      {"_yuan_per_t", {"yuan/t", "元/吨"}, {{"yuan/t", 0}, {"元/t", 0}, {"元/吨", 0}}},
      {"_yuan_per_year", {"yuan/yr", "元/年"}, {{"yuan/yr", 0}, {"元/年", 0}, {"万元/年", 4}, {"亿元/年", 8}}},
      {"_kwh", {"kWh", "千瓦时"}, {{"Wh", -3}, {"kWh", 0}, {"千瓦时", 0}, {"度", 0}, {"MWh", 3}, {"GWh", 6}}},
      {"_kwp", {"kWp", "千瓦峰"}, {{"Wp", -3}, {"kWp", 0}, {"MWp", 3}}},
      {"_kw", {"kW", "千瓦"}, {{"W", -3}, {"kW", 0}, {"千瓦", 0}, {"MW", 3}, {"兆瓦", 3}, {"GW", 6}}},
      {"_mw", {"MW", "兆瓦"}, {{"kW", -3}, {"千瓦", -3}, {"MW", 0}, {"兆瓦", 0}, {"GW", 3}}},
      {"_mu", {"mu", "亩"}, {{"mu", 0}, {"亩", 0}}},
      {"_pct", {"%", "百分比"}, {{"%", 0}}},
      {"_deg", {"°", "度"}, {{"°", 0}, {"deg", 0}}},
      {"_s", {"s", "秒"}, {{"s", 0}, {"秒", 0}, {"ms", -3}}},
      {"_m", {"m", "米"}, {{"mm", -3}, {"cm", -2}, {"m", 0}, {"米", 0}, {"km", 3}, {"公里", 3}}},
  };
  return table;
}

const UnitOfSuffix* entryOf(std::string_view key) {
  for (const auto& entry : unitTable()) {
    if (key.size() > entry.suffix.size() && key.ends_with(entry.suffix)) return &entry;
  }
  return nullptr;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// The length of the plain number at the start of `text`: a sign, digits, a point and digits (no
// exponent, no thousands separators); 0 if there is none.
std::size_t numberLength(std::string_view text) {
  std::size_t i = !text.empty() && (text[0] == '-' || text[0] == '+') ? 1 : 0;
  std::size_t digits = 0;
  for (; i < text.size() && isDigit(text[i]); ++i) ++digits;
  if (i < text.size() && text[i] == '.') {
    for (++i; i < text.size() && isDigit(text[i]); ++i) ++digits;
  }
  return digits == 0 ? 0 : i;
}

// `number` (numberLength's) times 10^exponent, by moving its point, so exactly: "1.8", 3 ->
// "1800"; "500", -3 -> "0.5". Without leading or trailing zeros it does not need.
std::string shifted(std::string_view number, int exponent) {
  const bool minus = number.starts_with('-');
  if (number.starts_with('-') || number.starts_with('+')) number.remove_prefix(1);
  const std::size_t point = number.find('.');
  const std::string_view whole = number.substr(0, point);
  std::string digits(whole);
  if (point != std::string_view::npos) digits += number.substr(point + 1);
  long at = static_cast<long>(whole.size()) + exponent;
  if (at < 0) {
    digits.insert(0, static_cast<std::size_t>(-at), '0');
    at = 0;
  }
  if (static_cast<std::size_t>(at) > digits.size()) digits.append(static_cast<std::size_t>(at) - digits.size(), '0');
  std::string integer = digits.substr(0, static_cast<std::size_t>(at)), fraction = digits.substr(static_cast<std::size_t>(at));
  while (integer.size() > 1 && integer.front() == '0') integer.erase(0, 1);
  if (integer.empty()) integer = "0";
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  const bool zero = integer == "0" && fraction.empty();
  return (minus && !zero ? "-" : "") + integer + (fraction.empty() ? "" : "." + fraction);
}

}  // namespace

std::optional<FieldUnit> unitOfField(std::string_view key) {
  const UnitOfSuffix* entry = entryOf(key);
  if (!entry) return std::nullopt;
  return entry->unit;
}

std::optional<NumberInUnit> numberInFieldUnit(std::string_view text, std::string_view key) {
  const UnitOfSuffix* entry = entryOf(key);
  text = trimmed(text);
  const std::size_t length = numberLength(text);
  if (!entry || length == 0) return std::nullopt;
  const std::string_view number = text.substr(0, length), unit = trimmed(text.substr(length));
  if (unit.empty()) return NumberInUnit{std::string(number), shifted(number, 0), false};
  for (const Spelling& spelling : entry->spellings) {
    if (spelling.text != unit) continue;
    const bool other = spelling.text != entry->unit.symbol;
    return NumberInUnit{std::string(number) + " " + std::string(unit), shifted(number, spelling.exponent), other};
  }
  return std::nullopt;
}

}  // namespace parktwin::model
