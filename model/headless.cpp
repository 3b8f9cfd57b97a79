#include "headless.h"

#include "resources.h"
#include "scenariofile.h"
#include "timetext.h"

#include "engine.h"
#include "report.h"
#include "scenarioparser.h"
#include "timeparse.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ks {

namespace {

void writeOut(const std::string &s)
{
    std::fwrite(s.data(), 1, s.size(), stdout);
}

void writeErr(const QString &s)
{
    const QByteArray b = s.toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
    std::fputc('\n', stderr);
}

std::string jsonString(const std::string &s)
{
    return sim::jsonQuote(s);
}

// Reads a built-in id or a file (model/scenariofile.h: the one reader, with its limits).
std::optional<QByteArray> loadScenarioText(const QString &arg, QString &label, QString &error)
{
    const std::optional<ScenarioText> t = ScenarioFile::read(arg, &error);
    if (!t)
        return std::nullopt;
    label = t->label;
    return t->text;
}

std::optional<sim::TimeUs> parseTimeOption(const QString &option, const QString &value, QString &error)
{
    QString why;
    const std::optional<qint64> t = parseTimeUs(value, &why);
    if (!t) {
        error = QStringLiteral("--%1 %2: %3").arg(option, value, why);
        return std::nullopt;
    }
    return *t;
}

} // namespace

