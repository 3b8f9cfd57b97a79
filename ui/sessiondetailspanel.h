#pragma once

#include "sessionsource.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTextBrowser;

namespace ks {

// What a DBA reads about one session: who it is, its full statement (selectable and copyable),
// its transaction (age, rows locked and modified, idle in transaction), the lock it waits for and
// who waits for it, and every kill KillScope sent it with how each ended.
//
// Invariants: display only; it reads what it is given (rows at the playhead and the source's
// kill records) and never queries a server. A session is the pair (id, first seen): when the id
// later names another session, the pane says the chosen one ended and keeps its last row.
class SessionDetailsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SessionDetailsPanel(QWidget *parent = nullptr);

    // The session to describe (a row of the processlist, with the source's annotation).
    void setSession(const ProcesslistRow &row);
    void clearSession();
    qint64 sessionId() const { return m_row.id; }
    // New rows at the playhead and the kills so far; wallOriginMs turns times into clock times
    // (-1: run time).
    void refresh(const QList<ProcesslistRow> &rows, const QList<KillRecord> &kills,
                 qint64 wallOriginMs);

    QString statementText() const;
    QString detailsText() const;
    QPlainTextEdit *statementView() const { return m_sql; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    QString timeText(qint64 us) const;

    ProcesslistRow m_row;
    bool m_has = false;
    bool m_ended = false;
    QList<ProcesslistRow> m_rows;
    QList<KillRecord> m_kills;
    qint64 m_wallOriginMs = -1;
    QLabel *m_header = nullptr;
    QPlainTextEdit *m_sql = nullptr;
    QTextBrowser *m_details = nullptr;
};

} // namespace ks
