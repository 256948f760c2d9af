#include "StoreDialog.h"

#include "stores/ConnectionProbe.h"
#include "stores/PasswordVault.h"
#include "stores/RecentStores.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcStoreDialog, "jobdeck.ui.store")

namespace {
enum Tab { SqliteTab, PostgresTab };
}

StoreDialog::StoreDialog(const StoreLocation &current, QWidget *parent)
    : QDialog(parent), m_probe(new ConnectionProbe(this))
{
    setWindowTitle(tr("Open store"));
    auto *layout = new QVBoxLayout(this);
    auto *top = new QFormLayout;
    m_recent = new QComboBox(this);
    m_recent->setObjectName(QStringLiteral("recentStores"));
    m_recent->addItem(tr("(choose a recent store)"));
    const QList<RecentStores::Entry> recent = RecentStores::load();
    for (const RecentStores::Entry &entry : recent)
        m_recent->addItem(entry.location.displayName(), entry.rememberPassword);
    m_recent->setEnabled(!recent.isEmpty());
    top->addRow(tr("&Recent:"), m_recent);
    layout->addLayout(top);

    m_kinds = new QTabWidget(this);
    m_kinds->addTab(buildSqlitePage(), tr("SQLite file"));
    m_kinds->addTab(buildPostgresPage(), tr("PostgreSQL"));
    layout->addWidget(m_kinds);

    auto *testRow = new QHBoxLayout;
    m_test = new QPushButton(tr("&Test connection"), this);
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_test->setAutoDefault(false);
    testRow->addWidget(m_test);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("testResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    testRow->addWidget(m_result, 1);
    layout->addLayout(testRow);

    m_askAtStart = new QCheckBox(tr("Ask which store to open at every start"), this);
    m_askAtStart->setObjectName(QStringLiteral("askAtStart"));
    m_askAtStart->setToolTip(tr("Unless --db or JOBDECK_DB names a store"));
    m_askAtStart->setChecked(RecentStores::askAtStart());
    layout->addWidget(m_askAtStart);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);

    connect(m_recent, &QComboBox::activated, this, &StoreDialog::onRecentChosen);
    connect(m_test, &QPushButton::clicked, this, &StoreDialog::testConnection);
    connect(m_probe, &ConnectionProbe::finished, this, &StoreDialog::onProbed);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &StoreDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    fill(current.problem().isEmpty() || recent.isEmpty() ? current : recent.first().location);
    PasswordVault::probe(this, [this](const QString &error) { onKeyringProbed(error); });
}

QWidget *StoreDialog::buildSqlitePage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    auto *row = new QHBoxLayout;
    m_file = new QLineEdit(page);
    m_file->setObjectName(QStringLiteral("sqliteFile"));
    auto *browse = new QPushButton(tr("&Browse…"), page);
    browse->setAutoDefault(false);
    connect(browse, &QPushButton::clicked, this, &StoreDialog::browse);
    row->addWidget(m_file, 1);
    row->addWidget(browse);
    form->addRow(tr("&File:"), row);
    auto *note = new QLabel(tr("The console's own engine opens the file; a file that does not "
                               "exist yet becomes a new store."),
                            page);
    note->setWordWrap(true);
    note->setEnabled(false);
    form->addRow(QString(), note);
    return page;
}

