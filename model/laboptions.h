#pragma once

#include <QString>

namespace ks {

// How a lab run ended.
enum class LabStatus : quint8 { Ok, Refused, Failed, Interrupted };

// What the user asked lab mode to do; filled from the command line (CommandLine::labOptions) or
// the GUI's run dialog.
struct LabOptions
{
    QString scenario;        // built-in id or file
    QString reportPath;      // FILE.json or FILE.md; empty = none
    QString calibratePath;   // --lab-calibrate OUT.json; empty = none
    double scale = -1;       // < 0: the scenario's declared lab scale
    bool force = false;      // run although the server has other databases or sessions
    QString database = QStringLiteral("killscope_lab");
    QString clientProgram;   // the command-line client; empty = `mariadb` (MariaDB) / `mysql`
    int repeats = 3;         // calibration repetitions per statement (>= 2: variation needs two)
};

} // namespace ks
