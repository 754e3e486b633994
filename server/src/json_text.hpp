#pragma once
// JSON text written straight into one buffer, for the API's large answers (a series of 1,000
// buckets is 7,000 numbers, a state of 110 tags 330 values). nlohmann::json builds a tree
// first, one allocation per value, then walks and formats it; profiling GET .../series put
// most of the server's time there (docs/server.md, "Series reads"). Small answers and errors
// keep using nlohmann::json.
//
// Each write asks room() for the most bytes it can take and writes through a pointer: a
// std::string append per piece checked capacity and length twice per call, which a profile of
// series reads showed as 8 % of the server (docs/server.md, "Reads at a new T or range").
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace parktwin::server {

class JsonText {
 public:
  explicit JsonText(std::size_t expectedBytes = 0) { makeRoom(expectedBytes); }

  // Text that is already JSON: punctuation, or a key known to need no escaping.
  JsonText& raw(std::string_view json) {
    std::memcpy(room(json.size()), json.data(), json.size());
    used_ += json.size();
    return *this;
  }
  JsonText& raw(char c) {
    *room(1) = c;
    ++used_;
    return *this;
  }
  JsonText& string(std::string_view text);  // quoted, with JSON's escapes
  // The shortest text that reads back as the same double (std::to_chars); null when not
  // finite, as JSON has no NaN or infinity.
  JsonText& number(double value);
  JsonText& integer(std::int64_t value);
  JsonText& integer(std::uint64_t value);

  std::size_t size() const { return used_; }
  // What was written from byte `from` on; valid until the next write.
  std::string_view writtenSince(std::size_t from) const { return std::string_view(text_).substr(from, used_ - from); }
  std::string take() {
    text_.resize(used_);
    used_ = 0;
    return std::move(text_);
  }

 private:
  // At least `bytes` writable bytes at the end of what is written.
  char* room(std::size_t bytes) {
    if (text_.size() - used_ < bytes) grow(bytes);
    return text_.data() + used_;
  }
  void grow(std::size_t bytes);
  // The string's size becomes `bytes`, what is past used_ left as it is: not zero-filled, as
  // resize() would (filling 110 kB per series answer was a tenth of the server's time).
  void makeRoom(std::size_t bytes) {
    text_.resize_and_overwrite(bytes, [](char*, std::size_t n) { return n; });
  }

  std::string text_;      // its size is the room; the first used_ bytes are the text
  std::size_t used_ = 0;
};

}  // namespace parktwin::server
