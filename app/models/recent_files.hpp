#pragma once
// The park files opened or saved last, newest first, at most eight, remembered between runs in
// QSettings ("recentParks"). A file that is gone is kept but marked, so the menu greys it out
// until the person removes it (moving a USB stick back brings it back).
#include <QObject>
#include <QStringList>
#include <QVariantList>

namespace parktwin::app {

class RecentFiles : public QObject {
  Q_OBJECT
  // {path, name (the file's name), exists}, newest first.
  Q_PROPERTY(QVariantList entries READ entries NOTIFY changed)

 public:
  static constexpr int kMaxEntries = 8;

  explicit RecentFiles(QObject* parent = nullptr);

  QVariantList entries() const;
  QStringList paths() const { return paths_; }
  // Puts `path` first (moving it up if listed) and drops the oldest beyond eight.
  void add(const QString& path);
  Q_INVOKABLE void remove(const QString& path);
  Q_INVOKABLE void removeMissing();
  Q_INVOKABLE void clear();

 signals:
  void changed();

 private:
  void store();
  QStringList paths_;
};

}  // namespace parktwin::app
