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
    Q_EMIT criteriaChanged();
}

void ProcesslistFilterModel::setMinTimeS(int seconds)
{
    m_minTimeS = qMax(0, seconds);
    refilter();
}

bool ProcesslistFilterModel::narrows() const
{
    if (m_hideSleep || m_minTimeS > 0 || !m_search.isEmpty())
        return true;
    for (const QString &f : m_fields)
        if (!f.isEmpty())
            return true;
    return false;
}

QString ProcesslistFilterModel::describe() const
{
    static const char *const names[] = {"user", "db", "host", "command", "state"};
    QStringList parts;
    for (int i = 0; i < 5; ++i)
        if (!m_fields[i].isEmpty())
            parts << QStringLiteral("%1 ~ %2").arg(QLatin1String(names[i]), m_fields[i]);
    if (m_hideSleep)
        parts << tr("not Sleep");
    if (m_minTimeS > 0)
        parts << tr("time > %1 s").arg(m_minTimeS);
    if (!m_search.isEmpty())
        parts << tr("text ~ %1").arg(m_search);
    return parts.join(QStringLiteral(" · "));
}

bool ProcesslistFilterModel::accepts(const ProcesslistRow &r, bool ended) const
{
    if (m_hideOwn && r.own)
        return false;
    if (m_hideSystem && r.system)
        return false;
    if (!ended && m_hideSleep && r.command == QStringLiteral("Sleep"))
        return false;
    if (!ended && m_minTimeS > 0 && r.timeMs <= qint64(m_minTimeS) * 1000)
        return false;
    const QString *values[] = {&r.user, &r.db, &r.host, &r.command, &r.state};
    for (int i = 0; i < 5; ++i) {
        if (ended && i >= 3)
            break;
        if (!m_fields[i].isEmpty() && !values[i]->contains(m_fields[i], Qt::CaseInsensitive))
            return false;
    }
    if (!m_search.isEmpty() && !r.info.contains(m_search, Qt::CaseInsensitive) &&
        QString::number(r.id) != m_search)
        return false;
    return true;
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
    return src.isValid() ? m_model->rows().at(src.row()).id : 0;
}

bool ProcesslistFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (!m_model)
        return true;
    return accepts(m_model->rows().at(sourceRow)); // by reference: no copy per row at scale
}

} // namespace ks
