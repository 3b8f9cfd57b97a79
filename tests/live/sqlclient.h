#pragma once

// A scripted MySQL client on its own thread, so live tests can run victims, lock holders and
// setup SQL without ever blocking the GUI thread whose responsiveness they measure.

#include "connectionsettings.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>
#include <QVariant>
#include <QWaitCondition>
#include <QtTest>

#include <atomic>
#include <deque>
#include <memory>
#include <thread>

namespace ks::test {

class SqlClient
{
public:
    struct Result
    {
        std::atomic<bool> done{false};
        bool ok = false;
        int error = 0;
        QString text;
        QList<QVariantList> rows;
        qint64 startedMs = 0; // on the shared steady clock (SqlClient::nowMs)
        qint64 finishedMs = 0;
    };

    static qint64 nowMs()
    {
        static QElapsedTimer t = [] {
            QElapsedTimer e;
            e.start();
            return e;
        }();
        return t.elapsed();
    }

    SqlClient(const TestServer &server, const QString &user, const QString &password,
              TestServer::Via via = TestServer::Via::Tcp)
    {
        nowMs();
        m_thread = std::thread([this, server, user, password, via] {
            const QString name = QUuid::createUuid().toString(QUuid::Id128);
            {
                QSqlDatabase db = server.connection(via, user, password, name);
                const bool open = db.open();
                {
                    QMutexLocker lock(&m_mutex);
                    m_openError = open ? QString() : db.lastError().text();
                    if (open) {
                        QSqlQuery q(db);
                        if (q.exec(QStringLiteral("SELECT CONNECTION_ID()")) && q.next())
                            m_id = q.value(0).toLongLong();
                    }
                    m_opened = true;
                    m_cond.wakeAll();
                }
                for (;;) {
                    std::pair<QString, std::shared_ptr<Result>> job;
                    {
                        QMutexLocker lock(&m_mutex);
                        while (m_jobs.empty() && !m_quit)
                            m_cond.wait(&m_mutex);
                        if (m_quit)
                            break; // work still queued is dropped

                        job = m_jobs.front();
                        m_jobs.pop_front();
                    }
                    if (job.first.isEmpty()) { // close request
                        db.close();
                        job.second->ok = true;
                        job.second->done = true;
                        continue;
                    }
                    QSqlQuery q(db);
                    job.second->startedMs = nowMs();
                    job.second->ok = q.exec(job.first);
                    if (job.second->ok) {
                        while (q.next()) {
                            QVariantList row;
                            for (int c = 0, n = q.record().count(); c < n; ++c)
                                row << q.value(c);
                            job.second->rows << row;
                        }
                    } else {
                        job.second->error = q.lastError().nativeErrorCode().toInt();
                        job.second->text = q.lastError().text();
                    }
                    job.second->finishedMs = nowMs();
                    job.second->done = true;
                }
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        });
        // Wait for the handshake while the caller's event loop keeps running: the tests measure
        // how long the GUI thread is blocked, and their own clients must not count.
        for (;;) {
            {
                QMutexLocker lock(&m_mutex);
                if (m_opened)
                    break;
            }
            QTest::qWait(1);
        }
    }

    ~SqlClient()
    {
        {
            QMutexLocker lock(&m_mutex);
            m_quit = true;
            m_cond.wakeAll();
        }
        m_thread.join();
    }

    bool isOpen() const { return m_openError.isEmpty(); }
    QString openError() const { return m_openError; }
    qint64 id() const { return m_id; }

    std::shared_ptr<Result> run(const QString &sql)
    {
        auto r = std::make_shared<Result>();
        QMutexLocker lock(&m_mutex);
        m_jobs.emplace_back(sql, r);
        m_cond.wakeAll();
        return r;
    }
    // Closes the connection (the thread stays until destruction).
    std::shared_ptr<Result> close() { return run(QString()); }

private:
    std::thread m_thread;
    QMutex m_mutex;
    QWaitCondition m_cond;
    std::deque<std::pair<QString, std::shared_ptr<Result>>> m_jobs;
    bool m_quit = false;
    bool m_opened = false;
    QString m_openError;
    qint64 m_id = 0;
};

// Spins the event loop until a SqlClient job is done or `ms` have passed.
inline bool waitFor(const std::shared_ptr<SqlClient::Result> &r, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!r->done.load() && t.elapsed() < ms)
        QTest::qWait(5);
    return r->done.load();
}

// KillScope's settings for the fixture's privileged user over TCP.
inline ConnectionSettings adminTcpSettings(const TestServer &server)
{
    ConnectionSettings s;
    s.host = server.host;
    s.port = server.port;
    s.user = server.adminUser;
    s.password = server.adminPassword;
    s.database = server.database;
    return s;
}

} // namespace ks::test
