#pragma once
// File problems as the window shows them: a reader's or the validator's problem
// (twin/model/problem_wording.hpp, which owns their English and Chinese for the window and the
// CLI alike) and a 3D model that did not load (worded here, context "ProblemText" in
// assets/i18n/parktwin_zh_CN.ts).
#include <QCoreApplication>
#include <QString>

#include "parktwin/model/park_file.hpp"

namespace parktwin::app {

class ProblemText {
 public:
  // The problem in the window's `language` ("zh" or "en", ParkController::language).
  static QString of(const model::ProblemWording& wording, const QString& language);
  // Why a model file did not load, found once when it fails and worded whenever it is shown.
  struct ModelFailure {
    bool missing = false;
    QString why;     // English: twin/model's reading of the file, or the loader's words
    QString why_zh;  // twin/model's reading in Chinese; empty for the loader's words (Qt's, English only)
    long long too_heavy_triangles = 0;  // > 0: loads, but a machine group of it is too heavy to draw
  };
  // Why the model file at `path` (a local path) did not load: it is missing; or twin/model's
  // own reading of glTF refuses it ("GLB header: expected version 2, got 1"); or, only when
  // that finds it fine, the window's loader refused it (`loaderDetail`, Qt's words).
  static ModelFailure modelFailure(const QString& path, const QString& loaderDetail);
  // In the window's `language` ("zh" or "en"), as of().
  static QString modelNotLoaded(const ModelFailure& failure, const QString& language);
  // A line of the view's model notice: "models/pot.glb (Potline 1): no such model file" for one
  // object, "models/pot.glb (12 objects): ..." for several.
  static QString modelFileLine(const QString& shownPath, const QStringList& objectNames, const ModelFailure& failure,
                               const QString& language);
};

}  // namespace parktwin::app
