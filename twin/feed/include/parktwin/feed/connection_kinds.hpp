#pragma once
// The words of the connections file for its enums (docs/connections.md), one table per enum:
// reading, writing and "expected one of ..." messages all go through it.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/feed/connections.hpp"

namespace parktwin::feed {

template <typename Kind>
struct KindWord {
  Kind value;
  std::string_view text;
};

std::span<const KindWord<SourceKind>> kindWordsOf(SourceKind);
std::span<const KindWord<PayloadFormat>> kindWordsOf(PayloadFormat);
std::span<const KindWord<TimestampFormat>> kindWordsOf(TimestampFormat);
std::span<const KindWord<ModbusTable>> kindWordsOf(ModbusTable);
std::span<const KindWord<ModbusType>> kindWordsOf(ModbusType);
std::span<const KindWord<WordOrder>> kindWordsOf(WordOrder);
std::span<const KindWord<OpcUaSecurity>> kindWordsOf(OpcUaSecurity);

template <typename Kind>
std::string_view toText(Kind kind) {
  for (const auto& word : kindWordsOf(Kind{})) {
    if (word.value == kind) return word.text;
  }
  return "?";
}

template <typename Kind>
std::optional<Kind> kindFromText(std::string_view text) {
  for (const auto& word : kindWordsOf(Kind{})) {
    if (word.text == text) return word.value;
  }
  return std::nullopt;
}

template <typename Kind>
std::vector<std::string> kindTexts() {
  std::vector<std::string> texts;
  for (const auto& word : kindWordsOf(Kind{})) texts.emplace_back(word.text);
  return texts;
}

}  // namespace parktwin::feed
