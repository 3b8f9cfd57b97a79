// The engine's RunResult has a member called `signals`, which Qt's keyword macro would rewrite.
#define QT_NO_KEYWORDS
#include "labcalibration.h"

#include "engine.h"
#include "runresult.h"

#include <QFile>
#include <QSaveFile>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace ks {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// Time a statement spends outside its row loops, as the simulation models it.
struct StatementCost
{
    double fixedUs = 0; // dd, sleep, temp files, plain I/O
    double cpuUs = 0;   // cpu steps: parse, open, commit overheads
    double rowsNs = 0;  // sum of count * perRow (+ per-row I/O) over rows steps
    int64_t modifiedRows = 0;
};

StatementCost costOf(const sim::Statement &st, const sim::ServerConfig &server)
{
    StatementCost c;
    const double nsPerByte =
        1e9 / double(std::max<int64_t>(1, server.ioBandwidth)) * (1.0 + server.ioPressure);
    for (const sim::Step &step : st.steps) {
        switch (step.op) {
        case sim::StepOp::Cpu:
            c.cpuUs += double(step.durationUs);
            break;
        case sim::StepOp::Dd:
        case sim::StepOp::Sleep:
            c.fixedUs += double(step.durationUs);
            break;
        case sim::StepOp::TempFile:
            c.fixedUs += double(step.bytes) * nsPerByte / 1000.0 + double(step.deleteUs);
            break;
        case sim::StepOp::Io:
            c.fixedUs += double(step.bytes) * nsPerByte / 1000.0;
            break;
        case sim::StepOp::Rows:
            c.rowsNs += double(step.count) *
                        (double(step.perRowNs) + double(step.ioBytesPerRow) * nsPerByte);
            if (step.modify)
                c.modifiedRows += step.count;
            break;
        case sim::StepOp::Mdl:
            break;
        }
    }
    return c;
}

