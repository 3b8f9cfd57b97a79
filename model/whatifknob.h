#pragma once

#include "sessionsource.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>

namespace ks {

// The What-if knobs, as the UI and the command line show them. The facts (names, ranges, which
// is a server variable, which exists on MySQL only, which is a moment rather than a setting) are
// sim/knobs.h's one table; this class only presents its rows: a translated label, the change named
// honestly, a check whose message is translated. The knobs panel, `--set TIME:KNOB=VALUE`, the
// simulation's injection path and the narration all go through it.
// The type is sim's row, opaque here: model's headers do not include sim's.
namespace sim {
struct Knob;
}
using WhatIfKnob = sim::Knob;

class WhatIfKnobs
{
    Q_DECLARE_TR_FUNCTIONS(ks::WhatIfKnobs)
public:
    // Every row of sim/knobs.h, in its order.
    static QList<const WhatIfKnob *> all();
    // nullptr for an unknown id.
    static const WhatIfKnob *find(const QString &id);
    // The names, comma-separated, for messages ("innodb_thread_concurrency, io_pressure, restart").
    static QString idList();

    // The knob's name ("innodb_thread_concurrency"): --set name, engine action name.
    static QString id(const WhatIfKnob &knob);
    // A moment rather than a setting (restart=1): nothing of it is "in effect" afterwards.
    static bool isMomentary(const WhatIfKnob &knob);
    static double minimum(const WhatIfKnob &knob);
    static double maximum(const WhatIfKnob &knob);
    static QString label(const WhatIfKnob &knob);
    static QString formatValue(const WhatIfKnob &knob, double value);
    // How the change is named to the user, honestly: "SET GLOBAL innodb_thread_concurrency = 3"
    // for a server variable, "I/O pressure 4 (competing disk load, not a server variable)" for a
    // condition, "restart the server (kill -9, crash recovery, start)" for a moment.
    static QString changeText(const WhatIfKnob &knob, double value);
    // Whether the knob exists on that flavor ("mysql-5.7", …).
    static bool appliesTo(const WhatIfKnob &knob, const QString &flavorId);
    // Checks a value for a knob on a flavor; empty when fine, else what is wrong.
    static QString check(const WhatIfKnob &knob, double value, const QString &flavorId);
};

// A change given on the command line: `--kill-at TIME:query|connection[:hard|soft]:SESSION` or
// `--set TIME:KNOB=VALUE`. SimulationSource::applyScripted applies it through the same path as a
// right-click or the knobs panel.
struct WhatIfChange
{
    qint64 atUs = 0;
    bool isKill = true;
    KillKind kind = KillKind::Query;
    KillStrength strength = KillStrength::Default;
    QString session;
    QString knob;
    double value = 0;
    QString text; // as given, for messages
};

class WhatIfScript
{
    Q_DECLARE_TR_FUNCTIONS(ks::WhatIfScript)
public:
    // Parse one value of --kill-at / --set; nullopt with *error naming what was wrong.
    static std::optional<WhatIfChange> parseKillAt(const QString &text, QString *error);
    static std::optional<WhatIfChange> parseSet(const QString &text, QString *error);
};

} // namespace ks
