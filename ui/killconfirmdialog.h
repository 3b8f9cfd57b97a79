#pragma once

#include "killpreview.h"

#include <QDialog>
#include <QList>

class QLabel;
class QPushButton;

namespace ks {

// Asks before a live kill and says what will happen, from what was observed: for each target the
// statement, how long it has run, the rows its transaction modified and the rollback that follows,
// and warnings about kills that change nothing or less than expected.
//
// Invariants: Cancel is the default button (Enter does not kill); a preview marked `blocked`
// (KillScope's own connection) disables the Kill button.
class KillConfirmDialog : public QDialog
{
    Q_OBJECT
public:
    explicit KillConfirmDialog(const QList<KillPreview> &previews, QWidget *parent = nullptr);

    QString text() const;
    QPushButton *killButton() const { return m_kill; }

    // Shows the dialog modally; true when the user chose Kill.
    static bool confirm(QWidget *parent, const QList<KillPreview> &previews);

private:
    QLabel *m_text = nullptr;
    QPushButton *m_kill = nullptr;
};

} // namespace ks
