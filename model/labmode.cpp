// The engine's RunResult has a member called `signals`, which Qt's keyword macro would rewrite.
#define QT_NO_KEYWORDS
#include "labmode.h"

#include "engine.h"
#include "labcalibration.h"
#include "labreport.h"
#include "resources.h"
#include "runresult.h"
#include "scenarioparser.h"

#include <QCommandLineParser>
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

void LabMode::addCommandLineOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("lab"),
                 tr("Lab mode: run --scenario on the server given by the connection options "
                    "next to its simulation, and compare.")});
    p.addOption({QStringLiteral("lab-report"),
                 tr("Lab mode: write the comparison to FILE.json or FILE.md."), tr("file")});
    p.addOption({QStringLiteral("lab-force"),
                 tr("Lab mode: run although the server has other databases or sessions.")});
    p.addOption({QStringLiteral("lab-calibrate"),
                 tr("Lab mode: write the scenario with this server's measured costs to "
                    "this file."),
                 tr("file")});
    p.addOption({QStringLiteral("lab-scale"),
                 tr("Lab mode: table sizes and times × this (default: the scenario's "
                    "lab scale)."),
                 tr("factor")});
    p.addOption({QStringLiteral("lab-client"),
                 tr("Lab mode: the command-line client program (default mariadb / mysql)."),
                 tr("program")});
    p.addOption({QStringLiteral("lab-database"),
                 tr("Lab mode: the database it creates and drops (default "
                    "killscope_lab)."),
                 tr("name")});
    p.addOption({QStringLiteral("lab-repeats"),
                 tr("Lab mode: calibration runs per statement (default 3)."), tr("n")});
}

bool LabMode::optionsFromCommandLine(const QCommandLineParser &p, LabOptions *o, QString *error)
{
    auto bad = [error](const QString &m) {
        if (error)
            *error = m;
        return false;
    };
    o->scenario = p.value(QStringLiteral("scenario"));
    if (o->scenario.isEmpty() && !p.positionalArguments().isEmpty())
        o->scenario = p.positionalArguments().constFirst();
    if (o->scenario.isEmpty())
        return bad(tr("--lab needs --scenario ID|FILE."));
    o->reportPath = p.value(QStringLiteral("lab-report"));
    if (!o->reportPath.isEmpty() &&
        !o->reportPath.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) &&
        !o->reportPath.endsWith(QLatin1String(".md"), Qt::CaseInsensitive))
        return bad(tr("--lab-report %1: the file must end in .json or .md.").arg(o->reportPath));
    o->calibratePath = p.value(QStringLiteral("lab-calibrate"));
    o->force = p.isSet(QStringLiteral("lab-force"));
    if (p.isSet(QStringLiteral("lab-scale"))) {
        bool ok = false;
        o->scale = p.value(QStringLiteral("lab-scale")).toDouble(&ok);
        if (!ok || !(o->scale > 0) || o->scale > 1)
            return bad(tr("--lab-scale %1: use a number greater than 0 and at most 1.")
                           .arg(p.value(QStringLiteral("lab-scale"))));
    }
    o->clientProgram = p.value(QStringLiteral("lab-client"));
    if (p.isSet(QStringLiteral("lab-database"))) {
        o->database = p.value(QStringLiteral("lab-database"));
        static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9_]{1,64}$"));
        if (!name.match(o->database).hasMatch())
            return bad(tr("--lab-database %1: use letters, digits and _ only.").arg(o->database));
    }
    if (p.isSet(QStringLiteral("lab-repeats"))) {
        bool ok = false;
        o->repeats = p.value(QStringLiteral("lab-repeats")).toInt(&ok);
        if (!ok || o->repeats < 2 || o->repeats > 20)
            return bad(tr("--lab-repeats %1: use 2 to 20 (the tolerance needs at least two runs).")
                           .arg(p.value(QStringLiteral("lab-repeats"))));
    }
    return true;
}

bool LabMode::loadScenario(const QString &idOrFile, sim::Scenario *scenario, QByteArray *json,
                           QString *error)
{
    QString label, err;
    const auto text = loadScenarioText(idOrFile, label, err);
    if (!text) {
        if (error)
            *error = err;
        return false;
    }
    const sim::ScenarioParseResult parsed = sim::ScenarioParser::parse(
        std::string_view(text->constData(), size_t(text->size())), label.toStdString());
    if (!parsed.ok()) {
        if (error)
            *error = QString::fromStdString(parsed.errorText()).trimmed();
        return false;
    }
    *scenario = *parsed.scenario;
    if (json)
        *json = *text;
    return true;
}

LabOutcome LabMode::execute(const sim::Scenario &scenario, const QByteArray &json,
                            const LabOptions &options, const ConnectionSettings &login,
                            const std::function<void(const QString &)> &progress,
                            LabRunner **runnerOut)
{
    LabOutcome out;
    LabRunner runner(scenario, login, options);
    if (runnerOut)
        *runnerOut = &runner;
    if (progress)
        QObject::connect(&runner, &LabRunner::progress, &runner, progress, Qt::DirectConnection);
    out.status = runner.run();
    if (runnerOut)
        *runnerOut = nullptr;
    out.error = runner.errorText();
    out.plan = runner.plan();
    out.recording = runner.recording();
    if (out.status != LabRunner::Status::Ok || !out.plan)
        return out;
    out.calibrated =
        LabCosts::calibrated(*out.plan, out.recording.calibration, &out.calibrationNotes);
    sim::RunOptions o;
    o.flavor = out.plan->flavor();
    o.until = out.recording.untilUs;
    out.simulation = std::make_shared<const sim::RunResult>(sim::Engine::run(out.calibrated, o));
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
    if (login.user.isEmpty() && !login.usesSocket()) {
        printErr(tr(
            "killscope: --lab needs a server: --socket PATH or --host H [--port P], and --user."));
        return BadInput;
    }
    std::signal(SIGINT, onInterruptSignal);
    std::signal(SIGTERM, onInterruptSignal);
    const LabOutcome out = execute(scenario, json, options, login,
                                   [](const QString &m) { printErr(QStringLiteral("lab: ") + m); });
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    switch (out.status) {
    case LabRunner::Status::Ok:
        break;
    case LabRunner::Status::Refused:
        printErr(QStringLiteral("killscope: ") + out.error);
        return Refused;
    case LabRunner::Status::Failed:
    case LabRunner::Status::Interrupted:
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
