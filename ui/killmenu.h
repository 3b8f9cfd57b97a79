#pragma once

#include "sessionsource.h"

#include <QList>
#include <QMenu>
#include <QPointer>

#include <functional>

namespace ks {

// The right-click menu of processlist rows and lanes: Kill Query / Kill Connection, plus HARD and
// SOFT where the source's server understands them. Simulation and live mode use this same menu;
// every kill goes through SessionSource::kill().
//
// Invariants: the actions are rebuilt by setTargets() for the current source; with no source, no
// targets, or a source that cannot kill, the kill actions are present but disabled (so the user
// sees why nothing happens rather than an empty menu). A confirmer, when set, sees every batch
// of requests first and may veto it.
class KillMenu : public QMenu
{
    Q_OBJECT
public:
    // Returns false to cancel. Live mode shows its confirmation dialog here.
    using Confirmer = std::function<bool(QWidget *parent, const QList<KillRequest> &requests)>;

    explicit KillMenu(QWidget *parent = nullptr);

    void setSource(SessionSource *source);
    SessionSource *source() const { return m_source; }
    void setConfirmer(Confirmer confirmer) { m_confirmer = std::move(confirmer); }

    // Whom the next action kills and, in the simulation, at what time (the playhead).
    void setTargets(const QList<KillTarget> &targets, qint64 atUs = -1);
    const QList<KillTarget> &targets() const { return m_targets; }

    // Builds the requests an action would send, without sending them.
    QList<KillRequest> requestsFor(KillKind kind, KillStrength strength) const;

    QAction *killQueryAction() const { return m_killQuery; }
    QAction *killConnectionAction() const { return m_killConnection; }

public Q_SLOTS:
    // Sends the requests through the source (after the confirmer, if any). Returns how many went.
    int killTargets(KillKind kind, KillStrength strength = KillStrength::Default);

Q_SIGNALS:
    // After the source accepted the requests for sending.
    void killsSent(const QList<KillRequest> &requests);

private:
    void rebuild();
    QAction *addKillAction(QMenu *menu, const QString &objectName, const QString &text,
                           KillKind kind, KillStrength strength);

    QPointer<SessionSource> m_source;
    Confirmer m_confirmer;
    QList<KillTarget> m_targets;
    qint64 m_atUs = -1;
    QAction *m_killQuery = nullptr;
    QAction *m_killConnection = nullptr;
};

} // namespace ks
