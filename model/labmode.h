#pragma once

#include "connectionsettings.h"
#include "labcomparison.h"
#include "laboptions.h"
#include "labrecording.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>


namespace ks {

namespace sim {
class RunResult;
struct Scenario;
} // namespace sim

class LabPlan;

// Everything one lab run produced: the plan, what the server did, the simulation it is compared
// with, and the comparison.
struct LabOutcome
{
    LabStatus status = LabStatus::Failed;
    QString error;
    std::shared_ptr<const LabPlan> plan;
    LabRecording recording;
    std::shared_ptr<const sim::Scenario> calibrated; // the plan's scenario with the measured costs
    std::shared_ptr<const sim::RunResult> simulation;
    LabComparison comparison;
    QStringList calibrationNotes;
    bool compared = false;
};

// Lab mode from start to end (headless, or on the GUI's worker thread): load the scenario, run it
// on the server, simulate it with the measured costs, compare, and write the report and the
// calibrated scenario when asked.
//
// Exit codes of `killscope --lab`: 0 no undeclared differences, 1 undeclared differences, 2 bad
// input (options, scenario), 3 refused (the server may hold real work, the login lacks
// privileges, or the scenario cannot run on this server), 4 the run failed or was interrupted.
class LabMode
{
    Q_DECLARE_TR_FUNCTIONS(LabMode)
public:
    enum Exit
    {
        NoDifferences = 0,
        Differences = 1,
        BadInput = 2,
        Refused = 3,
        Failed = 4
    };

    // A built-in id or a scenario file, parsed and validated; its JSON text kept for
    // --lab-calibrate. False with the parser's messages (file, JSON pointer) in *error.
    static bool loadScenario(const QString &idOrFile, sim::Scenario *scenario, QByteArray *json,
                             QString *error);

    // The scenario's id and its declared lab scale (for the run dialog). False with *error.
    static bool describeScenario(const QString &idOrFile, QString *id, double *scale, QString *error);

    // Blocks the calling thread (never the GUI thread). progress() gets sentences as it goes.
    static LabOutcome execute(const QString &idOrFile, const LabOptions &options, const ConnectionSettings &login,
                              const std::function<void(const QString &)> &progress,
                              std::shared_ptr<const std::atomic<bool>> cancel = {});
    static LabOutcome execute(const sim::Scenario &scenario, const QByteArray &json, const LabOptions &options,
                              const ConnectionSettings &login, const std::function<void(const QString &)> &progress,
                              std::shared_ptr<const std::atomic<bool>> cancel = {});

    // The headless command: prints progress to stderr and the summary to stdout.
    static int run(const LabOptions &options, const ConnectionSettings &login);
};

} // namespace ks
