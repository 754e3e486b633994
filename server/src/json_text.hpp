#pragma once
// JSON text written straight into one string, for the API's large answers (a series of 1,000
// buckets is 7,000 numbers, a state of 110 tags 330 values). nlohmann::json builds a tree
// first, one allocation per value, then walks and formats it; profiling GET .../series put
// most of the server's time there (docs/server.md, "Series reads"). Small answers and errors
// keep using nlohmann::json.
#include <cstdint>
#include <string>
#include <string_view>

namespace parktwin::server {

class JsonText {
 public:
  explicit JsonText(std::size_t expectedBytes = 0) { text_.reserve(expectedBytes); }

  // Text that is already JSON: punctuation, or a key known to need no escaping.
  JsonText& raw(std::string_view json) {
    text_.append(json);
    return *this;
  }
  JsonText& raw(char c) {
    text_.push_back(c);
    return *this;
  }
  JsonText& string(std::string_view text);  // quoted, with JSON's escapes
  // The shortest text that reads back as the same double (std::to_chars); null when not
  // finite, as JSON has no NaN or infinity.
  JsonText& number(double value);
  JsonText& integer(std::int64_t value);
  JsonText& integer(std::uint64_t value);

  std::string take() { return std::move(text_); }

 private:
  std::string text_;
};

}  // namespace parktwin::server
