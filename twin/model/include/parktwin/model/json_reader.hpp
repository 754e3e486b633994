#pragma once
// Strict reading of JSON objects (park, tour and scenario files): every read knows its JSON Pointer path, every problem is
// recorded (not thrown), and keys nobody asked for are reported as unknown.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <expected>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/model/kinds.hpp"
#include "parktwin/model/problem_wording.hpp"

namespace parktwin::model::detail {

using nlohmann::json;

class Problems {
 public:
  // One problem: where (a JSON Pointer) and what was expected.
  struct Entry {
    std::string path;
    std::string what;
    ProblemWording wording;  // the same as a code and its arguments, for a translated list
  };
  void add(const std::string& path, const std::string& what) {
    add(path, ProblemWording{.code = ProblemCode::other, .text = what});
  }
  // A reader's own problem in both languages (the reader owns the wording of what only it checks).
  void add(const std::string& path, const std::string& what, const std::string& whatZh) {
    add(path, ProblemWording{.code = ProblemCode::other, .text = what, .text_zh = whatZh});
  }
  void add(const std::string& path, const ProblemWording& wording) {
    const std::string what = problemText(wording);
    lines_.push_back(path + ": " + what);
    entries_.push_back({path, what, wording});
  }
  // Whether a problem was already recorded at `path` or at an object or array holding it.
  bool covers(const std::string& path) const;
  bool empty() const { return lines_.empty(); }
  const std::vector<std::string>& lines() const { return lines_; }
  // The same problems with the path apart, for a list a person clicks through.
  const std::vector<Entry>& entries() const { return entries_; }
  // All problems as one error, a line each: "<source>: /buildings/3/name: missing; ...", worded
  // in `language` ("zh" or "en", problemText).
  std::unexpected<Error> failure(const std::string& source, std::string_view language = "en") const;
  // Orders the problems by where they are, /buildings/3 before /buildings/10 before /lines/0,
  // whichever pass found them (the shape is read before the rules are checked; a list in two
  // runs made a person jump back and forth through the file). Equal paths keep their order.
  void sortByPath();

 private:
  std::vector<std::string> lines_;
  std::vector<Entry> entries_;
};

// Parses JSON text; any refusal becomes one line, never an exception: "<source>: the file is
// empty; expected JSON", "<source>: not valid JSON at line 3, column 7: unexpected ','", or a
// number beyond double range such as 1e400; in `language` ("zh" or "en", problemText).
Result<json> parseJson(const std::string& text, const std::string& source, std::string_view language = "en");
// The same refusal as a problem code and its arguments (ProblemCode::json_*), for a window that
// words it in its language, and again when the language changes.
std::expected<json, ProblemWording> parseJsonWorded(const std::string& text, const std::string& source);

// The whole of a park, tour or scenario file; a folder or an unreadable file is an error that
// names the file and `kindOfFile` ("park file"), in `language` ("zh" or "en": problemText), the
// kind then named by `kindOfFileZh` ("园区文件"; empty: a file only English messages name).
Result<std::string> readTextFile(const std::filesystem::path& file, const std::string& kindOfFile,
                                 const std::string& kindOfFileZh = {}, std::string_view language = "en");
// The same refusal as a problem code and its arguments (ProblemCode::file_*), for a window that
// words it in its language, and again when the language changes.
std::expected<std::string, ProblemWording> readTextFileWorded(const std::filesystem::path& file, const std::string& kindOfFile,
                                                              const std::string& kindOfFileZh);

// Short rendering of a JSON value for messages: "tall", 12, [...], {...}.
std::string describe(const json& value);

class ObjectReader {
 public:
  ObjectReader(const json& value, std::string path, Problems& problems);
  // Reports keys that were never read. Call once all fields are read.
  ~ObjectReader();
  ObjectReader(const ObjectReader&) = delete;
  ObjectReader& operator=(const ObjectReader&) = delete;

  bool valid() const { return object_ != nullptr; }
  const std::string& path() const { return path_; }
  std::string pathOf(const std::string& key) const { return path_ + "/" + key; }

  std::string id(const std::string& key);  // required non-empty [a-z0-9_-] identifier
  std::string string(const std::string& key, bool required = true);
  std::string oneOf(const std::string& key, const std::vector<std::string>& allowed, bool required = true);
  // A word of a kind's table (kinds.hpp); another word is a problem naming the allowed ones.
  template <KindEnum Kind>
  std::optional<Kind> kind(const std::string& key, bool required = true) {
    std::vector<std::string> words;
    for (const auto& entry : kindTable<Kind>()) words.emplace_back(entry.text);
    return parseKind<Kind>(oneOf(key, words, required));
  }
  double number(const std::string& key, double min, double max, bool required = false, double fallback = 0);
  double positive(const std::string& key, bool required = true);  // > 0
  double nonNegative(const std::string& key, bool required = false);
  std::optional<double> optionalNumber(const std::string& key);
  int integer(const std::string& key, int min, int max, bool required = false, int fallback = 0);
  // Any finite number or integer; the range is checked elsewhere. `expected` names what a value
  // that is no number should have been (Expected::positive).
  double anyNumber(const std::string& key, bool required, Expected expected);
  // `range`, where given, is named by the problem of a value that is no integer (1e9 is a
  // float): "expected an integer between 1 and 100000, got 1000000000.0". Its rule is still
  // checked elsewhere, for values an edit sets too.
  int anyInteger(const std::string& key, bool required = false, int fallback = 0,
                 std::optional<std::pair<int, int>> range = std::nullopt);
  bool boolean(const std::string& key, bool fallback = false);
  const json* array(const std::string& key, bool required = false);
  const json* object(const std::string& key, bool required = false);
  const json* raw(const std::string& key);  // marks the key read; nullptr if absent

 private:
  const json* take(const std::string& key, bool required, Expected expected, const char* phrase = "");
  // "expected <what>, got <value>" at `key`.
  void wrongValue(const std::string& key, ProblemWording wording, const json& value);
  const json* object_;
  std::string path_;
  Problems& problems_;
  std::set<std::string> read_;
};

}  // namespace parktwin::model::detail