sim::DurationNs clampCost(double ns)
{
    return sim::DurationNs(std::clamp(std::llround(ns), 1LL, 1'000'000'000LL));
}

// The row loops and the CPU steps of a statement take `f` times as long; I/O, SLEEP and
// data-dictionary work keep their modelled times.
void scaleForwardCosts(sim::Statement &st, double f)
{
    for (sim::Step &step : st.steps) {
        if (step.op == sim::StepOp::Rows)
            step.perRowNs = clampCost(double(step.perRowNs) * f);
        else if (step.op == sim::StepOp::Cpu)
            step.durationUs = std::max<sim::TimeUs>(1, std::llround(double(step.durationUs) * f));
    }
}

std::string costText(sim::DurationNs ns)
{
    if (ns % 1000 == 0)
        return std::to_string(ns / 1000) + "us";
    if (ns < 1000)
        return std::to_string(ns) + "ns";
    std::string frac = std::to_string(ns % 1000);
    frac.insert(0, 3 - frac.size(), '0');
    while (!frac.empty() && frac.back() == '0')
        frac.pop_back();
    return std::to_string(ns / 1000) + "." + frac + "us";
}

std::string timeText(qint64 us)
{
    if (us % 1000 == 0)
        return std::to_string(us / 1000) + "ms";
    return std::to_string(us) + "us";
}

} // namespace

qint64 LabCosts::median(QList<qint64> v)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double LabCosts::relativeSpread(const QList<qint64> &v)
{
    if (v.size() < 2)
        return 0;
    double mean = 0;
    for (qint64 x : v)
        mean += double(x);
    mean /= double(v.size());
    if (mean <= 0)
        return 0;
    double var = 0;
    for (qint64 x : v)
        var += (double(x) - mean) * (double(x) - mean);
    var /= double(v.size() - 1);
    return std::sqrt(var) / mean;
}

sim::Scenario LabCosts::calibrated(const LabPlan &plan, const LabCalibration &cal,
                                   QStringList *notes)
{
    sim::Scenario s = plan.scenario();
    applyIo(s, cal, notes);
    for (const LabCalibrationRun &run : cal.runs) {
        const int si = s.sessionIndex(run.session.toStdString());
        if (si < 0 || run.statement < 0 ||
            size_t(run.statement) >= s.sessions[size_t(si)].statements.size() ||
            run.forwardUs.isEmpty())
            continue;
        sim::Statement &st = s.sessions[size_t(si)].statements[size_t(run.statement)];
        // A copying ALTER's temporary table (a tempfile step without a size of its own) takes
        // what dropping the altered copy took here; set first, it is part of the fixed work.
        if (!run.dropUs.isEmpty()) {
            const qint64 dropUs = std::max<qint64>(1, median(run.dropUs));
            bool any = false;
            for (sim::Step &step : st.steps)
                if (step.op == sim::StepOp::TempFile && step.bytes <= 0) {
                    step.deleteUs = dropUs;
                    any = true;
                }
            if (any && notes)
                *notes << tr("%1 statement %2: its temporary table is dropped in %3 ms (median of "
                             "%4)")
                              .arg(run.session)
                              .arg(run.statement)
                              .arg(double(dropUs) / 1000.0, 0, 'f', 1)
                              .arg(run.dropUs.size());
        }
        const StatementCost c = costOf(st, s.server);
        const double measuredUs = double(median(run.forwardUs));
        const double variableUs = measuredUs - c.fixedUs;
        const double modelledUs = c.cpuUs + c.rowsNs / 1000.0;
        if (modelledUs > 0 && variableUs > 0) {
            // The row loops and the CPU steps around them take what was measured.
            const double f = variableUs / modelledUs;
            scaleForwardCosts(st, f);
            if (notes)
                *notes << tr("%1 statement %2: %3 ms measured (%4 ms simulated), costs × %5")
                              .arg(run.session)
                              .arg(run.statement)
                              .arg(measuredUs / 1000.0, 0, 'f', 1)
                              .arg((c.fixedUs + modelledUs) / 1000.0, 0, 'f', 1)
                              .arg(f, 0, 'f', 3);
        } else if (notes && modelledUs > 0) {
            *notes << tr("%1 statement %2: %3 ms measured is less than its modelled fixed work (%4 "
                         "ms); costs kept")
                          .arg(run.session)
                          .arg(run.statement)
                          .arg(measuredUs / 1000.0, 0, 'f', 1)
                          .arg(c.fixedUs / 1000.0, 0, 'f', 1);
        }
        if (run.modifies && !run.rollbackUs.isEmpty() && c.modifiedRows > 0) {
            const double rbNs = double(median(run.rollbackUs)) * 1000.0 / double(c.modifiedRows);
            for (sim::Step &step : st.steps)
                if (step.op == sim::StepOp::Rows && step.modify)
                    step.rollbackPerRowNs = clampCost(rbNs);
            if (notes)
                *notes << tr("%1 statement %2: rollback %3 ms for %4 rows (%5 per row)")
                              .arg(run.session)
                              .arg(run.statement)
                              .arg(double(median(run.rollbackUs)) / 1000.0, 0, 'f', 1)
                              .arg(c.modifiedRows)
                              .arg(qs(costText(clampCost(rbNs))));
        }
    }
    if (!cal.connectUs.isEmpty()) {
        // The server shows Connect | login only for the handshake; the rest of the client's
        // reconnect is its own work, before anything reaches the server.
        const qint64 whole = std::max<qint64>(1, median(cal.connectUs));
        const qint64 handshake = cal.handshakeUs.isEmpty()
                                     ? whole
                                     : std::clamp<qint64>(median(cal.handshakeUs), 1, whole);
        s.server.connectTimeUs = handshake;
        s.server.clientConnectTimeUs = whole - handshake;
        if (notes)
            *notes << tr("client connect time %1 ms (median of %2), of which the handshake %3 ms")
                          .arg(double(whole) / 1000.0, 0, 'f', 1)
                          .arg(cal.connectUs.size())
                          .arg(double(handshake) / 1000.0, 0, 'f', 1);
    }
    return s;
}

void LabCosts::applyIo(sim::Scenario &s, const LabCalibration &cal, QStringList *notes)
{
    const LabIoProbe &io = cal.io;
    if (!io.syncUs.isEmpty()) {
        QList<qint64> rates;
        for (qsizetype i = 0; i < io.syncUs.size(); ++i)
            rates << qint64(double(io.syncBytes[i]) * 1e6 /
                            double(std::max<qint64>(1, io.syncUs[i])));
        s.server.ioBandwidth = std::clamp<int64_t>(median(rates), 1, int64_t(1) << 45);
        if (notes)
            *notes << tr("device: %1 MB/s written and synced (median of %2)")
                          .arg(double(s.server.ioBandwidth) / 1e6, 0, 'f', 0)
                          .arg(rates.size());
    } else if (notes && !io.failure.isEmpty()) {
        *notes << tr("the device could not be measured (%1): io_bandwidth kept").arg(io.failure);
    }
    // Removing a file costs about the same per byte whatever the file.
    const double removeUsPerByte = io.fileBytes > 0 && !io.removeUs.isEmpty()
                                       ? double(median(io.removeUs)) / double(io.fileBytes)
                                       : -1;
    for (sim::SessionSpec &ss : s.sessions)
        for (sim::Statement &st : ss.statements)
            for (sim::Step &step : st.steps)
                if (step.op == sim::StepOp::TempFile && step.bytes > 0 && removeUsPerByte >= 0)
                    step.deleteUs = std::max<sim::TimeUs>(
                        1, std::llround(double(step.bytes) * removeUsPerByte));
    if (removeUsPerByte >= 0 && notes)
        *notes << tr("removing a file: %1 ms for %2 MB (median of %3)")
                      .arg(double(median(io.removeUs)) / 1000.0, 0, 'f', 1)
                      .arg(double(io.fileBytes) / 1e6, 0, 'f', 1)
                      .arg(io.removeUs.size());
    // Pages a statement read from disk, forward and in its rollback: what this server's buffer
    // pool really had to fetch for it.
    for (const LabCalibrationRun &run : cal.runs) {
        const int si = s.sessionIndex(run.session.toStdString());
        if (si < 0 || run.statement < 0 ||
            size_t(run.statement) >= s.sessions[size_t(si)].statements.size())
            continue;
        sim::Statement &st = s.sessions[size_t(si)].statements[size_t(run.statement)];
        int64_t rows = 0, modified = 0;
        bool declared = false;
        for (const sim::Step &step : st.steps)
            if (step.op == sim::StepOp::Rows) {
                rows += step.count;
                modified += step.modify ? step.count : 0;
                declared = declared || step.ioBytesPerRow > 0 || step.rollbackIoBytesPerRow > 0;
            }
        const bool forward = !run.forwardReadBytes.isEmpty() && rows > 0;
        const bool back = !run.rollbackReadBytes.isEmpty() && modified > 0;
        const int64_t fwdPerRow = forward ? median(run.forwardReadBytes) / rows : 0;
        const int64_t backPerRow = back ? median(run.rollbackReadBytes) / modified : 0;
        // A statement the scenario gives no page reads and that read none keeps its steps as
        // they are.
        if (!declared && fwdPerRow == 0 && backPerRow == 0)
            continue;
        for (sim::Step &step : st.steps) {
            if (step.op != sim::StepOp::Rows)
                continue;
            if (forward)
                step.ioBytesPerRow = fwdPerRow;
            if (back && step.modify)
                step.rollbackIoBytesPerRow = backPerRow;
        }
        if (notes)
            *notes << tr("%1 statement %2: %3 bytes read from disk per row, %4 per row in the "
                         "rollback")
                          .arg(run.session)
                          .arg(run.statement)
                          .arg(forward ? QString::number(fwdPerRow) : tr("not measured"))
                          .arg(back ? QString::number(backPerRow) : tr("not measured"));
    }
}

double LabCosts::speedFactor(const LabPlan &plan, const LabCalibration &cal)
{
    const sim::Scenario &s = plan.scenario();
    double measured = 0, simulated = 0;
    for (const LabCalibrationRun &run : cal.runs) {
        const int si = s.sessionIndex(run.session.toStdString());
        if (si < 0 || run.statement < 0 || run.forwardUs.isEmpty() ||
            size_t(run.statement) >= s.sessions[size_t(si)].statements.size())
            continue;
        if (run.small)
            continue; // the story's timing is made by the long statements
        const StatementCost c =
            costOf(s.sessions[size_t(si)].statements[size_t(run.statement)], s.server);
        measured += double(median(run.forwardUs));
        simulated += c.fixedUs + c.cpuUs + c.rowsNs / 1000.0;
    }
    if (measured <= 0 || simulated <= 0)
        return 1.0;
    return std::clamp(measured / simulated, 0.25, 4.0);
}

LabTolerance LabCosts::tolerance(const LabPlan &plan, const LabCalibration &cal,
                                 const LabRecording &rec)
{
    // A client that starts during the run is started early by its measured start-up: how much
    // that varies adds to when it connects.
    bool lateClients = false;
    for (const sim::SessionSpec &ss : plan.scenario().sessions)
        lateClients = lateClients || (ss.connectAt > 0 && !ss.daemon);
    LabTolerance t;
    // Long statements vary relatively (their spread scales with their length); short ones by
    // a few hundred microseconds whatever they do, which is an absolute amount. The relative
    // spread is pooled over every long statement's repetitions, forward and rollback: they share
    // this server's noise, and three repetitions of one statement say little about it alone (the
    // largest of several such estimates overstates it: 26 % to 92 % on one machine).
    double pooledSq = 0;
    qsizetype pooledDf = 0;
    auto pool = [&](const QList<qint64> &v) {
        if (v.size() < 2)
            return;
        const double s = relativeSpread(v);
        pooledSq += s * s * double(v.size() - 1);
        pooledDf += v.size() - 1;
    };
    qint64 smallSpreadUs = 0;
    for (const LabCalibrationRun &run : cal.runs) {
        if (run.small) {
            smallSpreadUs = std::max(smallSpreadUs, qint64(3.0 * relativeSpread(run.forwardUs) *
                                                           double(median(run.forwardUs))));
            continue;
        }
        pool(run.forwardUs);
        pool(run.rollbackUs);
    }
    t.relative = pooledDf > 0 ? 3.0 * std::sqrt(pooledSq / double(pooledDf)) : 0;
    // Client side: a kill's round trip (median + 3 standard deviations), the spread of the
    // client's echo (below), the short statements' spread, and 3 standard deviations of the
    // connection set-up (and of the client's start-up, where a client starts during the run).
    auto threeSigma = [](const QList<qint64> &v) {
        return qint64(3.0 * relativeSpread(v) * double(median(v)));
    };
    const qint64 rtt = median(cal.killRoundTrips) + threeSigma(cal.killRoundTrips);
    // How late lab mode typed does not count (times are measured from their real causes), but
    // how much the client's echo of a typed line lagged behind varies, and is what a real send
    // time is uncertain by: 3 standard deviations of it.
    qint64 late = 0;
    QList<qint64> echoes;
    for (const LabSessionRun &s : rec.sessions) {
        for (const LabStatementRun &st : s.statements) {
            if (st.dueUs < 0 || st.sentUs < st.dueUs)
                continue;
            qint64 echo = st.sentUs;
            if (s.terminal) {
                for (const LabLine &l : s.lines) {
                    if (l.tUs >= st.sentUs && l.text.contains(st.sent)) {
                        echo = l.tUs;
                        break;
                    }
                }
                echoes << echo - st.sentUs;
            }
            late = std::max(late, echo - st.dueUs);
        }
    }
    for (const LabKillRun &k : rec.kills)
        if (k.dueUs >= 0 && k.sentUs >= k.dueUs)
            late = std::max(late, k.sentUs - k.dueUs);
    t.lateUs = late;
    const qint64 echoSpread = echoes.size() >= 2
                                  ? qint64(3.0 *
                                           [&] {
                                               double mean = 0;
                                               for (qint64 e : echoes)
                                                   mean += double(e);
                                               mean /= double(echoes.size());
                                               double var = 0;
                                               for (qint64 e : echoes)
                                                   var += (double(e) - mean) * (double(e) - mean);
                                               return std::sqrt(var / double(echoes.size() - 1));
                                           }())
                                  : 0;
    // The calibration measured the round trips before the run, on the machine as it was then;
    // the run's own scheduling lateness is measured during the run, on every thread that stamps
    // a client's output or sends (LabHeartbeat). The largest wake-up lateness, not a percentile:
    // each timing checked rests on a stamp taken at one arbitrary moment, and the comparison must
    // hold for every one of them, including those that fall into the run's worst stall (which is
    // where the late KILL results and ^C lines were seen); a percentile would leave exactly those
    // outside. The heartbeat wakes every 2 ms, so no stall longer than that goes unseen.
    for (const LabSchedulingProbe &p : rec.scheduling)
        t.schedulingUs = std::max(t.schedulingUs, p.maxUs);
    t.absoluteUs = rtt + echoSpread + smallSpreadUs + threeSigma(cal.connectUs) +
                   (lateClients ? threeSigma(cal.startupUs) : 0) + t.schedulingUs;
    t.sampleUs = rec.maxSampleGapUs;
    t.trxUs = rec.maxTrxGapUs;
    return t;
}

bool LabCosts::writeCalibratedScenario(const QByteArray &originalJson, const LabPlan &plan,
                                       const LabCalibration &cal, const QString &path,
                                       QString *error)
{
    using nlohmann::ordered_json;
    ordered_json doc;
    try {
        doc = ordered_json::parse(originalJson.constData(),
                                  originalJson.constData() + originalJson.size());
    } catch (const std::exception &e) {
        if (error)
            *error = tr("The scenario is not valid JSON: %1").arg(QString::fromLocal8Bit(e.what()));
        return false;
    }
    // Costs per row do not depend on the lab scale: the calibrated plan's values go into the
    // original (unscaled) file as they are.
    const sim::Scenario cs = calibrated(plan, cal);
    try {
        for (const LabCalibrationRun &run : cal.runs) {
            const int si = cs.sessionIndex(run.session.toStdString());
            if (si < 0)
                continue;
            ordered_json &jsess = doc.at("sessions").at(size_t(si));
            ordered_json &jst = jsess.at("statements").at(size_t(run.statement));
            if (!jst.contains("steps"))
                continue;
            const sim::Statement &st = cs.sessions[size_t(si)].statements[size_t(run.statement)];
            ordered_json &steps = jst.at("steps");
            for (size_t i = 0; i < st.steps.size() && i < steps.size(); ++i) {
                const sim::Step &step = st.steps[i];
                if (step.op == sim::StepOp::TempFile && step.bytes <= 0 && !run.dropUs.isEmpty())
                    steps[i]["deleteDuration"] = timeText(step.deleteUs);
                if (step.op != sim::StepOp::Rows)
                    continue;
                steps[i]["perRow"] = costText(step.perRowNs);
                if (!run.forwardReadBytes.isEmpty() &&
                    (step.ioBytesPerRow > 0 || steps[i].contains("ioBytesPerRow")))
                    steps[i]["ioBytesPerRow"] = step.ioBytesPerRow;
                if (step.modify && !run.rollbackReadBytes.isEmpty() &&
                    (step.rollbackIoBytesPerRow > 0 || steps[i].contains("rollbackIoBytesPerRow")))
                    steps[i]["rollbackIoBytesPerRow"] = step.rollbackIoBytesPerRow;
                if (step.modify && step.rollbackPerRowNs > 0 && run.modifies &&
                    !run.rollbackUs.isEmpty())
                    steps[i]["rollbackPerRow"] = costText(step.rollbackPerRowNs);
            }
        }
        if (!cal.connectUs.isEmpty()) {
            doc["server"]["connect_time"] = timeText(cs.server.connectTimeUs);
            doc["server"]["client_connect_time"] = timeText(cs.server.clientConnectTimeUs);
        }
        if (!cal.io.syncUs.isEmpty())
            doc["server"]["io_bandwidth"] = cs.server.ioBandwidth;
        // Temporary files' removal times: the steps keep their sizes (the story's), and take
        // what removing that much takes here.
        // (The file's sizes are unscaled: each is removed at the measured cost per byte.)
        if (cal.io.fileBytes > 0 && !cal.io.removeUs.isEmpty()) {
            const double usPerByte = double(median(cal.io.removeUs)) / double(cal.io.fileBytes);
            for (size_t si = 0; si < cs.sessions.size(); ++si)
                for (size_t k = 0; k < cs.sessions[si].statements.size(); ++k) {
                    const sim::Statement &st = cs.sessions[si].statements[k];
                    for (size_t i = 0; i < st.steps.size(); ++i) {
                        if (st.steps[i].op != sim::StepOp::TempFile || st.steps[i].bytes <= 0)
                            continue;
                        ordered_json &step =
                            doc.at("sessions").at(si).at("statements").at(k).at("steps").at(i);
                        const double bytes = step.at("bytes").get<double>();
                        step["deleteDuration"] =
                            timeText(std::max<qint64>(1, std::llround(bytes * usPerByte)));
                    }
                }
        }
    } catch (const std::exception &e) {
        if (error)
            *error = tr("The scenario does not have the structure it was parsed with: %1")
                         .arg(QString::fromLocal8Bit(e.what()));
        return false;
    }
    const std::string text =
        doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        f.write(text.data(), qint64(text.size())) != qint64(text.size()) || !f.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

sim::Scenario LabCosts::refined(const sim::Scenario &calibrated, const LabPlan &plan,
                                const LabRecording &rec, QStringList *notes)
{
    sim::Scenario s = calibrated;
    sim::RunOptions o;
    o.flavor = plan.flavor();
    o.until = rec.untilUs;
    const sim::RunResult run = sim::Engine::run(calibrated, o);
    for (int si = 0; si < int(s.sessions.size()) && si < rec.sessions.size(); ++si) {
        const LabSessionRun &rs = rec.sessions[si];
        const std::vector<int> lanes = run.lanesOfSession(si);
        QList<qint64> ids;
        for (const LabConnection &c : rs.connections)
            ids << c.id;
        for (const LabStatementRun &st : rs.statements) {
            if (st.statement < 0 ||
                size_t(st.statement) >= s.sessions[size_t(si)].statements.size() || st.sentUs < 0)
                continue;
            sim::Statement &stmt = s.sessions[size_t(si)].statements[size_t(st.statement)];
            const StatementCost c = costOf(stmt, s.server);
            if (c.rowsNs < 20e6)
                continue; // below the processlist's resolution: the calibration's cost stays
            // Where the simulation has it start and end, and whether it waits on the way there.
            qint64 simStart = -1, simEnd = -1;
            for (const sim::Event &e : run.events) {
                if (std::find(lanes.begin(), lanes.end(), e.lane) == lanes.end())
                    continue;
                if (e.type == sim::EventType::StatementStart && e.a == st.statement && simStart < 0)
                    simStart = e.t;
                else if (e.type == sim::EventType::StatementEnd && simStart >= 0 && simEnd < 0)
                    simEnd = e.t;
            }
            bool simWaits = false;
            for (int lane : lanes)
                for (const sim::LaneSegment &seg : run.lanes[size_t(lane)].segments)
                    if (seg.start >= simStart && (simEnd < 0 || seg.start < simEnd) &&
                        (seg.state == sim::LaneState::RowLockWait ||
                         seg.state == sim::LaneState::MdlWait ||
                         seg.state == sim::LaneState::InnodbQueue ||
                         seg.state == sim::LaneState::SendBlocked ||
                         seg.state == sim::LaneState::TableLockWait))
                        simWaits = true;
            if (simWaits)
                continue;
            // The real run: was it interrupted, did it wait?
            const qint64 end = st.returnedUs >= 0 ? st.returnedUs : rec.untilUs;
            // An error ends the statement, except "gone away" after which the client reconnects
            // and sends it again: then it runs from the reconnect on.
            bool interrupted = false;
            qint64 rerunFrom = -1;
            for (const LabLine &l : rs.lines) {
                if (l.tUs <= st.sentUs || l.tUs > end)
                    continue;
                if (l.text.startsWith(QLatin1String("ERROR 2006")))
                    continue;
                if (l.text.startsWith(QLatin1String("Current database:")))
                    rerunFrom = l.tUs;
                else if (l.text.startsWith(QLatin1String("ERROR")))
                    interrupted = true;
            }
            if (!rs.terminal && st.error != 0)
                interrupted = true;
            bool realWaits = false;
            QList<QPair<qint64, qint64>> progress; // (t, rows modified) while it ran
            for (const LabSample &smp : rec.samples) {
                if (smp.tUs < st.sentUs || smp.tUs > end)
                    continue;
                for (const ProcesslistRow &r : smp.rows) {
                    if (!ids.contains(r.id))
                        continue;
                    if (r.trxState == QLatin1String("LOCK WAIT") ||
                        r.state.contains(QLatin1String("Waiting for")))
                        realWaits = true;
                    if (r.trxState == QLatin1String("ROLLING BACK") ||
                        r.command == QLatin1String("Killed"))
                        interrupted = true;
                    if (smp.trxFresh && r.trxState == QLatin1String("RUNNING") &&
                        r.trxRowsModified > 0 && !interrupted)
                        progress << qMakePair(smp.trxUs >= 0 ? smp.trxUs : smp.tUs,
                                              r.trxRowsModified);
                }
            }
            if (realWaits)
                continue;
            double f = 0;
            QString how;
            if (!interrupted && st.returnedUs >= 0) {
                qint64 echo = st.sentUs;
                if (rs.terminal)
                    for (const LabLine &l : rs.lines)
                        if (l.tUs >= st.sentUs && l.text.contains(st.sent)) {
                            echo = l.tUs;
                            break;
                        }
                if (rerunFrom > echo)
                    echo = rerunFrom;
                const double measured = double(st.returnedUs - echo) - c.fixedUs;
                const double modelled = c.cpuUs + c.rowsNs / 1000.0;
                if (measured > 0 && modelled > 0) {
                    f = measured / modelled;
                    how = tr("its duration in the run");
                }
            } else if (progress.size() >= 2 && c.modifiedRows > 0) {
                const double dt = double(progress.last().first - progress.first().first);
                const double rows = double(progress.last().second - progress.first().second);
                double modifyNs = 0;
                for (const sim::Step &step : stmt.steps)
                    if (step.op == sim::StepOp::Rows && step.modify)
                        modifyNs = double(step.perRowNs);
                if (dt > 0 && rows > 0 && modifyNs > 0) {
                    f = (dt * 1000.0 / rows) / modifyNs;
                    how = tr("its rows-modified rate in the run");
                }
            }
            if (f <= 0)
                continue;
            scaleForwardCosts(stmt, f);
            if (notes)
                *notes << tr("%1 statement %2: forward costs × %3 from %4")
                              .arg(rs.name)
                              .arg(st.statement)
                              .arg(f, 0, 'f', 3)
                              .arg(how);
        }
    }
    return s;
}

} // namespace ks
