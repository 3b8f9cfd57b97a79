#include "connectiondialog.h"

#include "connectionopener.h"
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
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <functional>
#include <iterator>

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
    for (ConnectionSettings::TlsMode mode :
         {ConnectionSettings::TlsMode::Disabled, ConnectionSettings::TlsMode::Preferred,
          ConnectionSettings::TlsMode::Required, ConnectionSettings::TlsMode::VerifyCa,
          ConnectionSettings::TlsMode::VerifyIdentity})
        m_tls->addItem(QString(), int(mode));
    form->addRow(label(m_tls), m_tls);
    // What the chosen mode checks, and what it does not: in words, under the choice.
    m_tlsNote = new QLabel(this);
    m_tlsNote->setObjectName(QStringLiteral("tlsNote"));
    m_tlsNote->setWordWrap(true);
    m_tlsNote->setForegroundRole(QPalette::PlaceholderText);
    m_tlsNote->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // Its width comes from the form, not from the sentence, and its height from the text wrapped
    // at that width (fitNote): QLabel's own guess for wrapped text leaves gaps in a form.
    m_tlsNote->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_tlsNote->installEventFilter(this);
    form->addRow(QString(), m_tlsNote);
    // A path with a "…" button that picks a file.
    auto fileRow = [this](QLineEdit *edit, const char *objectName, std::function<QString()> title) {
        edit->setObjectName(QLatin1String(objectName));
        auto *browse = new QToolButton(this);
        browse->setText(QStringLiteral("…"));
        connect(browse, &QToolButton::clicked, this, [this, edit, title] {
            const QString f = QFileDialog::getOpenFileName(
                this, title(), edit->text(),
                tr("Certificates and keys (*.pem *.crt *.key);;All files (*)"));
            if (!f.isEmpty()) {
                edit->setText(f);
                m_edited = true;
            }
        });
        auto *row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(browse);
        return row;
    };
    m_ca = new QLineEdit(this);
    form->addRow(label(m_ca), fileRow(m_ca, "tlsCa", [] { return tr("CA certificate"); }));
    m_cert = new QLineEdit(this);
    form->addRow(label(m_cert),
                 fileRow(m_cert, "tlsCert", [] { return tr("Client certificate"); }));
    m_key = new QLineEdit(this);
    form->addRow(label(m_key), fileRow(m_key, "tlsKey", [] { return tr("Client key"); }));
    connect(m_tls, &QComboBox::currentIndexChanged, this, &ConnectionDialog::updateTls);

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
        // What cannot work is said here, not after a connect attempt (files are checked by the
        // connection itself, off the GUI thread).
        const QStringList problems = ConnectionOpener::checkTlsSettings(settings(), false);
        if (!problems.isEmpty()) {
            setMessage(problems.join(u'\n'));
            return;
        }
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
    connect(fromFiles, &QPushButton::clicked, this, [this] { readOptionFiles(Overwrite); });
    // Typing in the form keeps a late pre-fill from the option files from overwriting it.
    for (QLineEdit *e : {m_host, m_socket, m_user, m_password, m_ca, m_cert, m_key, m_database})
        connect(e, &QLineEdit::textEdited, this, [this] { m_edited = true; });

    fillProfiles();
    retranslateUi();
    updateTransport();
}

void ConnectionDialog::retranslateUi()
{
    setWindowTitle(tr("Connect to server"));
    // In the order the rows were made.
    const QString texts[] = {tr("&Profile:"),
                             tr("Transport:"),
                             tr("&Host and port:"),
                             tr("&Socket:"),
                             tr("&User:"),
                             tr("Pass&word:"),
                             tr("&TLS:"),
                             tr("CA &file:"),
                             tr("Client &certificate:"),
                             tr("Client &key:"),
                             tr("Connect &timeout (s):"),
                             tr("Default &database:")};
    for (qsizetype i = 0; i < m_labels.size() && i < qsizetype(std::size(texts)); ++i)
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
    m_tls->setItemText(1, tr("Preferred (encrypt if offered)"));
    m_tls->setItemText(2, tr("Required (no CA needed)"));
    m_tls->setItemText(3, tr("Verify CA"));
    m_tls->setItemText(4, tr("Verify identity (CA and host name)"));
    m_ca->setPlaceholderText(tr("for Verify CA and Verify identity"));
    m_cert->setPlaceholderText(tr("only for accounts that REQUIRE X509"));
    updateTls();
    m_readOnly->setText(tr("Read-only: never offer to kill"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
}

void ConnectionDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

bool ConnectionDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tlsNote && event->type() == QEvent::Resize)
        fitNote();
    return QDialog::eventFilter(watched, event);
}

void ConnectionDialog::fitNote()
{
    const int noteWidth = qMax(m_tlsNote->width(), 200);
    const QRect r = m_tlsNote->fontMetrics().boundingRect(QRect(0, 0, noteWidth, 10000),
                                                          Qt::TextWordWrap, m_tlsNote->text());
    if (m_tlsNote->height() == r.height())
        return;
    m_tlsNote->setFixedHeight(r.height());
    // The dialog then takes the height its rows need at its width, no more.
    QTimer::singleShot(0, this, [this] {
        const int h = heightForWidth(width());
        if (h > 0 && isVisible())
            resize(width(), h);
    });
}

