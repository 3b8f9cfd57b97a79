#include "narrationmodel.h"

#include "timeformat.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>
#include <QPalette>
#include <algorithm>

namespace ks {

NarrationModel::NarrationModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void NarrationModel::setSteps(QList<NarrationStep> steps)
{
    std::stable_sort(
        steps.begin(), steps.end(),
        [](const NarrationStep &a, const NarrationStep &b) { return a.atUs < b.atUs; });
    beginResetModel();
    m_steps = std::move(steps);
    m_current = rowAt(m_playheadUs);
    endResetModel();
    Q_EMIT currentChanged(m_current);
}

void NarrationModel::setLanguage(const QString &language)
{
    const QString lang =
        language.startsWith(QStringLiteral("zh")) ? QStringLiteral("zh_CN") : QStringLiteral("en");
    if (lang == m_language)
        return;
    m_language = lang;
    if (!m_steps.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_steps.size()) - 1),
                           {Qt::DisplayRole, Qt::ToolTipRole});
    Q_EMIT currentChanged(m_current);
}

void NarrationModel::setShowTimes(bool on)
{
    if (on == m_showTimes)
        return;
    m_showTimes = on;
    if (!m_steps.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_steps.size()) - 1), {Qt::DisplayRole});
}

int NarrationModel::rowAt(qint64 us) const
{
    auto it = std::upper_bound(m_steps.cbegin(), m_steps.cend(), us,
                               [](qint64 t, const NarrationStep &s) { return t < s.atUs; });
    return int(it - m_steps.cbegin()) - 1;
}

void NarrationModel::setPlayhead(qint64 us)
{
    m_playheadUs = us;
    const int row = rowAt(us);
    if (row == m_current)
        return;
    const int old = m_current;
    m_current = row;
    if (old >= 0)
        Q_EMIT dataChanged(index(old), index(old), {CurrentRole, Qt::BackgroundRole});
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row), {CurrentRole, Qt::BackgroundRole});
    Q_EMIT currentChanged(row);
}

QString NarrationModel::textAt(int row) const
{
    if (row < 0 || row >= m_steps.size())
        return {};
    const NarrationStep &s = m_steps[row];
    if (m_language == QStringLiteral("zh_CN"))
        return s.zhCN.isEmpty() ? s.en : s.zhCN;
    return s.en.isEmpty() ? s.zhCN : s.en;
}

QString NarrationModel::currentText() const
{
    return textAt(m_current);
}

int NarrationModel::captionRow() const
{
    for (int row = m_current; row >= 0; --row)
        if (!m_steps[row].unverified)
            return row;
    return -1;
}

int NarrationModel::caveatRow() const
{
    const int caption = captionRow();
    for (int row = m_current; row > caption; --row)
        if (m_steps[row].unverified)
            return row;
    return -1;
}

qint64 NarrationModel::nextStepTime(qint64 fromUs) const
{
    for (const NarrationStep &s : m_steps)
        if (s.atUs > fromUs)
            return s.atUs;
    return -1;
}

qint64 NarrationModel::previousStepTime(qint64 fromUs) const
{
    for (auto it = m_steps.crbegin(); it != m_steps.crend(); ++it)
        if (it->atUs < fromUs)
            return it->atUs;
    return -1;
}

int NarrationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_steps.size());
}

QVariant NarrationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NarrationStep &s = m_steps[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        if (m_showTimes)
            return QStringLiteral("%1  %2").arg(TimeFormat::seconds(s.atUs), textAt(index.row()));
        return textAt(index.row());
    case Qt::ToolTipRole:
        return textAt(index.row());
    case Qt::BackgroundRole:
        // A background, not a bold font: word-wrapped list rows keep their measured height.
        if (index.row() == m_current) {
            QColor c = QGuiApplication::palette().color(QPalette::Highlight);
            c.setAlpha(60);
            return QBrush(c);
        }
        return {};
    case TimeUsRole:
        return s.atUs;
    case EnglishRole:
        return s.en;
    case ChineseRole:
        return s.zhCN;
    case CurrentRole:
        return index.row() == m_current;
    case UnverifiedRole:
        return s.unverified;
    case SessionRole:
        return s.sessionId;
    default:
        return {};
    }
}

QHash<int, QByteArray> NarrationModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(TimeUsRole, QByteArrayLiteral("timeUs"));
    names.insert(EnglishRole, QByteArrayLiteral("en"));
    names.insert(ChineseRole, QByteArrayLiteral("zhCN"));
    names.insert(CurrentRole, QByteArrayLiteral("current"));
    names.insert(UnverifiedRole, QByteArrayLiteral("unverified"));
    names.insert(SessionRole, QByteArrayLiteral("session"));
    return names;
}

} // namespace ks
