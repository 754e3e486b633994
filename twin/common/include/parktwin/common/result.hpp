#pragma once
// Errors cross module boundaries as values, never as exceptions.
#include <expected>
#include <string>
#include <utility>

namespace parktwin {

// What went wrong, where, and what was expected, in one line a person can act on.
struct Error {
  std::string message;
};

template <typename T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(std::string message) {
  return std::unexpected<Error>(Error{std::move(message)});
}

}  // namespace parktwin
