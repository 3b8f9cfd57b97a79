#pragma once

#include "labplan.h"
#include "labrecording.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace ks {

// How far a real time may be from the simulated one before it counts as a difference, from
// what lab mode measured on this server (never a guessed number):
//   allowed(D) = relative * D + absoluteUs (+ the sampling resolution for processlist states)
// where D is the simulated duration the time depends on (since the statement started, the kill
// was sent, ...).
struct LabTolerance
{
    double relative = 0;   // 3 standard deviations of the calibration repetitions, relative
    qint64 absoluteUs = 0; // client-side: kill round trip spread and scheduling lateness
    qint64 sampleUs = 0;   // the longest gap between two processlist samples
    qint64 trxUs = 0;      // the longest gap between two INNODB_TRX reads

    qint64 allowedUs(qint64 durationUs, bool sampled) const
    {
        return qint64(relative * double(qMax<qint64>(0, durationUs))) + absoluteUs +
               (sampled ? sampleUs : 0);
    }
};

// Turns the calibration runs into the scenario's cost settings and the timing tolerance.
//
// Invariants: pure functions; a statement without a calibration run keeps its costs; costs stay
// within the scenario format's limits (1 ns .. 1 s per row).
class LabCosts
{
    Q_DECLARE_TR_FUNCTIONS(LabCosts)
public:
    // The plan's (scaled) scenario with the measured per-row costs (forward and rollback) of every
    // calibrated statement, the measured client connect time, and the measured I/O bandwidth
    // where a statement's time is mostly I/O. Notes say what was changed and from what.
    static sim::Scenario calibrated(const LabPlan &plan, const LabCalibration &calibration,
                                    QStringList *notes = nullptr);
    // How much longer (> 1) or shorter this server takes for the calibrated statements than the
    // plan's scenario assumes: measured over simulated time, summed over the statements; 1 when
    // nothing was calibrated. Clamped to 0.25 .. 4.
    static double speedFactor(const LabPlan &plan, const LabCalibration &calibration);
    static LabTolerance tolerance(const LabPlan &plan, const LabCalibration &calibration,
                                  const LabRecording &recording);

    // The original scenario file with the measured costs written into it (for --lab-calibrate):
    // perRow / rollbackPerRow of the calibrated rows steps and server.connect_time. Keys keep
    // their order. False with *error on failure.
    static bool writeCalibratedScenario(const QByteArray &originalJson, const LabPlan &plan,
                                        const LabCalibration &calibration, const QString &path,
                                        QString *error);

    // Median and relative sample standard deviation of a list of times.
    static qint64 median(QList<qint64> v);
    static double relativeSpread(const QList<qint64> &v);
};

} // namespace ks
