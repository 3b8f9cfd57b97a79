#include "timeformat.h"

#include <QLocale>

namespace ks {

QString TimeFormat::withUnit(const QString &number, TimeUnit unit)
{
    switch (unit) {
    case TimeUnit::Us:
        return tr("%1 µs").arg(number);
    case TimeUnit::Ms:
        return tr("%1 ms").arg(number);
    case TimeUnit::S:
        return tr("%1 s").arg(number);
    case TimeUnit::Clock:
        break;
    }
    return number;
}

QString TimeFormat::unitSymbol(TimeUnit unit)
{
    switch (unit) {
    case TimeUnit::Us:
        return tr("µs");
    case TimeUnit::Ms:
        return tr("ms");
    case TimeUnit::S:
    case TimeUnit::Clock:
        break;
    }
    return tr("s");
}

QString TimeFormat::seconds(qint64 us, int decimals)
{
    return withUnit(secondsNumber(us, decimals), TimeUnit::S);
}

QString TimeFormat::instant(qint64 us)
{
    return withUnit(instantNumber(us), TimeUnit::S);
}

QString TimeFormat::instantNumber(qint64 us)
{
    return secondsNumber(us, us % 1000 == 0 ? 3 : 6);
}

QString TimeFormat::secondsNumber(qint64 us, int decimals)
{
    return QLocale().toString(double(us) / 1e6, 'f', decimals);
}

QString TimeFormat::inUnit(qint64 t, TimeUnit unit, int decimals)
{
    const QLocale locale;
    switch (unit) {
    case TimeUnit::Clock: {
        // h:mm:ss(.fff) or m:ss(.fff); the fraction keeps `decimals` digits.
        const bool negative = t < 0;
        const qint64 a = negative ? -t : t;
        const qint64 whole = a / 1000000;
        const qint64 h = whole / 3600;
        const qint64 m = (whole / 60) % 60;
        const qint64 sec = whole % 60;
        QString text = negative ? QStringLiteral("-") : QString();
        if (h > 0)
            text += QString::number(h) + QLatin1Char(':') +
                    QStringLiteral("%1").arg(m, 2, 10, QLatin1Char('0'));
        else
            text += QString::number(m);
        text += QLatin1Char(':') + QStringLiteral("%1").arg(sec, 2, 10, QLatin1Char('0'));
        if (decimals > 0) {
            qint64 frac = a % 1000000;
            for (int k = decimals; k < 6; ++k)
                frac /= 10;
            text += locale.decimalPoint() +
                    QStringLiteral("%1").arg(frac, decimals, 10, QLatin1Char('0'));
        }
        return text;
    }
    case TimeUnit::S:
        return withUnit(locale.toString(double(t) / 1e6, 'f', decimals), unit);
    case TimeUnit::Ms:
        return withUnit(locale.toString(double(t) / 1e3, 'f', decimals), unit);
    case TimeUnit::Us:
        break;
    }
    return withUnit(locale.toString(t), TimeUnit::Us);
}

QString TimeFormat::duration(qint64 us)
{
    const qint64 a = us < 0 ? -us : us;
    if (a >= Q_INT64_C(600000000))
        return inUnit(us, TimeUnit::Clock, 1);
    if (a >= 1000000)
        return inUnit(us, TimeUnit::S, a >= 100000000 ? 0 : a >= 10000000 ? 1 : 2);
    if (a >= 1000)
        return inUnit(us, TimeUnit::Ms, a >= 100000 ? 0 : a >= 10000 ? 1 : 2);
    return inUnit(us, TimeUnit::Us, 0);
}

} // namespace ks
