// TLS as the mysql client does it, against the throwaway MariaDB with the fixture's own CA: every
// --ssl-mode with the right and a wrong CA, a server certificate for the right and for another
// host, a server that offers no TLS (a proxy strips it from the greeting), a client certificate,
// and the sampler and the kill connection refusing the same connections.

#include "connectionopener.h"
#include "killexecutor.h"
#include "livesource.h"
#include "optionfile.h"
#include "sampler.h"
#include "testserver.h"
#include "tlsstripproxy.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>
#include <memory>

using namespace ks;
using ks::test::TestServer;
using ks::test::TlsStripProxy;
using Mode = ConnectionSettings::TlsMode;

namespace {

enum class Via
{
    Tcp,
    Socket,
    Stripped
};

} // namespace

Q_DECLARE_METATYPE(Via)

class TestLiveTls : public QObject
{
    Q_OBJECT
    TestServer m_server;
    std::unique_ptr<TlsStripProxy> m_proxy;
    int m_serial = 0;

    ConnectionSettings settings(Mode mode, const QString &ca, Via via) const
    {
        ConnectionSettings s;
        s.user = m_server.adminUser;
        s.password = m_server.adminPassword;
        s.database = m_server.database;
        s.tls = mode;
        if (!ca.isEmpty())
            s.tlsCaFile = m_server.tlsFile(ca);
        if (via == Via::Socket) {
            s.host = QStringLiteral("localhost");
            s.socket = m_server.socket;
        } else {
            s.host = m_server.host;
            s.port = via == Via::Stripped ? m_proxy->port() : m_server.port;
        }
        return s;
    }

    // Makes the server present `name`-cert.pem from now on (FLUSH SSL reloads the files).
    void present(const QString &name)
    {
        for (const char *part : {"cert", "key"}) {
            const QString active =
                m_server.tlsFile(QStringLiteral("active-%1.pem").arg(QLatin1String(part)));
            QFile::remove(active);
            QVERIFY(QFile::copy(
                m_server.tlsFile(QStringLiteral("%1-%2.pem").arg(name, QLatin1String(part))),
                active));
        }
        {
            QSqlDatabase db = m_server.admin(TestServer::Via::Socket, QStringLiteral("flush"));
            KS_OPEN_OR_FAIL(db, m_server);
            QSqlQuery q(db);
            QVERIFY2(q.exec(QStringLiteral("FLUSH SSL")), qPrintable(q.lastError().text()));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("flush"));
    }

    struct Opened
    {
        bool ok = false;
        int code = 0;
        QString message;
        TlsStatus tls;
        QString user; // CURRENT_USER() when open
    };

