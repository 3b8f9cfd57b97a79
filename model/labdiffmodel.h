#pragma once

#include "labcomparison.h"

#include <QAbstractItemModel>
#include <QList>

namespace ks {

// The differences of a lab comparison as a tree: one group per session (and one for the whole
// scenario), each difference under it with its moment, class, aspect, what the simulation and
// the server showed, and the detail or the declared reason.
//
// Invariants: groups appear in the comparison's session order and only when they have rows;
// rows keep the comparison's time order; timing checks within tolerance are rows only while
// showTimingOk() is on. TimeRole / SessionRole / ClassRole answer for every row.
class LabDiffModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, ClassColumn, AspectColumn, SimColumn, RealColumn, DetailColumn, ColumnCount };
    enum Role { TimeRole = Qt::UserRole + 1, SessionRole, ClassRole, CountsRole };

    explicit LabDiffModel(QObject *parent = nullptr);

    void setComparison(const LabComparison &comparison);
    const LabComparison &comparison() const { return m_cmp; }
    void setShowTimingOk(bool on);
    // "en" or "zh_CN": the language of the declared reasons.
    void setLanguage(const QString &language);
    bool showTimingOk() const { return m_showOk; }
    // The difference behind an index (nullptr for a group row).
    const LabDiff *diffAt(const QModelIndex &index) const;
    // Readable name of a class, in the UI language.
    static QString className(LabDiff::Class c);
    // Readable name of an aspect ("lines" → "client lines"), in the UI language.
    static QString aspectName(const QString &aspect);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Group
    {
        QString session;    // empty: the whole scenario
        QList<int> diffs;   // indices into m_cmp.diffs
    };
    void rebuild();

    LabComparison m_cmp;
    QList<Group> m_groups;
    bool m_showOk = false;
    bool m_chinese = false;
};

} // namespace ks
