#pragma once

#include "remote/ApiConnection.h"
#include "remote/RemoteServer.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

// File ▸ Connect to server…: the server's URL (with the recent servers), an API key, whether to
// keep the key in the system keyring, and "Test connection", which says what it found (version,
// store kind, the key's name, permissions and tenants) or why it failed, never showing the key.
// A certificate the system does not trust is shown by its SHA-256 fingerprint with "Trust this
// certificate" (remembered for that server). Connect is accepted once a test succeeds.
class ServerDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ServerDialog(QWidget *parent = nullptr);

    RemoteServer server() const; // as the fields say, with the certificates trusted for it
    bool rememberKey() const;
    // What the last successful test found (GET /api/v1/session).
    const ApiConnection::Session &session() const { return m_session; }

    QComboBox *urlField() const { return m_url; }
    QLineEdit *keyField() const { return m_key; }
    QPushButton *testButton() const { return m_test; }
    QPushButton *trustButton() const { return m_trust; }
    QLabel *resultLabel() const { return m_result; }

public slots:
    void testConnection();
    void accept() override; // tests first; closes when the server answers

signals:
    void tested(bool ok, const QString &message);

private:
    void onProbed(const ApiAnswer &answer, const ApiConnection::Session &session);
    void fillKeyFromKeyring();
    void keepChoice();

    QComboBox *m_url;
    QLineEdit *m_key;
    QCheckBox *m_remember;
    QPushButton *m_test;
    QPushButton *m_trust;
    QLabel *m_result;
    QPointer<ApiConnection> m_probe; // the test in progress
    QString m_untrusted;             // a refused certificate's fingerprint
    ApiConnection::Session m_session;
    bool m_acceptWhenTested = false;
};
