#pragma once
// What a file reader found wrong at a JSON path, as a code and its arguments beside the English
// words. problem_wording.cpp is the one owner of their English and Chinese: the CLI (--lang zh),
// the reports and the window (app/models/problem_text.cpp) all word a problem through it.
#include <string>
#include <string_view>

namespace parktwin::model {

enum class ProblemCode {
  other,        // only the English words (rules checked after reading, unreadable files)
  unknown_key,  // "unknown key"
  missing,      // "missing; expected <expected>"
  wrong_value,  // "expected <expected>, got <got>"
  // The validator's rules (validate.hpp) that are no "expected <expected>, got <got>":
  empty_name,             // "expected a non-empty name"
  model_uri_missing,      // "expected the path of a glTF 2.0 file (.glb or .gltf)"
  model_not_gltf,         // got: the URI, quoted
  too_few_points,         // first: the least count; got: the count
  rows_over_count,        // first: count; got: rows
  unknown_time_zone,      // first: the name; text: the time-zone reader's English words
  storage_without_capacity,  // first: the utility kind's word
  yield_of_non_pv,        // first: the utility kind's word
  model_of_housed_utility,  // first: the id of the building that houses the utility
  alarm_without_limit,    // neither "above" nor "below"
  alarm_below_not_under_above,  // got: below
  duplicate_id,           // first: the id; second: the path of its first use
  missing_enterprise,     // first: the id referred to (as the four below)
  missing_zone,
  missing_building,
  missing_object,
  missing_tag,
  grid_outside_building,  // first: grid "W m x D m"; second: offset "x, y"; third: building id; fourth: its "W m x D m"
  link_to_itself,         // a link's "to" equals its "from"
  // A file that is no JSON (json_reader.hpp's parseJson); first: the file as messages name it.
  json_empty,             // only white space
  json_unexpected,        // second, third: line and column; fourth: the word or character found there
  json_unexpected_byte,   // the same; fourth: the byte, "0x89"
  json_ends_early,        // second, third: line and column where the text ends
  json_number_overflow,   // a number beyond a double, e.g. 1e400
  json_invalid,           // any other refusal of the JSON library
  // A file that cannot be read (json_reader.hpp's readTextFile); first: the file as messages
  // name it; second, third: what kind of file, in English and Chinese ("park file", "园区文件").
  file_is_folder,
  file_unreadable,
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
  std::string first{}, second{}, third{}, fourth{};  // (initialised here so that designated initialisers may leave them out)
  std::string got{};   // wrong_value: the value found, as describe() renders it
  std::string text{};  // other (and unknown_time_zone): the English words
  std::string text_zh{};  // other: the Chinese words, where the reader wrote them (else English is shown)
  bool operator==(const ProblemWording&) const = default;
};

// The English words of a problem: "expected a number, got \"tall\"".
std::string problemText(const ProblemWording& wording);
// The same in `language` ("zh" or "en"; anything else is English): "应为数字，实际为 \"tall\"".
std::string problemText(const ProblemWording& wording, std::string_view language);
// What was expected, in English: "a number between 0 and 90".
std::string expectedText(const ProblemWording& wording);

}  // namespace parktwin::model
