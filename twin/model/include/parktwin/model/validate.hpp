#pragma once
// The semantic rules of a park (docs/park-format.md): ids well formed and unique, names given,
// numbers in range, references that resolve, machine grids that fit. One owner for each rule:
// the park reader runs these after it has read the file's shape, and the editor runs them after
// every edit, so both report the same problem at the same JSON path.
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/model/park.hpp"
#include "parktwin/model/problem_wording.hpp"

namespace parktwin::model {

// One rule broken: where (a JSON Pointer into the park file) and what was expected, in English
// (`message`, for the CLI and logs) and as the rule's code and arguments (`wording`, which a
// window words in its own language; `message` is problemText(wording)).
struct Problem {
  std::string path;
  std::string message;
  ProblemWording wording{};
  bool operator==(const Problem&) const = default;
};

// Every problem of `park`, in file order for the field rules, then ids and references.
std::vector<Problem> validatePark(const Park& park);

// Only the rules on single fields and single objects (ranges, names, rows <= count...); the
// reader uses it while a file still has shape problems, when references cannot be trusted yet.
std::vector<Problem> validateParkFields(const Park& park);

// An identifier of park files: non-empty, lower-case letters, digits, '_', '-' or '.'.
bool isIdentifier(std::string_view text);

// "/buildings/0/width_m: expected a positive number, got -5"
std::string problemText(const Problem& problem);

}  // namespace parktwin::model