int runHeadless(int argc, char **argv)
{
    std::unique_ptr<QCoreApplication> ownApp;
    if (!QCoreApplication::instance())
        ownApp = std::make_unique<QCoreApplication>(argc, argv);
    initResources();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("KillScope headless mode: run a scenario and print what happened."));
    parser.addHelpOption();
    const QCommandLineOption headlessOpt(QStringLiteral("headless"), QStringLiteral("Run without a GUI."));
    const QCommandLineOption scenarioOpt(QStringLiteral("scenario"), QStringLiteral("Built-in scenario id or scenario file."),
                                         QStringLiteral("id|file"));
    const QCommandLineOption flavorOpt(QStringLiteral("flavor"), QStringLiteral("mysql-5.7, mysql-8.0 or mariadb-10.11."),
                                       QStringLiteral("flavor"));
    const QCommandLineOption untilOpt(QStringLiteral("until"), QStringLiteral("End of the run: 1.5s, 200ms, 3000us."),
                                      QStringLiteral("time"));
    const QCommandLineOption plOpt(QStringLiteral("processlist-at"), QStringLiteral("Print SHOW FULL PROCESSLIST at this time (repeatable)."),
                                   QStringLiteral("time"));
    const QCommandLineOption formatOpt(QStringLiteral("format"), QStringLiteral("text (default) or json."), QStringLiteral("format"),
                                       QStringLiteral("text"));
    const QCommandLineOption transcriptOpt(QStringLiteral("transcript"), QStringLiteral("Print every client's terminal."));
    const QCommandLineOption summaryOpt(QStringLiteral("summary"), QStringLiteral("Print kills, rollbacks and narration."));
    const QCommandLineOption traceOpt(QStringLiteral("trace"), QStringLiteral("Write the run as Chrome Trace Event JSON."),
                                      QStringLiteral("file"));
    const QCommandLineOption listOpt(QStringLiteral("list-scenarios"), QStringLiteral("List the built-in scenarios."));
    // Options of the GUI that may appear on the same command line.
    const QCommandLineOption langOpt(QStringLiteral("lang"), QStringLiteral("Ignored in headless mode."), QStringLiteral("language"));
    parser.addOptions({headlessOpt, scenarioOpt, flavorOpt, untilOpt, plOpt, formatOpt, transcriptOpt, summaryOpt, traceOpt, listOpt, langOpt});

    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    if (!parser.parse(args)) {
        writeErr(QStringLiteral("killscope: ") + parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        writeOut(parser.helpText().toStdString());
        return 0;
    }
    const QString format = parser.value(formatOpt);
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        writeErr(QStringLiteral("killscope: --format %1: use text or json").arg(format));
        return 2;
    }
    const bool json = format == QLatin1String("json");

    if (parser.isSet(listOpt)) {
        std::string out = json ? "[" : "";
        bool first = true;
        for (const QString &id : ScenarioFile::builtinIds()) {
            QString label, error;
            const auto text = loadScenarioText(id, label, error);
            if (!text)
                continue;
            const auto r = sim::ScenarioParser::parse(std::string_view(text->constData(), size_t(text->size())), label.toStdString());
            if (!r.ok()) {
                writeErr(QString::fromStdString(r.errorText()).trimmed());
                return 2;
            }
            const sim::Scenario &sc = *r.scenario;
            std::string flavors;
            for (sim::Flavor f : sc.flavors) {
                if (!flavors.empty())
                    flavors += json ? "," : ", ";
                flavors += json ? jsonString(std::string(sim::flavorId(f))) : std::string(sim::flavorId(f));
                if (!json && f == sc.defaultFlavor)
                    flavors += "*";
            }
            if (json) {
                out += std::string(first ? "" : ",") + "{\"id\":" + jsonString(sc.id) + ",\"title_en\":" + jsonString(sc.title.en)
                       + ",\"title_zh_CN\":" + jsonString(sc.title.zh_CN) + ",\"flavors\":[" + flavors
                       + "],\"default_flavor\":" + jsonString(std::string(sim::flavorId(sc.defaultFlavor))) + "}";
            } else {
                std::string id8 = sc.id;
                if (id8.size() < 28)
                    id8.resize(28, ' ');
                out += id8 + " " + sim::escapeControl(sc.title.en) + "  [" + flavors + "]\n";
            }
            first = false;
        }
        if (json)
            out += "]\n";
        writeOut(out);
        return 0;
    }

    if (!parser.isSet(scenarioOpt)) {
        writeErr(QStringLiteral("killscope: --headless needs --scenario ID|FILE (or --list-scenarios)"));
        return 2;
    }
    QString label, error;
    const auto text = loadScenarioText(parser.value(scenarioOpt), label, error);
    if (!text) {
        writeErr(QStringLiteral("killscope: ") + error);
        return 2;
    }
    const auto parsed = sim::ScenarioParser::parse(std::string_view(text->constData(), size_t(text->size())), label.toStdString());
    if (!parsed.ok()) {
        writeErr(QString::fromStdString(parsed.errorText()).trimmed());
        return 2;
    }
    const sim::Scenario &scenario = *parsed.scenario;

    sim::RunOptions options;
    options.maxEvents = ScenarioFile::maxEvents();
    if (parser.isSet(flavorOpt)) {
        sim::Flavor f;
        const QString fv = parser.value(flavorOpt);
        if (!sim::parseFlavor(fv.toStdString(), f)) {
            writeErr(QStringLiteral("killscope: --flavor %1: use mysql-5.7, mysql-8.0 or mariadb-10.11").arg(fv));
            return 2;
        }
        if (!scenario.supports(f)) {
            QStringList supported;
            for (sim::Flavor s : scenario.flavors)
                supported << QString::fromStdString(std::string(sim::flavorId(s)));
            writeErr(QStringLiteral("killscope: scenario %1 does not support flavor %2 (supports: %3)")
                         .arg(QString::fromStdString(scenario.id), fv, supported.join(QStringLiteral(", "))));
            return 2;
        }
        options.flavor = f;
    }
    if (parser.isSet(untilOpt)) {
        const auto t = parseTimeOption(QStringLiteral("until"), parser.value(untilOpt), error);
        if (!t) {
            writeErr(QStringLiteral("killscope: ") + error);
            return 2;
        }
        if (*t <= 0 || *t > sim::Engine::kMaxUntil) {
            writeErr(QStringLiteral("killscope: --until %1: must be between 1us and 3600s").arg(parser.value(untilOpt)));
            return 2;
        }
        options.until = *t;
    }
    std::vector<sim::TimeUs> at;
    for (const QString &v : parser.values(plOpt)) {
        const auto t = parseTimeOption(QStringLiteral("processlist-at"), v, error);
        if (!t) {
            writeErr(QStringLiteral("killscope: ") + error);
            return 2;
        }
        if (*t > sim::Engine::kMaxUntil) {
            writeErr(QStringLiteral("killscope: --processlist-at %1: must be between 0s and 3600s "
                                    "(no run lasts longer)")
                         .arg(v));
            return 2;
        }
        at.push_back(*t);
    }

    const sim::RunResult run = sim::Engine::run(scenario, options);

    if (parser.isSet(traceOpt)) {
        QFile f(parser.value(traceOpt));
        const std::string trace = sim::chromeTrace(run);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || f.write(trace.data(), qint64(trace.size())) != qint64(trace.size())) {
            writeErr(QStringLiteral("killscope: --trace %1: cannot write: %2").arg(parser.value(traceOpt), f.errorString()));
            return 1;
        }
    }

    const bool transcript = parser.isSet(transcriptOpt);
    const bool summary = parser.isSet(summaryOpt) || (at.empty() && !transcript && !parser.isSet(traceOpt));
    std::string out;
    if (json) {
        out += "{\"scenario\":" + jsonString(scenario.id) +
               ",\"flavor\":" + jsonString(std::string(sim::flavorId(run.flavor))) +
               ",\"until_us\":" + std::to_string(run.until) +
               ",\"truncated\":" + (run.truncated ? "true" : "false");
        if (!at.empty()) {
            out += ",\"processlists\":[";
            for (size_t i = 0; i < at.size(); ++i)
                out += (i ? "," : "") + sim::processlistJson(run, at[i]);
            out += "]";
        }
        if (transcript) {
            out += ",\"transcripts\":[";
            for (size_t s = 0; s < scenario.sessions.size(); ++s)
                out += std::string(s ? "," : "") + "{\"session\":" + jsonString(scenario.sessions[s].name)
                       + ",\"lines\":" + sim::transcriptJson(run, int(s)) + "}";
            out += "]";
        }
        if (summary)
            out += ",\"run\":" + sim::runJson(run);
        out += "}\n";
    } else {
        out += "-- scenario " + scenario.id + " (" + std::string(sim::flavorId(run.flavor)) + "), until " + sim::formatTimeUs(run.until)
               + "\n";
        if (run.truncated)
            out += "-- the run was stopped at " + sim::formatTimeUs(run.until) + ": it exceeded " +
                   std::to_string(options.maxEvents) + " engine events\n";
        for (sim::TimeUs t : at)
            out += sim::processlistText(run, t);
        if (transcript) {
            for (size_t s = 0; s < scenario.sessions.size(); ++s) {
                if (scenario.sessions[s].daemon)
                    continue;
                out += "== " + scenario.sessions[s].name + " (" +
                       sim::escapeControl(scenario.sessions[s].label) + ")\n";
                out += sim::transcriptText(run, int(s));
            }
        }
        if (summary)
            out += sim::summaryText(run);
    }
    writeOut(out);
    std::fflush(stdout);
    // The event cap is an error in every output mode: what was computed is written (it is exact up
    // to the stop), and the message and the exit code say that it ends early.
    if (run.truncated) {
        writeErr(
            QStringLiteral(
                "killscope: %1: the run was stopped at %2: it exceeded %3 engine events, so "
                "everything after that is missing (the scenario is too busy to simulate; shorten "
                "it or lower its load)")
                .arg(QString::fromStdString(sim::escapeControl(label.toStdString())),
                     formatTimeUs(run.until))
                .arg(options.maxEvents));
        return 2;
    }
    return 0;
}

} // namespace ks
