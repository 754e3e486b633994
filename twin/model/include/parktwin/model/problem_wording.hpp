#pragma once
// What a file reader found wrong at a JSON path, as a code and its arguments beside the English
// words: the CLI and logs print the English (problemText), a window words the same code in its
// own language (app/models/problem_text.cpp, the one place that translates them).
#include <string>

namespace parktwin::model {

enum class ProblemCode {
  other,        // only the English words (rules checked after reading, unreadable files)
  unknown_key,  // "unknown key"
  missing,      // "missing; expected <expected>"
  wrong_value,  // "expected <expected>, got <got>"
};

// What the value should have been. `first` / `second` carry what some of them need.
enum class Expected {
  none,
  custom,           // first: the English phrase
  object,
  string,
  identifier,       // a required id; wrong values name its letters
  one_of,           // first: the allowed words ("smelter, plant")
  any_listed,       // "one of the listed values" (a missing word)
  number,
  number_between,   // first, second: the range
  positive,
  non_negative,
  integer,
  integer_between,  // first, second: the range
  boolean,
  array,
};

struct ProblemWording {
  ProblemCode code = ProblemCode::other;
  Expected expected = Expected::none;
  std::string first{}, second{};  // (initialised here so that designated initialisers may leave them out)
  std::string got{};   // wrong_value: the value found, as describe() renders it
  std::string text{};  // other: the English words
};

// The English words of a problem: "expected a number, got \"tall\"".
std::string problemText(const ProblemWording& wording);
// What was expected, in English: "a number between 0 and 90".
std::string expectedText(const ProblemWording& wording);

}  // namespace parktwin::model
