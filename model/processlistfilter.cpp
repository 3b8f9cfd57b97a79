#include "processlistfilter.h"

#include "processlistmodel.h"

namespace ks {

ProcesslistFilterModel::ProcesslistFilterModel(QObject *parent)
    : ProcesslistSortModel(parent)
{
    setSortRole(ProcesslistModel::SortRole);
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void ProcesslistFilterModel::setProcesslistModel(ProcesslistModel *model)
{
    m_model = model;
    setSourceModel(model);
}

void ProcesslistFilterModel::refilter()
{
    // Qt 6.4 has no begin/endFilterChange; invalidateFilter keeps the selection of rows that stay.
    invalidateFilter();
}

void ProcesslistFilterModel::setHideSleep(bool on)
{
    m_hideSleep = on;
    refilter();
}

void ProcesslistFilterModel::setHideSystem(bool on)
{
    m_hideSystem = on;
    refilter();
}

void ProcesslistFilterModel::setHideOwn(bool on)
{
    m_hideOwn = on;
    refilter();
}

void ProcesslistFilterModel::setFieldFilter(Field field, const QString &text)
{
    m_fields[int(field)] = text.trimmed();
    refilter();
}

QString ProcesslistFilterModel::fieldFilter(Field field) const
{
    return m_fields[int(field)];
}

void ProcesslistFilterModel::setSearchText(const QString &text)
{
    m_search = text.trimmed();
    refilter();
}

qint64 ProcesslistFilterModel::idAt(int proxyRow) const
{
    if (!m_model)
        return 0;
    const QModelIndex src = mapToSource(index(proxyRow, 0));
    return src.isValid() ? m_model->rowAt(src.row()).id : 0;
}

bool ProcesslistFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (!m_model)
        return true;
    const ProcesslistRow &r = m_model->rows().at(sourceRow);
    if (m_hideOwn && r.own)
        return false;
    if (m_hideSystem && r.system)
        return false;
    if (m_hideSleep && r.command == QStringLiteral("Sleep"))
        return false;
    const QString *values[] = {&r.user, &r.db, &r.host, &r.command, &r.state};
    for (int i = 0; i < 5; ++i) {
        if (!m_fields[i].isEmpty() && !values[i]->contains(m_fields[i], Qt::CaseInsensitive))
            return false;
    }
    if (!m_search.isEmpty() && !r.info.contains(m_search, Qt::CaseInsensitive) &&
        QString::number(r.id) != m_search)
        return false;
    return true;
}

} // namespace ks
