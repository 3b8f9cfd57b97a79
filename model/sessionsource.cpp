#include "sessionsource.h"

#include "timeline.h"

namespace ks {

SessionSource::~SessionSource() = default;

KillTarget SessionSource::targetForLane(int lane) const
{
    KillTarget t;
    const Timeline &tl = timeline();
    if (lane < 0 || lane >= tl.laneCount())
        return t;
    const LaneInfo &info = tl.lane(lane);
    t.id = info.sessionId;
    t.user = info.user;
    t.host = info.host;
    return t;
}

KillTarget SessionSource::targetForRow(const ProcesslistRow &row) const
{
    KillTarget t;
    t.id = row.id;
    t.user = row.user;
    t.host = row.host;
    t.seen = row;
    return t;
}

const char *killPhaseKey(KillPhase p)
{
    switch (p) {
    case KillPhase::Requested:
        return "requested";
    case KillPhase::Sent:
        return "sent";
    case KillPhase::Refused:
        return "refused";
    case KillPhase::Accepted:
        return "accepted";
    case KillPhase::FlagSeen:
        return "flag-seen";
    case KillPhase::RollingBack:
        return "rolling-back";
    case KillPhase::Done:
        return "done";
    case KillPhase::Gone:
        return "gone";
    case KillPhase::Reconnected:
        return "reconnected";
    }
    return "unknown";
}

QString killStatement(const KillRequest &request)
{
    QString sql = QStringLiteral("KILL ");
    switch (request.strength) {
    case KillStrength::Hard:
        sql += QStringLiteral("HARD ");
        break;
    case KillStrength::Soft:
        sql += QStringLiteral("SOFT ");
        break;
    case KillStrength::Default:
        break;
    }
    sql +=
        request.kind == KillKind::Query ? QStringLiteral("QUERY ") : QStringLiteral("CONNECTION ");
    sql += QString::number(request.target.id);
    return sql;
}

} // namespace ks
