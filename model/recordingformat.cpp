#include "recordingformat.h"

#include "resources.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>

namespace ks {

namespace {

QString tlsModeKey(ConnectionSettings::TlsMode m)
{
    switch (m) {
    case ConnectionSettings::TlsMode::Disabled:
        return QStringLiteral("DISABLED");
    case ConnectionSettings::TlsMode::Preferred:
        return QStringLiteral("PREFERRED");
    case ConnectionSettings::TlsMode::Required:
        return QStringLiteral("REQUIRED");
    case ConnectionSettings::TlsMode::VerifyCa:
        return QStringLiteral("VERIFY_CA");
    case ConnectionSettings::TlsMode::VerifyIdentity:
        return QStringLiteral("VERIFY_IDENTITY");
    }
    return {};
}

qint64 num(const QJsonObject &o, const char *key, qint64 fallback = -1)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? qint64(v.toDouble()) : fallback;
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

QStringList RecordingFormat::schemaStatements()
{
    initResources(); // a static library's resources are there only once registered
    QFile f(QStringLiteral(":/recording/schema.sql"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(f.readAll());
    // Comments run from "--" to the end of the line; the schema has no "--" inside strings.
    text.remove(QRegularExpression(QStringLiteral("--[^\n]*")));
    QStringList out;
    for (const QString &part : text.split(u';')) {
        const QString s = part.trimmed();
        if (!s.isEmpty())
            out << s;
    }
    return out;
}

QJsonObject RecordingFormat::serverToJson(const ServerInfo &info, const ConnectionSettings &s,
                                          bool readOnly)
{
    QJsonObject o;
    o.insert(QStringLiteral("product"), info.isMariaDb() ? QStringLiteral("MariaDB")
                                        : info.isMySql() ? QStringLiteral("MySQL")
                                                         : QStringLiteral("unknown"));
    o.insert(QStringLiteral("version"), info.versionString);
    o.insert(QStringLiteral("versionComment"), info.versionComment);
    o.insert(QStringLiteral("flavor"), info.flavorId());
    o.insert(QStringLiteral("currentUser"), info.currentUser);
    o.insert(QStringLiteral("uptimeS"), info.uptimeS);
    o.insert(QStringLiteral("startedEpochS"), info.incarnation.startedEpochS);
    o.insert(QStringLiteral("startedExact"), info.incarnation.exact);
    o.insert(QStringLiteral("connections"), info.incarnation.connections);
    o.insert(QStringLiteral("threadHandling"), info.threadHandling);
    o.insert(QStringLiteral("performanceSchema"), info.performanceSchema);
    o.insert(QStringLiteral("innodbTrxReadable"), info.innodbTrxReadable);
    o.insert(QStringLiteral("lockWaitsReadable"), info.lockWaitsReadable);
    o.insert(QStringLiteral("hasTimeMs"), info.hasTimeMs());
    QJsonObject tls;
    tls.insert(QStringLiteral("mode"), tlsModeKey(info.tls.mode));
    tls.insert(QStringLiteral("encrypted"), info.tls.encrypted);
    tls.insert(QStringLiteral("version"), info.tls.version);
    tls.insert(QStringLiteral("cipher"), info.tls.cipher);
    tls.insert(QStringLiteral("chainVerified"), info.tls.chainVerified);
    tls.insert(QStringLiteral("hostVerified"), info.tls.hostVerified);
    o.insert(QStringLiteral("tls"), tls);
    // The settings without any secret: no password, no key file contents (paths only).
    QJsonObject set;
    set.insert(QStringLiteral("host"), s.host);
    set.insert(QStringLiteral("port"), s.effectivePort());
    set.insert(QStringLiteral("socket"), s.socket);
    set.insert(QStringLiteral("user"), s.user);
    set.insert(QStringLiteral("database"), s.database);
    set.insert(QStringLiteral("tlsMode"), tlsModeKey(s.tls));
    set.insert(QStringLiteral("connectTimeoutS"), s.connectTimeoutS);
    set.insert(QStringLiteral("readOnly"), readOnly);
    o.insert(QStringLiteral("settings"), set);
    o.insert(QStringLiteral("endpoint"), s.describe());
    return o;
}

ServerInfo RecordingFormat::serverFromJson(const QJsonObject &o)
{
    ServerInfo info = ServerInfo::parseVersion(str(o, "version"), str(o, "versionComment"));
    info.currentUser = str(o, "currentUser");
    info.uptimeS = num(o, "uptimeS");
    info.incarnation.startedEpochS = num(o, "startedEpochS");
    info.incarnation.exact = o.value(QStringLiteral("startedExact")).toBool();
    info.incarnation.connections = num(o, "connections");
    info.threadHandling = str(o, "threadHandling");
    info.performanceSchema = o.value(QStringLiteral("performanceSchema")).toBool();
    info.innodbTrxReadable = o.value(QStringLiteral("innodbTrxReadable")).toBool();
    info.lockWaitsReadable = o.value(QStringLiteral("lockWaitsReadable")).toBool();
    const QJsonObject tls = o.value(QStringLiteral("tls")).toObject();
    info.tls.encrypted = tls.value(QStringLiteral("encrypted")).toBool();
    info.tls.version = str(tls, "version");
    info.tls.cipher = str(tls, "cipher");
    info.tls.chainVerified = tls.value(QStringLiteral("chainVerified")).toBool();
    info.tls.hostVerified = tls.value(QStringLiteral("hostVerified")).toBool();
    if (const auto m = ConnectionSettings::parseTlsMode(str(tls, "mode")))
        info.tls.mode = *m;
    return info;
}

QString RecordingFormat::endpointOf(const QJsonObject &o)
{
    return str(o, "endpoint");
}

std::optional<KillPhase> RecordingFormat::phaseFromKey(const QString &key)
{
    for (int i = 0; i <= int(KillPhase::Reconnected); ++i)
        if (key == QLatin1String(killPhaseKey(KillPhase(i))))
            return KillPhase(i);
    return std::nullopt;
}

QJsonObject RecordingFormat::killToJson(const KillRecord &r)
{
    QJsonObject o;
    o.insert(QStringLiteral("serial"), r.serial);
    o.insert(QStringLiteral("statement"), r.statement);
    o.insert(QStringLiteral("kind"), r.request.kind == KillKind::Query
                                         ? QStringLiteral("query")
                                         : QStringLiteral("connection"));
    o.insert(QStringLiteral("strength"), int(r.request.strength));
    QJsonObject t;
    t.insert(QStringLiteral("id"), r.request.target.id);
    t.insert(QStringLiteral("user"), r.request.target.user);
    t.insert(QStringLiteral("host"), r.request.target.host);
    t.insert(QStringLiteral("firstSeenUs"), r.request.target.firstSeenUs);
    t.insert(QStringLiteral("info"), r.request.target.seen.info);
    o.insert(QStringLiteral("target"), t);
    o.insert(QStringLiteral("phase"), QLatin1String(killPhaseKey(r.phase)));
    o.insert(QStringLiteral("requestedUs"), r.requestedUs);
    o.insert(QStringLiteral("sentUs"), r.sentUs);
    o.insert(QStringLiteral("answeredUs"), r.answeredUs);
    o.insert(QStringLiteral("flagSeenUs"), r.flagSeenUs);
    o.insert(QStringLiteral("endedUs"), r.endedUs);
    o.insert(QStringLiteral("serverError"), r.serverError);
    o.insert(QStringLiteral("serverMessage"), r.serverMessage);
    o.insert(QStringLiteral("rowsRemaining"), r.rowsRemaining);
    o.insert(QStringLiteral("rowsPerSecond"), r.rowsPerSecond);
    o.insert(QStringLiteral("estimatedEndUs"), r.estimatedEndUs);
    o.insert(QStringLiteral("why"), r.why);
    o.insert(QStringLiteral("reconnectedAsId"), r.reconnectedAsId);
    o.insert(QStringLiteral("successorId"), r.successorId);
    o.insert(QStringLiteral("identityEvidence"), r.identityEvidence);
    return o;
}

KillRecord RecordingFormat::killFromJson(const QJsonObject &o)
{
    KillRecord r;
    r.serial = int(num(o, "serial", 0));
    r.statement = str(o, "statement");
    r.request.kind =
        str(o, "kind") == QLatin1String("connection") ? KillKind::Connection : KillKind::Query;
    const qint64 strength = num(o, "strength", 0);
    r.request.strength = strength >= 0 && strength <= int(KillStrength::Soft)
                             ? KillStrength(strength)
                             : KillStrength::Default;
    const QJsonObject t = o.value(QStringLiteral("target")).toObject();
    r.request.target.id = num(t, "id", 0);
    r.request.target.user = str(t, "user");
    r.request.target.host = str(t, "host");
    r.request.target.firstSeenUs = num(t, "firstSeenUs");
    r.request.target.seen.id = r.request.target.id;
    r.request.target.seen.user = r.request.target.user;
    r.request.target.seen.host = r.request.target.host;
    r.request.target.seen.info = str(t, "info");
    r.phase = phaseFromKey(str(o, "phase")).value_or(KillPhase::Requested);
    r.requestedUs = num(o, "requestedUs");
    r.request.atUs = r.requestedUs;
    r.sentUs = num(o, "sentUs");
    r.answeredUs = num(o, "answeredUs");
    r.flagSeenUs = num(o, "flagSeenUs");
    r.endedUs = num(o, "endedUs");
    r.serverError = int(num(o, "serverError", 0));
    r.serverMessage = str(o, "serverMessage");
    r.rowsRemaining = num(o, "rowsRemaining");
    r.rowsPerSecond = o.value(QStringLiteral("rowsPerSecond")).toDouble();
    r.estimatedEndUs = num(o, "estimatedEndUs");
    r.why = str(o, "why");
    r.reconnectedAsId = num(o, "reconnectedAsId", 0);
    r.successorId = num(o, "successorId", 0);
    r.identityEvidence = str(o, "identityEvidence");
    return r;
}

} // namespace ks
