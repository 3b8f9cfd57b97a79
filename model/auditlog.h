#pragma once

#include <QJsonObject>
#include <QMutex>
#include <QString>

namespace ks {

// An append-only log of every kill: one JSON object per line (time, server, account, statement,
// target, outcome). Opened and flushed per line, so a crash loses at most the line being written
// and several KillScopes can share the file.
//
// Invariants: thread-safe; never throws away a line silently — a write error is kept in
// lastError() for the UI to show.
class AuditLog
{
public:
    explicit AuditLog(QString path = defaultPath());

    // $XDG_DATA_HOME/KillScope/kills.log (QStandardPaths::AppDataLocation).
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
