#pragma once
// File → Import GeoJSON… in the window: runs twin/geo's import (the same as `parktwin-cli park
// import-geojson`) on the chosen file and opens the imported park as a new, unsaved document
// ("Untitled" with the unsaved mark); the import's warnings (each naming its feature,
// /features/3) go to the Problems panel. A malformed file lists its errors, each with its JSON
// path, in the Problems panel and leaves the open park as it is.
#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <string>

class QQmlEngine;
class QJSEngine;

namespace parktwin::app {

class ParkController;
class ParkDocument;

class GeoJsonImporter : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_SINGLETON

 public:
  GeoJsonImporter(ParkController& controller, ParkDocument& document, QObject* parent);
  static GeoJsonImporter* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);

  // A path or file:// URL. True when the imported park is open; false when the file is bad,
  // or when unsaved changes of the open park are asked about first (the import follows the
  // answer, as Open does).
  Q_INVOKABLE bool importFile(const QString& pathOrUrl);

 private:
  bool importNow(const QString& path);

  ParkController& controller_;
  ParkDocument& document_;
};

// The park id a GeoJSON file's name gives: "Shuangfu Park.geojson" -> "shuangfu-park".
std::string parkIdFromFileName(const QString& path);
// Lines of the import's messages ("file: /features/2/geometry: expected ...") as Problems
// panel entries {path, message, objectId}.
QVariantList problemEntries(const std::string& messages, const std::string& source);

}  // namespace parktwin::app
