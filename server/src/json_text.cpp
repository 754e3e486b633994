#include "json_text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace parktwin::server {

void JsonText::grow(std::size_t bytes) { makeRoom(std::max(text_.size() * 2, used_ + bytes + 64)); }

JsonText& JsonText::string(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  char* out = room(text.size() * 6 + 2);  // \u00XX is the longest escape
  char* const start = out;
  *out++ = '"';
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      *out++ = '\\';
      *out++ = c;
    } else if (byte < 0x20) {  // control characters must be escaped; UTF-8 passes as it is
      std::memcpy(out, "\\u00", 4);
      out[4] = kHex[byte >> 4];
      out[5] = kHex[byte & 0xf];
      out += 6;
    } else {
      *out++ = c;
    }
  }
  *out++ = '"';
  used_ += static_cast<std::size_t>(out - start);
  return *this;
}

namespace {

constexpr std::size_t kLongestNumber = 32;  // the longest shortest double, -2.2250738585072014e-308, is 24

// Most values the API sends are readings with a few decimals (412.35; the historian stores
// them as such): written by integer arithmetic, several times faster than std::to_chars's
// shortest search. Exact: with n = value * 10^4 rounded and n / 10^4 == value (both exact below
// 2^53, the division correctly rounded), value is the double nearest the decimal n / 10^4, so a
// reader gets it back; written without the fraction's trailing zeros, it is the shortest such
// decimal with at most four places (a decimal with k < 4 places that fits gives n = its digits
// times 10^(4-k): below 1e11 the product's rounding errors stay under 0.15). Returns the end
// of the text, or null when no decimal of at most four places fits (a mean of 17 digits).
char* fewDecimals(char* out, double value) {
  if (!(std::abs(value) < 1e11) || (value == 0 && std::signbit(value))) return nullptr;
  const double scaled = value * 1e4;
  // Rounded half away from zero by truncation: |scaled| < 2^50, so adding 0.5 is exact.
  const auto n = static_cast<std::int64_t>(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
  if (static_cast<double>(n) / 1e4 != value) return nullptr;
  if (n < 0) *out++ = '-';
  const auto magnitude = static_cast<std::uint64_t>(n < 0 ? -n : n);
  out = std::to_chars(out, out + 24, magnitude / 10'000).ptr;
  std::uint64_t fraction = magnitude % 10'000;
  if (fraction == 0) return out;
  int places = 4;
  while (fraction % 10 == 0) {
    fraction /= 10;
    --places;
  }
  *out = '.';
  for (int i = places; i > 0; --i) {  // the fraction's digits, leading zeros kept
    out[i] = static_cast<char>('0' + fraction % 10);
    fraction /= 10;
  }
  return out + places + 1;
}

}  // namespace

JsonText& JsonText::number(double value) {
  if (!std::isfinite(value)) return raw("null");
  char* const start = room(kLongestNumber);
  char* end = fewDecimals(start, value);
  if (!end) end = std::to_chars(start, start + kLongestNumber, value).ptr;
  used_ += static_cast<std::size_t>(end - start);
  return *this;
}

JsonText& JsonText::integer(std::int64_t value) {
  char* const start = room(24);
  used_ += static_cast<std::size_t>(std::to_chars(start, start + 24, value).ptr - start);
  return *this;
}

JsonText& JsonText::integer(std::uint64_t value) {
  char* const start = room(24);
  used_ += static_cast<std::size_t>(std::to_chars(start, start + 24, value).ptr - start);
  return *this;
}

}  // namespace parktwin::server
