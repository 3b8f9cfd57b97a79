#include "killmenu.h"

#include "recordingsource.h"
#include "timeformat.h"

namespace ks {

KillMenu::KillMenu(QWidget *parent)
    : QMenu(parent)
{
    setObjectName(QStringLiteral("killMenu"));
    rebuild();
}

void KillMenu::setSource(SessionSource *source)
{
    m_source = source;
    rebuild();
}

void KillMenu::setTargets(const QList<KillTarget> &targets, qint64 atUs)
{
    m_targets = targets;
    m_atUs = atUs;
    rebuild();
}

QList<KillRequest> KillMenu::requestsFor(KillKind kind, KillStrength strength) const
{
    QList<KillRequest> out;
    for (const KillTarget &t : m_targets) {
        KillRequest r;
        r.target = t;
        r.kind = kind;
        r.strength = strength;
        r.atUs = m_atUs;
        out << r;
    }
    return out;
}

QAction *KillMenu::addKillAction(QMenu *menu, const QString &objectName, const QString &text,
                                 KillKind kind, KillStrength strength)
{
    QAction *a = menu->addAction(text);
    a->setObjectName(objectName);
    connect(a, &QAction::triggered, this, [this, kind, strength] {
        if (m_source && m_source->canKill() && !m_targets.isEmpty())
            Q_EMIT killChosen(kind, strength);
    });
    return a;
}

void KillMenu::rebuild()
{
    clear();
    const bool can = m_source && m_source->canKill() && !m_targets.isEmpty();
    QString ids;
    if (m_targets.size() == 1)
        ids = QString::number(m_targets.first().id);
    else if (m_targets.size() > 1)
        ids = tr("%n session(s)", nullptr, int(m_targets.size()));

    m_time = nullptr;
    if (m_atUs >= 0 && m_source && m_source->kind() == SessionSource::Kind::Simulation) {
        m_time = addAction(tr("At %1 (playback holds)").arg(TimeFormat::instant(m_atUs)));
        m_time->setObjectName(QStringLiteral("killTimeAction"));
        m_time->setEnabled(false);
        m_time->setToolTip(tr("The kill is injected at this moment of the run: where the playhead "
                              "was when you right-clicked."));
        addSeparator();
    }
    // The statement is shown as it will be sent: the user learns the SQL while clicking.
    m_killQuery = addKillAction(this, QStringLiteral("killQueryAction"),
                                ids.isEmpty() ? tr("Kill &Query") : tr("Kill &Query (%1)").arg(ids),
                                KillKind::Query, KillStrength::Default);
    m_killQuery->setToolTip(tr("KILL QUERY: ends the statement; the connection and its open "
                               "transaction stay."));
    m_killConnection = addKillAction(this, QStringLiteral("killConnectionAction"),
                                     ids.isEmpty() ? tr("Kill &Connection")
                                                   : tr("Kill &Connection (%1)").arg(ids),
                                     KillKind::Connection, KillStrength::Default);
    m_killConnection->setToolTip(tr("KILL CONNECTION: closes the connection; its transaction is "
                                    "rolled back."));
    m_killQuery->setEnabled(can);
    m_killConnection->setEnabled(can);
    if (m_source && m_source->kind() == SessionSource::Kind::Recording) {
        // Disabled items alone do not say why: a recording says it first.
        QAction *why = new QAction(tr("Not possible in a recording: these sessions ended long "
                                      "ago"),
                                   this);
        why->setObjectName(QStringLiteral("killNotPossibleAction"));
        why->setEnabled(false);
        why->setToolTip(RecordingSource::whyNoKill());
        insertAction(m_killQuery, why);
        insertSeparator(m_killQuery);
        m_killQuery->setToolTip(RecordingSource::whyNoKill());
        m_killConnection->setToolTip(RecordingSource::whyNoKill());
    }

    if (m_source && m_source->supportsKillStrength()) {
        addSeparator();
        QMenu *sub = addMenu(tr("MariaDB HARD / SOFT"));
        sub->setObjectName(QStringLiteral("killStrengthMenu"));
        addKillAction(sub, QStringLiteral("killHardQueryAction"), tr("KILL HARD QUERY"),
                      KillKind::Query, KillStrength::Hard);
        addKillAction(sub, QStringLiteral("killSoftQueryAction"), tr("KILL SOFT QUERY"),
                      KillKind::Query, KillStrength::Soft);
        addKillAction(sub, QStringLiteral("killHardConnectionAction"), tr("KILL HARD CONNECTION"),
                      KillKind::Connection, KillStrength::Hard);
        addKillAction(sub, QStringLiteral("killSoftConnectionAction"), tr("KILL SOFT CONNECTION"),
                      KillKind::Connection, KillStrength::Soft);
        sub->setToolTip(tr("SOFT waits for critical operations such as REPAIR TABLE to finish; "
                           "HARD (the default) does not."));
        sub->setToolTipsVisible(true);
        sub->setEnabled(can);
    }
    setToolTipsVisible(true);
}

} // namespace ks
