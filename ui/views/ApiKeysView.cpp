#include "ApiKeysView.h"

#include "dialogs/AdminKeyDialog.h"
#include "dialogs/NewKeyDialog.h"
#include "engine/OperatorCommands.h"
#include "models/BackgroundReader.h"
#include "models/ConsoleCommand.h"
#include "models/OperatorModels.h"

#include <QAction>
#include <QMessageBox>
#include <QTableView>

ApiKeysView::ApiKeysView(BackgroundReader &reader, ConsoleBackend *backend, ReadOnlyMode *mode,
                         QWidget *parent)
    : OperatorTableView(reader, backend, mode, parent)
{
    setObjectName(QStringLiteral("apiKeysView"));
    m_model = new ApiKeysModel(this);
    table()->setObjectName(QStringLiteral("apiKeysTable"));
    setModel(m_model, QStringLiteral("apiKeys/header"));
    setReadingNeeds(ChangeGrant::Need::Admin); // GET /api/v1/api-keys is an admin's
    m_create = addChangingAction(tr("Create…"), false, ChangeGrant::Need::Admin);
    m_revoke = addChangingAction(tr("Revoke…"), true, ChangeGrant::Need::Admin);
    connect(m_create, &QAction::triggered, this, [this] {
        ApiKey key;
        if (m_askNewKey(&key))
            create(key);
    });
    connect(m_revoke, &QAction::triggered, this, &ApiKeysView::onRevokeTriggered);
    m_askNewKey = [this](ApiKey *key) {
        NewKeyDialog dialog(this);
        if (dialog.exec() != QDialog::Accepted)
            return false;
        *key = dialog.key();
        return true;
    };
    m_showClearKey = [this](const QString &name, const QByteArray &clearKey) {
        auto *dialog = new AdminKeyDialog(
            clearKey, this,
            tr("The API key \"%1\" was created. It is shown only now: copy it and keep it "
               "somewhere safe.")
                .arg(name));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    };
    m_confirm = [this](const QString &text) {
        return QMessageBox::question(this, tr("Revoke API keys"), text,
                                     QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::No) == QMessageBox::Yes;
    };
}

void ApiKeysView::load()
{
    reader().read<QList<KeyStore::Listed>>(
        this, [](OperatorSource &r) { return r.apiKeys(); },
        [this](const QList<KeyStore::Listed> &rows, const QString &error) {
            if (error.isEmpty())
                m_model->setRows(rows);
            loaded(error);
        });
}

void ApiKeysView::create(const ApiKey &key)
{
    change([&](ConsoleBackend *b, auto done) { b->createApiKey(key, this, done); },
           [this, name = key.name](const CommandAnswer &result) {
               showResult(tr("Create API key %1").arg(name), result);
               if (result.ok)
                   m_showClearKey(name, result.created.toLatin1());
           });
}

void ApiKeysView::onRevokeTriggered()
{
    const QStringList names = selectedValues(ApiKeysModel::NameRole);
    if (names.isEmpty())
        return;
    if (!m_confirm(tr("Revoke %n API key(s): %1? Clients using them get 401 Unauthorized from "
                      "their next request on. This cannot be undone.",
                      nullptr, int(names.size()))
                       .arg(names.join(QStringLiteral(", ")))))
        return;
    revoke(names);
}

void ApiKeysView::revoke(const QStringList &names)
{
    for (const QString &name : names)
        change([&](ConsoleBackend *b, auto done) { b->deleteApiKey(name, this, done); },
               [this, name](const CommandAnswer &result) {
                   showResult(tr("Revoke API key %1").arg(name), result);
               });
}
