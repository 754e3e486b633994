#include "stable_rows_model.hpp"

#include <algorithm>
#include <utility>

namespace parktwin::app {

StableRowsModel::StableRowsModel(QStringList roles, QObject* parent)
    : QAbstractListModel(parent), roles_(std::move(roles)) {}

int StableRowsModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(rows_.size()); }

QVariant StableRowsModel::data(const QModelIndex& index, int role) const {
  const int key = role - Qt::UserRole;
  if (!index.isValid() || index.row() >= rows_.size() || key < 0 || key >= roles_.size()) return {};
  return rows_[index.row()].value(roles_[key]);
}

QHash<int, QByteArray> StableRowsModel::roleNames() const {
  QHash<int, QByteArray> names;
  for (int i = 0; i < roles_.size(); ++i) names.insert(Qt::UserRole + i, roles_[i].toUtf8());
  return names;
}

QVariantMap StableRowsModel::get(int row) const { return row >= 0 && row < rows_.size() ? rows_[row] : QVariantMap(); }

void StableRowsModel::resetRows(const QVariantList& rows) {
  const bool countChanges = rows.size() != rows_.size();
  beginResetModel();
  rows_.clear();
  for (const QVariant& row : rows) rows_.push_back(row.toMap());
  rowsUpdated_ = int(rows_.size());
  endResetModel();
  if (countChanges) emit countChanged();
}

void StableRowsModel::setRows(const QVariantList& rows) {
  const qsizetype kept = std::min(rows_.size(), rows.size());
  rowsUpdated_ = 0;
  for (qsizetype r = 0; r < kept; ++r) {
    const QVariantMap row = rows[r].toMap();
    QList<int> changed;
    for (int i = 0; i < roles_.size(); ++i) {
      if (rows_[r].value(roles_[i]) != row.value(roles_[i])) changed << Qt::UserRole + i;
    }
    if (changed.isEmpty()) continue;
    rows_[r] = row;
    ++rowsUpdated_;
    emit dataChanged(index(int(r)), index(int(r)), changed);
  }
  if (rows.size() > rows_.size()) {
    beginInsertRows({}, int(rows_.size()), int(rows.size()) - 1);
    for (qsizetype r = rows_.size(); r < rows.size(); ++r) rows_.push_back(rows[r].toMap());
    endInsertRows();
    emit countChanged();
  } else if (rows.size() < rows_.size()) {
    beginRemoveRows({}, int(rows.size()), int(rows_.size()) - 1);
    rows_.resize(rows.size());
    endRemoveRows();
    emit countChanged();
  }
}

}  // namespace parktwin::app
