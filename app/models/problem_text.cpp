#include "problem_text.hpp"

#include <QFileInfo>
#include <QLocale>

#include <filesystem>

#include "parktwin/model/gltf_summary.hpp"
#include "parktwin/model/model_files.hpp"

namespace parktwin::app {
namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }

// What twin/model finds wrong with a glTF file, without the file's name the notice already
// gives; empty when it reads the file fine. Qt's loader says less ("IO Error: Unknown format
// version!") and only in English.
QString gltfReason(const QString& path) {
  const std::filesystem::path file = path.toStdString();
  const auto summary = model::summarizeGltf(file);
  if (summary) return {};
  std::string why = summary.error().message;
  if (const std::string named = file.string() + ": "; why.starts_with(named)) why.erase(0, named.size());
  return q(why);
}
}  // namespace

QString ProblemText::expected(const model::ProblemWording& w) {
  using model::Expected;
  switch (w.expected) {
    case Expected::none: return {};
    case Expected::custom: return q(w.first);
    case Expected::object: return QCoreApplication::translate("ProblemText", "an object");
    case Expected::string: return QCoreApplication::translate("ProblemText", "a string");
    case Expected::identifier:
      return w.code == model::ProblemCode::missing ? QCoreApplication::translate("ProblemText", "an identifier")
                                                   : QCoreApplication::translate("ProblemText", "an identifier of lower-case letters, digits, '_', '-' or '.'");
    case Expected::one_of: return QCoreApplication::translate("ProblemText", "one of %1").arg(q(w.first));
    case Expected::any_listed: return QCoreApplication::translate("ProblemText", "one of the listed values");
    case Expected::number: return QCoreApplication::translate("ProblemText", "a number");
    case Expected::number_between: return QCoreApplication::translate("ProblemText", "a number between %1 and %2").arg(q(w.first), q(w.second));
    case Expected::positive: return QCoreApplication::translate("ProblemText", "a positive number");
    case Expected::non_negative: return QCoreApplication::translate("ProblemText", "a number >= 0");
    case Expected::integer: return QCoreApplication::translate("ProblemText", "an integer");
    case Expected::integer_between: return QCoreApplication::translate("ProblemText", "an integer between %1 and %2").arg(q(w.first), q(w.second));
    case Expected::boolean: return QCoreApplication::translate("ProblemText", "true or false");
    case Expected::array: return QCoreApplication::translate("ProblemText", "an array");
  }
  return {};
}

QString ProblemText::of(const model::ProblemWording& w, const std::string& english) {
  switch (w.code) {
    case model::ProblemCode::other: return q(english);
    case model::ProblemCode::unknown_key: return QCoreApplication::translate("ProblemText", "unknown key");
    case model::ProblemCode::missing: return QCoreApplication::translate("ProblemText", "missing; expected %1").arg(expected(w));
    case model::ProblemCode::wrong_value: return QCoreApplication::translate("ProblemText", "expected %1, got %2").arg(expected(w), q(w.got));
    default: return rule(w);
  }
}

