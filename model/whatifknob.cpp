#include "whatifknob.h"

#include "knobs.h"
#include "timetext.h"

#include <QLocale>
#include <QRegularExpression>
#include <cmath>

namespace ks {

namespace {

QLatin1String nameOf(const WhatIfKnob &knob)
{
    return QLatin1String(knob.name.data(), qsizetype(knob.name.size()));
}

} // namespace

QList<const WhatIfKnob *> WhatIfKnobs::all()
{
    QList<const WhatIfKnob *> out;
    for (const sim::Knob &k : sim::knobs())
        out << &k;
    return out;
}

const WhatIfKnob *WhatIfKnobs::find(const QString &id)
{
    return sim::findKnob(id.toStdString());
}

QString WhatIfKnobs::idList()
{
    QStringList ids;
    for (const WhatIfKnob *k : all())
        ids << nameOf(*k);
    return ids.join(QStringLiteral(", "));
}

QString WhatIfKnobs::id(const WhatIfKnob &knob)
{
    return nameOf(knob);
}

bool WhatIfKnobs::isMomentary(const WhatIfKnob &knob)
{
    return knob.momentary;
}

double WhatIfKnobs::minimum(const WhatIfKnob &knob)
{
    return knob.min;
}

double WhatIfKnobs::maximum(const WhatIfKnob &knob)
{
    return knob.max;
}

QString WhatIfKnobs::label(const WhatIfKnob &knob)
{
    // Short names for the panel and messages; what a knob is and does is sim/knobs.h's.
    if (knob.name == "innodb_thread_concurrency")
        return tr("InnoDB seats");
    if (knob.name == "io_pressure")
        return tr("I/O pressure");
    if (knob.name == "restart")
        return tr("Server restart");
    return nameOf(knob);
}

QString WhatIfKnobs::formatValue(const WhatIfKnob &knob, double value)
{
    if (knob.integer)
        return QString::number(qint64(std::llround(value)));
    return QLocale().toString(value, 'g', 6);
}

QString WhatIfKnobs::changeText(const WhatIfKnob &knob, double value)
{
    if (knob.serverVariable)
        return tr("SET GLOBAL %1 = %2").arg(nameOf(knob), formatValue(knob, value));
    if (knob.name == "io_pressure")
        return tr("I/O pressure %1 (competing disk load, not a server variable)")
            .arg(formatValue(knob, value));
    if (knob.name == "restart")
        return tr("restart the server (kill -9, crash recovery, start)");
    if (knob.momentary)
        return label(knob);
    return tr("%1 = %2 (not a server variable)").arg(label(knob), formatValue(knob, value));
}

bool WhatIfKnobs::appliesTo(const WhatIfKnob &knob, const QString &flavorId)
{
    return !(knob.mysqlOnly && flavorId.startsWith(QLatin1String("mariadb")));
}

QString WhatIfKnobs::check(const WhatIfKnob &knob, double value, const QString &flavorId)
{
    if (!std::isfinite(value) || value < knob.min || value > knob.max) {
        if (knob.min == knob.max)
            return tr("%1 takes only the value %2").arg(nameOf(knob), formatValue(knob, knob.min));
        return tr("%1 takes a value from %2 to %3")
            .arg(nameOf(knob), formatValue(knob, knob.min), formatValue(knob, knob.max));
    }
    if (knob.integer && value != std::floor(value))
        return tr("%1 takes a whole number").arg(nameOf(knob));
    if (!appliesTo(knob, flavorId))
        return tr("%1 does not exist on %2 (MariaDB 10.6 removed it)").arg(nameOf(knob), flavorId);
    return {};
}

std::optional<WhatIfChange> WhatIfScript::parseKillAt(const QString &text, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<WhatIfChange> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() != 3 && parts.size() != 4)
        return fail(tr("expected TIME:query|connection[:hard|soft]:SESSION, e.g. 2s:query:A"));
    WhatIfChange c;
    c.text = text;
    QString reason;
    const auto t = parseTimeUs(parts[0], &reason);
    if (!t)
        return fail(tr("bad time “%1”: %2").arg(parts[0], reason));
    c.atUs = *t;
    if (parts[1] == QLatin1String("query"))
        c.kind = KillKind::Query;
    else if (parts[1] == QLatin1String("connection"))
        c.kind = KillKind::Connection;
    else
        return fail(tr("unknown kill “%1”: use query or connection").arg(parts[1]));
    if (parts.size() == 4) {
        if (parts[2] == QLatin1String("hard"))
            c.strength = KillStrength::Hard;
        else if (parts[2] == QLatin1String("soft"))
            c.strength = KillStrength::Soft;
        else
            return fail(tr("unknown strength “%1”: use hard or soft").arg(parts[2]));
    }
    c.session = parts.last();
    static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9_]+$"));
    if (!name.match(c.session).hasMatch())
        return fail(tr("bad session name “%1”: a scenario's session name, e.g. A").arg(c.session));
    return c;
}

std::optional<WhatIfChange> WhatIfScript::parseSet(const QString &text, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<WhatIfChange> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    const qsizetype equals = text.indexOf(QLatin1Char('='), colon + 1);
    if (colon < 0 || equals < 0)
        return fail(tr("expected TIME:KNOB=VALUE, e.g. 5s:io_pressure=4"));
    WhatIfChange c;
    c.isKill = false;
    c.text = text;
    QString reason;
    const auto t = parseTimeUs(text.left(colon), &reason);
    if (!t)
        return fail(tr("bad time “%1”: %2").arg(text.left(colon), reason));
    c.atUs = *t;
    c.knob = text.mid(colon + 1, equals - colon - 1);
    const WhatIfKnob *knob = WhatIfKnobs::find(c.knob);
    if (!knob)
        return fail(tr("unknown knob “%1”: use %2").arg(c.knob, WhatIfKnobs::idList()));
    bool ok = false;
    c.value = text.mid(equals + 1).toDouble(&ok);
    if (!ok)
        return fail(
            tr("bad value “%1” for %2: expected a number").arg(text.mid(equals + 1), c.knob));
    if (const QString wrong = WhatIfKnobs::check(*knob, c.value, QString()); !wrong.isEmpty())
        return fail(wrong);
    return c;
}

} // namespace ks
