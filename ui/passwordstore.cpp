#include "passwordstore.h"

#if KS_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace ks {

static const QString kService = QStringLiteral("KillScope");

PasswordStore::PasswordStore(QObject *parent)
    : QObject(parent)
{
}

bool PasswordStore::isCompiledIn()
{
    return KS_HAVE_KEYCHAIN;
}

void PasswordStore::read(const QString &profile, ReadCallback done)
{
#if KS_HAVE_KEYCHAIN
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text file
    job->setKey(profile);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) {
        auto *r = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (j->error() == QKeychain::NoError)
            done(true, r->textData(), {});
        else
            done(false, {}, j->errorString());
    });
    job->start();
#else
    Q_UNUSED(profile);
    done(false, {}, tr("KillScope was built without QtKeychain: passwords are not saved."));
#endif
}

void PasswordStore::write(const QString &profile, const QString &password, WriteCallback done)
{
#if KS_HAVE_KEYCHAIN
    auto *job = new QKeychain::WritePasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(profile);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) {
        if (done)
            done(j->error() == QKeychain::NoError, j->errorString());
    });
    job->start();
#else
    Q_UNUSED(profile);
    Q_UNUSED(password);
    if (done)
        done(false, tr("KillScope was built without QtKeychain: passwords are not saved."));
#endif
}

void PasswordStore::remove(const QString &profile, WriteCallback done)
{
#if KS_HAVE_KEYCHAIN
    auto *job = new QKeychain::DeletePasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setKey(profile);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) {
        if (done)
            done(j->error() == QKeychain::NoError, j->errorString());
    });
    job->start();
#else
    Q_UNUSED(profile);
    if (done)
        done(true, {});
#endif
}

} // namespace ks
