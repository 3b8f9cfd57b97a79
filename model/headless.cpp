#include "headless.h"

#include "resources.h"

#include "engine.h"
#include "report.h"
#include "scenarioparser.h"
#include "timeparse.h"

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
    std::string out = "\"";
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += ch;
            }
        }
    }
    return out + "\"";
}

QStringList builtinIds()
{
    QStringList ids;
    const QDir dir(QStringLiteral(":/scenarios"));
    for (const QString &f : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        ids << QFileInfo(f).completeBaseName();
    return ids;
}

// Reads a built-in id or a file. On failure fills `error` and returns nullopt.
std::optional<QByteArray> loadScenarioText(const QString &arg, QString &label, QString &error)
{
    const bool looksLikeFile = arg.contains(QLatin1Char('/')) || arg.endsWith(QLatin1String(".json"));
    QString path = arg;
    if (!looksLikeFile) {
        path = QStringLiteral(":/scenarios/%1.json").arg(arg);
        if (!QFile::exists(path)) {
            if (QFile::exists(arg)) {
                path = arg;
            } else {
                error = QStringLiteral("unknown scenario id \"%1\" (built-in: %2)").arg(arg, builtinIds().join(QStringLiteral(", ")));
                return std::nullopt;
            }
        }
        label = path == arg ? arg : arg + QStringLiteral(".json");
    } else {
        label = arg;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("%1: cannot open: %2").arg(label, f.errorString());
        return std::nullopt;
    }
    // Scenario files are small; anything huge is a mistake, not a scenario.
    if (f.size() > 16 * 1024 * 1024) {
        error = QStringLiteral("%1: file too large for a scenario").arg(label);
        return std::nullopt;
    }
    return f.readAll();
}

} // namespace

int runHeadless(const HeadlessRequest &request)
{
    const bool json = request.json;

    if (request.listScenarios) {
        std::string out = json ? "[" : "";
        bool first = true;
        for (const QString &id : builtinIds()) {
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
                out += id8 + " " + sc.title.en + "  [" + flavors + "]\n";
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

    const sim::RunResult run = sim::Engine::run(scenario, options);

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
    const bool summary = request.summary || (at.empty() && !transcript && request.traceFile.isEmpty());
    std::string out;
    if (json) {
        out += "{\"scenario\":" + jsonString(scenario.id) + ",\"flavor\":" + jsonString(std::string(sim::flavorId(run.flavor)))
               + ",\"until_us\":" + std::to_string(run.until);
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
        for (sim::TimeUs t : at)
            out += sim::processlistText(run, t);
        if (transcript) {
            for (size_t s = 0; s < scenario.sessions.size(); ++s) {
                if (scenario.sessions[s].daemon)
                    continue;
                out += "== " + scenario.sessions[s].name + " (" + scenario.sessions[s].label + ")\n";
                out += sim::transcriptText(run, int(s));
            }
        }
        if (summary)
            out += sim::summaryText(run);
    }
    writeOut(out);
    std::fflush(stdout);
    return 0;
}

} // namespace ks
