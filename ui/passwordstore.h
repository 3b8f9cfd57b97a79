#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace ks {

// Connection passwords in the desktop keyring (QtKeychain: Secret Service, KWallet, ...), never
// in a settings file. Without QtKeychain at build time, or without a keyring at run time,
// passwords are simply not saved and the user is told so.
//
// Invariants: asynchronous (keyring calls may wait for an unlock prompt); callbacks run on the
// thread that made the call; the key is "KillScope/<profile name>".
class PasswordStore : public QObject
{
    Q_OBJECT
public:
    using ReadCallback = std::function<void(bool ok, const QString &password, const QString &error)>;
    using WriteCallback = std::function<void(bool ok, const QString &error)>;

    explicit PasswordStore(QObject *parent = nullptr);

    static bool isCompiledIn();

    void read(const QString &profile, ReadCallback done);
    void write(const QString &profile, const QString &password, WriteCallback done);
    void remove(const QString &profile, WriteCallback done = {});
};

} // namespace ks