    Opened open(const ConnectionSettings &s)
    {
        Opened r;
        const QString name = QStringLiteral("tls-%1").arg(++m_serial);
        {
            QSqlDatabase db;
            ConnectionOpener opener(s);
            r.ok = opener.open(name, 10, &db);
            r.code = opener.errorCode();
            r.message = opener.errorMessage();
            r.tls = opener.tls();
            if (r.ok) {
                QSqlQuery q(db);
                if (q.exec(QStringLiteral("SELECT CURRENT_USER()")) && q.next())
                    r.user = q.value(0).toString();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = TestServer::fromEnvironment();
        KS_REQUIRE_SERVER(m_server);
        QVERIFY2(QFile::exists(m_server.tlsFile(QStringLiteral("ca.pem"))),
                 "the fixture made no test CA");
        m_proxy = std::make_unique<TlsStripProxy>(m_server.host, m_server.port);
        QVERIFY(m_proxy->port() > 0);
    }

    void cleanup() { present(QStringLiteral("server")); }

    void cleanupTestCase() { m_proxy.reset(); }

    void modes_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("ca");
        QTest::addColumn<Via>("via");
        QTest::addColumn<QString>("serverCert");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<bool>("encrypted");
        QTest::addColumn<bool>("chain");
        QTest::addColumn<bool>("host");
        QTest::addColumn<QString>("error");
        const QString ca = QStringLiteral("ca.pem"), other = QStringLiteral("other-ca.pem");
        const QString good = QStringLiteral("server"), wrongHost = QStringLiteral("wrong-host");
        const QString notEncrypted = QStringLiteral("the connection is not encrypted");
        // mode, CA, way, server certificate -> opened, encrypted, chain checked, host checked,
        // error
        QTest::newRow("DISABLED") << int(Mode::Disabled) << QString() << Via::Tcp << good << true
                                  << false << false << false << QString();
        QTest::newRow("PREFERRED") << int(Mode::Preferred) << QString() << Via::Tcp << good << true
                                   << true << false << false << QString();
        QTest::newRow("PREFERRED, server without TLS")
            << int(Mode::Preferred) << QString() << Via::Stripped << good << true << false << false
            << false << QString();
        QTest::newRow("PREFERRED over the socket stays local")
            << int(Mode::Preferred) << QString() << Via::Socket << good << true << false << false
            << false << QString();
        QTest::newRow("REQUIRED without a CA")
            << int(Mode::Required) << QString() << Via::Tcp << good << true << true << false
            << false << QString();
        QTest::newRow("REQUIRED ignores a CA, as mysql")
            << int(Mode::Required) << other << Via::Tcp << good << true << true << false << false
            << QString();
        QTest::newRow("REQUIRED over the socket")
            << int(Mode::Required) << QString() << Via::Socket << good << true << true << false
            << false << QString();
        QTest::newRow("REQUIRED, server without TLS")
            << int(Mode::Required) << QString() << Via::Stripped << good << false << false << false
            << false << notEncrypted;
        QTest::newRow("VERIFY_CA, right CA") << int(Mode::VerifyCa) << ca << Via::Tcp << good
                                             << true << true << true << false << QString();
        QTest::newRow("VERIFY_CA, wrong CA")
            << int(Mode::VerifyCa) << other << Via::Tcp << good << false << false << false << false
            << QStringLiteral("self-signed certificate in certificate chain");
        QTest::newRow("VERIFY_CA does not check the host")
            << int(Mode::VerifyCa) << ca << Via::Tcp << wrongHost << true << true << true << false
            << QString();
        QTest::newRow("VERIFY_CA, server without TLS")
            << int(Mode::VerifyCa) << ca << Via::Stripped << good << false << false << false
            << false << notEncrypted;
        QTest::newRow("VERIFY_IDENTITY, 127.0.0.1")
            << int(Mode::VerifyIdentity) << ca << Via::Tcp << good << true << true << true << true
            << QString();
        QTest::newRow("VERIFY_IDENTITY, localhost socket")
            << int(Mode::VerifyIdentity) << ca << Via::Socket << good << true << true << true
            << true << QString();
        QTest::newRow("VERIFY_IDENTITY, certificate for another host")
            << int(Mode::VerifyIdentity) << ca << Via::Tcp << wrongHost << false << false << false
            << false << QStringLiteral("Validation of SSL server certificate failed");
        QTest::newRow("VERIFY_IDENTITY, wrong CA")
            << int(Mode::VerifyIdentity) << other << Via::Tcp << good << false << false << false
            << false << QStringLiteral("self-signed certificate in certificate chain");
        QTest::newRow("VERIFY_IDENTITY, server without TLS")
            << int(Mode::VerifyIdentity) << ca << Via::Stripped << good << false << false << false
            << false << QStringLiteral("SSL is required, but the server does not support it");
        QTest::newRow("VERIFY_CA without a CA")
            << int(Mode::VerifyCa) << QString() << Via::Tcp << good << false << false << false
            << false
            << QStringLiteral(
                   "CA certificate is required if ssl-mode is VERIFY_CA or VERIFY_IDENTITY");
    }
    void modes()
    {
        QFETCH(int, mode);
        QFETCH(QString, ca);
        QFETCH(Via, via);
        QFETCH(QString, serverCert);
        QFETCH(bool, ok);
        QFETCH(bool, encrypted);
        QFETCH(bool, chain);
        QFETCH(bool, host);
        QFETCH(QString, error);
        present(serverCert);
        const int strippedBefore = m_proxy->stripped();
        const Opened r = open(settings(Mode(mode), ca, via));
        QVERIFY2(r.ok == ok, qPrintable(r.message));
        if (via == Via::Stripped)
            QVERIFY(m_proxy->stripped() > strippedBefore);
        if (ok) {
            QCOMPARE(r.user, m_server.adminUser + (via == Via::Socket ? QStringLiteral("@localhost")
                                                                      : QStringLiteral("@%")));
            QCOMPARE(r.tls.encrypted, encrypted);
            QCOMPARE(r.tls.chainVerified, chain);
            QCOMPARE(r.tls.hostVerified, host);
            if (encrypted)
                QVERIFY2(r.tls.version.startsWith(QStringLiteral("TLSv1.")),
                         qPrintable(r.tls.version));
            QVERIFY(!r.tls.describe().isEmpty());
        } else {
            QCOMPARE(r.code, 2026);
            QVERIFY2(r.message.contains(error), qPrintable(r.message));
        }
    }

    // A refused certificate is refused before the login: the server never sees the password (a
    // wrong one gives the TLS error, not 1045).
    void refusedBeforeTheLogin_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("ca");
        QTest::addColumn<Via>("via");
        QTest::addColumn<QString>("serverCert");
        QTest::newRow("VERIFY_CA, wrong CA")
            << int(Mode::VerifyCa) << QStringLiteral("other-ca.pem") << Via::Tcp
            << QStringLiteral("server");
        QTest::newRow("VERIFY_IDENTITY, other host")
            << int(Mode::VerifyIdentity) << QStringLiteral("ca.pem") << Via::Tcp
            << QStringLiteral("wrong-host");
        QTest::newRow("VERIFY_IDENTITY, no TLS")
            << int(Mode::VerifyIdentity) << QStringLiteral("ca.pem") << Via::Stripped
            << QStringLiteral("server");
    }
    void refusedBeforeTheLogin()
    {
        QFETCH(int, mode);
        QFETCH(QString, ca);
        QFETCH(Via, via);
        QFETCH(QString, serverCert);
        present(serverCert);
        ConnectionSettings s = settings(Mode(mode), ca, via);
        s.password = QStringLiteral("not-the-password");
        const Opened r = open(s);
        QVERIFY(!r.ok);
        QCOMPARE(r.code, 2026);
        // ... and what REQUIRED cannot do before the login is said, not hidden: a wrong password
        // through the stripping proxy meets the login first.
        if (via == Via::Stripped) {
            ConnectionSettings required = s;
            required.tls = Mode::Required;
            QCOMPARE(open(required).code, 1045);
        }
    }

