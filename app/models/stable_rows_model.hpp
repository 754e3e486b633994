#pragma once
// Rows of named values for a QML Repeater whose delegates must survive an update. The flows
// overlay replaces its arcs, KPI cards and Sankey rows at every displayed replay step; handed to
// QML as a new list each time, every delegate (a 3D Model with its material and texture, a card
// with its texts, a Sankey band) was destroyed and built again, or every binding of every
// delegate ran again, at each step: the frames dropped during a replay with the flows shown.
// Here, rows replaced by as many again change only the roles whose values differ
// (dataChanged with those roles): the delegates stay and only the bindings on what changed run.
// A different count inserts or removes rows at the end.
#include <QAbstractListModel>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace parktwin::app {

class StableRowsModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Provided by FlowController")
  Q_PROPERTY(int count READ count NOTIFY countChanged)

 public:
  // `roles`: the keys of the rows' maps that QML reads, as `model.<key>` in a delegate.
  explicit StableRowsModel(QStringList roles, QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;
  int count() const { return int(rows_.size()); }

  // The new rows (maps by role name); a key that is not a role is ignored.
  void setRows(const QVariantList& rows);
  // All rows new, every delegate built again: the way the overlay was shown before these rows,
  // kept as the frame benchmark's baseline (--bench-flows-reset-rows).
  void resetRows(const QVariantList& rows);
  // Row `row` as a map (tests and tools): empty when out of range.
  Q_INVOKABLE QVariantMap get(int row) const;
  // Rows whose values changed at the last setRows (the delegates updated in place).
  int rowsUpdatedLastTime() const { return rowsUpdated_; }

 signals:
  void countChanged();

 private:
  QStringList roles_;  // role Qt::UserRole + i is roles_[i]
  QList<QVariantMap> rows_;
  int rowsUpdated_ = 0;
};

}  // namespace parktwin::app
