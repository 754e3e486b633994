#include "problem_text.hpp"

#include <QFileInfo>
#include <QLocale>

#include <filesystem>
#include <string_view>

#include "parktwin/model/gltf_summary.hpp"
#include "parktwin/model/model_files.hpp"

namespace parktwin::app {
namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }

// What twin/model finds wrong with a glTF file in `language`, without the file's name the notice
// already gives; empty when it reads the file fine. Qt's loader says less ("IO Error: Unknown
// format version!") and only in English.
QString gltfReason(const QString& path, std::string_view language) {
  const std::filesystem::path file = path.toStdString();
  const auto summary = model::summarizeGltf(file, language);
  if (summary) return {};
  std::string why = summary.error().message;
  if (const std::string named = file.string() + ": "; why.starts_with(named)) why.erase(0, named.size());
  return q(why);
}
}  // namespace

QString ProblemText::of(const model::ProblemWording& wording, const QString& language) {
  return q(model::problemText(wording, language.toStdString()));
}

ProblemText::ModelFailure ProblemText::modelFailure(const QString& path, const QString& loaderDetail) {
  if (!QFileInfo::exists(path)) return {.missing = true, .why = {}, .why_zh = {}};
  const QString why = gltfReason(path, "en");
  if (why.isEmpty()) return {.missing = false, .why = loaderDetail, .why_zh = {}};
  return {.missing = false, .why = why, .why_zh = gltfReason(path, "zh")};
}

QString ProblemText::modelNotLoaded(const ModelFailure& failure, const QString& language) {
  if (failure.missing) return QCoreApplication::translate("ProblemText", "no such model file");
  if (failure.too_heavy_triangles > 0) {
    return QCoreApplication::translate("ProblemText", "%1 triangles a machine, over %2 for the whole group: too heavy to draw")
        .arg(QLocale().toString(failure.too_heavy_triangles), QLocale().toString(model::kGroupTriangleLimit));
  }
  if (failure.why.isEmpty()) return QCoreApplication::translate("ProblemText", "cannot be loaded");
  if (language == QLatin1String("zh") && !failure.why_zh.isEmpty()) {
    return QCoreApplication::translate("ProblemText", "cannot be loaded: %1").arg(failure.why_zh);
  }
  if (failure.why_zh.isEmpty()) {  // the loader's words, which Qt has in English only
    return QCoreApplication::translate("ProblemText", "cannot be loaded: %1", "the loader's own words, English").arg(failure.why);
  }
  return QCoreApplication::translate("ProblemText", "cannot be loaded: %1").arg(failure.why);
}

QString ProblemText::modelFileLine(const QString& shownPath, const QStringList& objectNames, const ModelFailure& failure,
                                   const QString& language) {
  const QString why = modelNotLoaded(failure, language);
  if (objectNames.size() == 1) return QCoreApplication::translate("ProblemText", "%1 (%2): %3").arg(shownPath, objectNames.first(), why);
  return QCoreApplication::translate("ProblemText", "%1 (%n objects): %2", nullptr, int(objectNames.size())).arg(shownPath, why);
}

}  // namespace parktwin::app
