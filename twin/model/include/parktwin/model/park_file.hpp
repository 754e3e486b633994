#pragma once
// Reading and writing park files (docs/park-format.md). Loading validates everything and
// either returns the whole park or every problem found; a bad file never half-loads.
#include <expected>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/model/park.hpp"
#include "parktwin/model/problem_wording.hpp"

namespace parktwin::model {

// Parses park JSON text. `source` names the file in messages. On failure the error message
// lists each problem on its own line as "<source>: <json pointer>: <what was expected>", in
// `language` ("zh" or "en": problemText), as is a file that cannot be read.
Result<Park> parsePark(const std::string& jsonText, const std::string& source, std::string_view language = "en");
Result<Park> loadPark(const std::filesystem::path& file, std::string_view language = "en");

// One problem of a park file: its JSON Pointer ("" for the file as a whole: unreadable, not
// JSON) and what was expected.
struct ParkProblem {
  std::string path;
  std::string what;
  ProblemWording wording;  // `what` as a code and its arguments, for a window in another language
};
// loadPark with the problems kept apart, for a window that lists them one by one: the same
// park, or the same problems as loadPark's message lines without the "<file>: " prefix.
std::expected<Park, std::vector<ParkProblem>> loadParkListingProblems(const std::filesystem::path& file);

// Canonical JSON (2-space indent, keys in schema order) that parsePark reads back equal.
std::string serializePark(const Park& park);
// A refusal names the file and the system's reason ("No such file or directory"), in `language`
// ("zh" or "en").
Result<void> savePark(const Park& park, const std::filesystem::path& file, std::string_view language = "en");

}  // namespace parktwin::model
