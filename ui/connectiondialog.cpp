#include "connectiondialog.h"

#include "optionfile.h"
#include "passwordstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace ks {

namespace {
QString key(const QString &profile, const char *field)
{
    return QStringLiteral("connections/%1/%2").arg(profile, QLatin1String(field));
}
} // namespace

ConnectionDialog::ConnectionDialog(QWidget *parent)
    : QDialog(parent)
    , m_passwords(new PasswordStore(this))
{
    setObjectName(QStringLiteral("connectionDialog"));
    auto *form = new QFormLayout;
    auto label = [this](QWidget *buddy) {
        auto *l = new QLabel(this);
        l->setBuddy(buddy);
        m_labels << l;
        return l;
    };

    m_profile = new QComboBox(this);
    m_profile->setObjectName(QStringLiteral("profile"));
    m_profile->setMinimumContentsLength(14);
    m_profile->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto *saveProfile = new QPushButton(this);
    saveProfile->setObjectName(QStringLiteral("saveProfile"));
    auto *deleteProfile = new QPushButton(this);
    deleteProfile->setObjectName(QStringLiteral("deleteProfile"));
    auto *fromFiles = new QPushButton(this);
    fromFiles->setObjectName(QStringLiteral("readOptionFiles"));
    m_actionButtons << saveProfile << deleteProfile << fromFiles;
    auto *profileRow = new QHBoxLayout;
    profileRow->addWidget(m_profile, 1);
    profileRow->addWidget(saveProfile);
    profileRow->addWidget(deleteProfile);
    profileRow->addWidget(fromFiles);
    form->addRow(label(m_profile), profileRow);

    m_tcp = new QRadioButton(this);
    m_socketMode = new QRadioButton(this);
    m_tcp->setChecked(true);
    auto *modeRow = new QHBoxLayout;
    modeRow->addWidget(m_tcp);
    modeRow->addWidget(m_socketMode);
    modeRow->addStretch();
    form->addRow(label(m_tcp), modeRow);

    m_host = new QLineEdit(QStringLiteral("127.0.0.1"), this);
    m_host->setObjectName(QStringLiteral("host"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setValue(3306);
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    hostRow->addWidget(m_port);
    form->addRow(label(m_host), hostRow);

    m_socket = new QLineEdit(this);
    m_socket->setObjectName(QStringLiteral("socket"));
    m_socket->setPlaceholderText(QStringLiteral("/run/mysqld/mysqld.sock"));
    form->addRow(label(m_socket), m_socket);

    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("user"));
    form->addRow(label(m_user), m_user);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(label(m_password), m_password);
    m_savePassword = new QCheckBox(this);
    m_savePassword->setObjectName(QStringLiteral("savePassword"));
    m_savePassword->setEnabled(PasswordStore::isCompiledIn());
    form->addRow(QString(), m_savePassword);

    m_tls = new QComboBox(this);
    m_tls->setObjectName(QStringLiteral("tlsMode"));
    m_tls->addItem(QString(), int(ConnectionSettings::TlsMode::Disabled));
    m_tls->addItem(QString(), int(ConnectionSettings::TlsMode::Required));
    form->addRow(label(m_tls), m_tls);
    m_ca = new QLineEdit(this);
    m_ca->setObjectName(QStringLiteral("tlsCa"));
    auto *browse = new QToolButton(this);
    browse->setText(QStringLiteral("…"));
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("CA certificate"), m_ca->text(),
                                                       tr("Certificates (*.pem *.crt);;All files (*)"));
        if (!f.isEmpty())
            m_ca->setText(f);
    });
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_ca, 1);
    caRow->addWidget(browse);
    form->addRow(label(m_ca), caRow);

    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("connectTimeout"));
    m_timeout->setRange(1, 120);
    m_timeout->setValue(5);
    form->addRow(label(m_timeout), m_timeout);
    m_database = new QLineEdit(this);
    m_database->setObjectName(QStringLiteral("database"));
    form->addRow(label(m_database), m_database);
    m_readOnly = new QCheckBox(this);
    m_readOnly->setObjectName(QStringLiteral("readOnly"));
    form->addRow(QString(), m_readOnly);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("connectionMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));
    m_message->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_savePassword->isChecked() && !currentProfile().isEmpty())
            m_passwords->write(currentProfile(), m_password->text(), [](bool, const QString &) {});
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_tcp, &QRadioButton::toggled, this, &ConnectionDialog::updateTransport);
    connect(m_profile, &QComboBox::activated, this,
            [this](int i) { loadProfile(m_profile->itemText(i)); });
    connect(saveProfile, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save connection"), tr("Profile name:"),
                                                   QLineEdit::Normal, currentProfile(), &ok);
        if (ok && !name.trimmed().isEmpty())
            this->saveProfile(name.trimmed());
    });
    connect(deleteProfile, &QPushButton::clicked, this, [this] {
        if (!currentProfile().isEmpty())
            this->deleteProfile(currentProfile());
    });
    connect(fromFiles, &QPushButton::clicked, this, &ConnectionDialog::readOptionFiles);

    fillProfiles();
    retranslateUi();
    updateTransport();
}

