#include "json_text.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <iterator>

namespace parktwin::server {

JsonText& JsonText::string(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  text_.push_back('"');
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      text_.push_back('\\');
      text_.push_back(c);
    } else if (byte < 0x20) {  // control characters must be escaped; UTF-8 passes as it is
      text_.append("\\u00");
      text_.push_back(kHex[byte >> 4]);
      text_.push_back(kHex[byte & 0xf]);
    } else {
      text_.push_back(c);
    }
  }
  text_.push_back('"');
  return *this;
}

namespace {

// Most values the API sends are readings with a few decimals (412.35; the historian stores
// them as such): written by integer arithmetic, several times faster than std::to_chars's
// shortest search. Exact: with n = value * 10^k rounded and n / 10^k == value (both exact below
// 2^53, the division correctly rounded), value is the double nearest the decimal n / 10^k, so a
// reader gets it back. False when no k <= 4 fits (a mean of 17 digits): to_chars then.
bool appendFewDecimals(std::string& out, double value) {
  static constexpr double kScale[] = {1, 10, 100, 1000, 10000};
  static constexpr std::uint64_t kIntScale[] = {1, 10, 100, 1000, 10000};
  if (!(std::abs(value) < 1e11) || (value == 0 && std::signbit(value))) return false;
  for (std::size_t k = 0; k < std::size(kScale); ++k) {
    const double scaled = std::round(value * kScale[k]);
    if (scaled / kScale[k] != value) continue;
    if (scaled < 0) out.push_back('-');
    const auto n = static_cast<std::uint64_t>(std::abs(scaled));
    std::array<char, 24> digits;
    auto end = std::to_chars(digits.data(), digits.data() + digits.size(), n / kIntScale[k]).ptr;
    out.append(digits.data(), end);
    if (k > 0) {
      out.push_back('.');
      std::uint64_t fraction = n % kIntScale[k];
      char* last = digits.data() + k;
      for (char* p = last; p != digits.data();) {  // k digits, leading zeros kept
        *--p = static_cast<char>('0' + fraction % 10);
        fraction /= 10;
      }
      while (last[-1] == '0') --last;  // k was the first that fits: its last digit is not 0
      out.append(digits.data(), last);
    }
    return true;
  }
  return false;
}

}  // namespace

JsonText& JsonText::number(double value) {
  if (!std::isfinite(value)) return raw("null");
  if (appendFewDecimals(text_, value)) return *this;
  std::array<char, 32> buffer;  // the longest shortest double, -2.2250738585072014e-308, is 24
  const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value).ptr;
  text_.append(buffer.data(), end);
  return *this;
}

JsonText& JsonText::integer(std::int64_t value) {
  std::array<char, 24> buffer;
  const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value).ptr;
  text_.append(buffer.data(), end);
  return *this;
}

JsonText& JsonText::integer(std::uint64_t value) {
  std::array<char, 24> buffer;
  const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value).ptr;
  text_.append(buffer.data(), end);
  return *this;
}

}  // namespace parktwin::server
