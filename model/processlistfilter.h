#pragma once

#include "processlistsortmodel.h"
#include "sessionsource.h"

#include <QString>

namespace ks {

class ProcesslistModel;

// The live processlist's filters and sorting on top of a ProcesslistModel: hide Sleep, hide
// system/daemon threads, hide KillScope's own connections, match user/db/host/command/state, and
// search the statement text; sorting by the model's raw SortRole values.
//
// Invariants: the source is always a ProcesslistModel (rows are read through rowAt(), never by
// parsing display text); text matches are case-insensitive substrings; an empty criterion
// matches everything. Being a proxy, it keeps the view's selection across refreshes as long as
// the source reports moves and changes (ProcesslistModel does).
class ProcesslistFilterModel : public ProcesslistSortModel
{
    Q_OBJECT
public:
    enum class Field { User, Db, Host, Command, State };

    explicit ProcesslistFilterModel(QObject *parent = nullptr);

    void setProcesslistModel(ProcesslistModel *model);
    ProcesslistModel *processlistModel() const { return m_model; }

    void setHideSleep(bool on);
    bool hideSleep() const { return m_hideSleep; }
    void setHideSystem(bool on);
    bool hideSystem() const { return m_hideSystem; }
    void setHideOwn(bool on);
    bool hideOwn() const { return m_hideOwn; }
    void setFieldFilter(Field field, const QString &text);
    QString fieldFilter(Field field) const;
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    // Only sessions in their current state for longer than this (pt-kill's --busy-time);
    // 0 = any time.
    void setMinTimeS(int seconds);
    int minTimeS() const { return m_minTimeS; }

    // The criteria applied to one row (the table, the lanes and Kill matching… all ask this).
    // `ended`: a session no longer in the processlist, known only by who it was and what it
    // ran, so only user, db, host and text apply.
    bool accepts(const ProcesslistRow &row, bool ended = false) const;
    // True when some criterion narrows the rows beyond the defaults (hidden own and system
    // threads): Kill matching… never offers "everything".
    bool narrows() const;
    // The criteria as one line, "user ~ app · time > 10 s · text ~ SELECT"; empty = none.
    QString describe() const;

    // The processlist id of a proxy row.
    qint64 idAt(int proxyRow) const;

Q_SIGNALS:
    // Any criterion changed (views that filter by the same criteria follow).
    void criteriaChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void refilter();

    ProcesslistModel *m_model = nullptr;
    bool m_hideSleep = false;
    bool m_hideSystem = true;
    bool m_hideOwn = true;
    QString m_fields[5];
    QString m_search;
    int m_minTimeS = 0;
};

} // namespace ks