void ConnectionDialog::retranslateUi()
{
    setWindowTitle(tr("Connect to server"));
    const QString texts[] = {tr("&Profile:"), tr("Transport:"), tr("&Host and port:"),
                             tr("&Socket:"), tr("&User:"), tr("Pass&word:"), tr("&TLS:"),
                             tr("CA &file:"), tr("Connect &timeout (s):"), tr("Default &database:")};
    for (int i = 0; i < m_labels.size() && i < 10; ++i)
        m_labels[i]->setText(texts[i]);
    m_actionButtons[0]->setProperty("text", tr("Save…"));
    m_actionButtons[1]->setProperty("text", tr("Delete"));
    m_actionButtons[2]->setProperty("text", tr("From ~/.my.cnf"));
    m_actionButtons[2]->setToolTip(tr("Fill in the [client] settings the mysql client would use"));
    m_tcp->setText(tr("TCP"));
    m_socketMode->setText(tr("Unix socket"));
    m_savePassword->setText(PasswordStore::isCompiledIn()
                                ? tr("Remember the password in the desktop keyring")
                                : tr("Passwords are not saved (built without QtKeychain)"));
    m_tls->setItemText(0, tr("Disabled"));
    m_tls->setItemText(1, tr("Required"));
    m_readOnly->setText(tr("Read-only: never offer to kill"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
}

void ConnectionDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ConnectionDialog::updateTransport()
{
    const bool tcp = m_tcp->isChecked();
    m_host->setEnabled(tcp);
    m_port->setEnabled(tcp);
    m_socket->setEnabled(!tcp);
}

void ConnectionDialog::setSettings(const ConnectionSettings &s)
{
    m_socketMode->setChecked(s.usesSocket());
    m_tcp->setChecked(!s.usesSocket());
    if (!s.usesSocket())
        m_host->setText(s.host);
    m_port->setValue(s.effectivePort());
    m_socket->setText(s.socket);
    m_user->setText(s.user);
    m_password->setText(s.password);
    m_tls->setCurrentIndex(s.tls == ConnectionSettings::TlsMode::Required ? 1 : 0);
    m_ca->setText(s.tlsCaFile);
    m_timeout->setValue(s.connectTimeoutS > 0 ? s.connectTimeoutS : 5);
    m_database->setText(s.database);
    updateTransport();
}

ConnectionSettings ConnectionDialog::settings() const
{
    ConnectionSettings s;
    if (m_tcp->isChecked()) {
        s.host = m_host->text().trimmed();
        s.port = m_port->value();
        s.protocolTcp = true;
    } else {
        s.host = QStringLiteral("localhost");
        s.socket = m_socket->text().trimmed();
    }
    s.user = m_user->text().trimmed();
    s.password = m_password->text();
    s.tls = ConnectionSettings::TlsMode(m_tls->currentData().toInt());
    s.tlsCaFile = m_ca->text().trimmed();
    s.connectTimeoutS = m_timeout->value();
    s.database = m_database->text().trimmed();
    return s;
}

bool ConnectionDialog::readOnly() const
{
    return m_readOnly->isChecked();
}

void ConnectionDialog::setReadOnly(bool on)
{
    m_readOnly->setChecked(on);
}

void ConnectionDialog::setMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

QStringList ConnectionDialog::profiles() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("connections"));
    return settings.childGroups();
}

