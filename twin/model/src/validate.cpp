// The park's rules on values (this file) and on ids and references (validate_references.cpp).
// Messages keep the words the reader has always used, so a file and an edit read the same.
#include "parktwin/model/validate.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

#include "parktwin/common/number_text.hpp"
#include "validate_checker.hpp"

namespace parktwin::model {

namespace detail {

namespace {
// Bounds print as the reader always printed them ("-90.0"), values as people typed them ("120").
// "90.0" as the JSON would have it, but "0.000001", not "1e-06", for a small bound (people read
// these messages).
std::string boundText(double x) {
  std::string json = nlohmann::json(x).dump();
  return json.find('e') == std::string::npos ? json : shortestText(x);
}
}  // namespace

void Checker::add(const std::string& path, ProblemWording wording) {
  std::string message = problemText(wording);
  problems.push_back({path, std::move(message), std::move(wording)});
}

namespace {
void wrongValue(Checker& c, const std::string& path, Expected expected, std::string got, std::string first = {},
                std::string second = {}) {
  c.add(path, {.code = ProblemCode::wrong_value, .expected = expected, .first = std::move(first), .second = std::move(second),
               .got = std::move(got)});
}
}  // namespace

void Checker::positive(const std::string& path, double x) {
  if (!(x > 0)) wrongValue(*this, path, Expected::positive, shortestText(x));
}

void Checker::nonNegative(const std::string& path, double x) {
  if (!(x >= 0)) wrongValue(*this, path, Expected::non_negative, shortestText(x));
}

void Checker::between(const std::string& path, double x, double min, double max) {
  if (!(x >= min && x <= max)) {
    wrongValue(*this, path, Expected::number_between, shortestText(x), boundText(min), boundText(max));
  }
}

void Checker::integerBetween(const std::string& path, long long x, long long min, long long max) {
  if (x < min || x > max) {
    wrongValue(*this, path, Expected::integer_between, std::to_string(x), std::to_string(min), std::to_string(max));
  }
}

void Checker::id(const std::string& path, const std::string& text) {
  if (!isIdentifier(text)) {
    wrongValue(*this, path, Expected::identifier, nlohmann::json(text).dump());
  }
}

void Checker::name(const std::string& path, const LocalizedText& text) {
  if (text.en.empty()) add(path + "/en", {.code = ProblemCode::empty_name});
  if (text.zh.empty()) add(path + "/zh", {.code = ProblemCode::empty_name});
}

void Checker::optionalName(const std::string& path, const LocalizedText& text) {
  if (text != LocalizedText{}) name(path, text);
}

void Checker::point(const std::string& path, const Point& p) {
  between(path + "/x_m", p.x_m, -kCoordinateLimit_m, kCoordinateLimit_m);
  between(path + "/y_m", p.y_m, -kCoordinateLimit_m, kCoordinateLimit_m);
}

void Checker::points(const std::string& path, const std::vector<Point>& ps, std::size_t minCount) {
  for (std::size_t i = 0; i < ps.size(); ++i) point(path + "/" + std::to_string(i), ps[i]);
  if (ps.size() < minCount) {
    add(path, {.code = ProblemCode::too_few_points, .first = std::to_string(minCount), .got = std::to_string(ps.size())});
  }
}

}  // namespace detail

bool isIdentifier(std::string_view text) {
  const auto isIdChar = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
  };
  return !text.empty() && std::ranges::all_of(text, isIdChar);
}

std::string problemText(const Problem& problem) { return problem.path + ": " + problem.message; }

std::vector<Problem> validatePark(const Park& park) {
  detail::Checker check;
  detail::checkFields(park, check);
  detail::checkIdsAndReferences(park, check);
  return std::move(check.problems);
}

std::vector<Problem> validateParkFields(const Park& park) {
  detail::Checker check;
  detail::checkFields(park, check);
  return std::move(check.problems);
}

}  // namespace parktwin::model
