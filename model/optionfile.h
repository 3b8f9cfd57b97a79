#pragma once

#include "connectionsettings.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

namespace ks {

// Reads MySQL/MariaDB option files the way the mysql client does: `[group]` headers, `name`,
// `name = value`, quotes and escapes, `#`/`;` comments, `!include FILE`, `!includedir DIR`
// (`*.cnf` files, sorted), dashes and underscores alike in names, the `loose-` prefix dropped.
//
// Invariants: later files and later lines override earlier ones within the groups asked for;
// an option given without a value is stored with isSet and an empty value, so `password` alone
// can mean "ask for it". Include cycles are cut after a depth of 10. Every file read or missed
// is recorded in readFiles()/problems() for the "where did this come from" hint.
class OptionFile
{
    Q_DECLARE_TR_FUNCTIONS(OptionFile)
public:
    struct Value
    {
        QString value;
        bool hasValue = false;
        QString file; // where it was set
    };

    // Groups read by the client part of KillScope, in override order.
    static QStringList clientGroups();
    // The default files the mysql client reads, in order (only those that exist are read).
    static QStringList defaultFiles();

    explicit OptionFile(QStringList groups = clientGroups());

    // Reads one file (and what it includes). Missing files are not an error for default files;
    // `required` makes them one (for --defaults-file).
    bool readFile(const QString &path, bool required = false);
    // Parses text as if it were a file named `name` (tests, and the merged result of the above).
    void parse(const QString &text, const QString &name, const QString &baseDir = {}, int depth = 0);

    bool contains(const QString &name) const { return m_values.contains(normalize(name)); }
    Value value(const QString &name) const { return m_values.value(normalize(name)); }
    QMap<QString, Value> values() const { return m_values; }
    QStringList readFiles() const { return m_readFiles; }
    QStringList problems() const { return m_problems; }

    // Applies host, port, socket, user, password, database, ssl*, connect-timeout, protocol.
    void applyTo(ConnectionSettings &settings) const;

    static QString normalize(const QString &name);
    // One value with quotes removed and escapes decoded ("a\tb" → a, tab, b).
    static QString unquote(const QString &raw);

private:
    void readPath(const QString &path, bool required, int depth);

    QStringList m_groups;
    QMap<QString, Value> m_values;
    QStringList m_readFiles;
    QStringList m_problems;
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
ResolvedConnection resolveConnection(const ConnectionRequest &request);

} // namespace ks