QString ConnectionDialog::currentProfile() const
{
    return m_profile->currentText();
}

void ConnectionDialog::fillProfiles()
{
    const QString current = m_profile->currentText();
    const QSignalBlocker block(m_profile);
    m_profile->clear();
    m_profile->addItem(QString());
    m_profile->addItems(profiles());
    m_profile->setCurrentIndex(qMax(0, m_profile->findText(current)));
}

void ConnectionDialog::loadProfile(const QString &name)
{
    if (name.isEmpty())
        return;
    QSettings st;
    ConnectionSettings s;
    s.host = st.value(key(name, "host"), QStringLiteral("127.0.0.1")).toString();
    s.port = st.value(key(name, "port"), 3306).toInt();
    s.socket = st.value(key(name, "socket")).toString();
    s.user = st.value(key(name, "user")).toString();
    s.tls = ConnectionSettings::TlsMode(st.value(key(name, "tls"), 0).toInt());
    s.tlsCaFile = st.value(key(name, "tlsCa")).toString();
    s.connectTimeoutS = st.value(key(name, "connectTimeout"), 5).toInt();
    s.database = st.value(key(name, "database")).toString();
    setSettings(s);
    m_readOnly->setChecked(st.value(key(name, "readOnly"), false).toBool());
    const bool saved = st.value(key(name, "passwordInKeyring"), false).toBool();
    m_savePassword->setChecked(saved);
    m_profile->setCurrentIndex(qMax(0, m_profile->findText(name)));
    if (saved) {
        m_passwords->read(name, [this, name](bool ok, const QString &password, const QString &error) {
            if (currentProfile() != name)
                return;
            if (ok)
                m_password->setText(password);
            else
                setMessage(tr("The saved password could not be read from the keyring: %1").arg(error));
        });
    }
}

void ConnectionDialog::saveProfile(const QString &name)
{
    const ConnectionSettings s = settings();
    QSettings st;
    st.setValue(key(name, "host"), s.usesSocket() ? m_host->text().trimmed() : s.host);
    st.setValue(key(name, "port"), m_port->value());
    st.setValue(key(name, "socket"), s.socket);
    st.setValue(key(name, "user"), s.user);
    st.setValue(key(name, "tls"), int(s.tls));
    st.setValue(key(name, "tlsCa"), s.tlsCaFile);
    st.setValue(key(name, "connectTimeout"), s.connectTimeoutS);
    st.setValue(key(name, "database"), s.database);
    st.setValue(key(name, "readOnly"), readOnly());
    st.setValue(key(name, "passwordInKeyring"), m_savePassword->isChecked());
    // Never the password itself.
    st.remove(key(name, "password"));
    if (m_savePassword->isChecked()) {
        m_passwords->write(name, s.password, [this](bool ok, const QString &error) {
            if (!ok)
                setMessage(tr("The password was not saved: the desktop keyring refused (%1). "
                              "It is not written anywhere else.")
                               .arg(error));
        });
    } else {
        m_passwords->remove(name);
    }
    fillProfiles();
    m_profile->setCurrentIndex(qMax(0, m_profile->findText(name)));
}

void ConnectionDialog::deleteProfile(const QString &name)
{
    QSettings st;
    st.remove(QStringLiteral("connections/%1").arg(name));
    m_passwords->remove(name);
    fillProfiles();
}

void ConnectionDialog::readOptionFiles()
{
    const ResolvedConnection r = resolveConnection({});
    ConnectionSettings s = r.settings;
    if (s.connectTimeoutS <= 0)
        s.connectTimeoutS = 5;
    setSettings(s);
    setMessage((r.errors + r.warnings).join(u'\n'));
}

} // namespace ks
