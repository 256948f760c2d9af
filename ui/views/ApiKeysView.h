#pragma once

#include "OperatorTableView.h"
#include "auth/ApiKey.h"

#include <functional>

class ApiKeysModel;

// API keys (admin): names, permissions, tenants. Create runs POST /api/v1/api-keys's command
// and shows the clear key once, with a Copy button; Revoke (after a confirmation) runs DELETE
// /api/v1/api-keys/:name's: the key stops working with the next request.
class ApiKeysView : public OperatorTableView
{
    Q_OBJECT
public:
    using AskNewKey = std::function<bool(ApiKey *key)>;
    using ShowClearKey = std::function<void(const QString &name, const QByteArray &clearKey)>;
    using Confirm = std::function<bool(const QString &text)>;

    ApiKeysView(BackgroundReader &reader, ConsoleBackend *backend, ReadOnlyMode *mode,
                QWidget *parent = nullptr);

    ApiKeysModel *model() const { return m_model; }
    QAction *createAction() const { return m_create; }
    QAction *revokeAction() const { return m_revoke; }
    void setAskNewKey(AskNewKey ask) { m_askNewKey = std::move(ask); }
    void setShowClearKey(ShowClearKey show) { m_showClearKey = std::move(show); }
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

    void create(const ApiKey &key);
    void revoke(const QStringList &names);

protected:
    void load() override;

private:
    void onRevokeTriggered();

    ApiKeysModel *m_model;
    QAction *m_create;
    QAction *m_revoke;
    AskNewKey m_askNewKey;
    ShowClearKey m_showClearKey;
    Confirm m_confirm;
};
