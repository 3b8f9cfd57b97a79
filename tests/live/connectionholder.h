#pragma once

#include "testserver.h"

#include <QElapsedTimer>
#include <QProcess>

namespace ks::test {

// Drives ks_hold_connections (KS_HOLD_CONNECTIONS_BIN), the helper that opens many connections to
// the throwaway server: one command a line ("idle N", "busy N", "churn N", "ids"), one reply line
// starting with the command's verb, or "error …".
//
// Invariants: the password reaches the helper through its environment, never its command line;
// stop() (also on destruction) closes its input, waits, and kills it only if it does not end.
class ConnectionHolder
{
public:
    ~ConnectionHolder() { stop(30000); }

    bool start(const TestServer &server, QString *error)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KS_HOLD_PASSWORD"), server.adminPassword);
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral(KS_HOLD_CONNECTIONS_BIN),
                        {QStringLiteral("--socket"), server.socket, QStringLiteral("--user"),
                         server.adminUser, QStringLiteral("--password-env"),
                         QStringLiteral("KS_HOLD_PASSWORD"), QStringLiteral("--database"),
                         server.database});
        if (m_process.waitForStarted(10000))
            return true;
        *error = m_process.errorString();
        return false;
    }

    // The reply to one command, or empty: an error, the helper gone, or no reply within timeoutMs.
    QByteArray command(const QByteArray &command, int timeoutMs)
    {
        m_process.write(command + '\n');
        const QByteArray verb = command.split(' ').value(0);
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            // Whole lines only: the list of ids arrives in several pieces.
            if (!m_process.canReadLine() && !m_process.waitForReadyRead(1000)) {
                if (m_process.state() != QProcess::Running)
                    return {};
                continue;
            }
            while (m_process.canReadLine()) {
                const QByteArray line = m_process.readLine().trimmed();
                if (line.startsWith(verb))
                    return line;
                if (line.startsWith("error"))
                    return {};
            }
        }
        return {};
    }

    void stop(int timeoutMs)
    {
        if (m_process.state() != QProcess::Running)
            return;
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(timeoutMs))
            m_process.kill();
    }

private:
    QProcess m_process;
};

} // namespace ks::test
