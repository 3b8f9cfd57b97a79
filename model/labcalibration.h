#pragma once

#include "labcomparison.h"
#include "labplan.h"
#include "labrecording.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace ks {

// Turns the calibration runs into the scenario's cost settings and the timing tolerance.
//
// Invariants: pure functions; a statement without a calibration run keeps its costs; costs stay
// within the scenario format's limits (1 ns .. 1 s per row).
class LabCosts
{
    Q_DECLARE_TR_FUNCTIONS(LabCosts)
public:
    // The plan's (scaled) scenario with the measured per-row costs (forward and rollback) of every
    // calibrated statement and the measured client connect time. Notes say what was changed and
    // from what.
    static sim::Scenario calibrated(const LabPlan &plan, const LabCalibration &calibration,
                                    QStringList *notes = nullptr);
    // The second stage, after the run: a long statement's forward cost as it was in the run itself
    // (with the other sessions competing for the CPUs), from its real duration where it ran to its
    // end without waiting, or from its rows-modified rate where it was killed. Rollback costs stay
    // the calibration's (they are what the comparison checks).
    static sim::Scenario refined(const sim::Scenario &calibrated, const LabPlan &plan,
                                 const LabRecording &recording, QStringList *notes = nullptr);
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

    // The I/O measurements into the scenario: io_bandwidth from the device probe, temporary
    // files' removal times, and the bytes each calibrated statement really read from disk per
    // row (forward and in its rollback).
    static void applyIo(sim::Scenario &s, const LabCalibration &calibration, QStringList *notes);

    // Median and relative sample standard deviation of a list of times.
    static qint64 median(QList<qint64> v);
    static double relativeSpread(const QList<qint64> &v);
};

} // namespace ks
