#pragma once

// The throwaway MariaDB that the CTest fixture `MDB` starts (tests/fixtures/mariadb.sh) and
// describes in the file named by $MDB_ENV_FILE. Live tests read it through this header; a test
// that cannot reach its server fails, quoting the server's error log — it never skips.

#include <QFile>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QUuid>

namespace ks::test {

struct TestServer
{
    QString dir, host, socket, database, adminUser, adminPassword, lowUser, lowPassword, errorLog,
        mariadbd, certUser, certPassword, tlsDir, labUser, labPassword;
    // PROCESS only: sees every thread, may kill none but its own (the server answers 1095).
    QString procUser, procPassword;
    int port = 0;
    QString problem; // empty when the description was read

    bool ok() const { return problem.isEmpty(); }

    static TestServer fromEnvironment()
    {
        TestServer s;
        const QString path = qEnvironmentVariable("MDB_ENV_FILE");
        if (path.isEmpty()) {
            s.problem = QStringLiteral("MDB_ENV_FILE is not set: run live tests through ctest, "
                                       "which starts the MariaDB fixture");
            return s;
        }
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            s.problem = QStringLiteral("cannot read %1 (%2): the MariaDB fixture did not start; "
                                       "see the mdb_start test output")
                            .arg(path, f.errorString());
            return s;
        }
        QHash<QString, QString> kv;
        while (!f.atEnd()) {
            const QString line = QString::fromUtf8(f.readLine()).trimmed();
            const qsizetype eq = line.indexOf(u'=');
            if (eq > 0)
                kv.insert(line.left(eq), line.mid(eq + 1));
        }
        s.dir = kv.value(QStringLiteral("MDB_DIR"));
        s.host = kv.value(QStringLiteral("MDB_HOST"));
        s.port = kv.value(QStringLiteral("MDB_PORT")).toInt();
        s.socket = kv.value(QStringLiteral("MDB_SOCKET"));
        s.database = kv.value(QStringLiteral("MDB_DATABASE"));
        s.adminUser = kv.value(QStringLiteral("MDB_ADMIN_USER"));
        s.adminPassword = kv.value(QStringLiteral("MDB_ADMIN_PASSWORD"));
        s.lowUser = kv.value(QStringLiteral("MDB_LOW_USER"));
        s.lowPassword = kv.value(QStringLiteral("MDB_LOW_PASSWORD"));
        s.procUser = kv.value(QStringLiteral("MDB_PROC_USER"));
        s.procPassword = kv.value(QStringLiteral("MDB_PROC_PASSWORD"));
        s.errorLog = kv.value(QStringLiteral("MDB_ERROR_LOG"));
        s.mariadbd = kv.value(QStringLiteral("MDB_MARIADBD"));
        s.certUser = kv.value(QStringLiteral("MDB_CERT_USER"));
        s.certPassword = kv.value(QStringLiteral("MDB_CERT_PASSWORD"));
        s.tlsDir = kv.value(QStringLiteral("MDB_TLS_DIR"));
        s.labUser = kv.value(QStringLiteral("MDB_LAB_USER"));
        s.labPassword = kv.value(QStringLiteral("MDB_LAB_PASSWORD"));
        if (s.port <= 0 || s.socket.isEmpty())
            s.problem =
                QStringLiteral("%1 does not describe a server (no port or socket)").arg(path);
        return s;
    }

    // The last lines of the server's error log, to explain a failure.
    QString errorLogTail(int lines = 30) const
    {
        QFile f(errorLog);
        if (!f.open(QIODevice::ReadOnly))
            return QStringLiteral("(no error log at %1)").arg(errorLog);
        const QStringList all = QString::fromUtf8(f.readAll()).split(u'\n');
        return all.mid(qMax<qsizetype>(0, all.size() - lines)).join(u'\n');
    }

    // A file of the fixture's test PKI: "ca.pem", "other-ca.pem", "server-cert.pem",
    // "wrong-host-cert.pem", "client-cert.pem", "client-key.pem", ...
    QString tlsFile(const QString &name) const { return tlsDir + u'/' + name; }

    enum class Via
    {
        Tcp,
        Socket
    };

    // A new, uniquely named QMYSQL connection as the given user; the caller opens it.
    QSqlDatabase connection(Via via, const QString &user, const QString &password,
                            const QString &name = {}) const
    {
        const QString connName =
            name.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : name;
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), connName);
        if (via == Via::Tcp) {
            db.setHostName(host);
            db.setPort(port);
        } else {
            db.setHostName(QStringLiteral("localhost"));
            db.setConnectOptions(QStringLiteral("UNIX_SOCKET=%1").arg(socket));
        }
        db.setUserName(user);
        db.setPassword(password);
        db.setDatabaseName(database);
        return db;
    }

    QSqlDatabase admin(Via via = Via::Tcp, const QString &name = {}) const
    {
        return connection(via, adminUser, adminPassword, name);
    }
    QSqlDatabase lowPrivilege(Via via = Via::Tcp, const QString &name = {}) const
    {
        return connection(via, lowUser, lowPassword, name);
    }
};

} // namespace ks::test

// Fails the current test (never skips) when the fixture's server is not there.
#define KS_REQUIRE_SERVER(server)                                                                  \
    do {                                                                                           \
        if (!(server).ok())                                                                        \
            QFAIL(qPrintable((server).problem));                                                   \
    } while (false)

// Opens `db` or fails the test with the driver's message and the server's error log.
#define KS_OPEN_OR_FAIL(db, server)                                                                \
    do {                                                                                           \
        if (!(db).open())                                                                          \
            QFAIL(qPrintable(QStringLiteral("cannot connect: %1\n%2")                              \
                                 .arg((db).lastError().text(), (server).errorLogTail())));         \
    } while (false)
