#pragma once
// The one place that words file problems in the window's language: a reader's or the validator's
// problem (twin/model/problem_wording.hpp: a code and its arguments) and a 3D model that did not load.
// The English source strings are translated here (context "ProblemText"); the Chinese is in
// assets/i18n/parktwin_zh_CN.ts.
#include <QCoreApplication>
#include <QString>

#include "parktwin/model/park_file.hpp"

namespace parktwin::app {

class ProblemText {
 public:
  // The problem in the current language; a problem without a code keeps its English words.
  static QString of(const model::ParkProblem& problem);
  static QString of(const model::ProblemWording& wording, const std::string& english);
  // Why a model file did not load: missing, or Qt's reader refused it (`detail`, Qt's words).
  static QString modelNotLoaded(const QString& file, const QString& detail);

 private:
  static QString expected(const model::ProblemWording& wording);
  // A rule of the validator (twin/model/validate.hpp), the codes after wrong_value.
  static QString rule(const model::ProblemWording& wording);
};

}  // namespace parktwin::app
