#include "geojson_importer.hpp"

#include <QFileInfo>
#include <QJSEngine>
#include <QUrl>
#include <QVariantMap>

#include "park_controller.hpp"
#include "park_document.hpp"
#include "parktwin/geo/geojson_import.hpp"
#include "parktwin/model/json_reader.hpp"
#include "timeline_controller.hpp"

namespace parktwin::app {
namespace {

GeoJsonImporter* g_instance = nullptr;

// "/features/3: no height ...": the JSON path before ": ", the rest the message.
QVariantMap entryOf(const QString& line) {
  const qsizetype colon = line.indexOf(": ");
  if (line.startsWith('/') && colon > 0) {
    return {{"path", line.left(colon)}, {"message", line.mid(colon + 2)}, {"objectId", QString()}};
  }
  return {{"path", QString()}, {"message", line}, {"objectId", QString()}};
}

}  // namespace

GeoJsonImporter::GeoJsonImporter(ParkController& controller, ParkDocument& document, QObject* parent)
    : QObject(parent), controller_(controller), document_(document) {
  connect(&document_, &ParkDocument::pendingApproved, this, [this](const QString& action, const QString& path) {
    if (action == "import") openImported(path);
  });
}

GeoJsonImporter::~GeoJsonImporter() = default;

GeoJsonImporter* GeoJsonImporter::create(QQmlEngine* qmlEngine, QJSEngine* jsEngine) {
  if (!g_instance) {
    g_instance = new GeoJsonImporter(*ParkController::create(qmlEngine, jsEngine),
                                     *ParkDocument::create(qmlEngine, jsEngine), nullptr);
  }
  QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
  return g_instance;
}

std::string parkIdFromFileName(const QString& path) {
  QString stem = QFileInfo(path).completeBaseName().toLower();
  if (stem.endsWith(".geo")) stem.chop(4);
  std::string id;
  for (const QChar c : stem) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    if (allowed) id += char(c.unicode());
    else if (!id.empty() && id.back() != '-') id += '-';
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.empty() ? "imported" : id;
}

QVariantList problemEntries(const std::string& messages, const std::string& source) {
  QVariantList out;
  const QString prefix = QString::fromStdString(source) + ": ";
  const QStringList importedPark{QStringLiteral("imported park: "), QStringLiteral("导入的园区：")};
  for (QString line : QString::fromStdString(messages).split('\n', Qt::SkipEmptyParts)) {
    if (line.startsWith(prefix)) line = line.mid(prefix.size());
    for (const QString& whole : importedPark) {
      if (line.startsWith(whole)) line = line.mid(whole.size());
    }
    out.push_back(entryOf(line));
  }
  return out;
}

bool GeoJsonImporter::importFile(const QString& pathOrUrl) {
  if (controller_.presenting()) return false;
  const QUrl url(pathOrUrl);
  const QString path = url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
  // Read first: a malformed file's problems show at once, with no question before them.
  imported_ = read(path);
  if (!imported_) return false;
  return !document_.askBefore("import", path) && openImported(path);
}

std::unique_ptr<geo::ImportedPark> GeoJsonImporter::read(const QString& path) const {
  const std::string source = path.toStdString();
  const std::string language = controller_.language().toStdString();
  auto text = model::detail::readTextFile(source, "GeoJSON file", "GeoJSON 文件", language);
  if (!text) {
    document_.showParkProblems(problemEntries(text.error().message, source));
    return nullptr;
  }
  geo::ImportOptions options;
  options.park_id = parkIdFromFileName(path);
  options.language = language;
  auto imported = geo::importGeoJson(*text, source, options);
  if (!imported) {
    document_.showParkProblems(problemEntries(imported.error().message, source));
    return nullptr;
  }
  return std::make_unique<geo::ImportedPark>(std::move(*imported));
}

bool GeoJsonImporter::openImported(const QString& path) {
  const std::unique_ptr<geo::ImportedPark> imported = std::move(imported_);
  if (!imported || controller_.presenting()) return false;
  // A replay or live feed belongs to the park that was open.
  if (controller_.loaded()) controller_.timeline()->close();
  if (!controller_.showPark(std::move(imported->park), QString())) return false;
  document_.markModified();  // never saved: the title says Untitled with the unsaved mark
  std::string warnings;
  for (const auto& w : imported->warnings) warnings += w + "\n";
  document_.showImportNotes(problemEntries(warnings, path.toStdString()));
  return true;
}

}  // namespace parktwin::app
