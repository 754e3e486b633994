// tagIdForName: a tag as a person names it in a sheet (tag_names.hpp).
#include <optional>
#include <string>
#include <string_view>

#include "parktwin/model/tag_names.hpp"

namespace parktwin::model {
namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

char asciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Bytes of UTF-8 past ASCII are compared as they are: only Latin letters have a case here.
bool sameText(std::string_view written, std::string_view name) {
  if (name.empty() || written.size() != name.size()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (asciiLower(written[i]) != asciiLower(name[i])) return false;
  }
  return true;
}

bool namesTag(std::string_view written, const Tag& tag) {
  return sameText(written, tag.name.zh) || sameText(written, tag.name.en);
}

// Units are compared exactly: "MW" and "mW" differ by nine orders of magnitude.
bool isTagUnit(std::string_view written, const Tag& tag) {
  if (tag.unit.empty()) return false;
  return written == tag.unit || written == displayUnit(tag.unit) || (tag.unit == "degC" && written == "℃");
}

struct NameAndUnit {
  std::string_view name, unit;
};

// "SMT线功率(kW)" or "SMT线功率（kW）" as its name and its unit; nullopt without a bracketed tail.
std::optional<NameAndUnit> withUnit(std::string_view text) {
  for (const auto& [open, close] : {std::pair<std::string_view, std::string_view>{"(", ")"}, {"（", "）"}}) {
    if (!text.ends_with(close)) continue;
    const auto at = text.rfind(open);
    if (at == std::string_view::npos) return std::nullopt;
    const auto unitAt = at + open.size();
    return NameAndUnit{trimmed(text.substr(0, at)), trimmed(text.substr(unitAt, text.size() - close.size() - unitAt))};
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> tagIdForName(const Park& park, std::string_view text) {
  text = trimmed(text);
  const auto bracketed = withUnit(text);
  const Tag* found = nullptr;
  for (const auto& tag : park.tags) {
    const bool named = namesTag(text, tag) || (bracketed && isTagUnit(bracketed->unit, tag) &&
                                               (namesTag(bracketed->name, tag) || bracketed->name == tag.id));
    if (!named) continue;
    if (found != nullptr) return std::nullopt;
    found = &tag;
  }
  return found ? std::optional<std::string>(found->id) : std::nullopt;
}

}  // namespace parktwin::model
