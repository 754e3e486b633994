#include "asset_tree_model.hpp"

#include <set>

#include "parktwin/model/park.hpp"

namespace parktwin::app {

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }
}  // namespace

AssetTreeModel::AssetTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

int AssetTreeModel::add(int parent, QString id, QString type, QString zh, QString en) {
  Node node{std::move(id), std::move(type), std::move(zh), std::move(en), parent, 0, {}};
  const int index = static_cast<int>(nodes_.size());
  if (parent >= 0) {
    node.row = static_cast<int>(nodes_[parent].children.size());
    nodes_[parent].children.push_back(index);
  }
  nodes_.push_back(std::move(node));
  return index;
}

int AssetTreeModel::addGroup(int parent, QString id, const char* englishName) {
  const int index = add(parent, std::move(id), "group", {}, {});
  nodes_[static_cast<std::size_t>(index)].groupName = englishName;
  return index;
}

void AssetTreeModel::reset(const model::Park& park) {
  beginResetModel();
  nodes_.clear();
  const int root = add(-1, q(park.id), "park", q(park.name.zh), q(park.name.en));
  const auto addLine = [&](int parent, const model::ProductionLine& line) {
    const int ln = add(parent, q(line.id), "line", q(line.name.zh), q(line.name.en));
    for (const auto& g : line.machines) {
      add(ln, q(g.id), "machines", q(g.name.zh) + QString(" ×%1").arg(g.count),
          q(g.name.en) + QString(" ×%1").arg(g.count));
    }
  };
  const auto addBuilding = [&](int parent, const model::Building& b) {
    const int bn = add(parent, q(b.id), "building", q(b.name.zh), q(b.name.en));
    for (const auto& line : park.lines) {
      if (line.building != b.id || (!line.enterprise.empty() && line.enterprise != b.enterprise)) continue;
      addLine(bn, line);
    }
    for (const auto& u : park.utilities) {
      if (u.building == b.id) add(bn, q(u.id), "utility", q(u.name.zh), q(u.name.en));
    }
  };
  // Firms without a building of their own rent space in standard factories; grouping them
  // keeps the tree's top level to the park's landmark firms.
  const bool anyTenant = std::ranges::any_of(park.enterprises, [&](const auto& e) {
    return std::ranges::none_of(park.buildings, [&](const auto& b) { return b.enterprise == e.id; });
  });
  const int tenants = anyTenant ? addGroup(root, "tenants", QT_TR_NOOP("Tenants of standard factories")) : root;
  for (const auto& e : park.enterprises) {
    const bool ownsBuilding = std::ranges::any_of(park.buildings, [&](const auto& b) { return b.enterprise == e.id; });
    const int en = add(ownsBuilding ? root : tenants, q(e.id), "enterprise", q(e.name.zh), q(e.name.en));
    for (const auto& b : park.buildings) {
      if (b.enterprise == e.id) addBuilding(en, b);
    }
    // Lines this firm runs in someone else's hall (multi-tenant standard factories).
    for (const auto& line : park.lines) {
      const auto* b = park.findBuilding(line.building);
      if (line.enterprise == e.id && b && b->enterprise != e.id) addLine(en, line);
    }
  }
  const int shared = addGroup(root, "shared", QT_TR_NOOP("Shared buildings & utilities"));
  for (const auto& b : park.buildings) {
    if (b.enterprise.empty()) addBuilding(shared, b);
  }
  for (const auto& u : park.utilities) {
    if (u.building.empty()) add(shared, q(u.id), "utility", q(u.name.zh), q(u.name.en));
  }
  endResetModel();
}

void AssetTreeModel::setLanguage(const QString& language) {
  if (language_ == language) return;
  language_ = language;
  // Every name changes; the tree keeps its shape (and what the user expanded).
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    const QModelIndex index = indexOfNode(static_cast<int>(i));
    emit dataChanged(index, index, {Qt::DisplayRole});
  }
}

QModelIndex AssetTreeModel::indexOfNode(int node) const {
  if (node < 0) return {};
  return createIndex(nodes_[node].row, 0, quintptr(node));
}

QModelIndex AssetTreeModel::indexOfObject(const QString& objectId) const {
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    if (nodes_[i].id == objectId) return indexOfNode(static_cast<int>(i));
  }
  return {};
}

QString AssetTreeModel::objectIdAt(const QModelIndex& index) const {
  return index.isValid() ? nodes_[index.internalId()].id : QString();
}

QVariantList AssetTreeModel::pathToObject(const QString& objectId) const {
  QVariantList path;
  for (QModelIndex i = indexOfObject(objectId); i.isValid(); i = parent(i)) path.prepend(QVariant::fromValue(i));
  return path;
}

QModelIndex AssetTreeModel::index(int row, int column, const QModelIndex& parentIndex) const {
  if (column != 0 || row < 0) return {};
  if (!parentIndex.isValid()) return (row == 0 && !nodes_.empty()) ? indexOfNode(0) : QModelIndex();
  const auto& children = nodes_[parentIndex.internalId()].children;
  return row < int(children.size()) ? indexOfNode(children[row]) : QModelIndex();
}

QModelIndex AssetTreeModel::parent(const QModelIndex& child) const {
  return child.isValid() ? indexOfNode(nodes_[child.internalId()].parent) : QModelIndex();
}

int AssetTreeModel::rowCount(const QModelIndex& parentIndex) const {
  if (!parentIndex.isValid()) return nodes_.empty() ? 0 : 1;
  return static_cast<int>(nodes_[parentIndex.internalId()].children.size());
}

int AssetTreeModel::columnCount(const QModelIndex&) const { return 1; }

QVariant AssetTreeModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid()) return {};
  const Node& node = nodes_[index.internalId()];
  switch (role) {
    case Qt::DisplayRole:
      if (node.groupName) return tr(node.groupName);
      return language_ == "zh" ? node.nameZh : node.nameEn;
    case ObjectIdRole: return node.id;
    case ObjectTypeRole: return node.type;
    default: return {};
  }
}

QHash<int, QByteArray> AssetTreeModel::roleNames() const {
  return {{Qt::DisplayRole, "display"}, {ObjectIdRole, "objectId"}, {ObjectTypeRole, "objectType"}};
}

}  // namespace parktwin::app
