#include "identityproof.h"

namespace ks {

IdentityProof IdentityProof::check(const KillTarget &t, const Now &now, bool osThreadStable)
{
    IdentityProof p;
    const qint64 id = t.id;
    auto refuse = [&p, id](const QString &why) {
        p.verdict = Verdict::Refused;
        p.reason = tr("Not sent: %1 — id %2 may now name another session.").arg(why).arg(id);
        return p;
    };
    if (t.incarnation == 0 || !t.server.known())
        return refuse(tr("KillScope has no record of the server life this session was seen in"));

    QString why;
    switch (ServerIncarnation::compare(t.server, t.maxIdSeen, now.server, &why)) {
    case ServerIncarnation::Verdict::Same:
        break;
    case ServerIncarnation::Verdict::Restarted:
    case ServerIncarnation::Verdict::Unknown:
        return refuse(why);
    }
    p.evidence << tr("same server life (running since %1, id counter %2 ≥ %3)")
                      .arg(now.server.startedText())
                      .arg(now.server.connections)
                      .arg(t.maxIdSeen);

    if (!now.present) {
        // Ids are not handed out twice within one life: KILL of a departed id hits nobody.
        p.verdict = Verdict::Absent;
        p.evidence << tr("id %1 has left the processlist").arg(id);
        return p;
    }

    const ProcesslistRow &seen = t.seen;
    const QString user = seen.user.isEmpty() ? t.user : seen.user;
    const QString host = seen.host.isEmpty() ? t.host : seen.host;
    if (!user.isEmpty() && now.user != user)
        return refuse(tr("id %1 now belongs to user %2, the session you chose was %3's")
                          .arg(id)
                          .arg(now.user, user));
    if (!host.isEmpty() && now.host != host)
        return refuse(tr("id %1 now connects from %2, the session you chose from %3")
                          .arg(id)
                          .arg(now.host, host));
    p.evidence << tr("same account %1@%2").arg(user, host);

    if (osThreadStable && seen.osThreadId > 0 && now.osThreadId > 0) {
        if (now.osThreadId != seen.osThreadId)
            return refuse(tr("id %1 now runs on server thread %2, the session you chose on %3")
                              .arg(id)
                              .arg(now.osThreadId)
                              .arg(seen.osThreadId));
        p.evidence << tr("same server thread %1").arg(now.osThreadId);
    }
    if (seen.psThreadId > 0 && now.psThreadId > 0) {
        if (now.psThreadId != seen.psThreadId)
            return refuse(tr("id %1 is now performance_schema thread %2, the session you chose "
                             "was %3")
                              .arg(id)
                              .arg(now.psThreadId)
                              .arg(seen.psThreadId));
        p.evidence << tr("same performance_schema thread %1").arg(now.psThreadId);
    }
    if (seen.queryId > 0 && now.queryId >= 0) {
        if (now.queryId < seen.queryId)
            return refuse(tr("id %1 is at query id %2, before the %3 the session you chose had "
                             "reached")
                              .arg(id)
                              .arg(now.queryId)
                              .arg(seen.queryId));
        p.evidence << tr("query id %1 ≥ %2").arg(now.queryId).arg(seen.queryId);
    }
    // Whatever runs under the id now began before KillScope last saw the chosen session: a
    // newcomer would have connected after that sighting.
    if (now.timeMs >= 0 && now.readEndUs >= 0 && t.lastSeenUs >= 0 &&
        now.readEndUs - now.timeMs * 1000 < t.lastSeenUs)
        p.evidence << tr("in its current command since before it was last seen");
    p.verdict = Verdict::Proven;
    return p;
}

} // namespace ks
