#include "labreport.h"

#include "labheartbeat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace ks {

namespace {

QJsonArray linesJson(const QList<LabTimedLine> &lines)
{
    QJsonArray a;
    for (const LabTimedLine &l : lines)
        a.append(QJsonObject{{QStringLiteral("t_us"), l.tUs}, {QStringLiteral("text"), l.text}});
    return a;
}

QJsonArray statesJson(const QList<LabStateRun> &states)
{
    QJsonArray a;
    for (const LabStateRun &s : states) {
        QJsonObject o{{QStringLiteral("command"), s.command},
                      {QStringLiteral("state"), s.state},
                      {QStringLiteral("start_us"), s.startUs},
                      {QStringLiteral("end_us"), s.endUs},
                      {QStringLiteral("brief"), s.brief}};
        if (s.samples > 0)
            o.insert(QStringLiteral("samples"), s.samples);
        a.append(o);
    }
    return a;
}

QJsonObject diffJson(const LabDiff &d)
{
    QJsonObject o{{QStringLiteral("class"), LabDiff::classId(d.cls)},
                  {QStringLiteral("session"), d.session},
                  {QStringLiteral("aspect"), d.aspect},
                  {QStringLiteral("t_us"), d.tUs},
                  {QStringLiteral("sim"), d.sim},
                  {QStringLiteral("real"), d.real},
                  {QStringLiteral("declared"), d.declared}};
    if (!d.detail.isEmpty())
        o.insert(QStringLiteral("detail"), d.detail);
    if (d.declared)
        o.insert(QStringLiteral("reason"), QJsonObject{{QStringLiteral("en"), d.reasonEn},
                                                       {QStringLiteral("zh_CN"), d.reasonZh}});
    return o;
}

QString md(QString s)
{
    s.replace(u'|', QStringLiteral("\\|"));
    s.replace(u'\n', u' ');
    return s;
}

QString sec(qint64 us)
{
    return QStringLiteral("%1").arg(double(us) / 1e6, 0, 'f', 3);
}

} // namespace

