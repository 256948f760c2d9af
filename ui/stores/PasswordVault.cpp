#include "PasswordVault.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QPointer>

namespace {

const QString kService = QStringLiteral("Jobdeck");

// QtKeychain says "Unknown error" when no keyring service runs: say what that means.
QString errorText(const QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        return {};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        return QCoreApplication::translate(
            "PasswordVault", "no system keyring (Secret Service or KWallet) is available");
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return QCoreApplication::translate("PasswordVault", "the keyring refused access");
    case QKeychain::CouldNotDeleteEntry:
        return QCoreApplication::translate("PasswordVault",
                                           "the keyring could not delete the entry");
    }
    return job->errorString();
}

template <typename Job, typename Finish>
void run(Job *job, const QString &entry, QObject *receiver, Finish finish)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entry);
    QPointer<QObject> guard(receiver);
    QObject::connect(job, &QKeychain::Job::finished, receiver,
                     [guard, finish](QKeychain::Job *done) {
                         if (guard)
                             finish(static_cast<Job *>(done));
                     });
    job->start();
}

} // namespace

void PasswordVault::read(const QString &entry, QObject *receiver, ReadDone done)
{
    run(new QKeychain::ReadPasswordJob(kService), entry, receiver,
        [done](QKeychain::ReadPasswordJob *job) {
            const QString error = errorText(job);
            done(error.isEmpty() ? job->textData() : QString(), error);
        });
}

void PasswordVault::write(const QString &entry, const QString &password, QObject *receiver,
                          Done done)
{
    auto *job = new QKeychain::WritePasswordJob(kService);
    job->setTextData(password);
    run(job, entry, receiver,
        [done](QKeychain::WritePasswordJob *finished) { done(errorText(finished)); });
}

void PasswordVault::remove(const QString &entry, QObject *receiver, Done done)
{
    run(new QKeychain::DeletePasswordJob(kService), entry, receiver,
        [done](QKeychain::DeletePasswordJob *job) { done(errorText(job)); });
}

void PasswordVault::probe(QObject *receiver, Done done)
{
    read(QStringLiteral("jobdeck-keyring-probe"), receiver,
         [done](const QString &, const QString &error) { done(error); });
}
