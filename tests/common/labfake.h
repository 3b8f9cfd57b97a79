#pragma once

// A lab recording made from a simulation run, as if the server had behaved exactly like the
// simulation: the transcript as the real client prints it (real ids, the lab database in the
// prompt, the banner), the processlist sampled every 50 ms with INNODB_TRX every third sample,
// the statements and kills as lab mode sends them. Tests compare it with the same run (no
// differences expected) and then change one thing at a time.

#define QT_NO_KEYWORDS
#include "engine.h"
#include "labcalibration.h"
#include "labplan.h"
#include "labrecording.h"
#include "runresult.h"

#include <QRegularExpression>

namespace ks::test {

inline constexpr qint64 kRealIdOffset = 1000;

inline QString realText(const QString &line, const QString &labDb, const QString &scenarioDb)
{
    QString out = line;
    static const QRegularExpression ids[] = {
        QRegularExpression(QStringLiteral("^(Your (?:MariaDB|MySQL) connection id is )(\\d+)")),
        QRegularExpression(QStringLiteral("^(Connection id:\\s+)(\\d+)")),
        QRegularExpression(QStringLiteral("(You are not owner of thread )(\\d+)")),
        QRegularExpression(QStringLiteral("(\"KILL (?:QUERY )?)(\\d+)")),
    };
    for (const QRegularExpression &re : ids) {
        const QRegularExpressionMatch m = re.match(out);
        if (m.hasMatch())
            out.replace(m.capturedStart(2), m.capturedLength(2), QString::number(m.captured(2).toLongLong() + kRealIdOffset));
    }
    if (!scenarioDb.isEmpty()) {
        out.replace(QStringLiteral("MariaDB [") + scenarioDb + u']', QStringLiteral("MariaDB [") + labDb + u']');
        if (out == QStringLiteral("Current database: ") + scenarioDb)
            out = QStringLiteral("Current database: ") + labDb;
    }
    return out;
}

inline LabRecording recordingFromSimulation(const LabPlan &plan, const sim::RunResult &r)
{
    const sim::Scenario &sc = plan.scenario();
    LabRecording rec;
    rec.scenarioId = QString::fromStdString(sc.id);
    rec.scale = plan.scale();
    rec.untilUs = r.until;
    rec.server = ServerInfo::parseVersion(QStringLiteral("10.11.19-MariaDB-0+deb12u1"));
    rec.calibration.killRoundTrips = {100, 110, 90};
    rec.calibration.connectUs = {500, 520, 480};
    rec.calibration.startupUs = {20000, 21000, 19000};
    for (size_t si = 0; si < sc.sessions.size(); ++si) {
        const sim::SessionSpec &ss = sc.sessions[si];
        LabSessionRun s;
        s.name = QString::fromStdString(ss.name);
        s.terminal = ss.client != sim::ClientKind::App && !ss.daemon;
        for (int lane : r.lanesOfSession(int(si)))
            s.connections << LabConnection{r.lanes[size_t(lane)].processlistId + kRealIdOffset, 0};
        const QString scenarioDb = QString::fromStdString(ss.db.value_or(std::string()));
        if (s.terminal)
            s.lines << LabLine{-30000, QStringLiteral("Welcome to the MariaDB monitor.  Commands end with ; or \\g.")};
        for (const sim::TranscriptLine &l : r.transcriptOf(int(si)))
            s.lines << LabLine{l.t, realText(QString::fromStdString(l.text), plan.database(), scenarioDb)};
        // Statements from the run's events.
        const std::vector<int> lanes = r.lanesOfSession(int(si));
        for (const sim::Event &e : r.events) {
            if (std::find(lanes.begin(), lanes.end(), e.lane) == lanes.end())
                continue;
            if (e.type == sim::EventType::StatementStart) {
                LabStatementRun st;
                st.statement = int(e.a);
                st.dueUs = st.sentUs = e.t;
                st.sent = plan.sendText(int(si), int(e.a));
                st.display = plan.displayText(int(si), int(e.a));
                s.statements << st;
            } else if (e.type == sim::EventType::StatementEnd && !s.statements.isEmpty()) {
                s.statements.last().returnedUs = e.t;
            }
        }
        rec.sessions << s;
    }
    // The processlist every 50 ms, INNODB_TRX every third time.
    int n = 0;
    for (qint64 t = 20000; t <= r.until; t += 50000, ++n) {
        LabSample smp;
        smp.tUs = t;
        smp.trxFresh = n % 3 == 0;
        smp.trxUs = t;
        for (const sim::ProcessRow &p : r.processlistAt(t, true)) {
            if (p.lane < 0 || r.lanes[size_t(p.lane)].session < 0)
                continue;
            ProcesslistRow row;
            row.id = p.id + kRealIdOffset;
            row.user = QString::fromStdString(p.user);
            row.command = QString::fromStdString(p.command);
            row.state = p.state ? QString::fromStdString(*p.state) : QString();
            row.trxState = QString::fromStdString(p.trxState);
            row.trxRowsModified = p.trxRowsModified.value_or(-1);
            smp.rows << row;
        }
        rec.samples << smp;
    }
    rec.maxSampleGapUs = 50000;
    rec.maxTrxGapUs = 150000;
    for (const sim::KillRecord &k : r.kills) {
        if (k.source == sim::KillSource::Timeout)
            continue;
        LabKillRun kr;
        kr.source = k.source == sim::KillSource::CtrlC    ? LabKillRun::Source::CtrlC
                    : k.source == sim::KillSource::Operator ? LabKillRun::Source::Operator
                                                            : LabKillRun::Source::Statement;
        auto nameOf = [&r](int lane) {
            return lane >= 0 ? QString::fromStdString(r.lanes[size_t(lane)].sessionName) : QString();
        };
        kr.victimSession = nameOf(k.victimLane);
        kr.killerSession = kr.source == LabKillRun::Source::CtrlC ? kr.victimSession
                           : kr.source == LabKillRun::Source::Operator ? QString()
                                                                        : nameOf(k.killerLane);
        kr.victimId = k.victimId + kRealIdOffset;
        kr.sentUs = k.issued;
        kr.statement = QString::fromStdString(k.statement);
        // One KILL USER: one real kill for all its records.
        if (!rec.kills.isEmpty() && rec.kills.last().sentUs == kr.sentUs && rec.kills.last().killerSession == kr.killerSession
            && rec.kills.last().source == kr.source)
            continue;
        rec.kills << kr;
    }
    for (const sim::Action &a : sc.actions)
        rec.actionUs << a.at;
    for (const LabPlan::Table &t : plan.tables()) {
        rec.tablesBefore << LabTableState{t.name, QStringLiteral("CREATE TABLE ..."), QStringLiteral("1")};
        rec.tablesAfter << LabTableState{t.name, QStringLiteral("CREATE TABLE ..."), QStringLiteral("1")};
    }
    return rec;
}

} // namespace ks::test