QByteArray LabReport::json(const LabComparison &c, const LabRecording &rec)
{
    QJsonObject root;
    root.insert(QStringLiteral("format"), QStringLiteral("killscope-lab-report"));
    root.insert(QStringLiteral("version"), 1);
    root.insert(QStringLiteral("scenario"), c.scenarioId);
    root.insert(QStringLiteral("flavor"), c.flavor);
    root.insert(QStringLiteral("server"), c.server);
    root.insert(QStringLiteral("scale"), c.scale);
    root.insert(QStringLiteral("until_us"), c.untilUs);
    root.insert(QStringLiteral("forced"), rec.forced);
    QJsonObject counts;
    for (LabDiff::Class k : {LabDiff::Class::TimingOk, LabDiff::Class::Timing, LabDiff::Class::Text,
                             LabDiff::Class::State, LabDiff::Class::Outcome})
        counts.insert(LabDiff::classId(k), c.count(k));
    root.insert(QStringLiteral("result"),
                QJsonObject{{QStringLiteral("undeclared_differences"), c.undeclaredCount()},
                            {QStringLiteral("by_class"), counts},
                            {QStringLiteral("passed"), c.undeclaredCount() == 0}});
    root.insert(QStringLiteral("tolerance"),
                QJsonObject{{QStringLiteral("relative"), c.tolerance.relative},
                            {QStringLiteral("absolute_us"), c.tolerance.absoluteUs},
                            {QStringLiteral("sample_gap_us"), c.tolerance.sampleUs},
                            {QStringLiteral("innodb_trx_gap_us"), c.tolerance.trxUs},
                            {QStringLiteral("scheduling_lateness_us"), c.tolerance.schedulingUs}});
    // How late lab mode's own threads got to run during the run, per thread (the largest is
    // tolerance.scheduling_lateness_us, part of absolute_us).
    QJsonArray scheduling;
    for (const LabSchedulingProbe &p : rec.scheduling)
        scheduling.append(QJsonObject{{QStringLiteral("thread"), p.thread},
                                      {QStringLiteral("wakeups"), p.wakeups},
                                      {QStringLiteral("median_us"), p.medianUs},
                                      {QStringLiteral("p99_us"), p.p99Us},
                                      {QStringLiteral("max_us"), p.maxUs}});
    root.insert(QStringLiteral("scheduling"), scheduling);
    QJsonArray cal;
    for (const LabCalibrationRun &r : rec.calibration.runs) {
        QJsonArray f, b;
        for (qint64 x : r.forwardUs)
            f.append(x);
        for (qint64 x : r.rollbackUs)
            b.append(x);
        auto list = [](const QList<qint64> &v) {
            QJsonArray a;
            for (qint64 x : v)
                a.append(x);
            return a;
        };
        cal.append(QJsonObject{{QStringLiteral("session"), r.session},
                               {QStringLiteral("statement"), r.statement},
                               {QStringLiteral("sql"), r.sql},
                               {QStringLiteral("forward_us"), f},
                               {QStringLiteral("rollback_us"), b},
                               {QStringLiteral("drop_us"), list(r.dropUs)},
                               {QStringLiteral("rows_changed"), r.rowsChanged},
                               {QStringLiteral("forward_read_bytes"), list(r.forwardReadBytes)},
                               {QStringLiteral("rollback_read_bytes"), list(r.rollbackReadBytes)},
                               {QStringLiteral("tmp_files"), list(r.tmpFiles)}});
    }
    QJsonObject io;
    {
        const LabIoProbe &p = rec.calibration.io;
        QJsonArray sb, su, ru;
        for (qint64 x : p.syncBytes)
            sb.append(x);
        for (qint64 x : p.syncUs)
            su.append(x);
        for (qint64 x : p.removeUs)
            ru.append(x);
        io = QJsonObject{{QStringLiteral("sync_bytes"), sb},
                         {QStringLiteral("sync_us"), su},
                         {QStringLiteral("file_bytes"), p.fileBytes},
                         {QStringLiteral("remove_us"), ru}};
        if (!p.failure.isEmpty())
            io.insert(QStringLiteral("failure"), p.failure);
    }
    QJsonArray rtt, conn, handshake, startup;
    for (qint64 x : rec.calibration.killRoundTrips)
        rtt.append(x);
    for (qint64 x : rec.calibration.connectUs)
        conn.append(x);
    for (qint64 x : rec.calibration.startupUs)
        startup.append(x);
    for (qint64 x : rec.calibration.handshakeUs)
        handshake.append(x);
    root.insert(QStringLiteral("calibration"),
                QJsonObject{{QStringLiteral("statements"), cal},
                            {QStringLiteral("kill_round_trip_us"), rtt},
                            {QStringLiteral("client_connect_us"), conn},
                            {QStringLiteral("handshake_us"), handshake},
                            {QStringLiteral("client_startup_us"), startup},
                            {QStringLiteral("io"), io}});
    root.insert(QStringLiteral("notes"), QJsonArray::fromStringList(c.notes));

    QJsonArray sessions;
    for (const LabSessionComparison &s : c.sessions) {
        QJsonObject o;
        o.insert(QStringLiteral("name"), s.name);
        o.insert(QStringLiteral("label"), s.label);
        o.insert(QStringLiteral("lines"),
                 QJsonObject{{QStringLiteral("sim"), linesJson(s.simLines)},
                             {QStringLiteral("real"), linesJson(s.realLines)}});
        o.insert(QStringLiteral("states"),
                 QJsonObject{{QStringLiteral("sim"), statesJson(s.simStates)},
                             {QStringLiteral("real"), statesJson(s.realStates)}});
        QJsonArray kills;
        for (const LabKillComparison &k : c.kills) {
            if (k.victim != s.name)
                continue;
            auto lat = [](qint64 issued, qint64 effect) {
                return issued >= 0 && effect >= 0 ? QJsonValue(effect - issued) : QJsonValue();
            };
            kills.append(QJsonObject{
                {QStringLiteral("statement"), k.statement},
                {QStringLiteral("killer"), k.killer},
                {QStringLiteral("sim_issued_us"), k.simIssuedUs},
                {QStringLiteral("real_issued_us"), k.realIssuedUs},
                {QStringLiteral("sim_latency_us"), lat(k.simIssuedUs, k.simEffectUs)},
                {QStringLiteral("real_latency_us"), lat(k.realIssuedUs, k.realEffectUs)},
                {QStringLiteral("sim_outcome"), k.simOutcome}});
        }
        o.insert(QStringLiteral("kills"), kills);
        // What was sent when: the scenario's moment, the real one, and when it returned.
        for (const LabSessionRun &rs : rec.sessions) {
            if (rs.name != s.name)
                continue;
            QJsonArray sent;
            for (const LabStatementRun &st : rs.statements)
                sent.append(QJsonObject{{QStringLiteral("statement"), st.statement},
                                        {QStringLiteral("sent"), st.sent},
                                        {QStringLiteral("due_us"), st.dueUs},
                                        {QStringLiteral("sent_us"), st.sentUs},
                                        {QStringLiteral("returned_us"), st.returnedUs}});
            o.insert(QStringLiteral("statements"), sent);
            QJsonArray ids;
            for (const LabConnection &cn : rs.connections)
                ids.append(cn.id);
            o.insert(QStringLiteral("connection_ids"), ids);
        }
        QJsonArray rbs;
        for (const LabRollbackComparison &r : c.rollbacks) {
            if (r.session != s.name)
                continue;
            rbs.append(QJsonObject{{QStringLiteral("rows"), r.simRows},
                                   {QStringLiteral("sim_start_us"), r.simStartUs},
                                   {QStringLiteral("real_start_us"), r.realStartUs},
                                   {QStringLiteral("sim_rows_per_s"), r.simRowsPerSecond},
                                   {QStringLiteral("real_rows_per_s"), r.realRowsPerSecond}});
        }
        o.insert(QStringLiteral("rollbacks"), rbs);
        sessions.append(o);
    }
    root.insert(QStringLiteral("sessions"), sessions);
    auto order = [](const QList<QPair<QString, qint64>> &l) {
        QJsonArray a;
        for (const auto &p : l)
            a.append(QJsonObject{{QStringLiteral("thread"), p.first},
                                 {QStringLiteral("t_us"), p.second}});
        return a;
    };
    root.insert(QStringLiteral("leave_order"),
                QJsonObject{{QStringLiteral("sim"), order(c.simLeaveOrder)},
                            {QStringLiteral("real"), order(c.realLeaveOrder)}});
    QJsonArray tables;
    for (const LabTableComparison &t : c.tables)
        tables.append(
            QJsonObject{{QStringLiteral("table"), t.table},
                        {QStringLiteral("sim_rows_changed"), t.simDataChanged},
                        {QStringLiteral("real_rows_changed"), t.realDataChanged},
                        {QStringLiteral("sim_definition_changed"), t.simDefinitionChanged},
                        {QStringLiteral("real_definition_changed"), t.realDefinitionChanged}});
    root.insert(
        QStringLiteral("end_state"),
        QJsonObject{{QStringLiteral("tables"), tables},
                    {QStringLiteral("leftovers"), QJsonArray::fromStringList(c.leftovers)}});
    QJsonArray diffs;
    for (const LabDiff &d : c.diffs)
        diffs.append(diffJson(d));
    root.insert(QStringLiteral("differences"), diffs);
    // The evidence: every sample of the lab's sessions as the server answered it.
    QJsonArray samples;
    for (const LabSample &smp : rec.samples) {
        QJsonArray rows;
        for (const ProcesslistRow &r : smp.rows) {
            QJsonObject o{{QStringLiteral("id"), r.id},
                          {QStringLiteral("user"), r.user},
                          {QStringLiteral("command"), r.command},
                          {QStringLiteral("state"), r.state},
                          {QStringLiteral("time_ms"), r.timeMs}};
            if (!r.trxState.isEmpty()) {
                o.insert(QStringLiteral("trx_state"), r.trxState);
                o.insert(QStringLiteral("trx_rows_modified"), r.trxRowsModified);
                o.insert(QStringLiteral("trx_operation_state"), r.trxOperationState);
            }
            rows.append(o);
        }
        QJsonObject so{{QStringLiteral("t_us"), smp.tUs}, {QStringLiteral("rows"), rows}};
        if (smp.trxFresh)
            so.insert(QStringLiteral("trx_us"), smp.trxUs);
        samples.append(so);
    }
    root.insert(QStringLiteral("samples"), samples);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString LabReport::markdown(const LabComparison &c, const LabRecording &rec)
{
    QString out;
    out += tr("# Lab report: %1\n\n").arg(c.scenarioId);
    out += tr("Server: %1 (%2), lab scale %3, %4 s.\n\n")
               .arg(c.server, c.flavor)
               .arg(c.scale)
               .arg(sec(c.untilUs));
    out += c.undeclaredCount() == 0
               ? tr("**Result: no undeclared differences.**\n\n")
               : tr("**Result: %n undeclared difference(s).**\n\n", nullptr, c.undeclaredCount());
    out += tr("Timing tolerance: ±%1 % of the simulated duration + %2 ms (client side), + %3 ms "
              "for processlist states "
              "(longest sample gap); INNODB_TRX read every ≥ %4 ms.\n\n")
               .arg(c.tolerance.relative * 100, 0, 'f', 1)
               .arg(double(c.tolerance.absoluteUs) / 1000, 0, 'f', 1)
               .arg(double(c.tolerance.sampleUs) / 1000, 0, 'f', 1)
               .arg(double(c.tolerance.trxUs) / 1000, 0, 'f', 0);
    out += tr("Scheduling lateness during the run: %1 ms (the latest of lab mode's own threads' "
              "wake-ups, every %2 ms; included in the client-side %3 ms).\n\n")
               .arg(double(c.tolerance.schedulingUs) / 1000, 0, 'f', 1)
               .arg(LabHeartbeat::IntervalMs)
               .arg(double(c.tolerance.absoluteUs) / 1000, 0, 'f', 1);
    if (!rec.scheduling.isEmpty()) {
        out += tr("| thread | wake-ups | median (ms) | 99th percentile (ms) | latest (ms) "
                  "|\n|---|---|---|---|---|\n");
        for (const LabSchedulingProbe &p : rec.scheduling)
            out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                       .arg(p.thread)
                       .arg(p.wakeups)
                       .arg(double(p.medianUs) / 1000, 0, 'f', 2)
                       .arg(double(p.p99Us) / 1000, 0, 'f', 2)
                       .arg(double(p.maxUs) / 1000, 0, 'f', 2);
        out += u'\n';
    }
    out += tr("## Differences\n\n");
    out += tr("| t (s) | class | session | aspect | simulation | server | detail "
              "|\n|---|---|---|---|---|---|---|\n");
    for (const LabDiff &d : c.diffs) {
        QString cls = LabDiff::classId(d.cls);
        if (d.declared)
            cls += tr(" (declared: %1)").arg(d.reasonEn);
        out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n")
                   .arg(sec(d.tUs), md(cls), md(d.session), d.aspect, md(d.sim), md(d.real),
                        md(d.detail));
    }
    out += u'\n';
    for (const LabSessionComparison &s : c.sessions) {
        out += tr("## Session %1 (%2)\n\n").arg(s.name, md(s.label));
        out +=
            tr("### Client lines\n\n| t (s) | simulation | t (s) | server |\n|---|---|---|---|\n");
        const qsizetype n = std::max(s.simLines.size(), s.realLines.size());
        for (qsizetype i = 0; i < n; ++i) {
            const bool a = i < s.simLines.size(), b = i < s.realLines.size();
            out += QStringLiteral("| %1 | `%2` | %3 | `%4` |\n")
                       .arg(a ? sec(s.simLines[i].tUs) : QString(),
                            a ? md(s.simLines[i].text) : QString(),
                            b ? sec(s.realLines[i].tUs) : QString(),
                            b ? md(s.realLines[i].text) : QString());
        }
        out += tr("\n### (Command, State)\n\n| from (s) | simulation | from (s) | server "
                  "|\n|---|---|---|---|\n");
        const qsizetype m = std::max(s.simStates.size(), s.realStates.size());
        for (qsizetype i = 0; i < m; ++i) {
            const bool a = i < s.simStates.size(), b = i < s.realStates.size();
            out += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                       .arg(a ? sec(s.simStates[i].startUs) : QString(),
                            a ? md(s.simStates[i].key()) +
                                    (s.simStates[i].brief ? tr(" (brief)") : QString())
                              : QString(),
                            b ? sec(s.realStates[i].startUs) : QString(),
                            b ? md(s.realStates[i].key()) + tr(" ×%1").arg(s.realStates[i].samples)
                              : QString());
        }
        out += u'\n';
        for (const LabKillComparison &k : c.kills) {
            if (k.victim != s.name)
                continue;
            out +=
                tr("- %1 by %2: simulated effect after %3 ms, real after %4 ms (simulated outcome "
                   "%5)\n")
                    .arg(md(k.statement), k.killer.isEmpty() ? tr("the operator") : k.killer)
                    .arg(k.simEffectUs >= 0
                             ? QString::number(double(k.simEffectUs - k.simIssuedUs) / 1000, 'f', 1)
                             : tr("—"))
                    .arg(k.realEffectUs >= 0 && k.realIssuedUs >= 0
                             ? QString::number(double(k.realEffectUs - k.realIssuedUs) / 1000, 'f',
                                               1)
                             : tr("—"))
                    .arg(k.simOutcome);
        }
        for (const LabRollbackComparison &r : c.rollbacks) {
            if (r.session != s.name)
                continue;
            out += tr("- rollback of %1 rows: simulated %2 rows/s, real %3 rows/s\n")
                       .arg(r.simRows)
                       .arg(qint64(r.simRowsPerSecond))
                       .arg(r.realRowsPerSecond > 0 ? QString::number(qint64(r.realRowsPerSecond))
                                                    : tr("not seen"));
        }
        out += u'\n';
    }
    out += tr("## Order of leaving\n\n");
    QStringList a, b;
    for (const auto &p : c.simLeaveOrder)
        a << QStringLiteral("%1 (%2 s)").arg(p.first, sec(p.second));
    for (const auto &p : c.realLeaveOrder)
        b << QStringLiteral("%1 (%2 s)").arg(p.first, sec(p.second));
    out += tr("- simulation: %1\n- server: %2\n\n")
               .arg(a.isEmpty() ? tr("nobody") : a.join(QStringLiteral(", ")),
                    b.isEmpty() ? tr("nobody") : b.join(QStringLiteral(", ")));
    out += tr("## End state\n\n| table | rows (sim / server) | definition (sim / server) "
              "|\n|---|---|---|\n");
    auto yn = [](bool x) { return x ? tr("changed") : tr("unchanged"); };
    for (const LabTableComparison &t : c.tables)
        out += QStringLiteral("| %1 | %2 / %3 | %4 / %5 |\n")
                   .arg(t.table, yn(t.simDataChanged), yn(t.realDataChanged),
                        yn(t.simDefinitionChanged), yn(t.realDefinitionChanged));
    out += tr("\nLeft behind: %1\n\n")
               .arg(c.leftovers.isEmpty() ? tr("nothing") : c.leftovers.join(QStringLiteral(", ")));
    if (!c.notes.isEmpty()) {
        out += tr("## Notes\n\n");
        for (const QString &n : c.notes)
            out += QStringLiteral("- %1\n").arg(n);
        out += u'\n';
    }
    out += tr("## Calibration\n\n");
    for (const LabCalibrationRun &r : rec.calibration.runs) {
        QStringList f, rb;
        for (qint64 x : r.forwardUs)
            f << QString::number(double(x) / 1000, 'f', 1);
        for (qint64 x : r.rollbackUs)
            rb << QString::number(double(x) / 1000, 'f', 1);
        out += tr("- %1 statement %2 `%3`: %4 ms")
                   .arg(r.session)
                   .arg(r.statement)
                   .arg(md(r.sql), f.join(QStringLiteral(", ")));
        if (!rb.isEmpty())
            out += tr("; rollback %1 ms").arg(rb.join(QStringLiteral(", ")));
        if (!r.dropUs.isEmpty()) {
            QStringList d;
            for (qint64 x : r.dropUs)
                d << QString::number(double(x) / 1000, 'f', 1);
            out += tr("; its temporary table dropped in %1 ms").arg(d.join(QStringLiteral(", ")));
        }
        if (!r.forwardReadBytes.isEmpty()) {
            QStringList rd;
            for (qint64 x : r.forwardReadBytes)
                rd << QString::number(x);
            out += tr("; read from disk %1 bytes").arg(rd.join(QStringLiteral(", ")));
        }
        out += u'\n';
    }
    {
        const LabIoProbe &p = rec.calibration.io;
        if (!p.syncUs.isEmpty()) {
            QStringList l;
            for (qsizetype i = 0; i < p.syncUs.size(); ++i)
                l << tr("%1 MB in %2 ms")
                         .arg(double(p.syncBytes[i]) / 1e6, 0, 'f', 1)
                         .arg(double(p.syncUs[i]) / 1000, 0, 'f', 1);
            out += tr("- device, written and synced: %1\n").arg(l.join(QStringLiteral(", ")));
        }
        if (!p.removeUs.isEmpty()) {
            QStringList l;
            for (qint64 x : p.removeUs)
                l << QString::number(double(x) / 1000, 'f', 1);
            out += tr("- removing a %1 MB file: %2 ms\n")
                       .arg(double(p.fileBytes) / 1e6, 0, 'f', 1)
                       .arg(l.join(QStringLiteral(", ")));
        }
        if (!p.failure.isEmpty())
            out += tr("- I/O not measured: %1\n").arg(md(p.failure));
    }
    QStringList rtt;
    for (qint64 x : rec.calibration.killRoundTrips)
        rtt << QString::number(double(x) / 1000, 'f', 2);
    out += tr("- kill round trip: %1 ms\n")
               .arg(rtt.isEmpty() ? tr("—") : rtt.join(QStringLiteral(", ")));
    return out;
}

bool LabReport::write(const QString &path, const LabComparison &c, const LabRecording &rec,
                      QString *error)
{
    QByteArray bytes;
    if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
        bytes = json(c, rec);
    } else if (path.endsWith(QLatin1String(".md"), Qt::CaseInsensitive)) {
        bytes = markdown(c, rec).toUtf8();
    } else {
        if (error)
            *error = tr("The report file must end in .json or .md: %1").arg(path);
        return false;
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size() ||
        !f.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

QString LabReport::summary(const LabComparison &c)
{
    QString out =
        tr("lab: %1 on %2 (scale %3): %n undeclared difference(s)", nullptr, c.undeclaredCount())
            .arg(c.scenarioId, c.server)
            .arg(c.scale);
    out += tr(", %1 timing check(s) within tolerance, %2 declared\n")
               .arg(c.count(LabDiff::Class::TimingOk))
               .arg([&c] {
                   int n = 0;
                   for (const LabDiff &d : c.diffs)
                       n += d.declared ? 1 : 0;
                   return n;
               }());
    out += tr("  scheduling lateness during the run: %1 ms (part of the client-side tolerance, "
              "%2 ms)\n")
               .arg(double(c.tolerance.schedulingUs) / 1000, 0, 'f', 1)
               .arg(double(c.tolerance.absoluteUs) / 1000, 0, 'f', 1);
    for (const LabDiff &d : c.diffs) {
        if (!d.counts())
            continue;
        out +=
            QStringLiteral("  [%1] %2 s %3 %4: sim “%5” / server “%6”%7\n")
                .arg(LabDiff::classId(d.cls), sec(d.tUs),
                     d.session.isEmpty() ? QStringLiteral("-") : d.session, d.aspect, d.sim, d.real,
                     d.detail.isEmpty() ? QString() : QStringLiteral(" (") + d.detail + u')');
    }
    return out;
}

} // namespace ks
