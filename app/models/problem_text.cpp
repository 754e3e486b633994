#include "problem_text.hpp"

#include <QFileInfo>
#include <QUrl>

namespace parktwin::app {
namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }
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
  }
  return q(english);
}

QString ProblemText::of(const model::ParkProblem& problem) { return of(problem.wording, problem.what); }

QString ProblemText::modelNotLoaded(const QString& file, const QString& detail) {
  const QUrl url(file);
  const QString local = url.isLocalFile() ? url.toLocalFile() : file;
  if (!QFileInfo::exists(local)) return QCoreApplication::translate("ProblemText", "no such model file");
  return detail.isEmpty() ? QCoreApplication::translate("ProblemText", "cannot be loaded") : QCoreApplication::translate("ProblemText", "cannot be loaded: %1").arg(detail);
}

}  // namespace parktwin::app
