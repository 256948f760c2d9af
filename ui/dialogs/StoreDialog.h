#pragma once

#include "stores/StoreLocation.h"

#include <QDialog>

class ConnectionProbe;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;

// File ▸ Open store…: a SQLite file or a PostgreSQL database (host, port, database, user,
// password, optional Unix socket directory), the recent stores, "Test connection" (off the GUI
// thread), and whether to ask for a store at every start. Open tests the connection first and
// is accepted only when it works; then the location (never the password) joins the recent
// stores, and the password goes to the system keyring when "Remember password" is ticked and a
// keyring answers. An empty password lets libpq use ~/.pgpass or PGPASSWORD.
class StoreDialog : public QDialog
{
    Q_OBJECT
public:
    explicit StoreDialog(const StoreLocation &current, QWidget *parent = nullptr);

    StoreLocation location() const; // as the fields say
    QString password() const;
    QString url() const { return location().url(password()); } // the --db value to open

    QTabWidget *kinds() const { return m_kinds; }
    QComboBox *recent() const { return m_recent; }
    QLineEdit *file() const { return m_file; }
    QLineEdit *host() const { return m_host; }
    QSpinBox *port() const { return m_port; }
    QLineEdit *database() const { return m_database; }
    QLineEdit *user() const { return m_user; }
    QLineEdit *passwordField() const { return m_password; }
    QLineEdit *socketDir() const { return m_socketDir; }
    QCheckBox *rememberPassword() const { return m_remember; }
    QCheckBox *askAtStart() const { return m_askAtStart; }
    QPushButton *testButton() const { return m_test; }
    QLabel *resultLabel() const { return m_result; }
    QLabel *keyringNote() const { return m_keyringNote; }
    bool keyringChecked() const { return m_keyringChecked; }
    bool keyringAvailable() const { return m_keyringAvailable; }

public slots:
    void testConnection();
    void accept() override; // tests, then keeps the choice and closes when the store opens

signals:
    void tested(bool ok, const QString &message);
    void keyringStateKnown(bool available);

private:
    QWidget *buildSqlitePage();
    QWidget *buildPostgresPage();
    void fill(const StoreLocation &location);
    void onRecentChosen(int index);
    void onKeyringProbed(const QString &error);
    void onProbed(bool ok, const QString &message);
    void keepChoice();
    void browse();

    ConnectionProbe *m_probe;
    QComboBox *m_recent;
    QTabWidget *m_kinds;
    QLineEdit *m_file;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLineEdit *m_socketDir;
    QCheckBox *m_remember;
    QLabel *m_keyringNote;
    QCheckBox *m_askAtStart;
    QPushButton *m_test;
    QLabel *m_result;
    QDialogButtonBox *m_buttons;
    bool m_keyringChecked = false;
    bool m_keyringAvailable = false;
    bool m_openAfterTest = false;
};
