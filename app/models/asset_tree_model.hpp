#pragma once
// The asset tree: park → enterprise → building → line → machine group, plus the park's
// shared utilities. Backs the TreeView; selection goes through ParkController::select.
#include <QAbstractItemModel>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace parktwin::model {
struct Park;
}

namespace parktwin::app {

class AssetTreeModel : public QAbstractItemModel {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Provided by ParkController")

 public:
  enum Role { ObjectIdRole = Qt::UserRole + 1, ObjectTypeRole };

  explicit AssetTreeModel(QObject* parent = nullptr);

  void reset(const parktwin::model::Park& park);
  void setLanguage(const QString& language);

  Q_INVOKABLE QModelIndex indexOfObject(const QString& objectId) const;
  Q_INVOKABLE QString objectIdAt(const QModelIndex& index) const;
  // Indices from the root down to `objectId`, for expanding the tree to a selection.
  Q_INVOKABLE QVariantList pathToObject(const QString& objectId) const;

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

 private:
  struct Node {
    QString id;
    QString type;  // park, group, enterprise, building, line, machines, utility
    QString nameZh, nameEn;  // a group's are empty, and its English is a translation key
    int parent = -1;
    int row = 0;
    std::vector<int> children;
    const char* groupName = nullptr;
  };
  int add(int parent, QString id, QString type, QString zh, QString en);
  // A group of the tree's own (not a park object): its name comes from the translations.
  int addGroup(int parent, QString id, const char* englishName);
  QModelIndex indexOfNode(int node) const;

  std::vector<Node> nodes_;
  QString language_ = "en";
};

}  // namespace parktwin::app
