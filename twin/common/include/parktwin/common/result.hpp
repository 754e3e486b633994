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

// A value or an error. [[nodiscard]] on the type: every function returning a Result warns
// (an error with -Werror) when a caller drops it, so no failure goes unread. Otherwise it is
// std::expected: construct it from a value or from fail(...), test it, read value() / error().
// (Monadic operations such as and_then return a plain std::expected, without the attribute.)
template <typename T>
class [[nodiscard]] Result : public std::expected<T, Error> {
 public:
  using std::expected<T, Error>::expected;
  using std::expected<T, Error>::operator=;
  Result() = default;
};

inline std::unexpected<Error> fail(std::string message) {
  return std::unexpected<Error>(Error{std::move(message)});
}

inline std::unexpected<Error> fail(ErrorCode code, std::string message) {
  return std::unexpected<Error>(Error{std::move(message), code});
}

}  // namespace parktwin
