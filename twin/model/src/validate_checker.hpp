#pragma once
// Inside the validator: a problem list with the checks every object uses, and the two halves
// of validatePark (fields: validate_fields.cpp; ids and references: validate_references.cpp).
#include <string>
#include <vector>

#include "parktwin/model/validate.hpp"

namespace parktwin::model::detail {

struct Checker {
  std::vector<Problem> problems;

  void add(const std::string& path, ProblemWording wording);  // its English is problemText(wording)
  void positive(const std::string& path, double x);     // > 0
  void nonNegative(const std::string& path, double x);  // >= 0
  void between(const std::string& path, double x, double min, double max);
  void integerBetween(const std::string& path, long long x, long long min, long long max);
  void id(const std::string& path, const std::string& text);
  void name(const std::string& path, const LocalizedText& text);          // both languages given
  void optionalName(const std::string& path, const LocalizedText& text);  // none, or both
  void point(const std::string& path, const Point& p);
  void points(const std::string& path, const std::vector<Point>& ps, std::size_t minCount);
};

void checkFields(const Park& park, Checker& check);
void checkIdsAndReferences(const Park& park, Checker& check);

}  // namespace parktwin::model::detail
