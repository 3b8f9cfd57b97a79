#pragma once

#include "labcomparison.h"
#include "labrecording.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace ks {

// The lab report file: the same content as the side-by-side view — per session the simulated
// and real client lines and (Command, State) sequences, kill-to-effect latencies, rollback rates;
// the order of leaving, the end state, every difference with its class and moment, the
// tolerance and the calibration it came from.
//
// Invariants: deterministic for a given comparison (same input, same bytes); JSON is the
// "killscope-lab-report" format version 1, Markdown is for people.
class LabReport
{
    Q_DECLARE_TR_FUNCTIONS(LabReport)
public:
    static QByteArray json(const LabComparison &c, const LabRecording &rec);
    static QString markdown(const LabComparison &c, const LabRecording &rec);
    // By the file's extension: .json or .md. False with *error on failure.
    static bool write(const QString &path, const LabComparison &c, const LabRecording &rec,
                      QString *error);
    // A few lines for a terminal: verdict and the differences that count.
    static QString summary(const LabComparison &c);
};

} // namespace ks
