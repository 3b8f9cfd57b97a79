#include "headless.h"

#include "engine.h"
#include "report.h"
#include "resources.h"
#include "scenariofile.h"
#include "scenarioparser.h"
#include "simulationsource.h"
#include "timeformat.h"
#include "timeparse.h"
#include "timetext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <cstdio>
#include <limits>
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

// A step in the current language (generated steps carry it in both fields).
QString narrationText(const NarrationStep &n)
{
    return QLocale().language() == QLocale::Chinese && !n.zhCN.isEmpty() ? n.zhCN : n.en;
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

} // namespace

int runHeadless(const HeadlessRequest &request)
{
    const bool json = request.json;

    if (request.listScenarios) {
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

    QString label, error;
    const auto text = loadScenarioText(request.scenario, label, error);
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
    if (!request.flavor.isEmpty()) {
        sim::Flavor f;
        const QString fv = request.flavor;
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
    if (request.untilUs)
        options.until = *request.untilUs;
    std::vector<sim::TimeUs> at(request.processlistAtUs.begin(), request.processlistAtUs.end());

    // With changes, or to tell the narration, the run goes through SimulationSource: the one
    // injection path the window's right-click and knobs panel take, and its narration.
    std::unique_ptr<SimulationSource> source;
    sim::RunResult direct;
    const sim::RunResult *runPtr = &direct;
    if (!request.changes.isEmpty() || request.narration) {
        source = std::make_unique<SimulationSource>();
        source->setInlineRunLimit(std::numeric_limits<qint64>::max());
        source->setUntil(request.untilUs);
        QString problem;
        QObject::connect(source.get(), &SessionSource::problem, source.get(),
                         [&problem](const QString &m) { problem = m; });
        if (!source->loadScenario(scenario, request.flavor)) {
            writeErr(QStringLiteral("killscope: ") + problem);
            return 2;
        }
        QString why;
        if (!source->applyScripted(request.changes, &why)) {
            writeErr(QStringLiteral("killscope: ") + why);
            return 2;
        }
        runPtr = source->result();
    } else {
        direct = sim::Engine::run(scenario, options);
    }
    const sim::RunResult &run = *runPtr;

    if (!request.traceFile.isEmpty()) {
        QFile f(request.traceFile);
        const std::string trace = sim::chromeTrace(run);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || f.write(trace.data(), qint64(trace.size())) != qint64(trace.size())) {
            writeErr(QStringLiteral("killscope: --trace %1: cannot write: %2").arg(request.traceFile, f.errorString()));
            return 1;
        }
    }

    const bool transcript = request.transcript;
    const bool summary = request.summary || (at.empty() && !transcript &&
                                             request.traceFile.isEmpty() && !request.narration);
    // This run's narration (the scenario's steps that hold, and those told about the changes),
    // in the current language.
    QList<NarrationStep> narration;
    if (request.narration && source)
        narration = source->narration();
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
        if (request.narration) {
            out += ",\"narration\":[";
            for (qsizetype i = 0; i < narration.size(); ++i)
                out += std::string(i ? "," : "") +
                       "{\"t_us\":" + std::to_string(narration[i].atUs) +
                       ",\"text\":" + jsonString(narrationText(narration[i]).toStdString()) + "}";
            out += "]";
        }
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
        if (request.narration) {
            out += "-- narration\n";
            for (const NarrationStep &n : narration)
                out += TimeFormat::seconds(n.atUs).toStdString() + "  " +
                       sim::escapeControl(narrationText(n).toStdString()) + "\n";
        }
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
