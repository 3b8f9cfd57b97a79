#include "optionfile.h"

#include "connectionopener.h"
#include "smallfile.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QThread>
#include <QTimer>
#include <memory>

namespace ks {

QStringList OptionFile::clientGroups()
{
    // [client] is for every client; [client-server] and [client-mariadb] are MariaDB's shared
    // groups; [mysql] is the command-line client's own; [killscope] lets a user override for us.
    return {QStringLiteral("client"), QStringLiteral("client-server"),
            QStringLiteral("client-mariadb"), QStringLiteral("mysql"), QStringLiteral("killscope")};
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
        case 'b':
            out += u'\b';
            break;
        case 't':
            out += u'\t';
            break;
        case 'n':
            out += u'\n';
            break;
        case 'r':
            out += u'\r';
            break;
        case 's':
            out += u' ';
            break;
        case '\\':
            out += u'\\';
            break;
        case '"':
            out += u'"';
            break;
        case '\'':
            out += u'\'';
            break;
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

void OptionFile::parse(const QString &text, const QString &name, const QString &baseDir)
{
    bool inGroup = false;
    bool anyGroup = false;
    const QStringList lines = text.split(u'\n');
    for (int n = 0; n < lines.size(); ++n) {
        QString line = lines.at(n);
        if (line.endsWith(u'\r'))
            line.chop(1);
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        const int lineNo = n + 1;
        if (line.startsWith(u'!')) {
            static const QRegularExpression space(QStringLiteral("\\s"));
            const qsizetype sp = line.indexOf(space);
            const QString directive = sp < 0 ? line : line.left(sp);
            QString arg = sp < 0 ? QString() : line.mid(sp + 1).trimmed();
            if (directive != QLatin1String("!include") &&
                directive != QLatin1String("!includedir")) {
                m_warnings << tr("%1:%2: unknown directive %3 ignored")
                                  .arg(name)
                                  .arg(lineNo)
                                  .arg(directive);
                continue;
            }
            if (arg.isEmpty()) {
                // The client's words: "Wrong '!include' directive in config file".
                m_errors << tr("%1:%2: %3 without a file or directory")
                                .arg(name)
                                .arg(lineNo)
                                .arg(directive);
                continue;
            }
            if (m_stack.size() > MaxDepth) { // the top file is level 0, as in the client
                m_warnings << tr("%1:%2: skipping '%3' directive: the maximum include depth (%4) "
                                 "was reached")
                                  .arg(name)
                                  .arg(lineNo)
                                  .arg(line)
                                  .arg(MaxDepth);
                continue;
            }
            if (QFileInfo(arg).isRelative() && !baseDir.isEmpty())
                arg = QDir(baseDir).filePath(arg);
            const QString from = QStringLiteral("%1:%2").arg(name).arg(lineNo);
            if (directive == QLatin1String("!include")) {
                readPath(arg, false, from);
                continue;
            }
            const QDir dir(arg);
            if (!dir.exists()) {
                m_errors << tr("%1: !includedir %2: no such directory").arg(from, arg);
                continue;
            }
            // Every entry named *.cnf, whatever it is: readPath refuses what is not a plain file.
            const QStringList files = dir.entryList(
                {QStringLiteral("*.cnf")}, QDir::Files | QDir::System | QDir::Hidden, QDir::Name);
            for (const QString &f : files)
                readPath(dir.filePath(f), false, from);
            continue;
        }
        if (line.startsWith(u'[')) {
            const qsizetype close = line.indexOf(u']');
            if (close < 0) {
                m_errors << tr("%1:%2: a group header without ]").arg(name).arg(lineNo);
                inGroup = false;
                continue;
            }
            const QString group = line.mid(1, close - 1).trimmed().toLower();
            inGroup = m_groups.contains(group);
            anyGroup = true;
            continue;
        }
        if (!anyGroup) {
            m_errors << tr("%1:%2: an option before any [group]").arg(name).arg(lineNo);
            continue;
        }
        if (!inGroup)
            continue;
        line = stripComment(line).trimmed();
        const qsizetype eq = line.indexOf(u'=');
        Value v;
        v.file = name;
        v.line = lineNo;
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

void OptionFile::readPath(const QString &path, bool required, const QString &from)
{
    // A GUI must never wait on a file system; the callers read on a worker thread.
    if (QThread::currentThread() == QCoreApplication::instance()->thread() &&
        qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        m_errors << tr("%1: option files are not read on the GUI thread").arg(path);
        return;
    }
    const QString where = from.isEmpty() ? path : tr("%1 (included from %2)").arg(path, from);
    if (m_opened >= MaxFiles) {
        m_errors << tr("%1: more than %2 option files; not read").arg(where).arg(MaxFiles);
        return;
    }
    ++m_opened;
    const SmallFile f = SmallFile::read(path, MaxFileBytes);
    // Only a file that must be there is an error; a default or included file that cannot be
    // read is skipped with a warning (the client skips it silently). Either way a fifo or a
    // device is never read.
    if (!f.ok()) {
        if (required)
            m_errors << tr("Could not open required defaults file: %1 (%2)").arg(path, f.error);
        else if (f.status != SmallFile::Status::Missing || !from.isEmpty())
            m_warnings << tr("%1: not read: %2").arg(where, f.error);
        return;
    }
    if (f.worldWritable()) {
        // The mysql client's own warning, word for word: anyone could have written the file.
        m_warnings << tr("Warning: World-writable config file '%1' is ignored").arg(path);
        return;
    }
    const Identity id{f.device, f.inode};
    if (m_stack.contains(id)) {
        const QString chain = (m_stackNames + QStringList{path}).join(QStringLiteral(" → "));
        m_warnings << tr("%1: skipped, it would include itself (%2)").arg(where, chain);
        return;
    }
    if (m_seen.contains(id))
        return; // read already (a file included twice): its values are in, once is enough
    m_seen.insert(id);
    m_readFiles << path;
    m_stack << id;
    m_stackNames << path;
    parse(QString::fromUtf8(f.data), path, QFileInfo(path).absolutePath());
    m_stack.removeLast();
    m_stackNames.removeLast();
}

bool OptionFile::readFile(const QString &path, bool required)
{
    const qsizetype before = m_errors.size();
    readPath(path, required, {});
    return m_errors.size() == before;
}

void OptionFile::applyTo(ConnectionSettings &s, QStringList *errors, bool *tlsModeGiven) const
{
    auto has = [this](const char *k) { return m_values.contains(QString::fromLatin1(k)); };
    auto get = [this](const char *k) { return m_values.value(QString::fromLatin1(k)); };
    auto bad = [errors](const Value &v, const char *name, const QString &why) {
        if (errors)
            *errors << tr("%1:%2: %3 = %4: %5")
                           .arg(v.file)
                           .arg(v.line)
                           .arg(QLatin1String(name), v.value, why);
    };
    if (has("host"))
        s.host = get("host").value;
    if (has("port")) {
        const Value v = get("port");
        if (const auto port = ConnectionSettings::parsePort(v.value))
            s.port = *port;
        else
            bad(v, "port", tr("not a port number (0 to 65535)"));
    }
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
    if (has("connect-timeout")) {
        const Value v = get("connect-timeout");
        if (const auto t = ConnectionSettings::parseConnectTimeout(v.value))
            s.connectTimeoutS = *t;
        else
            bad(v, "connect-timeout", tr("whole seconds from 1 to 3600"));
    }
    if (has("protocol")) {
        const Value v = get("protocol");
        const QString p = v.value.toUpper();
        if (p == QLatin1String("TCP") || p == QLatin1String("SOCKET"))
            s.protocolTcp = p == QLatin1String("TCP");
        else
            bad(v, "protocol", tr("use TCP or SOCKET"));
    }
    auto isTrue = [](const QString &v) {
        const QString l = v.toLower();
        return l.isEmpty() || l == QLatin1String("1") || l == QLatin1String("on") ||
               l == QLatin1String("true") || l == QLatin1String("yes");
    };
    bool modeGiven = false;
    if (has("ssl-mode")) {
        const Value v = get("ssl-mode");
        if (const auto mode = ConnectionSettings::parseTlsMode(v.value)) {
            s.tls = *mode;
            modeGiven = true;
        } else {
            bad(v, "ssl-mode",
                tr("use DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY"));
        }
    } else if (has("ssl-verify-server-cert") && isTrue(get("ssl-verify-server-cert").value)) {
        s.tls = ConnectionSettings::TlsMode::VerifyIdentity;
        modeGiven = true;
    } else if (has("ssl")) {
        s.tls = isTrue(get("ssl").value) ? ConnectionSettings::TlsMode::Required
                                         : ConnectionSettings::TlsMode::Disabled;
        modeGiven = true;
    }
    if (tlsModeGiven)
        *tlsModeGiven = modeGiven;
    if (has("ssl-ca"))
        s.tlsCaFile = get("ssl-ca").value;
    if (has("ssl-capath"))
        s.tlsCaPath = get("ssl-capath").value;
    if (has("ssl-cert"))
        s.tlsCertFile = get("ssl-cert").value;
    if (has("ssl-key"))
        s.tlsKeyFile = get("ssl-key").value;
    if (has("ssl-cipher"))
        s.tlsCipher = get("ssl-cipher").value;
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
        for (const char *candidate :
             {"/run/mysqld/mysqld.sock", "/var/run/mysqld/mysqld.sock", "/tmp/mysql.sock"}) {
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
    bool tlsModeGiven = false;
    s.host.clear(); // "not given", so the client's socket-for-localhost rule can apply
    // The environment variables the mysql client honours come first; files override them.
    if (qEnvironmentVariableIsSet("MYSQL_HOST"))
        s.host = qEnvironmentVariable("MYSQL_HOST");
    if (qEnvironmentVariableIsSet("MYSQL_TCP_PORT")) {
        const QString v = qEnvironmentVariable("MYSQL_TCP_PORT");
        if (const auto port = ConnectionSettings::parsePort(v))
            s.port = *port;
        else
            out.errors
                << OptionFile::tr("MYSQL_TCP_PORT=%1: not a port number (0 to 65535)").arg(v);
    }
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
        f.applyTo(s, &out.errors, &tlsModeGiven);
        out.errors = f.errors() + out.errors;
        out.warnings << f.warnings();
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
    if (request.tlsMode) {
        s.tls = *request.tlsMode;
        tlsModeGiven = true;
    }
    const std::pair<const std::optional<QString> *, QString *> tlsFiles[] = {
        {&request.tlsCaFile, &s.tlsCaFile},     {&request.tlsCaPath, &s.tlsCaPath},
        {&request.tlsCertFile, &s.tlsCertFile}, {&request.tlsKeyFile, &s.tlsKeyFile},
        {&request.tlsCipher, &s.tlsCipher},
    };
    for (const auto &[given, field] : tlsFiles)
        if (*given)
            *field = **given;
    const bool caGiven = !s.tlsCaFile.isEmpty() || !s.tlsCaPath.isEmpty();
    if (caGiven && !tlsModeGiven) {
        // As the mysql client: --ssl-ca or --ssl-capath without a mode means VERIFY_CA.
        s.tls = ConnectionSettings::TlsMode::VerifyCa;
    } else if (caGiven && (s.tls == ConnectionSettings::TlsMode::Preferred ||
                           s.tls == ConnectionSettings::TlsMode::Required)) {
        out.warnings << OptionFile::tr("WARNING: no verification of server certificate will be "
                                       "done. Use --ssl-mode=VERIFY_CA or VERIFY_IDENTITY.");
    }
    out.errors << ConnectionOpener::checkTlsSettings(s);
    if (s.user.isEmpty())
        s.user = qEnvironmentVariable("USER");
    resolveTransport(s);
    return out;
}

void resolveConnectionInBackground(const ConnectionRequest &request, QObject *context,
                                   std::function<void(const ResolvedConnection &)> done)
{
    auto result = std::make_shared<ResolvedConnection>();
    QThread *thread = QThread::create([request, result] { *result = resolveConnection(request); });
    thread->setObjectName(QStringLiteral("ks-optionfiles"));
    // finished is emitted on the worker; the queued call runs on context's thread, and not at all
    // once context is gone.
    QObject::connect(thread, &QThread::finished, context,
                     [result, done = std::move(done)] { done(*result); });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

ResolvedConnection resolveConnectionWaiting(const ConnectionRequest &request, int timeoutMs)
{
    std::optional<ResolvedConnection> got;
    QEventLoop loop;
    {
        QObject context;
        resolveConnectionInBackground(request, &context, [&](const ResolvedConnection &r) {
            got = r;
            loop.quit();
        });
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (got)
        return *got;
    ResolvedConnection timedOut;
    timedOut.errors << OptionFile::tr(
        "Reading the option files did not finish within %n second(s).", nullptr,
        (timeoutMs + 999) / 1000);
    return timedOut;
}

} // namespace ks
