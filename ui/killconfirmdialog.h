#pragma once

#include "killpreview.h"

#include <QDialog>
#include <QList>
#include <functional>

class QLabel;
class QPushButton;
class QTimer;

namespace ks {

// Asks before a live kill and says what will happen, from what was observed: for each target the
// statement, how long it has run, the rows its transaction modified and the rollback that follows,
// and warnings about kills that change nothing or less than expected.
//
// Invariants: Cancel is the default button (Enter does not kill); a single preview marked
// `blocked` (KillScope's own connection) disables the Kill button. Of several kills, those
// blocked or known to be refused (`cannotSucceed`) are listed apart and not offered; when none
// is left, Kill is disabled. A
// warning shared by several targets is said once, with the sessions it applies to. With a
// refresher the text follows the newest samples while the dialog is open, so its estimate is
// never older than about a second; once a preview says it is no longer current (the server was
// lost, or restarted since the target was chosen) refreshing stops for good and the dialog says
// why. A refresh reads the source's memory only: it never waits on the server.
class KillConfirmDialog : public QDialog
{
    Q_OBJECT
public:
    using Refresher = std::function<QList<KillPreview>()>;

    explicit KillConfirmDialog(const QList<KillPreview> &previews, QWidget *parent = nullptr);

    // Rebuilds the text from refresher() every intervalMs while open.
    void setRefresher(Refresher refresher, int intervalMs = 500);
    void setPreviews(const QList<KillPreview> &previews);
    QList<KillPreview> previews() const { return m_previews; }
    // How many of the kills would be sent (neither blocked nor known to fail).
    int offeredCount() const;

    QString text() const;
    QPushButton *killButton() const { return m_kill; }
    // How often the text was rebuilt from fresh previews (tests).
    int refreshCount() const { return m_refreshes; }
    bool isRefreshing() const;
    // Why refreshing stopped (empty while it goes on, or without a refresher).
    QString refreshStoppedWhy() const { return m_stoppedWhy; }

    // Shows the dialog modally; true when the user chose Kill.
    static bool confirm(QWidget *parent, const QList<KillPreview> &previews,
                        const Refresher &refresher = {});

    // Whether a preview's kill is sent after confirmation.
    static bool offered(const KillPreview &p) { return !p.blocked && !p.cannotSucceed; }

private:
    void rebuild();
    static QString notCurrentWhy(const QList<KillPreview> &previews);

    QList<KillPreview> m_previews;
    Refresher m_refresher;
    QTimer *m_timer = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_kill = nullptr;
    int m_refreshes = 0;
    QString m_stoppedWhy;
};

} // namespace ks
