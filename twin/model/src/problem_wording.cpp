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

namespace {
// The validator's rules (validate.cpp and its halves); app/models/problem_text.cpp has their Chinese.
std::string ruleText(const ProblemWording& w) {
  const auto missing = [&](const std::string& what) { return "refers to " + what + " \"" + w.first + "\", which does not exist"; };
  switch (w.code) {
    case ProblemCode::empty_name: return "expected a non-empty name";
    case ProblemCode::model_uri_missing: return "expected the path of a glTF 2.0 file (.glb or .gltf)";
    case ProblemCode::model_not_gltf:
      return "expected a glTF 2.0 file (.glb or .gltf), got " + w.got + "; convert other formats with parktwin-cli model convert";
    case ProblemCode::too_few_points: return "expected at least " + w.first + " points, got " + w.got;
    case ProblemCode::rows_over_count: return "expected at most count (" + w.first + ") rows, got " + w.got;
    case ProblemCode::unknown_time_zone: return w.text;
    case ProblemCode::storage_without_capacity: return "expected a positive storage capacity for " + w.first;
    case ProblemCode::yield_of_non_pv: return "applies to pv utilities only; for " + w.first + " give annual_energy_kwh";
    case ProblemCode::model_of_housed_utility:
      return "a utility housed in building \"" + w.first + "\" is drawn with its building, so its model is not drawn: put the model on building \"" +
             w.first + "\" or remove \"building\"";
    case ProblemCode::alarm_without_limit: return "expected \"above\" or \"below\" (or both)";
    case ProblemCode::alarm_below_not_under_above: return "expected below < above, got " + w.got;
    case ProblemCode::duplicate_id: return "duplicate id \"" + w.first + "\" (first used at " + w.second + ")";
    case ProblemCode::missing_enterprise: return missing("enterprise");
    case ProblemCode::missing_zone: return missing("zone");
    case ProblemCode::missing_building: return missing("building");
    case ProblemCode::missing_object: return missing("object");
    case ProblemCode::missing_tag: return missing("tag");
    case ProblemCode::grid_outside_building:
      return "expected the machine grid (" + w.first + " at offset " + w.second + ") to fit inside building \"" + w.third +
             "\" (" + w.fourth + ")";
    case ProblemCode::link_to_itself: return "expected a different node than \"from\"";
    default: return w.text;
  }
}
}  // namespace

std::string problemText(const ProblemWording& w) {
  switch (w.code) {
    case ProblemCode::other: return w.text;
    case ProblemCode::unknown_key: return "unknown key";
    case ProblemCode::missing: return "missing; expected " + expectedText(w);
    case ProblemCode::wrong_value: return "expected " + expectedText(w) + ", got " + w.got;
    default: return ruleText(w);
  }
}

}  // namespace parktwin::model
