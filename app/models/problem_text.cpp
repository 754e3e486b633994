#include "problem_text.hpp"

#include <QFileInfo>
#include <QLocale>

#include <filesystem>

#include "model_file_reading.hpp"
#include "parktwin/model/model_files.hpp"

namespace parktwin::app {
namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }

// `why` without the file's name the notice already gives.
QString withoutFileName(std::string why, const std::filesystem::path& file) {
  if (const std::string named = file.string() + ": "; why.starts_with(named)) why.erase(0, named.size());
  return q(why);
}
}  // namespace

QString ProblemText::of(const model::ProblemWording& wording, const QString& language) {
  return q(model::problemText(wording, language.toStdString()));
}

ProblemText::ModelFailure ProblemText::modelFailure(const QString& path, const QString& loaderDetail) {
  if (!QFileInfo::exists(path)) return {.missing = true, .why = {}, .why_zh = {}};
  // What twin/model finds wrong with the file, in both languages from the window's one reading
  // of it (the scene's, as a rule). Qt's loader says less ("IO Error: Unknown format version!")
  // and only in English.
  const std::filesystem::path file = path.toStdString();
  const auto reading = modelFileReading(file);
  if (reading) return {.missing = false, .why = loaderDetail, .why_zh = {}};
  return {.missing = false, .why = withoutFileName(reading.error().en, file), .why_zh = withoutFileName(reading.error().zh, file)};
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
