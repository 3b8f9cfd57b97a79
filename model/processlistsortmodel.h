#pragma once

#include <QSortFilterProxyModel>

namespace ks {

class ProcesslistModel;

// A QSortFilterProxyModel over a ProcesslistModel that compares rows by the model's sort values
// directly: no QModelIndex, no data() call and no generic QVariant comparison per pair. Sorting
// ten thousand sessions takes some 140,000 comparisons (when they arrive, and after every
// sample while the sort column is one that changes, such as Time); through data() that was tens
// of milliseconds on the GUI thread.
//
// Invariants: the order is exactly the base class's on ProcesslistModel::SortRole (numbers as
// numbers, texts by the proxy's case sensitivity and locale setting, ties in source order); any
// other source model, sort role or value type gets the base class's comparison.
class ProcesslistSortModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ProcesslistSortModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    const ProcesslistModel *m_rows = nullptr; // the source, when it is a ProcesslistModel
};

} // namespace ks