void ConnectionDialog::updateTls()
{
    const auto mode = ConnectionSettings::TlsMode(m_tls->currentData().toInt());
    // The mysql client does not verify in DISABLED, PREFERRED and REQUIRED: a CA there would be
    // ignored, so it is only asked for where it counts.
    m_ca->setEnabled(mode >= ConnectionSettings::TlsMode::VerifyCa);
    m_cert->setEnabled(mode != ConnectionSettings::TlsMode::Disabled);
    m_key->setEnabled(mode != ConnectionSettings::TlsMode::Disabled);
    m_tlsNote->setText(ConnectionOpener::describeMode(mode));
    fitNote();
    for (int i = 0; i < m_tls->count(); ++i)
        m_tls->setItemData(
            i,
            ConnectionOpener::describeMode(ConnectionSettings::TlsMode(m_tls->itemData(i).toInt())),
            Qt::ToolTipRole);
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
    m_tls->setCurrentIndex(qMax(0, m_tls->findData(int(s.tls))));
    m_ca->setText(s.tlsCaFile);
    m_cert->setText(s.tlsCertFile);
    m_key->setText(s.tlsKeyFile);
    // Not shown, kept: an option file's ssl-capath and ssl-cipher survive the dialog.
    m_tlsCaPath = s.tlsCaPath;
    m_tlsCipher = s.tlsCipher;
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
    if (s.verifiesCa()) {
        s.tlsCaFile = m_ca->text().trimmed();
        s.tlsCaPath = m_tlsCaPath;
    }
    if (s.tls != ConnectionSettings::TlsMode::Disabled) {
        s.tlsCertFile = m_cert->text().trimmed();
        s.tlsKeyFile = m_key->text().trimmed();
        s.tlsCipher = m_tlsCipher;
    }
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
    if (st.contains(key(name, "tlsMode"))) {
        s.tls = ConnectionSettings::parseTlsMode(st.value(key(name, "tlsMode")).toString())
                    .value_or(ConnectionSettings::TlsMode::Preferred);
    } else if (st.contains(key(name, "tls"))) {
        // Profiles saved before the five modes: 0 was Disabled, 1 was Required.
        s.tls = st.value(key(name, "tls")).toInt() == 1 ? ConnectionSettings::TlsMode::Required
                                                        : ConnectionSettings::TlsMode::Disabled;
    }
    s.tlsCaFile = st.value(key(name, "tlsCa")).toString();
    s.tlsCaPath = st.value(key(name, "tlsCaPath")).toString();
    s.tlsCertFile = st.value(key(name, "tlsCert")).toString();
    s.tlsKeyFile = st.value(key(name, "tlsKey")).toString();
    s.tlsCipher = st.value(key(name, "tlsCipher")).toString();
    s.connectTimeoutS = st.value(key(name, "connectTimeout"), 5).toInt();
    s.database = st.value(key(name, "database")).toString();
    setSettings(s);
    m_readOnly->setChecked(st.value(key(name, "readOnly"), false).toBool());
    const bool saved = st.value(key(name, "passwordInKeyring"), false).toBool();
    m_savePassword->setChecked(saved);
    m_profile->setCurrentIndex(qMax(0, m_profile->findText(name)));
    if (saved) {
        m_passwords->read(
            name, [this, name](bool ok, const QString &password, const QString &error) {
                if (currentProfile() != name)
                    return;
                if (ok)
                    m_password->setText(password);
                else
                    setMessage(
                        tr("The saved password could not be read from the keyring: %1").arg(error));
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
    st.setValue(key(name, "tlsMode"), ConnectionSettings::tlsModeName(s.tls));
    st.remove(key(name, "tls"));
    st.setValue(key(name, "tlsCa"), s.tlsCaFile);
    st.setValue(key(name, "tlsCaPath"), s.tlsCaPath);
    st.setValue(key(name, "tlsCert"), s.tlsCertFile);
    st.setValue(key(name, "tlsKey"), s.tlsKeyFile);
    st.setValue(key(name, "tlsCipher"), s.tlsCipher);
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

void ConnectionDialog::readOptionFiles(OptionFilesFill fill)
{
    const int serial = ++m_optionFileRead;
    m_readingOptionFiles = true;
    if (fill == Overwrite)
        m_edited = false;
    setMessage(tr("Reading the option files…"));
    resolveConnectionInBackground({}, this, [this, serial](const ResolvedConnection &r) {
        if (serial != m_optionFileRead)
            return;
        m_readingOptionFiles = false;
        if (!m_edited) {
            ConnectionSettings s = r.settings;
            if (s.connectTimeoutS <= 0)
                s.connectTimeoutS = 5;
            setSettings(s);
            m_edited = false;
        }
        const QString notes = (r.errors + r.warnings).join(u'\n');
        if (!notes.isEmpty() || m_message->text() == tr("Reading the option files…"))
            setMessage(notes);
    });
}

} // namespace ks
