#pragma once

#include "connectionsettings.h"

#include <QCoreApplication>
#include <QMap>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>
#include <functional>

class QObject;

namespace ks {

// Reads MySQL/MariaDB option files the way the mysql client does: `[group]` headers, `name`,
// `name = value`, quotes and escapes, `#`/`;` comments, `!include FILE`, `!includedir DIR`
// (`*.cnf` files, sorted), dashes and underscores alike in names, the `loose-` prefix dropped.
// As strict as the client about bad input: what it calls fatal (a file that must exist and does
// not, a group header without `]`, an option before any group, `!include` without a file) is an
// error here, and a world-writable file is ignored with the client's own warning.
//
// Invariants:
// - Later files and later lines override earlier ones within the groups asked for; an option
//   given without a value has hasValue false, so `password` alone can mean "ask for it".
// - Never reads on the GUI thread (reading there is refused with an error): files may live on a
//   slow or hung file system. resolveConnectionInBackground() is the GUI's way in.
// - Every file is read at most once per OptionFile, by identity (device and inode): an include
//   cycle is cut with a warning and a repeated include is skipped, so the work is linear in the
//   number of distinct files however they include each other. At most MaxDepth nested includes,
//   MaxFiles files and MaxFileBytes per file.
// - Only regular files are read (opened non-blocking and checked with fstat: a fifo or a device
//   is refused, never waited on).
class OptionFile
{
    Q_DECLARE_TR_FUNCTIONS(OptionFile)
public:
    static constexpr int MaxDepth = 10;
    static constexpr int MaxFiles = 256;
    static constexpr qint64 MaxFileBytes = 1 << 20;

    struct Value
    {
        QString value;
        bool hasValue = false;
        QString file; // where it was set
        int line = 0;
    };

    // Groups read by the client part of KillScope, in override order.
    static QStringList clientGroups();
    // The default files the mysql client reads, in order (only those that exist are read).
    static QStringList defaultFiles();

    explicit OptionFile(QStringList groups = clientGroups());

    // Reads one file (and what it includes). A missing default file is skipped; `required`
    // (--defaults-file, --defaults-extra-file) makes a missing or unreadable file an error.
    // False when this call added an error.
    bool readFile(const QString &path, bool required = false);
    // Parses text as if it were a file named `name` (includes are resolved against baseDir).
    void parse(const QString &text, const QString &name, const QString &baseDir = {});

    bool contains(const QString &name) const { return m_values.contains(normalize(name)); }
    Value value(const QString &name) const { return m_values.value(normalize(name)); }
    QMap<QString, Value> values() const { return m_values; }
    QStringList readFiles() const { return m_readFiles; }
    QStringList errors() const { return m_errors; }
    QStringList warnings() const { return m_warnings; }
    // Files opened so far, repeats and refusals included: the measure of the work done.
    int filesOpened() const { return m_opened; }

    // Applies host, port, socket, user, password, database, connect-timeout, protocol and TLS
    // (ssl-mode, or MariaDB's ssl / skip-ssl / ssl-verify-server-cert; ssl-ca, ssl-capath,
    // ssl-cert, ssl-key, ssl-cipher). A value that cannot be used (port = abc) is appended to
    // *errors, naming file and line. *tlsModeGiven tells whether a file set the mode itself.
    void applyTo(ConnectionSettings &settings, QStringList *errors,
                 bool *tlsModeGiven = nullptr) const;

    static QString normalize(const QString &name);
    // One value with quotes removed and escapes decoded ("a\tb" → a, tab, b).
    static QString unquote(const QString &raw);

private:
    void readPath(const QString &path, bool required, const QString &from);

    using Identity = QPair<quint64, quint64>; // device, inode
    QStringList m_groups;
    QMap<QString, Value> m_values;
    QStringList m_readFiles;
    QStringList m_errors;
    QStringList m_warnings;
    QSet<Identity> m_seen;   // every file read so far
    QList<Identity> m_stack; // the files being read, outermost first
    QStringList m_stackNames;
    int m_opened = 0;
};

// Turns host/socket/protocol into one transport like the mysql client: host "localhost" or none
// means the unix socket (given, $MYSQL_UNIX_PORT or the usual paths) unless TCP is forced.
void resolveTransport(ConnectionSettings &settings);

// The settings a connection request ends up with, and how it got there.
struct ResolvedConnection
{
    ConnectionSettings settings;
    QStringList errors;   // why it cannot be used: printed with exit code 2, or shown in the dialog
    QStringList warnings; // worth telling, not fatal
    QStringList files;    // option files read, in order
    bool ok() const { return errors.isEmpty(); }
};

// Settings the way `mysql` would build them: the environment (MYSQL_HOST, MYSQL_TCP_PORT), then
// the default option files (or only request.defaultsFile; request.extraFile before ~/.my.cnf;
// none with noDefaults), then what the request gives explicitly, then resolveTransport().
// Blocks on the file system: call it on a worker thread (or in a program without a GUI).
ResolvedConnection resolveConnection(const ConnectionRequest &request);

// resolveConnection() on a worker thread: `done` runs on context's thread afterwards (and never
// once context is destroyed). This is how the GUI reads option files: the connect dialog's
// pre-fill, its "From ~/.my.cnf" button and the command line's --connect.
void resolveConnectionInBackground(const ConnectionRequest &request, QObject *context,
                                   std::function<void(const ResolvedConnection &)> done);
// The same, waited for in a local event loop at most timeoutMs (then an error says so): for the
// start of the program, before any window exists.
ResolvedConnection resolveConnectionWaiting(const ConnectionRequest &request, int timeoutMs);

} // namespace ks
