#pragma once

#include <QJsonObject>
#include <QMutex>
#include <QString>

namespace ks {

// An append-only log of every kill attempt, for a DBA to hand to an auditor: one JSON object per
// line and per attempt — sent, refused by the server, not sent (identity check, own connection,
// no connection) and read-only — with the server, KillScope's account, the victim's row as seen,
// the identity proof, the statement and the tracked outcome (LiveSource builds the lines).
//
// Invariants: thread-safe; the file is created mode 0600 (a directory it creates, 0700) and an
// existing one is narrowed to 0600, because statement texts can hold secrets; it is opened
// without following a symbolic link; each line is opened, written and closed, so a crash loses
// at most the line being written and several KillScopes can share the file. A write error is
// kept in lastError() for the UI, never dropped silently.
class AuditLog
{
public:
    explicit AuditLog(QString path = defaultPath());

    // $KILLSCOPE_AUDIT_LOG, else $XDG_DATA_HOME/KillScope/kills.log (~/.local/share/KillScope).
    static QString defaultPath();

    QString path() const { return m_path; }
    bool append(QJsonObject entry);
    QString lastError() const;

private:
    QString m_path;
    mutable QMutex m_mutex;
    QString m_lastError;
};

} // namespace ks
