#include "parktwin/model/json_reader.hpp"

#include "parktwin/common/closest_word.hpp"
#include "parktwin/model/field_unit.hpp"
#include "parktwin/model/validate.hpp"

#include <algorithm>
#include <string_view>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <sstream>
#include <utility>

namespace parktwin::model::detail {

namespace {

// Line and column (both from 1) of the 1-based byte offset nlohmann reports.
std::pair<std::size_t, std::size_t> lineAndColumn(const std::string& text, std::size_t byte) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i + 1 < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

bool isWordCharacter(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// Where the parser stopped (a 0-based offset) and what it found there, as a problem code and
// the word, character or byte (the library's text names its own exception classes). A bare word
// such as `name` or `tall` is named whole, from its first letter: the parser stops only at the
// letter that breaks the literal it hoped for (`null`, `true`).
struct Found {
  std::size_t at = 0;
  ProblemCode code = ProblemCode::json_ends_early;
  std::string what;
  std::string meant{};  // full-width punctuation found: the JSON character it stands for
};

// Punctuation a Chinese input method types in place of JSON's (QA: "：" after a key was refused
// as "unexpected byte 0xef"), as UTF-8.
struct FullWidth {
  const char* full;
  const char* ascii;
};
constexpr FullWidth kFullWidth[] = {{"：", ":"}, {"，", ","}, {"“", "\""}, {"”", "\""}, {"｛", "{"}, {"｝", "}"},
                                    {"［", "["}, {"］", "]"}, {"【", "["}, {"】", "]"}};

const FullWidth* fullWidthAt(const std::string& text, std::size_t at) {
  for (const auto& typed : kFullWidth) {
    if (std::string_view(text).substr(at).starts_with(typed.full)) return &typed;
  }
  return nullptr;
}

Found whatWasFound(const std::string& text, std::size_t byte) {
  if (byte == 0 || byte > text.size()) return {text.size(), ProblemCode::json_ends_early, ""};
  std::size_t at = byte - 1;
  const auto c = static_cast<unsigned char>(text[at]);
  if (isWordCharacter(text[at])) {
    while (at > 0 && isWordCharacter(text[at - 1])) --at;
    std::size_t end = at;
    while (end < text.size() && isWordCharacter(text[end]) && end - at < 24) ++end;
    return {at, ProblemCode::json_unexpected, text.substr(at, end - at)};
  }
  if (c >= 0x20 && c < 0x7f) return {at, ProblemCode::json_unexpected, std::string(1, static_cast<char>(c))};
  if (const auto* typed = fullWidthAt(text, at)) return {at, ProblemCode::other, typed->full, typed->ascii};
  char code[8];
  std::snprintf(code, sizeof code, "0x%02x", c);
  return {at, ProblemCode::json_unexpected_byte, code};
}

// Worded here in both languages (the window switches between them), as ProblemCode::other.
ProblemWording fullWidthWording(const std::string& source, std::size_t line, std::size_t column, const Found& found) {
  const std::string at = std::to_string(line), col = std::to_string(column);
  return {.code = ProblemCode::other,
          .text = source + ": not valid JSON at line " + at + ", column " + col + ": a full-width \"" + found.what +
                  "\" (typed with a Chinese input method) where JSON needs \"" + found.meant + "\"",
          .text_zh = source + ": 不是有效的 JSON：第 " + at + " 行第 " + col + " 列是全角的“" + found.what +
                     "”（中文输入法输入），JSON 在此需要半角的“" + found.meant + "”"};
}

bool onlyWhitespace(const std::string& text) {
  return std::ranges::all_of(text, [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

}  // namespace

std::expected<json, ProblemWording> parseJsonWorded(const std::string& text, const std::string& source) {
  if (onlyWhitespace(text)) return std::unexpected(ProblemWording{.code = ProblemCode::json_empty, .first = source});
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    const Found found = whatWasFound(text, e.byte);
    const auto [line, column] = lineAndColumn(text, found.at + 1);
    if (found.code == ProblemCode::other) return std::unexpected(fullWidthWording(source, line, column, found));
    return std::unexpected(ProblemWording{.code = found.code, .first = source, .second = std::to_string(line),
                                          .third = std::to_string(column), .fourth = found.what});
  } catch (const json::out_of_range&) {
    // Valid syntax the library still refuses: a number beyond a double, e.g. 1e400.
    return std::unexpected(ProblemWording{.code = ProblemCode::json_number_overflow, .first = source});
  } catch (const json::exception&) {
    return std::unexpected(ProblemWording{.code = ProblemCode::json_invalid, .first = source});
  }
}

Result<json> parseJson(const std::string& text, const std::string& source, std::string_view language) {
  auto parsed = parseJsonWorded(text, source);
  if (!parsed) return fail(problemText(parsed.error(), language));
  return std::move(*parsed);
}

bool Problems::covers(const std::string& path) const {
  return std::ranges::any_of(entries_, [&](const Entry& entry) {
    const std::string& at = entry.path;
    return at == "/" || at == path || (path.starts_with(at) && path[at.size()] == '/');
  });
}

namespace {

// JSON Pointers compared a segment at a time, array indices as numbers.
bool pathBefore(const std::string& a, const std::string& b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const std::size_t endA = std::min(a.find('/', i + 1), a.size()), endB = std::min(b.find('/', j + 1), b.size());
    const std::string_view sa(a.data() + i, endA - i), sb(b.data() + j, endB - j);
    const auto digits = [](std::string_view s) { return s.size() > 1 && s.find_first_not_of("0123456789", 1) == std::string_view::npos; };
    if (sa != sb) {
      if (digits(sa) && digits(sb) && sa.size() != sb.size()) return sa.size() < sb.size();  // "/3" before "/10"
      return sa < sb;
    }
    i = endA;
    j = endB;
  }
  return a.size() - i < b.size() - j;  // a holder before what it holds
}

}  // namespace

void Problems::sortByPath() {
  std::stable_sort(entries_.begin(), entries_.end(), [](const Entry& x, const Entry& y) { return pathBefore(x.path, y.path); });
  lines_.clear();
  for (const auto& entry : entries_) lines_.push_back(entry.path + ": " + entry.what);
}

std::unexpected<Error> Problems::failure(const std::string& source, std::string_view language) const {
  std::string message;
  for (const auto& entry : entries_) {
    message += (message.empty() ? "" : "\n") + source + ": " + entry.path + ": " + problemText(entry.wording, language);
  }
  return fail(message);
}

std::expected<std::string, ProblemWording> readTextFileWorded(const std::filesystem::path& file, const std::string& kindOfFile,
                                                              const std::string& kindOfFileZh) {
  const auto refusal = [&](ProblemCode code) {
    return std::unexpected(ProblemWording{.code = code, .first = file.string(), .second = kindOfFile, .third = kindOfFileZh});
  };
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) return refusal(ProblemCode::file_is_folder);
  std::ifstream in(file, std::ios::binary);
  if (!in && !std::filesystem::exists(file, ec)) {
    // Why it cannot be opened, where that is the usual reason (QA: a mistyped name got no reason).
    const auto unreadable = refusal(ProblemCode::file_unreadable).error();
    return std::unexpected(ProblemWording{.code = ProblemCode::other,
                                          .text = problemText(unreadable, "en") + ": there is no such file",
                                          .text_zh = problemText(unreadable, "zh") + "：没有这个文件"});
  }
  if (!in) return refusal(ProblemCode::file_unreadable);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Result<std::string> readTextFile(const std::filesystem::path& file, const std::string& kindOfFile,
                                 const std::string& kindOfFileZh, std::string_view language) {
  auto text = readTextFileWorded(file, kindOfFile, kindOfFileZh);
  if (!text) return fail(problemText(text.error(), kindOfFileZh.empty() ? "en" : language));
  return std::move(*text);
}

std::string describe(const json& value) {
  if (value.is_array()) return "an array";
  if (value.is_object()) return "an object";
  if (value.is_null()) return "null";
  std::string text = value.dump();
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  return text;
}

namespace {
std::string escapeKey(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}
}  // namespace

ObjectReader::ObjectReader(const json& value, std::string path, Problems& problems)
    : object_(value.is_object() ? &value : nullptr), path_(std::move(path)), problems_(problems) {
  if (!object_) {
    problems_.add(path_.empty() ? "/" : path_,
                  ProblemWording{.code = ProblemCode::wrong_value, .expected = Expected::object, .got = describe(value)});
  }
}

ObjectReader::~ObjectReader() {
  if (!object_) return;
  // A key it does not know, with the one it knows that was most likely meant ("hieght_m":
  // "height_m"): a typo leaves the key it meant absent, so only absent ones are offered.
  std::vector<std::string> absent;
  for (const auto& key : read_) {
    if (!object_->contains(key)) absent.push_back(key);
  }
  for (const auto& [key, value] : object_->items()) {
    if (read_.contains(key)) continue;
    problems_.add(pathOf(escapeKey(key)), ProblemWording{.code = ProblemCode::unknown_key, .first = common::closestWord(key, absent)});
  }
}

const json* ObjectReader::take(const std::string& key, bool required, Expected expected, const char* phrase) {
  if (!object_) return nullptr;
  read_.insert(key);
  auto it = object_->find(key);
  if (it == object_->end()) {
    if (required) problems_.add(pathOf(key), ProblemWording{.code = ProblemCode::missing, .expected = expected, .first = phrase});
    return nullptr;
  }
  return &*it;
}

namespace {

bool expectsNumber(Expected expected) {
  switch (expected) {
    case Expected::number:
    case Expected::number_between:
    case Expected::positive:
    case Expected::non_negative:
    case Expected::integer:
    case Expected::integer_between: return true;
    default: return false;
  }
}

// A number written as text with a unit ("power_kw": "1.8MW", QA F14): the unit the field's name
// states (field_unit.hpp), and the number in it where the unit written converts exactly.
std::optional<ProblemWording> numberAsTextWording(const std::string& key, Expected expected, const json& value) {
  if (!value.is_string() || !expectsNumber(expected)) return std::nullopt;
  const auto unit = unitOfField(key);
  const std::string text = value.get<std::string>();
  const auto first = text.find_first_not_of(" \t");
  const char c = first == std::string::npos ? '\0' : text[first];
  if (!unit || !(std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-' || c == '+')) {
    return std::nullopt;  // "tall": no number at all, the plain problem says it
  }
  const std::string symbol(unit->symbol), got = describe(value);
  std::string hint, hintZh;
  if (const auto number = numberInFieldUnit(text, key)) {
    if (number->other_unit) {
      hint = " (" + number->written + " = " + number->in_field + " " + symbol + "?)";
      hintZh = "（" + number->written + " = " + number->in_field + " " + symbol + "？）";
    } else {
      hint = " (write " + number->in_field + "?)";
      hintZh = "（应写作 " + number->in_field + "？）";
    }
  }
  return ProblemWording{.code = ProblemCode::other,
                        .text = "expected a number in " + symbol + ", got " + got + hint,
                        .text_zh = "应为以" + std::string(unit->zh) + "（" + symbol + "）为单位的数字，实际为 " + got + hintZh};
}

}  // namespace

void ObjectReader::wrongValue(const std::string& key, ProblemWording wording, const json& value) {
  if (auto withUnit = numberAsTextWording(key, wording.expected, value)) {
    problems_.add(pathOf(key), *withUnit);
    return;
  }
  wording.code = ProblemCode::wrong_value;
  wording.got = describe(value);
  problems_.add(pathOf(key), wording);
}

const json* ObjectReader::raw(const std::string& key) { return take(key, false, Expected::none); }

std::string ObjectReader::string(const std::string& key, bool required) {
  const json* v = take(key, required, Expected::string);
  if (!v) return {};
  if (!v->is_string()) {
    wrongValue(key, {.expected = Expected::string}, *v);
    return {};
  }
  return v->get<std::string>();
}

std::string ObjectReader::id(const std::string& key) {
  const json* v = take(key, true, Expected::identifier);
  if (!v) return {};
  if (!v->is_string() || !isIdentifier(v->get<std::string>())) {
    wrongValue(key, {.expected = Expected::identifier}, *v);
    return {};
  }
  return v->get<std::string>();
}

std::string ObjectReader::oneOf(const std::string& key, const std::vector<std::string>& allowed, bool required) {
  const json* v = take(key, required, Expected::any_listed);
  if (!v) return {};
  if (v->is_string() && std::ranges::find(allowed, v->get<std::string>()) != allowed.end()) {
    return v->get<std::string>();
  }
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  wrongValue(key, {.expected = Expected::one_of, .first = list}, *v);
  return {};
}

double ObjectReader::number(const std::string& key, double min, double max, bool required, double fallback) {
  const json* v = take(key, required, Expected::number);
  if (!v) return fallback;
  if (!v->is_number() || !std::isfinite(v->get<double>())) {
    wrongValue(key, {.expected = Expected::number}, *v);
    return fallback;
  }
  const double x = v->get<double>();
  if (x < min || x > max) {
    wrongValue(key, {.expected = Expected::number_between, .first = json(min).dump(), .second = json(max).dump()}, *v);
    return fallback;
  }
  return x;
}

double ObjectReader::positive(const std::string& key, bool required) {
  const json* v = take(key, required, Expected::positive);
  if (!v) return 0;
  if (!v->is_number() || !std::isfinite(v->get<double>()) || v->get<double>() <= 0) {
    wrongValue(key, {.expected = Expected::positive}, *v);
    return 0;
  }
  return v->get<double>();
}

double ObjectReader::nonNegative(const std::string& key, bool required) {
  const json* v = take(key, required, Expected::non_negative);
  if (!v) return 0;
  if (!v->is_number() || !std::isfinite(v->get<double>()) || v->get<double>() < 0) {
    wrongValue(key, {.expected = Expected::non_negative}, *v);
    return 0;
  }
  return v->get<double>();
}

std::optional<double> ObjectReader::optionalNumber(const std::string& key) {
  const json* v = take(key, false, Expected::number);
  if (!v) return std::nullopt;
  if (!v->is_number() || !std::isfinite(v->get<double>())) {
    wrongValue(key, {.expected = Expected::number}, *v);
    return std::nullopt;
  }
  return v->get<double>();
}

int ObjectReader::integer(const std::string& key, int min, int max, bool required, int fallback) {
  const json* v = take(key, required, Expected::integer);
  if (!v) return fallback;
  if (!v->is_number_integer() || v->get<long long>() < min || v->get<long long>() > max) {
    wrongValue(key, {.expected = Expected::integer_between, .first = std::to_string(min), .second = std::to_string(max)}, *v);
    return fallback;
  }
  return v->get<int>();
}

double ObjectReader::anyNumber(const std::string& key, bool required, Expected expected) {
  const json* v = take(key, required, expected);
  if (!v) return 0;
  if (!v->is_number() || !std::isfinite(v->get<double>())) {
    wrongValue(key, {.expected = expected}, *v);
    return 0;
  }
  return v->get<double>();
}

int ObjectReader::anyInteger(const std::string& key, bool required, int fallback, std::optional<std::pair<int, int>> range) {
  const ProblemWording expected =
      range ? ProblemWording{.expected = Expected::integer_between, .first = std::to_string(range->first), .second = std::to_string(range->second)}
            : ProblemWording{.expected = Expected::integer};
  const json* v = take(key, required, Expected::integer);
  if (!v) return fallback;
  if (!v->is_number_integer() || v->get<long long>() < std::numeric_limits<int>::min() ||
      v->get<long long>() > std::numeric_limits<int>::max()) {
    wrongValue(key, expected, *v);
    return fallback;
  }
  return v->get<int>();
}

bool ObjectReader::boolean(const std::string& key, bool fallback) {
  const json* v = take(key, false, Expected::boolean);
  if (!v) return fallback;
  if (!v->is_boolean()) {
    wrongValue(key, {.expected = Expected::boolean}, *v);
    return fallback;
  }
  return v->get<bool>();
}

const json* ObjectReader::array(const std::string& key, bool required) {
  const json* v = take(key, required, Expected::array);
  if (v && !v->is_array()) {
    wrongValue(key, {.expected = Expected::array}, *v);
    return nullptr;
  }
  return v;
}

const json* ObjectReader::object(const std::string& key, bool required) {
  const json* v = take(key, required, Expected::object);
  if (v && !v->is_object()) {
    wrongValue(key, {.expected = Expected::object}, *v);
    return nullptr;
  }
  return v;
}

}  // namespace parktwin::model::detail
