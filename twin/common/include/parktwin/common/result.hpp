#pragma once
// Errors cross module boundaries as values, never as exceptions.
#include <expected>
#include <string>
#include <utility>

namespace parktwin {

// What kind of failure, for callers that act on it (a cancelled run is not a failed one);
// the message is for people.
enum class ErrorCode { failed, invalid_input, not_found, io, busy, cancelled };

// What went wrong, where, and what was expected, in one line a person can act on.
struct Error {
  std::string message;
  ErrorCode code = ErrorCode::failed;
};

template <typename T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(std::string message) {
  return std::unexpected<Error>(Error{std::move(message)});
}

inline std::unexpected<Error> fail(ErrorCode code, std::string message) {
  return std::unexpected<Error>(Error{std::move(message), code});
}

}  // namespace parktwin
