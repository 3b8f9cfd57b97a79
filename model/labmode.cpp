// The engine's RunResult has a member called `signals`, which Qt's keyword macro would rewrite.
#define QT_NO_KEYWORDS
#include "labmode.h"

#include "engine.h"
#include "labcalibration.h"
#include "labplan.h"
#include "labreport.h"
#include "labrunner.h"
#include "resources.h"
#include "runresult.h"
#include "scenariofile.h"
#include "scenarioparser.h"

#include <QRegularExpression>
#include <csignal>
#include <cstdio>

namespace ks {

namespace {

void printErr(const QString &s)
{
    const QByteArray b = s.toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

extern "C" void onInterruptSignal(int)
{
    // Only an atomic store: the runner notices, stops and cleans up.
    LabRunner::requestInterruptAll();
}

} // namespace

bool LabMode::loadScenario(const QString &idOrFile, sim::Scenario *scenario, QByteArray *json,
                           QString *error)
{
    QString err;
    const std::optional<ScenarioText> text = ScenarioFile::read(idOrFile, &err);
    if (!text) {
        if (error)
            *error = err;
        return false;
    }
    const sim::ScenarioParseResult parsed = sim::ScenarioParser::parse(
        std::string_view(text->text.constData(), size_t(text->text.size())),
        text->label.toStdString());
    if (!parsed.ok()) {
        if (error)
            *error = QString::fromStdString(parsed.errorText()).trimmed();
        return false;
    }
    *scenario = *parsed.scenario;
    if (json)
        *json = text->text;
    return true;
}

bool LabMode::describeScenario(const QString &idOrFile, QString *id, double *scale, QString *error)
{
    sim::Scenario s;
    if (!loadScenario(idOrFile, &s, nullptr, error))
        return false;
    if (id)
        *id = QString::fromStdString(s.id);
    if (scale)
        *scale = s.lab.scale;
    return true;
}

LabOutcome LabMode::execute(const QString &idOrFile, const LabOptions &options,
                            const ConnectionSettings &login,
                            const std::function<void(const QString &)> &progress,
                            std::shared_ptr<const std::atomic<bool>> cancel)
{
    sim::Scenario scenario;
    QByteArray json;
    LabOutcome out;
    if (!loadScenario(idOrFile, &scenario, &json, &out.error)) {
        out.status = LabStatus::Failed;
        return out;
    }
    return execute(scenario, json, options, login, progress, std::move(cancel));
}

LabOutcome LabMode::execute(const sim::Scenario &scenario, const QByteArray &json,
                            const LabOptions &options, const ConnectionSettings &login,
                            const std::function<void(const QString &)> &progress,
                            std::shared_ptr<const std::atomic<bool>> cancel)
{
    LabOutcome out;
    LabRunner runner(scenario, login, options);
    runner.setCancelFlag(std::move(cancel));
    if (progress)
        QObject::connect(&runner, &LabRunner::progress, &runner, progress, Qt::DirectConnection);
    out.status = runner.run();
    out.error = runner.errorText();
    if (runner.plan())
        out.plan = std::make_shared<const LabPlan>(*runner.plan());
    out.recording = runner.recording();
    if (out.status != LabStatus::Ok || !out.plan)
        return out;
    const sim::Scenario calibrated =
        LabCosts::calibrated(*out.plan, out.recording.calibration, &out.calibrationNotes);
    out.calibrated = std::make_shared<const sim::Scenario>(
        LabCosts::refined(calibrated, *out.plan, out.recording, &out.calibrationNotes));
    sim::RunOptions o;
    o.flavor = out.plan->flavor();
    o.until = out.recording.untilUs;
    out.simulation = std::make_shared<const sim::RunResult>(sim::Engine::run(*out.calibrated, o));
    out.comparison = LabComparison::compare(*out.plan, *out.simulation, out.recording);
    for (const QString &n : std::as_const(out.calibrationNotes))
        out.comparison.notes << tr("Calibration: %1").arg(n);
    out.compared = true;
    QString error;
    if (!options.calibratePath.isEmpty() &&
        !LabCosts::writeCalibratedScenario(json, *out.plan, out.recording.calibration,
                                           options.calibratePath, &error))
        out.error = error;
    if (!options.reportPath.isEmpty() &&
        !LabReport::write(options.reportPath, out.comparison, out.recording, &error))
        out.error = error;
    return out;
}

int LabMode::run(const LabOptions &options, const ConnectionSettings &login)
{
    sim::Scenario scenario;
    QByteArray json;
    QString error;
    if (!loadScenario(options.scenario, &scenario, &json, &error)) {
        printErr(QStringLiteral("killscope: ") + error);
        return BadInput;
    }
    if (const QString why = LabPlan::unrunnable(scenario); !why.isEmpty()) {
        printErr(QStringLiteral("killscope: ") + why);
        return BadInput;
    }
    std::signal(SIGINT, onInterruptSignal);
    std::signal(SIGTERM, onInterruptSignal);
    const LabOutcome out = execute(scenario, json, options, login,
                                   [](const QString &m) { printErr(QStringLiteral("lab: ") + m); });
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    switch (out.status) {
    case LabStatus::Ok:
        break;
    case LabStatus::Refused:
        printErr(QStringLiteral("killscope: ") + out.error);
        return Refused;
    case LabStatus::Failed:
    case LabStatus::Interrupted:
        printErr(QStringLiteral("killscope: ") + out.error);
        return Failed;
    }
    const QByteArray summary = LabReport::summary(out.comparison).toUtf8();
    std::fwrite(summary.constData(), 1, size_t(summary.size()), stdout);
    std::fflush(stdout);
    if (!out.error.isEmpty()) {
        printErr(QStringLiteral("killscope: ") + out.error);
        return Failed;
    }
    return out.comparison.undeclaredCount() == 0 ? NoDifferences : Differences;
}

} // namespace ks
