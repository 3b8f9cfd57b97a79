#pragma once

#include "playbackcontroller.h"
#include "sessionsource.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <functional>

class QPoint;
class QWidget;

namespace ks {

class KillMenu;
struct KillPreview;

// Every kill the window can start goes through here: menu → confirm → source. The views hand
// over what the user pointed at — lanes and processlist rows, never bare ids — and the source
// turns each into a KillTarget from its own record of that session. The shared KillMenu offers
// the statements; live kills are confirmed with what will happen (KillConfirmDialog); the source
// sends and proves the identity again before the server sees anything.
//
// Invariants: holds no SQL and no target of its own making; the confirmation runs for live
// sources only (simulated kills are injected as they are); a refused confirmation sends nothing;
// of several live kills, those the newest previews say cannot succeed (or must not be sent) are
// left out. In the simulation a menu's kill is injected at the playhead of the moment the menu
// opened (the menu says which), and playback holds while the menu is open, so what the user saw
// when they right-clicked is what they kill.
class KillController : public QObject
{
    Q_OBJECT
public:
    // Fresh previews of the same requests, from the newest sample.
    using Refresher = std::function<QList<KillPreview>()>;
    // Shows the previews (refreshing them while it asks) and asks; true to go ahead. The
    // default is KillConfirmDialog::confirm.
    using Confirmer = std::function<bool(QWidget *parent, const QList<KillPreview> &previews,
                                         const Refresher &refresh)>;

    explicit KillController(QWidget *window);

    void setSource(SessionSource *source);
    SessionSource *source() const { return m_source; }
    KillMenu *menu() const { return m_menu; }
    // Simulation: where a kill is injected (the playhead).
    void setPlayhead(std::function<qint64()> playhead) { m_playhead = std::move(playhead); }
    // Simulation: playback to hold while a menu is open (resumed when it closes).
    void setPlayback(PlaybackController *playback) { m_playback = playback; }
    void setConfirmer(Confirmer confirmer) { m_confirmer = std::move(confirmer); }

    // The entry points. Menus pop up without blocking, so sampling and playback go on.
    void popupForLane(int lane, const QPoint &globalPos);
    void popupForRows(const QList<ProcesslistRow> &rows, const QPoint &globalPos);
    // Del: KILL CONNECTION of the rows, after the confirmation. Returns how many were handed on.
    int killRows(const QList<ProcesslistRow> &rows, KillKind kind);
    // Targets the source built itself (root blocker, the command line, tests).
    // atUs: the simulation's injection time; -1 = the playhead now.
    int killTargets(const QList<KillTarget> &targets, KillKind kind,
                    KillStrength strength = KillStrength::Default, qint64 atUs = -1);

Q_SIGNALS:
    // The requests are about to be handed to the source (which may still refuse each).
    void killsSent(const QList<ks::KillRequest> &requests);

private:
    void popup(const QList<KillTarget> &targets, const QPoint &globalPos);
    qint64 injectionTime() const;

    QWidget *m_window;
    QPointer<SessionSource> m_source;
    KillMenu *m_menu;
    std::function<qint64()> m_playhead;
    Confirmer m_confirmer;
    QPointer<PlaybackController> m_playback;
    bool m_resumeAfterMenu = false;
};

} // namespace ks
