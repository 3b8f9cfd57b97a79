#pragma once

#include "sessionsource.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>

namespace ks {

// One What-if knob: a server setting or an outside condition the user may change at a moment of
// a simulated run. The knobs panel, the command line (`--set TIME:KNOB=VALUE`), the simulation's
// injection path and the narration all read the one table in whatifknob.cpp, so a new knob is a
// new row there (and, if the engine does not know it yet, its handling in sim/).
//
// Invariants: ids are unique, lower case, and are the names the engine's SET action takes;
// minimum <= maximum; an integer knob only ever holds whole numbers.
struct WhatIfKnob
{
    const char *id;      // "innodb_thread_concurrency": --set name, engine action name
    const char *label;   // QT_TRANSLATE_NOOP("ks::WhatIfKnobs", …), see WhatIfKnobs::label
    bool serverVariable; // a real server takes SET GLOBAL <id>; else a condition around it
    bool integer;
    double minimum;
    double maximum;
    bool mysqlOnly; // MariaDB 10.6+ has no such variable
};

class WhatIfKnobs
{
    Q_DECLARE_TR_FUNCTIONS(ks::WhatIfKnobs)
public:
    static const QList<WhatIfKnob> &all();
    // nullptr for an unknown id.
    static const WhatIfKnob *find(const QString &id);
    // The ids, comma-separated, for messages ("innodb_thread_concurrency, io_pressure").
    static QString idList();

    static QString label(const WhatIfKnob &knob);
    static QString formatValue(const WhatIfKnob &knob, double value);
    // How the change is named to the user, honestly: "SET GLOBAL innodb_thread_concurrency = 3"
    // for a server variable, "I/O pressure 4 (competing disk load, not a server variable)" else.
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