QString ProblemText::rule(const model::ProblemWording& w) {
  using model::ProblemCode;
  switch (w.code) {
    case ProblemCode::empty_name: return QCoreApplication::translate("ProblemText", "expected a non-empty name");
    case ProblemCode::model_uri_missing: return QCoreApplication::translate("ProblemText", "expected the path of a glTF 2.0 file (.glb or .gltf)");
    case ProblemCode::model_not_gltf:
      return QCoreApplication::translate("ProblemText", "expected a glTF 2.0 file (.glb or .gltf), got %1; convert other formats with parktwin-cli model convert").arg(q(w.got));
    case ProblemCode::too_few_points: return QCoreApplication::translate("ProblemText", "expected at least %1 points, got %2").arg(q(w.first), q(w.got));
    case ProblemCode::rows_over_count: return QCoreApplication::translate("ProblemText", "expected at most count (%1) rows, got %2").arg(q(w.first), q(w.got));
    case ProblemCode::unknown_time_zone: return QCoreApplication::translate("ProblemText", "time zone \"%1\": expected an IANA name such as \"Asia/Shanghai\"").arg(q(w.first));
    case ProblemCode::storage_without_capacity: return QCoreApplication::translate("ProblemText", "expected a positive storage capacity for %1").arg(q(w.first));
    case ProblemCode::yield_of_non_pv: return QCoreApplication::translate("ProblemText", "applies to pv utilities only; for %1 give annual_energy_kwh").arg(q(w.first));
    case ProblemCode::model_of_housed_utility:
      return QCoreApplication::translate("ProblemText", "a utility housed in building \"%1\" is drawn with its building, so its model is not drawn: put the model on building \"%1\" or remove \"building\"")
          .arg(q(w.first));
    case ProblemCode::alarm_without_limit: return QCoreApplication::translate("ProblemText", "expected \"above\" or \"below\" (or both)");
    case ProblemCode::alarm_below_not_under_above: return QCoreApplication::translate("ProblemText", "expected below < above, got %1").arg(q(w.got));
    case ProblemCode::duplicate_id: return QCoreApplication::translate("ProblemText", "duplicate id \"%1\" (first used at %2)").arg(q(w.first), q(w.second));
    case ProblemCode::missing_enterprise: return QCoreApplication::translate("ProblemText", "refers to enterprise \"%1\", which does not exist").arg(q(w.first));
    case ProblemCode::missing_zone: return QCoreApplication::translate("ProblemText", "refers to zone \"%1\", which does not exist").arg(q(w.first));
    case ProblemCode::missing_building: return QCoreApplication::translate("ProblemText", "refers to building \"%1\", which does not exist").arg(q(w.first));
    case ProblemCode::missing_object: return QCoreApplication::translate("ProblemText", "refers to object \"%1\", which does not exist").arg(q(w.first));
    case ProblemCode::missing_tag: return QCoreApplication::translate("ProblemText", "refers to tag \"%1\", which does not exist").arg(q(w.first));
    case ProblemCode::grid_outside_building:
      return QCoreApplication::translate("ProblemText", "expected the machine grid (%1 at offset %2) to fit inside building \"%3\" (%4)")
          .arg(q(w.first), q(w.second), q(w.third), q(w.fourth));
    case ProblemCode::link_to_itself: return QCoreApplication::translate("ProblemText", "expected a different node than \"from\"");
    default: return q(model::problemText(w));
  }
}

QString ProblemText::of(const model::ParkProblem& problem) { return of(problem.wording, problem.what); }

ProblemText::ModelFailure ProblemText::modelFailure(const QString& path, const QString& loaderDetail) {
  if (!QFileInfo::exists(path)) return {.missing = true, .why = {}};
  const QString why = gltfReason(path);
  return {.missing = false, .why = why.isEmpty() ? loaderDetail : why};
}

QString ProblemText::modelNotLoaded(const ModelFailure& failure) {
  if (failure.missing) return QCoreApplication::translate("ProblemText", "no such model file");
  if (failure.too_heavy_triangles > 0) {
    return QCoreApplication::translate("ProblemText", "%1 triangles a machine, over %2 for the whole group: too heavy to draw")
        .arg(QLocale().toString(failure.too_heavy_triangles), QLocale().toString(model::kGroupTriangleLimit));
  }
  return failure.why.isEmpty() ? QCoreApplication::translate("ProblemText", "cannot be loaded")
                               : QCoreApplication::translate("ProblemText", "cannot be loaded: %1").arg(failure.why);
}

QString ProblemText::modelFileLine(const QString& shownPath, const QStringList& objectNames, const ModelFailure& failure) {
  const QString why = modelNotLoaded(failure);
  if (objectNames.size() == 1) return QCoreApplication::translate("ProblemText", "%1 (%2): %3").arg(shownPath, objectNames.first(), why);
  return QCoreApplication::translate("ProblemText", "%1 (%n objects): %2", nullptr, int(objectNames.size())).arg(shownPath, why);
}

}  // namespace parktwin::app