QWidget *StoreDialog::buildPostgresPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_host = new QLineEdit(page);
    m_host->setObjectName(QStringLiteral("pgHost"));
    form->addRow(tr("&Host:"), m_host);
    m_port = new QSpinBox(page);
    m_port->setObjectName(QStringLiteral("pgPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    form->addRow(tr("&Port:"), m_port);
    m_database = new QLineEdit(page);
    m_database->setObjectName(QStringLiteral("pgDatabase"));
    form->addRow(tr("&Database:"), m_database);
    m_user = new QLineEdit(page);
    m_user->setObjectName(QStringLiteral("pgUser"));
    form->addRow(tr("&User:"), m_user);
    m_password = new QLineEdit(page);
    m_password->setObjectName(QStringLiteral("pgPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("empty: ~/.pgpass or PGPASSWORD"));
    form->addRow(tr("Pass&word:"), m_password);
    m_socketDir = new QLineEdit(page);
    m_socketDir->setObjectName(QStringLiteral("pgSocketDir"));
    m_socketDir->setPlaceholderText(tr("optional, e.g. /var/run/postgresql"));
    form->addRow(tr("Unix &socket folder:"), m_socketDir);
    m_remember = new QCheckBox(tr("Remember the password in the system keyring"), page);
    m_remember->setObjectName(QStringLiteral("rememberPassword"));
    m_remember->setEnabled(false); // until a keyring answers
    form->addRow(QString(), m_remember);
    m_keyringNote = new QLabel(tr("Looking for the system keyring…"), page);
    m_keyringNote->setObjectName(QStringLiteral("keyringNote"));
    m_keyringNote->setWordWrap(true);
    m_keyringNote->setEnabled(false);
    form->addRow(QString(), m_keyringNote);
    auto *note = new QLabel(tr("The console joins the database as one more Jobdeck node: it sees "
                               "and acts on the jobs of every node."),
                            page);
    note->setWordWrap(true);
    note->setEnabled(false);
    form->addRow(QString(), note);
    return page;
}

StoreLocation StoreDialog::location() const
{
    StoreLocation out;
    if (m_kinds->currentIndex() == SqliteTab) {
        out.file = m_file->text().trimmed();
        return out;
    }
    out.kind = StoreLocation::Kind::Postgres;
    out.host = m_host->text().trimmed();
    out.port = m_port->value();
    out.database = m_database->text().trimmed();
    out.user = m_user->text().trimmed();
    out.socketDir = m_socketDir->text().trimmed();
    return out;
}

QString StoreDialog::password() const
{
    return m_kinds->currentIndex() == PostgresTab ? m_password->text() : QString();
}

void StoreDialog::fill(const StoreLocation &location)
{
    m_kinds->setCurrentIndex(location.isPostgres() ? PostgresTab : SqliteTab);
    if (!location.isPostgres()) {
        m_file->setText(location.file);
        return;
    }
    m_host->setText(location.host);
    m_port->setValue(location.port);
    m_database->setText(location.database);
    m_user->setText(location.user);
    m_socketDir->setText(location.socketDir);
    m_password->clear();
}

void StoreDialog::onRecentChosen(int index)
{
    const QList<RecentStores::Entry> recent = RecentStores::load();
    if (index < 1 || index > recent.size())
        return;
    const RecentStores::Entry &entry = recent.at(index - 1);
    fill(entry.location);
    m_remember->setChecked(entry.rememberPassword && m_keyringAvailable);
    if (!entry.location.isPostgres() || !entry.rememberPassword || !m_keyringAvailable)
        return;
    const QString name = entry.location.displayName();
    PasswordVault::read(name, this, [this, name](const QString &password, const QString &error) {
        if (!error.isEmpty())
            m_keyringNote->setText(tr("The keyring did not give the password: %1").arg(error));
        else if (location().displayName() == name && m_password->text().isEmpty())
            m_password->setText(password); // the fields still show that store
    });
}

void StoreDialog::onKeyringProbed(const QString &error)
{
    m_keyringChecked = true;
    m_keyringAvailable = error.isEmpty();
    m_remember->setEnabled(m_keyringAvailable);
    if (!m_keyringAvailable)
        m_remember->setChecked(false);
    m_keyringNote->setText(
        m_keyringAvailable
            ? tr("The password is kept by the system keyring, never in Jobdeck's settings.")
            : tr("The password cannot be remembered (%1): it is asked for each time. Leave it "
                 "empty to use ~/.pgpass or PGPASSWORD.")
                  .arg(error));
    emit keyringStateKnown(m_keyringAvailable);
}

void StoreDialog::testConnection()
{
    const QString problem = location().problem();
    if (!problem.isEmpty()) {
        m_openAfterTest = false;
        m_result->setText(problem);
        emit tested(false, problem);
        return;
    }
    m_test->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Open)->setEnabled(false);
    m_result->setText(tr("Connecting to %1…").arg(location().displayName()));
    m_probe->start(url());
}

void StoreDialog::onProbed(bool ok, const QString &message)
{
    m_test->setEnabled(true);
    m_buttons->button(QDialogButtonBox::Open)->setEnabled(true);
    m_result->setText(ok ? tr("Connected: %1").arg(message)
                         : tr("Cannot connect: %1").arg(message));
    emit tested(ok, message);
    const bool open = m_openAfterTest && ok;
    m_openAfterTest = false;
    if (open) {
        keepChoice();
        QDialog::accept();
    }
}

void StoreDialog::accept()
{
    m_openAfterTest = true;
    testConnection();
}

// The location joins the recent stores (no password); the password goes to the keyring, or is
// taken out of it when the user no longer wants it kept.
void StoreDialog::keepChoice()
{
    const StoreLocation chosen = location();
    const bool remember = chosen.isPostgres() && m_keyringAvailable && m_remember->isChecked();
    RecentStores::add({chosen, remember});
    RecentStores::setAskAtStart(m_askAtStart->isChecked());
    if (!chosen.isPostgres() || !m_keyringAvailable)
        return;
    const QString name = chosen.displayName();
    // The dialog closes now: the application receives the keyring's answer.
    if (remember && !password().isEmpty())
        PasswordVault::write(name, password(), qApp, [name](const QString &error) {
            if (!error.isEmpty())
                qCWarning(lcStoreDialog, "password of %s not kept: %s", qPrintable(name),
                          qPrintable(error));
        });
    else if (!remember)
        PasswordVault::remove(name, qApp, [](const QString &) {});
}

void StoreDialog::browse()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("SQLite store"), m_file->text(),
                                     tr("SQLite stores (*.db *.sqlite);;All files (*)"), nullptr,
                                     QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        m_file->setText(path);
}
