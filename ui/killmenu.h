#pragma once

#include "sessionsource.h"

#include <QList>
#include <QMenu>
#include <QPointer>


namespace ks {

// The right-click menu of processlist rows and lanes: Kill Query / Kill Connection, plus HARD and
// SOFT where the source's server understands them. Simulation and live mode use this same menu.
// It only offers: the KillController it belongs to confirms and sends what is chosen.
//
// Invariants: the actions are rebuilt by setTargets() for the current source; with no source, no
// targets, or a source that cannot kill, the kill actions are present but disabled (so the user
// sees why nothing happens rather than an empty menu). The targets come from the source.
class KillMenu : public QMenu
{
    Q_OBJECT
public:
    explicit KillMenu(QWidget *parent = nullptr);

    void setSource(SessionSource *source);
    SessionSource *source() const { return m_source; }

    // Whom the next action kills and, in the simulation, at what time (the playhead).
    void setTargets(const QList<KillTarget> &targets, qint64 atUs = -1);
    const QList<KillTarget> &targets() const { return m_targets; }
    qint64 atUs() const { return m_atUs; }
    // The menu's first line in the simulation: when the kill will be injected (disabled).
    QAction *timeAction() const { return m_time; }

    // Builds the requests an action would send, without sending them.
    QList<KillRequest> requestsFor(KillKind kind, KillStrength strength) const;

    QAction *killQueryAction() const { return m_killQuery; }
    QAction *killConnectionAction() const { return m_killConnection; }

Q_SIGNALS:
    // One of the kill actions was chosen for the current targets.
    void killChosen(ks::KillKind kind, ks::KillStrength strength);

private:
    void rebuild();
    QAction *addKillAction(QMenu *menu, const QString &objectName, const QString &text,
                           KillKind kind, KillStrength strength);

    QPointer<SessionSource> m_source;
    QList<KillTarget> m_targets;
    qint64 m_atUs = -1;
    QAction *m_time = nullptr;
    QAction *m_killQuery = nullptr;
    QAction *m_killConnection = nullptr;
};

} // namespace ks
