#include "ServerDialog.h"

#include "remote/RecentServers.h"
#include "remote/RemoteConsole.h"
#include "remote/TrustedServers.h"
#include "stores/PasswordVault.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

ServerDialog::ServerDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Connect to server"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_url = new QComboBox(this);
    m_url->setObjectName(QStringLiteral("serverUrl"));
    m_url->setEditable(true);
    m_url->setMinimumWidth(420);
    m_url->lineEdit()->setPlaceholderText(QStringLiteral("https://jobs.example.org:27555"));
    for (const RecentServers::Entry &e : RecentServers::load())
        m_url->addItem(e.url.toString(), e.rememberKey);
    form->addRow(tr("Server URL"), m_url);
    m_key = new QLineEdit(this);
    m_key->setObjectName(QStringLiteral("apiKey"));
    m_key->setEchoMode(QLineEdit::Password);
    form->addRow(tr("API key"), m_key);
    m_remember = new QCheckBox(tr("Remember the key in the system keyring"), this);
    m_remember->setObjectName(QStringLiteral("rememberKey"));
    form->addRow(QString(), m_remember);
    layout->addLayout(form);

    auto *tests = new QHBoxLayout;
    m_test = new QPushButton(tr("Test connection"), this);
    m_test->setObjectName(QStringLiteral("testConnection"));
    connect(m_test, &QPushButton::clicked, this, &ServerDialog::testConnection);
    tests->addWidget(m_test);
    m_trust = new QPushButton(tr("Trust this certificate"), this);
    m_trust->setObjectName(QStringLiteral("trustCertificate"));
    m_trust->hide();
    connect(m_trust, &QPushButton::clicked, this, [this] {
        TrustedServers::trust(QUrl(m_url->currentText().trimmed()), m_untrusted);
        m_trust->hide();
        testConnection();
    });
    tests->addWidget(m_trust);
    tests->addStretch(1);
    layout->addLayout(tests);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("testResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ServerDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_url, &QComboBox::currentIndexChanged, this, [this] {
        m_remember->setChecked(m_url->currentData().toBool());
        fillKeyFromKeyring();
    });
    if (m_url->count() > 0) {
        m_remember->setChecked(m_url->itemData(0).toBool());
        fillKeyFromKeyring();
    }
}

RemoteServer ServerDialog::server() const
{
    RemoteServer s;
    s.url = QUrl(m_url->currentText().trimmed());
    s.apiKey = m_key->text().trimmed().toUtf8();
    s.trustedFingerprints = TrustedServers::fingerprints(s.url);
    return s;
}

bool ServerDialog::rememberKey() const
{
    return m_remember->isChecked();
}

void ServerDialog::fillKeyFromKeyring()
{
    if (!m_remember->isChecked())
        return;
    PasswordVault::read(RecentServers::keyringEntry(QUrl(m_url->currentText().trimmed())), this,
                        [this](const QString &key, const QString &error) {
                            if (error.isEmpty() && m_key->text().isEmpty())
                                m_key->setText(key);
                        });
}

void ServerDialog::testConnection()
{
    const RemoteServer s = server();
    if (!s.url.isValid() ||
        (s.url.scheme() != QLatin1String("http") && s.url.scheme() != QLatin1String("https"))) {
        onProbed(ApiAnswer{ApiAnswer::Failure::Unreachable,
                           0,
                           {},
                           {},
                           tr("The URL must start with http:// or https://."),
                           {}},
                 {});
        return;
    }
    delete m_probe;
    m_probe = new ApiConnection(s.url, s.apiKey, this);
    m_probe->setTrustedFingerprints(s.trustedFingerprints);
    m_test->setEnabled(false);
    m_result->setText(tr("Connecting…"));
    m_probe->probe(this, [this](const ApiAnswer &answer, const ApiConnection::Session &session) {
        onProbed(answer, session);
    });
}

void ServerDialog::onProbed(const ApiAnswer &answer, const ApiConnection::Session &session)
{
    m_test->setEnabled(true);
    m_untrusted = answer.certificateFingerprint;
    if (answer.ok())
        m_session = session;
    m_trust->setVisible(answer.failure == ApiAnswer::Failure::UntrustedCertificate);
    const QString text =
        answer.ok() ? tr("Connected: %1").arg(RemoteConsole::describe(session)) : answer.problem;
    m_result->setText(text);
    emit tested(answer.ok(), text);
    if (std::exchange(m_acceptWhenTested, false) && answer.ok()) {
        keepChoice();
        QDialog::accept();
    }
}

void ServerDialog::accept()
{
    m_acceptWhenTested = true;
    testConnection();
}

void ServerDialog::keepChoice()
{
    const RemoteServer s = server();
    RecentServers::add({s.url, rememberKey()});
    const QString entry = RecentServers::keyringEntry(s.url);
    if (rememberKey())
        PasswordVault::write(entry, QString::fromUtf8(s.apiKey), QCoreApplication::instance(),
                             [](const QString &) {});
    else
        PasswordVault::remove(entry, QCoreApplication::instance(), [](const QString &) {});
}
