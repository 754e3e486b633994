#include "parktwin/model/problem_wording.hpp"

namespace parktwin::model {

std::string expectedText(const ProblemWording& w) {
  switch (w.expected) {
    case Expected::none: return {};
    case Expected::custom: return w.first;
    case Expected::object: return "an object";
    case Expected::string: return "a string";
    case Expected::identifier:
      return w.code == ProblemCode::missing ? "an identifier"
                                            : "an identifier of lower-case letters, digits, '_', '-' or '.'";
    case Expected::one_of: return "one of " + w.first;
    case Expected::any_listed: return "one of the listed values";
    case Expected::number: return "a number";
    case Expected::number_between: return "a number between " + w.first + " and " + w.second;
    case Expected::positive: return "a positive number";
    case Expected::non_negative: return "a number >= 0";
    case Expected::integer: return "an integer";
    case Expected::integer_between: return "an integer between " + w.first + " and " + w.second;
    case Expected::boolean: return "true or false";
    case Expected::array: return "an array";
  }
  return {};
}

std::string problemText(const ProblemWording& w) {
  switch (w.code) {
    case ProblemCode::other: return w.text;
    case ProblemCode::unknown_key: return "unknown key";
    case ProblemCode::missing: return "missing; expected " + expectedText(w);
    case ProblemCode::wrong_value: return "expected " + expectedText(w) + ", got " + w.got;
  }
  return w.text;
}

}  // namespace parktwin::model
