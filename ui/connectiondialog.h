#pragma once

#include "connectionsettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace ks {

class PasswordStore;

// "Connect to server…": host and port or a unix socket, user, password, TLS (the mysql client's
// five modes with a plain sentence on what each checks, CA file, client certificate and key),
// connect timeout, default database, read-only mode, and saved profiles.
//
// Invariants: profiles live in QSettings under "connections/<name>/…" without any password;
// a password is saved only in the desktop keyring when the user ticks the box (PasswordStore),
// and a keyring failure is shown, never silently replaced by plain text. The dialog never
// connects itself: the caller takes settings() and starts a LiveSource.
class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionDialog(QWidget *parent = nullptr);

    void setSettings(const ConnectionSettings &settings);
    ConnectionSettings settings() const;
    bool readOnly() const;
    void setReadOnly(bool on);

    QStringList profiles() const;
    QString currentProfile() const;
    void loadProfile(const QString &name);
    void saveProfile(const QString &name);
    void deleteProfile(const QString &name);

    // A line under the form (e.g. why the last attempt failed).
    void setMessage(const QString &text);

    enum OptionFilesFill : quint8
    {
        Overwrite,
        KeepEdits
    };
    // Fills the form from the mysql client's option files ([client] of ~/.my.cnf and the global
    // files), read on a worker thread; the form stays usable meanwhile. KeepEdits leaves the form
    // alone when the user has typed in it since (the pre-fill); Overwrite is the button.
    void readOptionFiles(OptionFilesFill fill = Overwrite);
    // True while option files are being read for the form.
    bool isReadingOptionFiles() const { return m_readingOptionFiles; }

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslateUi();
    void updateTransport();
    void updateTls();
    void fitNote();
    void fillProfiles();

    PasswordStore *m_passwords;
    QComboBox *m_profile = nullptr;
    QRadioButton *m_tcp = nullptr;
    QRadioButton *m_socketMode = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_socket = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_savePassword = nullptr;
    QComboBox *m_tls = nullptr;
    QLabel *m_tlsNote = nullptr;
    QLineEdit *m_ca = nullptr;
    QLineEdit *m_cert = nullptr;
    QLineEdit *m_key = nullptr;
    QString m_tlsCaPath; // from option files; not shown, passed through
    QString m_tlsCipher;
    QSpinBox *m_timeout = nullptr;
    QLineEdit *m_database = nullptr;
    QCheckBox *m_readOnly = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QList<QLabel *> m_labels;
    QList<QWidget *> m_actionButtons;
    bool m_edited = false; // the user typed in the form
    bool m_readingOptionFiles = false;
    int m_optionFileRead = 0; // serial of the latest read; older answers are dropped
};

} // namespace ks
