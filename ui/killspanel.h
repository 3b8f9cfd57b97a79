#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QTableView;

namespace ks {

class KillsModel;
class SessionSource;

// The Kills panel: every kill of the source with its phase, and for the selected one its whole
// path — requested, sent, the server's answer, flag seen, rolling back (rows left, rate, expected
// end), the end — and why the victim still lingers.
//
// Invariants: it reads only SessionSource::kills() (live or simulated alike); it owns its
// KillsModel, updated in place per kill so the selection stays.
class KillsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit KillsPanel(QWidget *parent = nullptr);

    void setSource(SessionSource *source);
    void setTimeOrigin(qint64 us);
    KillsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString detailText() const;

public Q_SLOTS:
    void refresh();

private:
    void updateDetail();

    QPointer<SessionSource> m_source;
    QMetaObject::Connection m_updated;
    KillsModel *m_model;
    QTableView *m_view;
    QLabel *m_detail;
};

} // namespace ks
