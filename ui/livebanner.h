#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace ks {

// A strip over the lanes for what live mode must say without stopping the user: a lost server
// (one message, the retry state, "Retry now"), a server restart, a connect attempt that failed
// while a session stays attached.
//
// Invariants: never modal and never steals focus; one message at a time (a newer one replaces
// it); hidden, it takes no room.
class LiveBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Kind
    {
        Lost,
        Notice,
        Error
    };

    explicit LiveBanner(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text);
    void clear();
    Kind kind() const { return m_kind; }
    QString text() const;
    QPushButton *retryButton() const { return m_retry; }

Q_SIGNALS:
    void retryRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    Kind m_kind = Kind::Notice;
    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_retry;
    QPushButton *m_close;
};

} // namespace ks
