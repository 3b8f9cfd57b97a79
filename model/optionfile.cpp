#include "optionfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace ks {

QStringList OptionFile::clientGroups()
{
    // [client] is for every client; [client-server] and [client-mariadb] are MariaDB's shared
    // groups; [mysql] is the command-line client's own; [killscope] lets a user override for us.
    return {QStringLiteral("client"), QStringLiteral("client-server"),
            QStringLiteral("client-mariadb"), QStringLiteral("mysql"),
            QStringLiteral("killscope")};
}

QStringList OptionFile::defaultFiles()
{
    QStringList files{QStringLiteral("/etc/my.cnf"), QStringLiteral("/etc/mysql/my.cnf")};
    const QString mysqlHome = qEnvironmentVariable("MYSQL_HOME");
    if (!mysqlHome.isEmpty())
        files << mysqlHome + QStringLiteral("/my.cnf");
    const QString home = qEnvironmentVariable("HOME", QDir::homePath());
    if (!home.isEmpty())
        files << home + QStringLiteral("/.my.cnf");
    return files;
}

OptionFile::OptionFile(QStringList groups)
    : m_groups(std::move(groups))
{
    for (QString &g : m_groups)
        g = g.toLower();
}

QString OptionFile::normalize(const QString &name)
{
    QString n = name.trimmed().toLower();
    n.replace(u'_', u'-');
    if (n.startsWith(QStringLiteral("loose-")))
        n = n.mid(6);
    return n;
}

QString OptionFile::unquote(const QString &raw)
{
    QString v = raw.trimmed();
    if (v.size() >= 2 && (v.front() == u'"' || v.front() == u'\'') && v.back() == v.front())
        v = v.mid(1, v.size() - 2);
    QString out;
    out.reserve(v.size());
    for (qsizetype i = 0; i < v.size(); ++i) {
        const QChar c = v.at(i);
        if (c != u'\\' || i + 1 >= v.size()) {
            out += c;
            continue;
        }
        const QChar e = v.at(++i);
        switch (e.unicode()) {
        case 'b': out += u'\b'; break;
        case 't': out += u'\t'; break;
        case 'n': out += u'\n'; break;
        case 'r': out += u'\r'; break;
        case 's': out += u' '; break;
        case '\\': out += u'\\'; break;
        case '"': out += u'"'; break;
        case '\'': out += u'\''; break;
        default:
            // Unknown escapes keep the backslash (Windows paths such as C:\data).
            out += u'\\';
            out += e;
            break;
        }
    }
    return out;
}

// Strips a trailing `# comment` that is outside quotes.
static QString stripComment(const QString &line)
{
    QChar quote;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (!quote.isNull()) {
            if (c == u'\\')
                ++i;
            else if (c == quote)
                quote = QChar();
        } else if (c == u'"' || c == u'\'') {
            quote = c;
        } else if (c == u'#') {
            return line.left(i);
        }
    }
    return line;
}

void OptionFile::parse(const QString &text, const QString &name, const QString &baseDir, int depth)
{
    bool inGroup = false;
    const QStringList lines = text.split(u'\n');
    for (int n = 0; n < lines.size(); ++n) {
        QString line = lines.at(n);
        if (line.endsWith(u'\r'))
            line.chop(1);
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        if (line.startsWith(u'!')) {
            const qsizetype sp = line.indexOf(QRegularExpression(QStringLiteral("\\s")));
            const QString directive = sp < 0 ? line : line.left(sp);
            QString arg = sp < 0 ? QString() : line.mid(sp + 1).trimmed();
            if (!arg.isEmpty() && QFileInfo(arg).isRelative() && !baseDir.isEmpty())
                arg = QDir(baseDir).filePath(arg);
            if (directive == QStringLiteral("!include")) {
                readPath(arg, true, depth + 1);
            } else if (directive == QStringLiteral("!includedir")) {
                QDir dir(arg);
                if (!dir.exists()) {
                    m_problems << tr("%1:%2: directory %3 does not exist").arg(name).arg(n + 1).arg(arg);
                    continue;
                }
                const QStringList files =
                    dir.entryList({QStringLiteral("*.cnf")}, QDir::Files | QDir::Readable, QDir::Name);
                for (const QString &f : files)
                    readPath(dir.filePath(f), true, depth + 1);
            } else {
                m_problems << tr("%1:%2: unknown directive %3").arg(name).arg(n + 1).arg(directive);
            }
            continue;
        }
        if (line.startsWith(u'[')) {
            const qsizetype close = line.indexOf(u']');
            if (close < 0) {
                m_problems << tr("%1:%2: a group header without ]").arg(name).arg(n + 1);
                inGroup = false;
                continue;
            }
            const QString group = line.mid(1, close - 1).trimmed().toLower();
            inGroup = m_groups.contains(group);
            continue;
        }
        if (!inGroup)
            continue;
        line = stripComment(line).trimmed();
        const qsizetype eq = line.indexOf(u'=');
        Value v;
        v.file = name;
        QString key;
        if (eq < 0) {
            key = line;
        } else {
            key = line.left(eq);
            v.value = unquote(line.mid(eq + 1));
            v.hasValue = true;
        }
        key = normalize(key);
        if (key.isEmpty())
            continue;
        // Booleans: skip-foo / disable-foo turn foo off, enable-foo turns it on.
        for (const auto &[prefix, on] : {std::pair{QStringLiteral("skip-"), false},
                                          std::pair{QStringLiteral("disable-"), false},
                                          std::pair{QStringLiteral("enable-"), true}}) {
            if (key.startsWith(prefix) && !v.hasValue) {
                key = key.mid(prefix.size());
                v.value = on ? QStringLiteral("1") : QStringLiteral("0");
                v.hasValue = true;
                break;
            }
        }
        m_values.insert(key, v);
    }
}

