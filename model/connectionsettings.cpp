#include "connectionsettings.h"

#include "timetext.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QStringList>

namespace ks {

QString ConnectionSettings::describe() const
{
    const QString who = user.isEmpty() ? QString() : user + u'@';
    if (usesSocket())
        return tr("%1localhost (socket %2)").arg(who, socket);
    return QStringLiteral("%1%2:%3").arg(who, host).arg(effectivePort());
}

std::optional<int> ConnectionSettings::parsePort(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\d{1,5}$"));
    if (!re.match(text).hasMatch())
        return std::nullopt;
    const int port = text.toInt();
    if (port > 65535)
        return std::nullopt;
    return port;
}

std::optional<int> ConnectionSettings::parseConnectTimeout(const QString &text)
{
    static const QRegularExpression bare(QStringLiteral("^\\d{1,4}$"));
    qint64 seconds = 0;
    if (bare.match(text).hasMatch()) {
        seconds = text.toInt();
    } else {
        const std::optional<qint64> us = parseTimeUs(text);
        if (!us)
            return std::nullopt;
        seconds = (*us + 999'999) / 1'000'000;
    }
    if (seconds < 1 || seconds > 3600)
        return std::nullopt;
    return int(seconds);
}

std::optional<ConnectionSettings::TlsMode> ConnectionSettings::parseTlsMode(const QString &text)
{
    const QString t = text.trimmed().toUpper();
    for (TlsMode m : {TlsMode::Disabled, TlsMode::Preferred, TlsMode::Required, TlsMode::VerifyCa,
                      TlsMode::VerifyIdentity})
        if (t == tlsModeName(m))
            return m;
    return std::nullopt;
}

QString ConnectionSettings::tlsModeName(TlsMode mode)
{
    switch (mode) {
    case TlsMode::Disabled:
        return QStringLiteral("DISABLED");
    case TlsMode::Preferred:
        return QStringLiteral("PREFERRED");
    case TlsMode::Required:
        return QStringLiteral("REQUIRED");
    case TlsMode::VerifyCa:
        return QStringLiteral("VERIFY_CA");
    case TlsMode::VerifyIdentity:
        return QStringLiteral("VERIFY_IDENTITY");
    }
    return {};
}

QString TlsStatus::describe() const
{
    if (!encrypted) {
        if (local)
            return tr("Not encrypted: a local unix socket, which never leaves this machine.");
        if (mode == ConnectionSettings::TlsMode::Disabled)
            return tr("Not encrypted (TLS disabled).");
        return tr("Not encrypted: the server did not offer TLS.");
    }
    const QString what = cipher.isEmpty() ? version : QStringLiteral("%1, %2").arg(version, cipher);
    if (hostVerified)
        return tr("Encrypted (%1); the server's certificate is signed by the given CA and names "
                  "%2.")
            .arg(what, host);
    if (chainVerified)
        return tr("Encrypted (%1); the server's certificate is signed by the given CA; its host "
                  "name is not checked.")
            .arg(what);
    return tr("Encrypted (%1); the server's certificate is not verified.").arg(what);
}

bool isConnectionLostError(int code)
{
    // 2002/2003: cannot reach; 2005: unknown host; 2006: gone away; 2013: lost during query;
    // 2055: lost at reading; 1053: server shutdown; 1927: our own connection was killed;
    // 4031: idle timeout (MySQL 8); 2026 on an established TLS connection: the server vanished
    // in the middle of a record (kill -9 of the server reads as "unexpected eof").
    switch (code) {
    case 1053:
    case 1927:
    case 2002:
    case 2003:
    case 2005:
    case 2006:
    case 2013:
    case 2026:
    case 2055:
    case 4031:
        return true;
    default:
        return false;
    }
}

QString explainSqlError(const QString &nativeCode, const QString &serverText,
                        const ConnectionSettings &s)
{
    const int code = nativeCode.toInt();
    QString cause;
    switch (code) {
    case 1044:
        cause = ConnectionSettings::tr("Access to the database was refused (1044).");
        break;
    case 1045:
        cause = ConnectionSettings::tr("Wrong user name or password (1045).");
        break;
    case 1049:
        cause = ConnectionSettings::tr("The default database does not exist (1049).");
        break;
    case 1053:
        cause = ConnectionSettings::tr("The server is shutting down (1053).");
        break;
    case 1094:
        cause = ConnectionSettings::tr("No such thread: it had already ended (1094).");
        break;
    case 1095:
        cause = ConnectionSettings::tr(
            "Not allowed: you are not the owner of that thread and lack CONNECTION ADMIN or "
            "SUPER (1095).");
        break;
    case 1142:
    case 1227:
        cause = ConnectionSettings::tr("The account lacks a privilege this needs (%1).").arg(code);
        break;
    case 1040:
        cause = ConnectionSettings::tr("The server has too many connections (1040).");
        break;
    case 1203:
        cause = ConnectionSettings::tr("The account has too many connections (1203).");
        break;
    case 2002:
        if (s.usesSocket()) {
            cause =
                ConnectionSettings::tr("No server listens on the socket %1 (2002).").arg(s.socket);
            break;
        }
        // MariaDB Connector/C reports a refused TCP connect as 2002 too.
        Q_FALLTHROUGH();
    case 2003:
        cause = ConnectionSettings::tr("No server answers at %1:%2 — is it running, is the port "
                                       "right, does a firewall block it? (%3)")
                    .arg(s.host)
                    .arg(s.effectivePort())
                    .arg(code);
        break;
    case 2005:
        cause = ConnectionSettings::tr("Unknown host %1 (2005).").arg(s.host);
        break;
    case 2006:
        cause = ConnectionSettings::tr("The server has gone away (2006).");
        break;
    case 2013:
        cause = ConnectionSettings::tr("The connection to the server was lost (2013).");
        break;
    case 2026:
        // The same code reports a TLS stream cut off under an established connection.
        cause = serverText.contains(QStringLiteral("unexpected eof"), Qt::CaseInsensitive)
                    ? ConnectionSettings::tr("The connection to the server was lost: its TLS "
                                             "stream ended (2026).")
                    : ConnectionSettings::tr("TLS could not be established (2026).");
        break;
    case 1927:
        cause = ConnectionSettings::tr("This connection was killed (1927).");
        break;
    default:
        if (code > 0)
            cause = ConnectionSettings::tr("The server answered with error %1.").arg(code);
        else
            cause = ConnectionSettings::tr("The database driver failed.");
        break;
    }
    QString text = serverText.trimmed();
    if (!text.isEmpty() && !text.endsWith(u'.'))
        text += u'.';
    return text.isEmpty() ? cause : ConnectionSettings::tr("%1 Server says: %2").arg(cause, text);
}

} // namespace ks
