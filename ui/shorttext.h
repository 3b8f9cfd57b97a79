#pragma once

// Shorter forms of the texts the swimlanes draw, for when the full one does not fit: shortened
// by meaning ("KILL 11" for "KILL CONNECTION 11", "390k" for 390,123) rather than cut ("KILL
// CONNE…", "undo 390…"). Painters try the forms in order and elide only the last; tooltips keep
// the full text. Pure functions, tested by tables (tests/gui/tst_lanegeometry.cpp).

#include <QLocale>
#include <QString>
#include <QStringList>
#include <cmath>
#include <cstdlib>

namespace ks::shorttext {

// 390,123 → "390k", 1,234,567 → "1.2M" (k/M/G); in Chinese 832,901 → "83.3万", 2.5e8 → "2.5亿".
// Below the first step the full number with the locale's separators.
inline QString abbreviateCount(qint64 n, const QLocale &locale, bool chinese)
{
    struct Step
    {
        double value;
        const char16_t *suffix;
    };
    static constexpr Step western[] = {{1e9, u"G"}, {1e6, u"M"}, {1e3, u"k"}};
    static constexpr Step eastern[] = {{1e8, u"亿"}, {1e4, u"万"}};
    const double a = std::abs(double(n));
    auto format = [&](const Step &s) {
        const double v = double(n) / s.value;
        // Three significant digits at most: 1.2k, 12k, 123k (and 12.3万).
        const int decimals = std::abs(v) >= 100 ? 0 : std::abs(v) >= 10 ? (chinese ? 1 : 0) : 1;
        QString text = locale.toString(v, 'f', decimals);
        if (decimals > 0) {
            const QString zero =
                locale.decimalPoint() + QString(decimals, locale.zeroDigit().front());
            if (text.endsWith(zero))
                text.chop(zero.size());
        }
        return text + QString::fromUtf16(s.suffix);
    };
    if (chinese) {
        for (const Step &s : eastern)
            if (a >= s.value)
                return format(s);
    } else {
        for (const Step &s : western)
            if (a >= s.value)
                return format(s);
    }
    return locale.toString(n);
}

// A kill's label and its shorter forms. KILL CONNECTION is what a bare KILL does, so "KILL
// CONNECTION 11" shortens to "KILL 11" with the same meaning; a label with an outcome ("KILL 20
// → ERROR 1095", "Ctrl+C → KILL QUERY 13") keeps its first part.
inline QStringList killLabelForms(const QString &label)
{
    QStringList forms{label};
    auto add = [&forms](const QString &f) {
        if (!f.isEmpty() && !forms.contains(f))
            forms << f;
    };
    QString bare = label;
    bare.replace(QStringLiteral("KILL CONNECTION "), QStringLiteral("KILL "));
    add(bare);
    const qsizetype arrow = bare.indexOf(QStringLiteral(" → "));
    if (arrow > 0)
        add(bare.left(arrow));
    return forms;
}

} // namespace ks::shorttext