void OptionFile::readPath(const QString &path, bool required, int depth)
{
    if (depth > 10) {
        m_problems << tr("%1: includes nest too deep (a cycle?)").arg(path);
        return;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        if (required || f.exists())
            m_problems << tr("cannot read %1: %2").arg(path, f.errorString());
        return;
    }
    m_readFiles << path;
    parse(QString::fromUtf8(f.readAll()), path, QFileInfo(path).absolutePath(), depth);
}

bool OptionFile::readFile(const QString &path, bool required)
{
    const qsizetype before = m_problems.size();
    readPath(path, required, 0);
    return m_problems.size() == before;
}

void OptionFile::applyTo(ConnectionSettings &s) const
{
    auto has = [this](const char *k) { return m_values.contains(QString::fromLatin1(k)); };
    auto get = [this](const char *k) { return m_values.value(QString::fromLatin1(k)); };
    auto isTrue = [](const QString &v) {
        const QString l = v.toLower();
        return l.isEmpty() || l == QStringLiteral("1") || l == QStringLiteral("on") ||
               l == QStringLiteral("true") || l == QStringLiteral("yes");
    };
    if (has("host"))
        s.host = get("host").value;
    if (has("port"))
        s.port = get("port").value.toInt();
    if (has("socket"))
        s.socket = get("socket").value;
    if (has("user"))
        s.user = get("user").value;
    if (has("password")) {
        const Value p = get("password");
        s.password = p.value;
        s.askPassword = !p.hasValue;
    }
    if (has("database"))
        s.database = get("database").value;
    if (has("connect-timeout"))
        s.connectTimeoutS = get("connect-timeout").value.toInt();
    if (has("ssl-ca"))
        s.tlsCaFile = get("ssl-ca").value;
    if (has("ssl"))
        s.tls = isTrue(get("ssl").value) ? ConnectionSettings::TlsMode::Required
                                         : ConnectionSettings::TlsMode::Disabled;
    if (has("ssl-mode")) {
        const QString m = get("ssl-mode").value.toUpper();
        s.tls = (m == QStringLiteral("DISABLED") || m == QStringLiteral("PREFERRED"))
                    ? ConnectionSettings::TlsMode::Disabled
                    : ConnectionSettings::TlsMode::Required;
    }
    if (has("protocol"))
        s.protocolTcp = get("protocol").value.toUpper() == QStringLiteral("TCP");
}

void resolveTransport(ConnectionSettings &s)
{
    // The mysql client uses a unix socket for host "localhost" (or no host) unless
    // --protocol=TCP, and TCP for any other host.
    const bool localHost = s.host.isEmpty() || s.host == QStringLiteral("localhost");
    if (s.protocolTcp || !localHost) {
        s.socket.clear();
        if (localHost)
            s.host = QStringLiteral("127.0.0.1");
        return;
    }
    s.host = QStringLiteral("localhost");
    if (s.socket.isEmpty())
        s.socket = qEnvironmentVariable("MYSQL_UNIX_PORT");
    if (s.socket.isEmpty()) {
        for (const char *candidate : {"/run/mysqld/mysqld.sock", "/var/run/mysqld/mysqld.sock",
                                      "/tmp/mysql.sock"}) {
            if (QFileInfo::exists(QString::fromLatin1(candidate))) {
                s.socket = QString::fromLatin1(candidate);
                break;
            }
        }
    }
    if (s.socket.isEmpty())
        s.host = QStringLiteral("127.0.0.1"); // no local socket: try TCP like a pooled client would
}

ResolvedConnection resolveConnection(const ConnectionRequest &request)
{
    ResolvedConnection out;
    ConnectionSettings &s = out.settings;
    s.host.clear(); // "not given", so the client's socket-for-localhost rule can apply
    // The environment variables the mysql client honours come first; files override them.
    if (qEnvironmentVariableIsSet("MYSQL_HOST"))
        s.host = qEnvironmentVariable("MYSQL_HOST");
    if (qEnvironmentVariableIsSet("MYSQL_TCP_PORT"))
        s.port = qEnvironmentVariableIntValue("MYSQL_TCP_PORT");
    if (!request.noDefaults) {
        OptionFile f;
        if (!request.defaultsFile.isEmpty()) {
            f.readFile(request.defaultsFile, true);
        } else {
            const QStringList defaults = OptionFile::defaultFiles();
            // --defaults-extra-file is read after the global files and before ~/.my.cnf.
            for (int i = 0; i < defaults.size(); ++i) {
                if (i == defaults.size() - 1 && !request.extraFile.isEmpty())
                    f.readFile(request.extraFile, true);
                f.readFile(defaults.at(i));
            }
        }
        f.applyTo(s);
        out.errors << f.problems();
        out.files = f.readFiles();
    }
    if (request.host)
        s.host = *request.host;
    if (request.port)
        s.port = *request.port;
    if (request.socket)
        s.socket = *request.socket;
    if (request.user)
        s.user = *request.user;
    if (request.database)
        s.database = *request.database;
    if (request.protocolTcp)
        s.protocolTcp = *request.protocolTcp;
    if (request.connectTimeoutS)
        s.connectTimeoutS = *request.connectTimeoutS;
    if (request.password) {
        s.password = *request.password;
        s.askPassword = false;
    } else if (request.askPassword) {
        s.askPassword = true;
    }
    if (s.user.isEmpty())
        s.user = qEnvironmentVariable("USER");
    resolveTransport(s);
    return out;
}

} // namespace ks
