#include "sessionsource.h"

namespace ks {

SessionSource::~SessionSource() = default;

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
    sql += request.kind == KillKind::Query ? QStringLiteral("QUERY ") : QStringLiteral("CONNECTION ");
    sql += QString::number(request.target.id);
    return sql;
}

} // namespace ks
