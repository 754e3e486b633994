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
std::string boundText(double x) { return nlohmann::json(x).dump(); }
}  // namespace

void Checker::add(const std::string& path, const std::string& message) { problems.push_back({path, message}); }

void Checker::positive(const std::string& path, double x) {
  if (!(x > 0)) add(path, "expected a positive number, got " + shortestText(x));
}

void Checker::nonNegative(const std::string& path, double x) {
  if (!(x >= 0)) add(path, "expected a number >= 0, got " + shortestText(x));
}

void Checker::between(const std::string& path, double x, double min, double max) {
  if (!(x >= min && x <= max)) {
    add(path, "expected a number between " + boundText(min) + " and " + boundText(max) + ", got " + shortestText(x));
  }
}

void Checker::integerBetween(const std::string& path, long long x, long long min, long long max) {
  if (x < min || x > max) {
    add(path, "expected an integer between " + std::to_string(min) + " and " + std::to_string(max) + ", got " +
                  std::to_string(x));
  }
}

void Checker::id(const std::string& path, const std::string& text) {
  if (!isIdentifier(text)) {
    add(path, "expected an identifier of lower-case letters, digits, '_', '-' or '.', got " + nlohmann::json(text).dump());
  }
}

void Checker::name(const std::string& path, const LocalizedText& text) {
  if (text.en.empty()) add(path + "/en", "expected a non-empty name");
  if (text.zh.empty()) add(path + "/zh", "expected a non-empty name");
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
    add(path, "expected at least " + std::to_string(minCount) + " points, got " + std::to_string(ps.size()));
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
