#include "timetext.h"

#include "timeparse.h"

namespace ks {

std::optional<qint64> parseTimeUs(const QString &text, QString *error)
{
    const sim::DurationParse p = sim::parseTimeUs(text.toStdString());
    if (!p.value) {
        if (error)
            *error = QString::fromStdString(p.error);
        return std::nullopt;
    }
    return qint64(*p.value);
}

std::optional<qint64> parseLongTimeUs(const QString &text, QString *error)
{
    const sim::DurationParse p = sim::parseLongTimeUs(text.toStdString());
    if (!p.value) {
        if (error)
            *error = QString::fromStdString(p.error);
        return std::nullopt;
    }
    return qint64(*p.value);
}

QString formatTimeUs(qint64 us)
{
    return QString::fromStdString(sim::formatTimeUs(us));
}

} // namespace ks
