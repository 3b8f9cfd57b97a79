#pragma once

#include <QJsonObject>
#include <QMutex>
#include <QString>
#include <QWaitCondition>
#include <deque>
#include <thread>

namespace ks {

// An append-only log of every kill attempt, for a DBA to hand to an auditor: one JSON object per
// line and per attempt — sent, refused by the server, not sent (identity check, own connection,
// no connection) and read-only — with the server, KillScope's account, the victim's row as seen,
// the identity proof, the statement and the tracked outcome (LiveSource builds the lines).
//
// Invariants: thread-safe. post() never touches the file: a writer thread of its own appends the
// lines in order, so no file I/O runs on the GUI thread, and the destructor (or flush()) waits
// until every posted line is written, so none is lost at exit. The file is created mode 0600 (a
// directory it creates, 0700) and an existing one is narrowed to 0600, because statement texts
// can hold secrets; it is opened without following a symbolic link; each line is opened,
// written and closed, so a crash loses at most the line being written and several KillScopes
// can share the file. A write error is kept in lastError() for the UI, never dropped silently.
class AuditLog
{
public:
    explicit AuditLog(QString path = defaultPath());
    ~AuditLog();
    AuditLog(const AuditLog &) = delete;
    AuditLog &operator=(const AuditLog &) = delete;

    // $KILLSCOPE_AUDIT_LOG, else $XDG_DATA_HOME/KillScope/kills.log (~/.local/share/KillScope).
    static QString defaultPath();

    QString path() const { return m_path; }
    // Queues one line for the writer thread.
    void post(QJsonObject entry);
    // Writes one line now, on the calling thread. False on error (see lastError()).
    bool append(QJsonObject entry);
    // Waits until every posted line is written; false if that took longer than timeoutMs.
    bool flush(int timeoutMs = 5000);
    QString lastError() const;

private:
    void writerLoop();

    QString m_path;
    mutable QMutex m_mutex; // guards everything below
    QWaitCondition m_wake;
    QWaitCondition m_drained;
    std::deque<QJsonObject> m_queue;
    bool m_writing = false;
    bool m_quit = false;
    bool m_writerRunning = false;
    std::thread m_writer;
    QString m_lastError;
    QMutex m_fileMutex; // one line at a time into the file
};

} // namespace ks
