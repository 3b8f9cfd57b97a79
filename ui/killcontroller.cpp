#include "killcontroller.h"

#include "killconfirmdialog.h"
#include "killmenu.h"
#include "livesource.h"
#include "playbackcontroller.h"

#include <QTimer>

namespace ks {

KillController::KillController(QWidget *window)
    : QObject(window)
    , m_window(window)
    , m_menu(new KillMenu(window))
    , m_confirmer(&KillConfirmDialog::confirm)
{
    setObjectName(QStringLiteral("killController"));
    connect(m_menu, &KillMenu::killChosen, this, [this](KillKind kind, KillStrength strength) {
        killTargets(m_menu->targets(), kind, strength, m_menu->atUs());
    });
    // QMenu hides before it triggers the chosen action: resume only after that has run.
    connect(m_menu, &QMenu::aboutToHide, this, [this] {
        if (!m_resumeAfterMenu)
            return;
        m_resumeAfterMenu = false;
        QTimer::singleShot(0, this, [this] {
            if (m_playback)
                m_playback->play();
        });
    });
}

void KillController::setSource(SessionSource *source)
{
    m_source = source;
    m_menu->setSource(source);
}

qint64 KillController::injectionTime() const
{
    const bool sim = m_source && m_source->kind() == SessionSource::Kind::Simulation;
    return sim && m_playhead ? m_playhead() : -1;
}

void KillController::popup(const QList<KillTarget> &targets, const QPoint &globalPos)
{
    if (targets.isEmpty())
        return;
    m_menu->setSource(m_source);
    const qint64 at = injectionTime();
    // The moment is taken when the menu opens, and playback holds while it is open.
    if (at >= 0 && m_playback && m_playback->isPlaying()) {
        m_playback->pause();
        m_resumeAfterMenu = true;
    }
    m_menu->setTargets(targets, at);
    m_menu->popup(globalPos);
}

void KillController::popupForLane(int lane, const QPoint &globalPos)
{
    if (!m_source || lane < 0)
        return;
    popup({m_source->targetForLane(lane)}, globalPos);
}

void KillController::popupForRows(const QList<ProcesslistRow> &rows, const QPoint &globalPos)
{
    if (!m_source)
        return;
    QList<KillTarget> targets;
    for (const ProcesslistRow &r : rows)
        targets << m_source->targetForRow(r);
    popup(targets, globalPos);
}

int KillController::killRows(const QList<ProcesslistRow> &rows, KillKind kind)
{
    if (!m_source)
        return 0;
    QList<KillTarget> targets;
    for (const ProcesslistRow &r : rows)
        targets << m_source->targetForRow(r);
    return killTargets(targets, kind);
}

int KillController::killTargets(const QList<KillTarget> &targets, KillKind kind,
                                KillStrength strength, qint64 atUs)
{
    if (!m_source || !m_source->canKill() || targets.isEmpty())
        return 0;
    QList<KillRequest> requests;
    for (const KillTarget &t : targets) {
        KillRequest r;
        r.target = t;
        r.kind = kind;
        r.strength = strength;
        r.atUs = atUs >= 0 && injectionTime() >= 0 ? atUs : injectionTime();
        requests << r;
    }
    if (auto *live = qobject_cast<LiveSource *>(m_source.data())) {
        QPointer<LiveSource> guard(live);
        const Refresher refresh = [guard, requests] {
            QList<KillPreview> previews;
            if (!guard)
                return previews;
            for (const KillRequest &r : requests)
                previews << guard->preview(r);
            return previews;
        };
        const QList<KillPreview> previews = refresh();
        if (m_confirmer && !m_confirmer(m_window, previews, refresh))
            return 0;
        // The dialog ran an event loop: the source may be gone.
        if (!m_source)
            return 0;
        if (requests.size() > 1) {
            // As the dialog offered them, from the newest sample.
            const QList<KillPreview> now = refresh();
            QList<KillRequest> offered;
            for (qsizetype i = 0; i < requests.size() && i < now.size(); ++i)
                if (KillConfirmDialog::offered(now[i]))
                    offered << requests[i];
            requests = offered;
            if (requests.isEmpty())
                return 0;
        }
    }
    // Announced first, so what the source then says about each (a refusal) is the last word.
    Q_EMIT killsSent(requests);
    for (const KillRequest &r : requests) {
        if (!m_source)
            break;
        m_source->kill(r);
    }
    return int(requests.size());
}

} // namespace ks
