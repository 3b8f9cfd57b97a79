#include "processlistsortmodel.h"

#include "processlistmodel.h"

namespace ks {

ProcesslistSortModel::ProcesslistSortModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ProcesslistModel::SortRole);
}

void ProcesslistSortModel::setSourceModel(QAbstractItemModel *model)
{
    m_rows = qobject_cast<const ProcesslistModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

bool ProcesslistSortModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_rows || sourceModel() != m_rows || sortRole() != ProcesslistModel::SortRole ||
        left.model() != m_rows || right.model() != m_rows)
        return QSortFilterProxyModel::lessThan(left, right);
    // The same values SortRole gives, compared as the base class compares them when both sides
    // have the same type; anything else goes the base class's way.
    const QVariant l = m_rows->sortValueAt(left.row(), left.column());
    const QVariant r = m_rows->sortValueAt(right.row(), right.column());
    if (l.metaType() == r.metaType()) {
        switch (l.typeId()) {
        case QMetaType::LongLong:
            return *static_cast<const qlonglong *>(l.constData()) <
                   *static_cast<const qlonglong *>(r.constData());
        case QMetaType::Double:
            return *static_cast<const double *>(l.constData()) <
                   *static_cast<const double *>(r.constData());
        case QMetaType::QString: {
            const auto &a = *static_cast<const QString *>(l.constData());
            const auto &b = *static_cast<const QString *>(r.constData());
            return isSortLocaleAware() ? a.localeAwareCompare(b) < 0
                                       : a.compare(b, sortCaseSensitivity()) < 0;
        }
        default:
            break;
        }
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace ks