    // An account that REQUIRE X509 logs in with --ssl-cert / --ssl-key, and not without.
    void clientCertificate()
    {
        ConnectionSettings s = settings(Mode::VerifyIdentity, QStringLiteral("ca.pem"), Via::Tcp);
        s.user = m_server.certUser;
        s.password = m_server.certPassword;
        s.database.clear();
        const Opened without = open(s);
        QVERIFY(!without.ok);
        QCOMPARE(without.code, 1045);
        s.tlsCertFile = m_server.tlsFile(QStringLiteral("client-cert.pem"));
        s.tlsKeyFile = m_server.tlsFile(QStringLiteral("client-key.pem"));
        const Opened with = open(s);
        QVERIFY2(with.ok, qPrintable(with.message));
        QCOMPARE(with.user, m_server.certUser + QStringLiteral("@%"));
        s.tls = Mode::Required; // a client certificate works without verifying the server too
        s.tlsCaFile.clear();
        QVERIFY2(open(s).ok, "REQUIRED with a client certificate");
    }

    // The sampler and the kill executor open through the same opener: both refuse an unencrypted
    // connection when TLS is required, and both accept a verified one.
    void samplerAndKillerCheckTheSame_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<Via>("via");
        QTest::addColumn<QString>("serverCert");
        QTest::addColumn<bool>("ok");
        QTest::newRow("REQUIRED, no TLS")
            << int(Mode::Required) << Via::Stripped << QStringLiteral("server") << false;
        QTest::newRow("VERIFY_IDENTITY, other host")
            << int(Mode::VerifyIdentity) << Via::Tcp << QStringLiteral("wrong-host") << false;
        QTest::newRow("VERIFY_IDENTITY")
            << int(Mode::VerifyIdentity) << Via::Tcp << QStringLiteral("server") << true;
    }
    void samplerAndKillerCheckTheSame()
    {
        QFETCH(int, mode);
        QFETCH(Via, via);
        QFETCH(QString, serverCert);
        QFETCH(bool, ok);
        present(serverCert);
        const ConnectionSettings s = settings(Mode(mode), QStringLiteral("ca.pem"), via);
        auto own = std::make_shared<OwnConnections>();
        QString samplerMessage, killerMessage;
        bool samplerOk = false, killerOk = false;
        {
            Sampler sampler(s, own, LiveClock{});
            connect(&sampler, &Sampler::connectFailed, this,
                    [&](const QString &m) { samplerMessage = m; });
            connect(&sampler, &Sampler::connected, this, [&](const ServerInfo &info) {
                samplerOk = true;
                samplerMessage = info.tls.describe();
            });
            sampler.start();
        }
        {
            KillExecutor killer(s, own, LiveClock{});
            connect(&killer, &KillExecutor::ready, this, [&](bool connected, const QString &m) {
                killerOk = connected;
                killerMessage = m;
            });
            killer.start();
        }
        QCOMPARE(samplerOk, ok);
        QCOMPARE(killerOk, ok);
        if (!ok) {
            QVERIFY2(samplerMessage.contains(QStringLiteral("(2026)")) ||
                         samplerMessage.contains(QStringLiteral("ssl-mode")),
                     qPrintable(samplerMessage));
            QCOMPARE(killerMessage, samplerMessage);
        } else {
            QVERIFY2(samplerMessage.contains(QStringLiteral("names 127.0.0.1")),
                     qPrintable(samplerMessage));
        }
    }

    // The whole live source: a certificate for another host never gets as far as a sample.
    void liveSourceRefusesAnotherHost()
    {
        present(QStringLiteral("wrong-host"));
        LiveSource source(settings(Mode::VerifyIdentity, QStringLiteral("ca.pem"), Via::Tcp));
        QSignalSpy sampled(&source, &LiveSource::sampled);
        source.start();
        QTRY_COMPARE_WITH_TIMEOUT(int(source.status()), int(LiveSource::Status::Failed), 20000);
        QVERIFY2(source.statusText().contains(
                     QStringLiteral("Validation of SSL server certificate failed")),
                 qPrintable(source.statusText()));
        QCOMPARE(sampled.count(), 0);
    }

    // What a PREFERRED connection does not protect against is said among the server notes.
    void notesSayWhatIsNotChecked()
    {
        const ConnectionSettings s = settings(Mode::Preferred, QString(), Via::Tcp);
        auto own = std::make_shared<OwnConnections>();
        Sampler sampler(s, own, LiveClock{});
        ServerInfo info;
        connect(&sampler, &Sampler::connected, this, [&](const ServerInfo &i) { info = i; });
        sampler.start();
        QVERIFY(info.tls.encrypted);
        QVERIFY2(info.limitations().contains(
                     QStringLiteral("Encrypted (%1, %2); the server's certificate is not verified.")
                         .arg(info.tls.version, info.tls.cipher)),
                 qPrintable(info.limitations().join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestLiveTls)
#include "tst_live_tls.moc"
