#include "parktwin/common/number_text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace parktwin {
namespace {

std::string nonFinite(double x) {
  if (std::isnan(x)) return "nan";
  return x < 0 ? "-inf" : "inf";
}

// A zero printed as "-0", "-0.00" (a tiny negative rounded away) reads as a sign that is not
// there: drop it.
void dropNegativeZero(std::string& text) {
  if (text.empty() || text.front() != '-') return;
  if (std::all_of(text.begin() + 1, text.end(), [](char c) { return c == '0' || c == '.'; })) text.erase(0, 1);
}

}  // namespace

std::string shortestText(double x) {
  if (!std::isfinite(x)) return nonFinite(x);
  std::array<char, 64> buf{};  // below 1e21: at most 21 digits, a point and 17 decimals
  const double size = std::fabs(x);
  const bool plain = x == 0 || (size >= 1e-6 && size < 1e21);
  // With a format and no precision, to_chars gives the shortest text of that format that
  // reads back to x.
  const auto [end, ec] = plain ? std::to_chars(buf.data(), buf.data() + buf.size(), x, std::chars_format::fixed)
                               : std::to_chars(buf.data(), buf.data() + buf.size(), x);
  if (ec != std::errc{}) return nonFinite(std::nan(""));
  return std::string(buf.data(), end);
}

std::string fixedText(double x, int decimals) {
  if (!std::isfinite(x)) return nonFinite(x);
  decimals = std::clamp(decimals, 0, 17);
  std::array<char, 340> buf{};  // 1.8e308 in fixed notation plus 17 decimals fits
  const auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), x, std::chars_format::fixed, decimals);
  if (ec != std::errc{}) return nonFinite(std::nan(""));
  std::string text(buf.data(), end);
  dropNegativeZero(text);
  return text;
}

std::string groupedText(double x, int decimals) {
  std::string text = fixedText(x, decimals);
  if (!std::isfinite(x)) return text;
  const std::size_t digitsFrom = text.front() == '-' ? 1 : 0;
  std::size_t digitsEnd = text.find('.');
  if (digitsEnd == std::string::npos) digitsEnd = text.size();
  for (std::size_t at = digitsEnd; at > digitsFrom + 3; at -= 3) text.insert(at - 3, 1, ',');
  return text;
}

std::string compactText(double x, int maxDecimals) {
  std::string text = fixedText(x, maxDecimals);
  if (!std::isfinite(x) || text.find('.') == std::string::npos) return text;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  dropNegativeZero(text);
  return text;
}

std::string quantityText(double x, std::string_view unit, int maxDecimals) {
  std::string text = compactText(x, maxDecimals);
  if (!unit.empty()) {
    text += ' ';
    text += unit;
  }
  return text;
}

}  // namespace parktwin
