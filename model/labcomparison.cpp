// The engine's RunResult has a member called `signals`, which Qt's keyword macro would rewrite.
#define QT_NO_KEYWORDS
#include "labcomparison.h"

#include "labcalibration.h"
#include "labplan.h"
#include "runresult.h"

#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace ks {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString seconds(qint64 us)
{
    return QStringLiteral("%1 s").arg(double(us) / 1e6, 0, 'f', 3);
}

QString millis(qint64 us)
{
    return QStringLiteral("%1 ms").arg(double(us) / 1e3, 0, 'f', 1);
}

// --- sequence alignment -------------------------------------------------------------------

// Aligns a and b: equal keys may pair; an unpaired item costs 1 unless it is optional. With
// `absorb`, an item may also pair with the partner of its equal neighbour when only optional
// items lie between them (a Sleep, a brief Query the samples missed, a Sleep again: one Sleep on
// the other side). Returns pairs (i, j), with -1 for an unpaired side, in order; absorbed items
// repeat their partner's index and are marked in `absorbed` (same length as the result).
QList<QPair<int, int>> align(int na, int nb, const std::function<bool(int, int)> &equal,
                             const std::function<bool(int)> &optionalA,
                             const std::function<bool(int)> &optionalB, bool absorb = false,
                             QList<bool> *absorbed = nullptr)
{
    // cost[i][j][f][g]: best cost of aligning a[i..] with b[j..]; f: b[j-1] was paired and only
    // optional a-items were skipped since (a[i] may still join it); g: the same for a[i-1].
    const size_t A = size_t(na) + 1, B = size_t(nb) + 1;
    constexpr int kInf = 1 << 29;
    std::vector<int> cost(A * B * 4, kInf);
    auto at = [&](int i, int j, int f, int g) -> int & {
        return cost[((size_t(i) * B + size_t(j)) * 2 + size_t(f)) * 2 + size_t(g)];
    };
    for (int i = na; i >= 0; --i) {
        for (int j = nb; j >= 0; --j) {
            for (int f = 0; f < 2; ++f) {
                for (int g = 0; g < 2; ++g) {
                    if (i == na && j == nb) {
                        at(i, j, f, g) = 0;
                        continue;
                    }
                    int best = kInf;
                    if (i < na && j < nb && equal(i, j))
                        best = std::min(best, at(i + 1, j + 1, 1, 1));
                    if (i < na)
                        best = std::min(best, at(i + 1, j, f && optionalA(i), 0) +
                                                  (optionalA(i) ? 0 : 1));
                    if (j < nb)
                        best = std::min(best, at(i, j + 1, 0, g && optionalB(j)) +
                                                  (optionalB(j) ? 0 : 1));
                    if (absorb && f && i < na && j > 0 && equal(i, j - 1))
                        best = std::min(best, at(i + 1, j, 1, 0));
                    if (absorb && g && j < nb && i > 0 && equal(i - 1, j))
                        best = std::min(best, at(i, j + 1, 0, 1));
                    at(i, j, f, g) = best;
                }
            }
        }
    }
    QList<QPair<int, int>> out;
    if (absorbed)
        absorbed->clear();
    int i = 0, j = 0, f = 0, g = 0;
    while (i < na || j < nb) {
        const int here = at(i, j, f, g);
        if (i < na && j < nb && equal(i, j) && at(i + 1, j + 1, 1, 1) == here) {
            out << qMakePair(i++, j++);
            f = g = 1;
            if (absorbed)
                *absorbed << false;
        } else if (absorb && f && i < na && j > 0 && equal(i, j - 1) &&
                   at(i + 1, j, 1, 0) == here) {
            out << qMakePair(i++, j - 1);
            g = 0;
            if (absorbed)
                *absorbed << true;
        } else if (absorb && g && j < nb && i > 0 && equal(i - 1, j) &&
                   at(i, j + 1, 0, 1) == here) {
            out << qMakePair(i - 1, j++);
            f = 0;
            if (absorbed)
                *absorbed << true;
        } else if (i < na && at(i + 1, j, f && optionalA(i), 0) + (optionalA(i) ? 0 : 1) == here) {
            f = f && optionalA(i);
            g = 0;
            out << qMakePair(i++, -1);
            if (absorbed)
                *absorbed << false;
        } else {
            g = g && optionalB(j);
            f = 0;
            out << qMakePair(-1, j++);
            if (absorbed)
                *absorbed << false;
        }
    }
    return out;
}

// --- the simulated side ---------------------------------------------------------------------

QList<LabStateRun> simStates(const sim::RunResult &r, int session, qint64 until, qint64 briefUs)
{
    QList<LabStateRun> out;
    const std::vector<int> lanes = r.lanesOfSession(session);
    for (size_t connection = 0; connection < lanes.size(); ++connection) {
        const int lane = lanes[connection];
        const sim::Lane &l = r.lanes[size_t(lane)];
        auto push = [&out, connection](const QString &cmd, const QString &state, qint64 t) {
            if (!out.isEmpty() && out.last().command == cmd && out.last().state == state &&
                out.last().connection == int(connection))
                return;
            if (!out.isEmpty() && out.last().connection == int(connection))
                out.last().endUs = t;
            LabStateRun run;
            run.command = cmd;
            run.state = state;
            run.startUs = t;
            run.endUs = t;
            run.connection = int(connection);
            out << run;
        };
        for (size_t i = 0; i < l.processlist.size(); ++i) {
            const sim::TimeUs t = l.processlist[i].t;
            if (t > until)
                break;
            if (i + 1 < l.processlist.size() && l.processlist[i + 1].t == t)
                continue; // the last record at a time is the one shown
            for (const sim::ProcessRow &p : r.processlistAt(t, true)) {
                if (p.lane != lane)
                    continue;
                if (p.hidden)
                    break;
                push(qs(p.command), p.state ? qs(*p.state) : QString(), t);
                break;
            }
        }
        if (l.goneAt >= 0 && l.goneAt <= until)
            push(QStringLiteral("(gone)"), QString(), l.goneAt);
        else if (!out.isEmpty() && out.last().connection == int(connection))
            out.last().endUs = until; // still there at the end
    }
    for (LabStateRun &s : out)
        s.brief = s.command != QLatin1String("(gone)") && s.endUs - s.startUs < briefUs;
    return out;
}

// --- the real side --------------------------------------------------------------------------

QList<LabStateRun> realStates(const LabRecording &rec, const LabSessionRun &s)
{
    // Each connection's own rows, until the first sample without it: an old thread still rolling
    // back while the client's new connection runs its next statement shows both, as the
    // simulation's lanes do.
    QList<LabStateRun> out;
    for (int connection = 0; connection < s.connections.size(); ++connection) {
        const qint64 id = s.connections[connection].id;
        qint64 lastSeen = -1;
        bool seen = false;
        auto push = [&out, connection](const QString &cmd, const QString &state, qint64 start,
                                       qint64 at) {
            if (!out.isEmpty() && out.last().connection == connection &&
                out.last().command == cmd && out.last().state == state) {
                out.last().endUs = at;
                ++out.last().samples;
                return;
            }
            LabStateRun run;
            run.command = cmd;
            run.state = state;
            run.startUs = start;
            run.endUs = at;
            run.samples = 1;
            run.connection = connection;
            out << run;
        };
        for (const LabSample &smp : rec.samples) {
            const ProcesslistRow *row = nullptr;
            for (const ProcesslistRow &r : smp.rows)
                if (r.id == id) {
                    row = &r;
                    break;
                }
            const qint64 start = lastSeen >= 0 ? (lastSeen + smp.tUs) / 2 : smp.tUs;
            if (row) {
                seen = true;
                push(row->command, row->state, start, smp.tUs);
            } else if (seen) {
                push(QStringLiteral("(gone)"), QString(), start, smp.tUs);
                break;
            }
            lastSeen = smp.tUs;
        }
    }
    for (LabStateRun &r : out)
        r.brief = r.command != QLatin1String("(gone)") && r.samples <= 1;
    return out;
}

// --- predicted end state ----------------------------------------------------------------------

using TableChange = LabComparison::TableChange;

QHash<QString, TableChange> simTableChanges(const sim::Scenario &sc, const sim::RunResult &r)
{
    QHash<QString, TableChange> out;
    struct Open
    {
        bool inTrx = false;
        QSet<QString> pending;
        int stmt = -1;
    };
    QHash<int, Open> bySession; // scenario session → state
    auto tableOf = [](const sim::Statement &st) {
        QString table;
        for (const sim::Step &step : st.steps) {
            if (step.op == sim::StepOp::Mdl)
                table = qs(step.table);
            if (step.op == sim::StepOp::Rows && step.modify)
                return table;
        }
        return st.kind == sim::StatementKind::Ddl ? table : QString();
    };
    for (const sim::Event &e : r.events) {
        if (e.lane < 0 || size_t(e.lane) >= r.lanes.size())
            continue;
        const int session = r.lanes[size_t(e.lane)].session;
        if (session < 0)
            continue;
        const sim::SessionSpec &ss = sc.sessions[size_t(session)];
        Open &o = bySession[session];
        if (e.type == sim::EventType::StatementStart) {
            o.stmt = int(e.a);
            continue;
        }
        if (e.type == sim::EventType::ThreadGone) {
            o.pending.clear(); // a connection that ends rolls its transaction back
            o.inTrx = false;
            continue;
        }
        if (e.type != sim::EventType::StatementEnd || o.stmt < 0 ||
            size_t(o.stmt) >= ss.statements.size())
            continue;
        const sim::Statement &st = ss.statements[size_t(o.stmt)];
        o.stmt = -1;
        const bool ok = e.a == 0;
        switch (st.kind) {
        case sim::StatementKind::Begin:
            if (ok) {
                for (const QString &t : std::as_const(o.pending))
                    out[t].data = true; // BEGIN commits an open transaction
                o.pending.clear();
                o.inTrx = true;
            }
            continue;
        case sim::StatementKind::Commit:
            if (ok)
                for (const QString &t : std::as_const(o.pending))
                    out[t].data = true;
            o.pending.clear();
            o.inTrx = false;
            continue;
        case sim::StatementKind::Rollback:
            o.pending.clear();
            o.inTrx = false;
            continue;
        case sim::StatementKind::Ddl: {
            // DDL commits what was open, then itself.
            for (const QString &t : std::as_const(o.pending))
                out[t].data = true;
            o.pending.clear();
            o.inTrx = false;
            const QString t = tableOf(st);
            if (ok && !t.isEmpty())
                out[t].definition = true;
            continue;
        }
        default:
            break;
        }
        const QString table = tableOf(st);
        if (!ok || table.isEmpty())
            continue;
        if (ss.autocommit && !o.inTrx)
            out[table].data = true;
        else
            o.pending.insert(table);
    }
    return out;
}

// --- lines --------------------------------------------------------------------------------------

bool isBannerLine(const QString &l)
{
    static const QRegularExpression re(
        QStringLiteral("^(Welcome to the (MariaDB|MySQL) monitor|Server version: |Copyright "
                       "\\(c\\)|Oracle is a registered trademark|"
                       "affiliates\\. Other names|owners\\.$|Type 'help;' or '\\\\h'|Reading "
                       "history-file |Writing history-file )"));
    return re.match(l).hasMatch();
}

const QRegularExpression &promptRe()
{
    static const QRegularExpression re(
        QStringLiteral("^((?:MariaDB|MySQL) \\[([^\\]]*)\\]|mysql)>(?: (.*))?$"));
    return re;
}

QString mapIds(QString line, const QHash<qint64, qint64> &idMap)
{
    static const QRegularExpression patterns[] = {
        QRegularExpression(QStringLiteral("^(Your (?:MariaDB|MySQL) connection id is )(\\d+)()")),
        QRegularExpression(QStringLiteral("^(Connection id:\\s+)(\\d+)()")),
        QRegularExpression(QStringLiteral("(You are not owner of thread )(\\d+)()")),
        QRegularExpression(QStringLiteral("(Unknown thread id: )(\\d+)()")),
        QRegularExpression(QStringLiteral("(\"KILL (?:QUERY )?)(\\d+)(\")")),
    };
    for (const QRegularExpression &re : patterns) {
        const QRegularExpressionMatch m = re.match(line);
        if (!m.hasMatch())
            continue;
        const qint64 id = m.captured(2).toLongLong();
        const auto it = idMap.constFind(id);
        if (it != idMap.cend())
            line.replace(m.capturedStart(2), m.capturedLength(2), QString::number(*it));
    }
    return line;
}

} // namespace

QHash<QString, LabComparison::TableChange>
LabComparison::predictedTableChanges(const sim::Scenario &scenario, const sim::RunResult &run)
{
    return simTableChanges(scenario, run);
}

QString LabDiff::classId(Class c)
{
    switch (c) {
    case Class::TimingOk:
        return QStringLiteral("timing-ok");
    case Class::Timing:
        return QStringLiteral("timing");
    case Class::Text:
        return QStringLiteral("text");
    case Class::State:
        return QStringLiteral("state");
    case Class::Outcome:
        return QStringLiteral("outcome");
    }
    return {};
}

int LabComparison::undeclaredCount() const
{
    int n = 0;
    for (const LabDiff &d : diffs)
        n += d.counts() ? 1 : 0;
    return n;
}

int LabComparison::count(LabDiff::Class c, bool includeDeclared) const
{
    int n = 0;
    for (const LabDiff &d : diffs)
        n += d.cls == c && (includeDeclared || !d.declared) ? 1 : 0;
    return n;
}

QString LabComparison::lineKey(const QString &line)
{
    static const QRegularExpression elapsed(
        QStringLiteral("\\((\\d+ min )?(\\d+)\\.(\\d+) sec\\)"));
    QString out = line;
    QRegularExpressionMatch m = elapsed.match(out);
    if (m.hasMatch())
        out.replace(m.capturedStart(), m.capturedLength(),
                    QStringLiteral("(%1#.%2 sec)")
                        .arg(m.captured(1).isEmpty() ? QString() : QStringLiteral("# min "),
                             QString(m.captured(3).size(), u'#')));
    return out;
}

QList<LabTimedLine> LabComparison::normalizeLines(const LabSessionRun &s,
                                                  const QHash<qint64, qint64> &idMap,
                                                  const QString &labDatabase,
                                                  const QString &scenarioDb)
{
    QList<LabTimedLine> out;
    int nextStatement = 0;
    bool afterSeparator = false;
    auto displayOf = [&s](const QString &sent, int from) -> int {
        QString t = sent.trimmed();
        if (t.endsWith(u';'))
            t.chop(1);
        for (int i = from; i < s.statements.size(); ++i) {
            QString x = s.statements[i].sent.trimmed();
            if (x.endsWith(u';'))
                x.chop(1);
            if (x == t)
                return i;
        }
        return -1;
    };
    for (const LabLine &l : s.lines) {
        QString text = l.text;
        if (text.trimmed().isEmpty() || isBannerLine(text))
            continue;
        const QRegularExpressionMatch pm = promptRe().match(text);
        if (pm.hasMatch()) {
            QString prompt = pm.captured(1);
            if (pm.captured(2) == labDatabase)
                prompt.replace(QStringLiteral("[") + labDatabase + u']',
                               QStringLiteral("[") + scenarioDb + u']');
            QString rest = pm.captured(3);
            if (rest.isEmpty())
                continue; // a prompt nobody typed at
            const int k = displayOf(rest, nextStatement);
            if (k >= 0) {
                rest = s.statements[k].display;
                nextStatement = k + 1;
            }
            out << LabTimedLine{l.tUs, prompt + QStringLiteral("> ") + rest};
            afterSeparator = false;
            continue;
        }
        if (text == QLatin1String("--------------")) {
            afterSeparator = !afterSeparator;
            out << LabTimedLine{l.tUs, text};
            continue;
        }
        if (afterSeparator) {
            // The -v echo of the statement between two separators.
            for (int i = 0; i < s.statements.size(); ++i) {
                QString x = s.statements[i].sent.trimmed();
                if (x.endsWith(u';'))
                    x.chop(1);
                if (x == text.trimmed()) {
                    text = s.statements[i].display;
                    break;
                }
            }
            out << LabTimedLine{l.tUs, text};
            continue;
        }
        text = mapIds(text, idMap);
        if (text.startsWith(QLatin1String("Current database: ")) && text.mid(18) == labDatabase)
            text = QStringLiteral("Current database: ") + scenarioDb;
        out << LabTimedLine{l.tUs, text};
    }
    return out;
}

LabComparison LabComparison::compare(const LabPlan &plan, const sim::RunResult &run,
                                     const LabRecording &rec)
{
    LabComparison c;
    const sim::Scenario &sc = plan.scenario();
    c.scenarioId = qs(sc.id);
    c.flavor = qs(std::string(sim::flavorId(plan.flavor())));
    c.server = rec.server.displayName();
    c.scale = plan.scale();
    c.untilUs = rec.untilUs;
    c.tolerance = LabCosts::tolerance(plan, rec.calibration, rec);
    c.leftovers = rec.leftovers;
    c.notes = rec.notes;
    for (const auto &sub : plan.substitutions())
        c.notes << tr("Session %1 runs another client than the scenario names: %2")
                       .arg(sub.first, qs(sub.second.en));
    for (const auto &t : plan.resized())
        c.notes << tr("Session %1's temporary files have the lab table's size: %2")
                       .arg(t.first, qs(t.second.en));
    const LabTolerance &tol = c.tolerance;
    const qint64 briefUs = 2 * std::max<qint64>(tol.sampleUs, 1);

    // Real ids → simulated ids, per incarnation (first connection, reconnects).
    QHash<qint64, qint64> idMap;
    for (int si = 0; si < int(sc.sessions.size()) && si < rec.sessions.size(); ++si) {
        const std::vector<int> lanes = run.lanesOfSession(si);
        const LabSessionRun &rs = rec.sessions[si];
        for (int k = 0; k < rs.connections.size() && k < int(lanes.size()); ++k)
            idMap.insert(rs.connections[k].id, run.lanes[size_t(lanes[size_t(k)])].processlistId);
    }

    auto addDiff = [&c](LabDiff d) { c.diffs << d; };
    auto sessionOfLane = [&run](int lane) {
        return lane >= 0 && size_t(lane) < run.lanes.size()
                   ? qs(run.lanes[size_t(lane)].sessionName)
                   : QString();
    };
    // The session a simulated kill was sent from, as lab mode records it: a Ctrl+C belongs to the
    // interrupted client (its helper connection sends it), the operator to nobody.
    auto killerOf = [&](const sim::KillRecord &k) {
        if (k.source == sim::KillSource::CtrlC)
            return sessionOfLane(k.victimLane);
        if (k.source == sim::KillSource::Operator)
            return QString();
        return sessionOfLane(k.killerLane);
    };
    auto sourceOf = [](const sim::KillRecord &k) {
        return k.source == sim::KillSource::CtrlC      ? LabKillRun::Source::CtrlC
               : k.source == sim::KillSource::Operator ? LabKillRun::Source::Operator
                                                       : LabKillRun::Source::Statement;
    };
    // Which real kill each simulated one is: by killer, in order. One KILL USER is one real kill
    // but a simulated record per victim: they share the killer and the moment.
    QHash<int, const LabKillRun *> realKill;
    {
        QHash<QString, int> realUsed;
        QHash<QString, qint64> lastIssue;
        QHash<QString, const LabKillRun *> lastReal;
        for (const sim::KillRecord &k : run.kills) {
            if (k.source == sim::KillSource::Timeout)
                continue;
            const LabKillRun::Source src = sourceOf(k);
            const QString killer = killerOf(k);
            const QString key = QString::number(int(src)) + u'/' + killer;
            const LabKillRun *real = nullptr;
            if (lastIssue.contains(key) && lastIssue.value(key) == k.issued) {
                real = lastReal.value(key);
            } else {
                int &used = realUsed[key];
                int seen = 0;
                for (const LabKillRun &rk : rec.kills) {
                    if (rk.source != src || rk.killerSession != killer)
                        continue;
                    if (seen++ == used) {
                        real = &rk;
                        break;
                    }
                }
                ++used;
                lastIssue.insert(key, k.issued);
                lastReal.insert(key, real);
            }
            if (real)
                realKill.insert(k.index, real);
        }
    }

    // The moments both sides share exactly: every statement sent (the simulated start, the real
    // echo), every kill, every action. A time is checked against the latest of them before it —
    // its cause — so that how late lab mode itself typed does not count against the simulation.
    // A statement or a kill belongs to one connection of its session: what a session's new
    // connection runs does not cause anything on its old thread (still rolling back after a
    // KILL CONNECTION, say), so a state of one connection is not measured from it.
    struct Checkpoint
    {
        qint64 sim = 0;
        qint64 real = 0;
        QString what;
        QString session;     // empty: every session's (an action)
        int connection = -1; // of that session; -1: any
        bool causes(const QString &s, int c) const
        {
            return session != s || connection < 0 || c < 0 || connection == c;
        }
    };
    QHash<QString, QList<Checkpoint>> localCps;
    QList<Checkpoint> globalCps{{0, 0, tr("the start"), QString(), -1}};
    auto addCp = [&](const QString &session, int connection, qint64 simT, qint64 realT,
                     const QString &what) {
        if (simT < 0 || realT < 0)
            return;
        const Checkpoint cp{simT, realT, what, session, connection};
        if (session.isEmpty()) {
            for (const sim::SessionSpec &ss : sc.sessions)
                localCps[qs(ss.name)] << cp;
        } else {
            localCps[session] << cp;
        }
        globalCps << cp;
    };
    // The connection a lane is of its session (0 the first, 1 after a reconnect, ...).
    auto connectionOf = [&run](int lane) {
        if (lane < 0 || size_t(lane) >= run.lanes.size())
            return -1;
        const std::vector<int> lanes = run.lanesOfSession(run.lanes[size_t(lane)].session);
        const auto it = std::find(lanes.begin(), lanes.end(), lane);
        return it == lanes.end() ? -1 : int(it - lanes.begin());
    };
    for (int si = 0; si < int(sc.sessions.size()) && si < rec.sessions.size(); ++si) {
        const std::vector<int> lanes = run.lanesOfSession(si);
        QHash<int, qint64> simStart;
        QHash<int, int> simConnection;
        for (const sim::Event &e : run.events)
            if (e.type == sim::EventType::StatementStart &&
                std::find(lanes.begin(), lanes.end(), e.lane) != lanes.end() &&
                !simStart.contains(int(e.a))) {
                simStart.insert(int(e.a), e.t);
                simConnection.insert(int(e.a), connectionOf(e.lane));
            }
        const LabSessionRun &rs = rec.sessions[si];
        for (const LabStatementRun &st : rs.statements) {
            if (!simStart.contains(st.statement) || st.sentUs < 0)
                continue;
            qint64 echo = st.sentUs;
            if (rs.terminal)
                for (const LabLine &l : rs.lines)
                    if (l.tUs >= st.sentUs && l.text.contains(st.sent)) {
                        echo = l.tUs;
                        break;
                    }
            addCp(rs.name, simConnection.value(st.statement, -1), simStart.value(st.statement),
                  echo, st.display);
        }
    }
    for (const sim::KillRecord &k : run.kills)
        if (const LabKillRun *r = realKill.value(k.index, nullptr))
            addCp(sessionOfLane(k.victimLane), connectionOf(k.victimLane), k.issued, r->sentUs,
                  qs(k.statement));
    for (size_t i = 0; i < sc.actions.size() && qsizetype(i) < rec.actionUs.size(); ++i) {
        const sim::Action &a = sc.actions[i];
        addCp(a.kind == sim::ActionKind::Set ? QString() : qs(a.session), -1, a.at,
              rec.actionUs[qsizetype(i)], tr("the action at %1").arg(seconds(a.at)));
    }
    auto bySim = [](const Checkpoint &a, const Checkpoint &b) { return a.sim < b.sim; };
    for (auto it = localCps.begin(); it != localCps.end(); ++it)
        std::stable_sort(it->begin(), it->end(), bySim);
    std::stable_sort(globalCps.begin(), globalCps.end(), bySim);
    auto latest = [](const QList<Checkpoint> &cps, qint64 simT, const QString &session,
                     int connection) -> const Checkpoint * {
        const Checkpoint *best = nullptr;
        for (const Checkpoint &cp : cps)
            if (cp.sim <= simT && cp.causes(session, connection))
                best = &cp;
        return best;
    };

    // A simulated time against the real one, measured from their latest shared moment (the
    // session's own, or any session's when that is later: a COMMIT elsewhere releases a lock).
    // `connection`: the session's connection whose state it is (-1: the client's lines).
    auto timing = [&](const QString &session, int connection, const QString &aspect, qint64 simT,
                      qint64 realT, bool sampled, const QString &what) {
        const Checkpoint origin{0, 0, tr("the start"), QString(), -1};
        const auto local = localCps.constFind(session);
        QList<const Checkpoint *> refs{
            local == localCps.cend() ? nullptr : latest(*local, simT, session, connection),
            latest(globalCps, simT, session, connection)};
        qint64 delta = realT - simT, allowed = tol.allowedUs(simT, sampled);
        const Checkpoint *used = &origin;
        bool first = true;
        for (const Checkpoint *ref : refs) {
            if (!ref)
                continue;
            const qint64 d = (realT - ref->real) - (simT - ref->sim);
            const qint64 a = tol.allowedUs(simT - ref->sim, sampled);
            if (first || std::llabs(d) - a < std::llabs(delta) - allowed) {
                delta = d;
                allowed = a;
                used = ref;
            }
            first = false;
        }
        LabDiff d;
        d.cls = std::llabs(delta) <= allowed ? LabDiff::Class::TimingOk : LabDiff::Class::Timing;
        d.session = session;
        d.aspect = aspect;
        d.tUs = simT;
        d.sim = what + QStringLiteral(" @ ") + seconds(simT);
        d.real = what + QStringLiteral(" @ ") + seconds(realT);
        d.detail = tr("Δ %1%2 after %3, allowed ±%4")
                       .arg(delta >= 0 ? QStringLiteral("+") : QString(), millis(delta),
                            used->what.left(40), millis(allowed));
        addDiff(d);
    };

    for (int si = 0; si < int(sc.sessions.size()); ++si) {
        const sim::SessionSpec &ss = sc.sessions[size_t(si)];
        LabSessionComparison sc2;
        sc2.name = qs(ss.name);
        sc2.label = qs(ss.label);
        const LabSessionRun *rs = si < rec.sessions.size() ? &rec.sessions[si] : nullptr;
        // Lines.
        for (const sim::TranscriptLine &l : run.transcriptOf(si))
            if (l.t <= rec.untilUs)
                sc2.simLines << LabTimedLine{l.t, qs(l.text)};
        if (rs)
            sc2.realLines =
                normalizeLines(*rs, idMap, plan.database(), qs(ss.db.value_or(std::string())));
        if (!ss.daemon) {
            const auto pairs = align(
                int(sc2.simLines.size()), int(sc2.realLines.size()),
                [&](int i, int j) {
                    return lineKey(sc2.simLines[i].text) == lineKey(sc2.realLines[j].text);
                },
                [](int) { return false; }, [](int) { return false; });
            // Unpaired lines next to each other are shown as one difference (what each side
            // printed).
            QList<int> simGap, realGap;
            auto flush = [&] {
                const qsizetype n = std::max(simGap.size(), realGap.size());
                for (qsizetype k = 0; k < n; ++k) {
                    LabDiff d;
                    d.cls = LabDiff::Class::Text;
                    d.session = sc2.name;
                    d.aspect = QStringLiteral("lines");
                    if (k < simGap.size()) {
                        d.sim = sc2.simLines[simGap[k]].text;
                        d.tUs = sc2.simLines[simGap[k]].tUs;
                    }
                    if (k < realGap.size()) {
                        d.real = sc2.realLines[realGap[k]].text;
                        if (k >= simGap.size())
                            d.tUs = sc2.realLines[realGap[k]].tUs;
                    }
                    addDiff(d);
                }
                simGap.clear();
                realGap.clear();
            };
            for (const auto &[i, j] : pairs) {
                if (i >= 0 && j >= 0) {
                    flush();
                    const LabTimedLine &a = sc2.simLines[i];
                    const LabTimedLine &b = sc2.realLines[j];
                    // An echo of what was sent is lab mode's own typing: it is a checkpoint,
                    // not something to check.
                    if (b.tUs >= 0 && a.tUs > 0 && !promptRe().match(a.text).hasMatch())
                        timing(sc2.name, -1, QStringLiteral("lines"), a.tUs, b.tUs, false,
                               QStringLiteral("“%1”").arg(a.text.left(60)));

                } else if (i >= 0) {
                    simGap << i;
                } else {
                    realGap << j;
                }
            }
            flush();
        }

        // (Command, State) sequences.
        sc2.simStates = simStates(run, si, rec.untilUs, briefUs);
        if (rs)
            sc2.realStates = realStates(rec, *rs);
        {
            QList<bool> absorbed;
            const auto pairs = align(
                int(sc2.simStates.size()), int(sc2.realStates.size()),
                [&](int i, int j) { return sc2.simStates[i].key() == sc2.realStates[j].key(); },
                [&](int i) { return sc2.simStates[i].brief; },
                [&](int j) { return sc2.realStates[j].brief; }, true, &absorbed);
            QList<int> simGap, realGap;
            auto describe = [](const LabStateRun &r) {
                return r.command == QLatin1String("(gone)")
                           ? tr("(gone)")
                           : QStringLiteral("%1 | %2 (%3–%4)")
                                 .arg(r.command, r.state, seconds(r.startUs), seconds(r.endUs));
            };
            auto flush = [&] {
                QList<int> s2, r2;
                for (int i : std::as_const(simGap))
                    if (!sc2.simStates[i].brief)
                        s2 << i;
                for (int j : std::as_const(realGap))
                    if (!sc2.realStates[j].brief)
                        r2 << j;
                const qsizetype n = std::max(s2.size(), r2.size());
                for (qsizetype k = 0; k < n; ++k) {
                    LabDiff d;
                    d.cls = LabDiff::Class::State;
                    d.session = sc2.name;
                    d.aspect = QStringLiteral("states");
                    if (k < s2.size()) {
                        d.sim = describe(sc2.simStates[s2[k]]);
                        d.tUs = sc2.simStates[s2[k]].startUs;
                    }
                    if (k < r2.size()) {
                        d.real = describe(sc2.realStates[r2[k]]);
                        if (k >= s2.size())
                            d.tUs = sc2.realStates[r2[k]].startUs;
                    }
                    addDiff(d);
                }
                simGap.clear();
                realGap.clear();
            };
            bool first = true;
            for (qsizetype p = 0; p < pairs.size(); ++p) {
                const auto [i, j] = pairs[p];
                if (i >= 0 && j >= 0 && absorbed[p])
                    continue; // the same state on both sides, split on one by what the samples
                              // missed
                if (i >= 0 && j >= 0) {
                    flush();
                    const LabStateRun &a = sc2.simStates[i];
                    const LabStateRun &b = sc2.realStates[j];
                    // The first state is where sampling began, not a change.
                    if (!first && !a.brief && !b.brief)
                        timing(sc2.name, a.connection, QStringLiteral("states"), a.startUs,
                               b.startUs, true, a.key());
                    first = false;
                } else if (i >= 0) {
                    simGap << i;
                } else {
                    realGap << j;
                }
            }
            flush();
        }
        c.sessions << sc2;
    }

    // The order in which threads left.
    {
        for (const sim::Lane &l : run.lanes) {
            if (l.session < 0 || l.goneAt < 0 || l.goneAt > rec.untilUs)
                continue;
            const std::vector<int> lanes = run.lanesOfSession(l.session);
            const auto k = std::find(lanes.begin(), lanes.end(), l.index) - lanes.begin();
            c.simLeaveOrder << qMakePair(qs(l.sessionName) +
                                             (k > 0 ? QStringLiteral("#%1").arg(k + 1) : QString()),
                                         l.goneAt);
        }
        std::stable_sort(c.simLeaveOrder.begin(), c.simLeaveOrder.end(),
                         [](const auto &a, const auto &b) { return a.second < b.second; });
        for (int si = 0; si < rec.sessions.size(); ++si) {
            const LabSessionRun &rs = rec.sessions[si];
            for (int k = 0; k < rs.connections.size(); ++k) {
                const qint64 id = rs.connections[k].id;
                qint64 lastSeen = -1, goneAt = -1;
                for (const LabSample &smp : rec.samples) {
                    bool present = false;
                    for (const ProcesslistRow &r : smp.rows)
                        present = present || r.id == id;
                    if (present) {
                        lastSeen = smp.tUs;
                        goneAt = -1;
                    } else if (lastSeen >= 0 && goneAt < 0) {
                        goneAt = (lastSeen + smp.tUs) / 2;
                    }
                }
                if (goneAt >= 0)
                    c.realLeaveOrder << qMakePair(
                        rs.name + (k > 0 ? QStringLiteral("#%1").arg(k + 1) : QString()), goneAt);
            }
        }
        std::stable_sort(c.realLeaveOrder.begin(), c.realLeaveOrder.end(),
                         [](const auto &a, const auto &b) { return a.second < b.second; });
        QStringList simNames, realNames;
        for (const auto &p : std::as_const(c.simLeaveOrder))
            simNames << p.first;
        for (const auto &p : std::as_const(c.realLeaveOrder))
            realNames << p.first;
        // Who leaves is an outcome; in which order, only where both sides decide it. The real
        // times are known to a sample (two threads gone in the same sample left in an unknown
        // order), and threads the simulation lets go closer together than the client-side
        // tolerance leave in an order set by timing (each leave's time is checked on its own).
        bool differs = QSet<QString>(simNames.cbegin(), simNames.cend()) !=
                       QSet<QString>(realNames.cbegin(), realNames.cend());
        QHash<QString, qint64> simAt, realAt;
        for (const auto &p : std::as_const(c.simLeaveOrder))
            simAt.insert(p.first, p.second);
        for (const auto &p : std::as_const(c.realLeaveOrder))
            realAt.insert(p.first, p.second);
        const qint64 unresolvedReal = std::max<qint64>(tol.sampleUs, 1);
        const qint64 unresolvedSim = tol.allowedUs(0, true);
        for (qsizetype i = 0; i < simNames.size() && !differs; ++i)
            for (qsizetype j = i + 1; j < simNames.size() && !differs; ++j) {
                const QString &a = simNames[i], &b = simNames[j]; // a leaves first simulated
                if (!realAt.contains(a) || !realAt.contains(b))
                    continue;
                differs =
                    realAt[b] < realAt[a] - unresolvedReal && simAt[b] - simAt[a] > unresolvedSim;
            }
        if (differs) {
            LabDiff d;
            d.cls = LabDiff::Class::Outcome;
            d.aspect = QStringLiteral("leave-order");
            d.sim = simNames.isEmpty() ? tr("nobody leaves") : simNames.join(QStringLiteral(", "));
            d.real =
                realNames.isEmpty() ? tr("nobody leaves") : realNames.join(QStringLiteral(", "));
            // The first place where they differ.
            qsizetype k = 0;
            while (k < simNames.size() && k < realNames.size() && simNames[k] == realNames[k])
                ++k;
            d.tUs = k < c.simLeaveOrder.size()    ? c.simLeaveOrder[k].second
                    : k < c.realLeaveOrder.size() ? c.realLeaveOrder[k].second
                                                  : 0;
            addDiff(d);
        }
    }

    // Kills: simulated and real in the order each killer sent them. One KILL USER is one real
    // kill but a simulated record per victim: they share the killer and the moment.
    {
        for (const sim::KillRecord &k : run.kills) {
            if (k.issued > rec.untilUs || k.source == sim::KillSource::Timeout)
                continue;
            LabKillComparison kc;
            kc.statement = qs(k.statement);
            kc.victim = sessionOfLane(k.victimLane);
            kc.simIssuedUs = k.issued;
            kc.simOutcome = qs(std::string(sim::killOutcomeId(k.outcome)));
            kc.killer = killerOf(k);
            const LabKillRun *real = realKill.value(k.index, nullptr);
            if (!real) {
                LabDiff d;
                d.cls = LabDiff::Class::Outcome;
                d.session = kc.victim;
                d.aspect = QStringLiteral("kill-latency");
                d.tUs = k.issued;
                d.sim = tr("%1 sent at %2").arg(kc.statement, seconds(k.issued));
                d.real = tr("not sent");
                addDiff(d);
                c.kills << kc;
                continue;
            }
            kc.realIssuedUs = real->sentUs;
            // The effect: the victim's client shows the kill's error, or (an idle session killed
            // with KILL CONNECTION) its thread leaves. Refused kills and kills without an effect
            // of their own show only in the killer's lines.
            const int vi = sc.sessionIndex(kc.victim.toStdString());
            const bool effect = k.result == 0 && vi >= 0 && vi < c.sessions.size() &&
                                (k.clientError >= 0 || k.outcome == sim::KillOutcome::Disconnected);
            if (effect && k.clientError >= 0) {
                kc.simEffectUs = k.clientError;
                const QString code = QStringLiteral("ERROR %1 ").arg(k.clientErrorCode);
                for (const LabTimedLine &l : c.sessions[vi].realLines) {
                    if (l.tUs >= real->sentUs && l.text.startsWith(code)) {
                        kc.realEffectUs = l.tUs;
                        break;
                    }
                }
            } else if (effect) {
                kc.simEffectUs = k.finished;
                // The first sample without the thread after the kill (a gone run ends there).
                for (const LabStateRun &s : c.sessions[vi].realStates) {
                    if (s.endUs >= real->sentUs && s.command == QLatin1String("(gone)")) {
                        kc.realEffectUs = std::max(s.startUs, real->sentUs);
                        break;
                    }
                }
            }
            if (kc.simEffectUs >= 0 && kc.realEffectUs >= 0) {
                const qint64 simLat = kc.simEffectUs - kc.simIssuedUs;
                const qint64 realLat = kc.realEffectUs - kc.realIssuedUs;
                const qint64 allowed = tol.allowedUs(simLat, k.clientError < 0);
                LabDiff d;
                d.cls = std::llabs(realLat - simLat) <= allowed ? LabDiff::Class::TimingOk
                                                                : LabDiff::Class::Timing;
                d.session = kc.victim;
                d.aspect = QStringLiteral("kill-latency");
                d.tUs = kc.simEffectUs;
                d.sim = tr("%1 → effect after %2").arg(kc.statement, millis(simLat));
                d.real = tr("%1 → effect after %2").arg(kc.statement, millis(realLat));
                d.detail = tr("Δ %1%2, allowed ±%3")
                               .arg(realLat >= simLat ? QStringLiteral("+") : QString(),
                                    millis(realLat - simLat), millis(allowed));
                addDiff(d);
            } else if (kc.simEffectUs >= 0 && kc.simEffectUs <= rec.untilUs) {
                LabDiff d;
                d.cls = LabDiff::Class::Outcome;
                d.session = kc.victim;
                d.aspect = QStringLiteral("kill-latency");
                d.tUs = kc.simEffectUs;
                d.sim = k.clientError >= 0 ? tr("%1: the client shows ERROR %2 at %3")
                                                 .arg(kc.statement)
                                                 .arg(k.clientErrorCode)
                                                 .arg(seconds(kc.simEffectUs))
                                           : tr("%1: the thread is gone at %2")
                                                 .arg(kc.statement, seconds(kc.simEffectUs));
                d.real = tr("no such effect");
                addDiff(d);
            }
            c.kills << kc;
        }
    }
    {
        QHash<QString, int> used;
        for (const sim::RollbackRecord &rb : run.rollbacks) {
            if (rb.lane < 0 || rb.start > rec.untilUs)
                continue;
            const sim::Lane &l = run.lanes[size_t(rb.lane)];
            if (l.session < 0)
                continue;
            LabRollbackComparison rc;
            rc.session = qs(l.sessionName);
            rc.simRows = rb.rows;
            rc.simStartUs = rb.start;
            const qint64 end = rb.end >= 0 ? rb.end : rec.untilUs;
            if (end > rb.start)
                rc.simRowsPerSecond = double(rb.rows) * 1e6 / double(end - rb.start);
            // The k-th real rollback episode of that session.
            const LabSessionRun &rs = rec.sessions[l.session];
            struct Reading
            {
                qint64 first;  // when
                qint64 second; // rows still to undo
                qint64 third;  // how long the sample's queries took
            };
            QList<QList<Reading>> episodes;
            bool inEpisode = false;
            for (const LabSample &smp : rec.samples) {
                if (!smp.trxFresh)
                    continue;
                const ProcesslistRow *row = nullptr;
                for (const ProcesslistRow &r : smp.rows)
                    for (const LabConnection &cn : rs.connections)
                        if (r.id == cn.id)
                            row = &r;
                const bool rolling = row && row->trxState == QLatin1String("ROLLING BACK") &&
                                     row->trxRowsModified >= 0;
                if (rolling) {
                    if (!inEpisode)
                        episodes << QList<Reading>();
                    episodes.last() << Reading{smp.trxUs >= 0 ? smp.trxUs : smp.tUs,
                                               row->trxRowsModified, smp.queryUs};
                }
                inEpisode = rolling;
            }
            const int k = used[rc.session]++;
            // Any sign of a rollback of this session near the simulated one: INNODB_TRX's state or
            // the processlist's "Rollback".
            auto rolledBackAtAll = [&](qint64 from, qint64 to) {
                const qint64 margin = to - from + 2 * std::max<qint64>(tol.trxUs, 150000);
                for (const LabSample &smp : rec.samples) {
                    if (smp.tUs < from - margin || smp.tUs > to + margin)
                        continue;
                    for (const ProcesslistRow &r : smp.rows)
                        for (const LabConnection &cn : rs.connections)
                            if (r.id == cn.id && (r.trxState == QLatin1String("ROLLING BACK") ||
                                                  r.state == QLatin1String("Rollback")))
                                return true;
                }
                return false;
            };
            // Rollbacks too short for two reads cannot give a rate.
            const bool observable = end - rb.start > 2 * std::max<qint64>(tol.trxUs, 150000);
            if (k < episodes.size() && episodes[k].size() >= 2) {
                const auto &e = episodes[k];
                const double dt = double(e.last().first - e.first().first);
                if (dt > 0)
                    rc.realRowsPerSecond = double(e.first().second - e.last().second) * 1e6 / dt;
                rc.realStartUs = e.first().first;
                // The simulated rate over the same stretch of time (the rate changes when the I/O
                // pressure does).
                auto rowsAt = [&rb](qint64 t) -> double {
                    if (rb.points.empty())
                        return 0;
                    if (t <= rb.points.front().t)
                        return double(rb.points.front().rowsRemaining);
                    for (size_t i = 1; i < rb.points.size(); ++i) {
                        const sim::RollbackPoint &a = rb.points[i - 1], &b = rb.points[i];
                        if (t <= b.t)
                            return double(a.rowsRemaining) +
                                   double(b.rowsRemaining - a.rowsRemaining) * double(t - a.t) /
                                       double(std::max<qint64>(1, b.t - a.t));
                    }
                    return double(rb.points.back().rowsRemaining);
                };
                const qint64 w0 = std::clamp<qint64>(e.first().first, rb.start, end);
                const qint64 w1 = std::clamp<qint64>(e.last().first, rb.start, end);
                if (w1 > w0)
                    rc.simRowsPerSecond = (rowsAt(w0) - rowsAt(w1)) * 1e6 / double(w1 - w0);
                const double rel =
                    rc.simRowsPerSecond > 0
                        ? (rc.realRowsPerSecond - rc.simRowsPerSecond) / rc.simRowsPerSecond
                        : 0;
                // Each reading is as uncertain as the sample's queries took, and a row count by
                // one row.
                const double rows = double(e.first().second - e.last().second);
                const double uncertainty =
                    (dt > 0 ? double(e.first().third + e.last().third) / dt : 0) +
                    (rows > 0 ? 2.0 / rows : 0);
                LabDiff d;
                d.cls = std::fabs(rel) <= tol.relative + uncertainty ? LabDiff::Class::TimingOk
                                                                     : LabDiff::Class::Timing;
                d.session = rc.session;
                d.aspect = QStringLiteral("rollback-rate");
                d.tUs = rb.start;
                d.sim = tr("%1 rows/s").arg(qint64(rc.simRowsPerSecond));
                d.real = tr("%1 rows/s").arg(qint64(rc.realRowsPerSecond));
                d.detail = tr("%1%2 %, allowed ±%3 %")
                               .arg(rel >= 0 ? QStringLiteral("+") : QString())
                               .arg(rel * 100, 0, 'f', 1)
                               .arg((tol.relative + uncertainty) * 100, 0, 'f', 1);
                addDiff(d);
            } else if (observable && !rolledBackAtAll(rb.start, end)) {
                // Fewer than two readings give no rate (a short real rollback); none at all, in
                // the processlist or INNODB_TRX, while the simulation rolls back for a while, is
                // a difference.
                LabDiff d;
                d.cls = LabDiff::Class::State;
                d.session = rc.session;
                d.aspect = QStringLiteral("rollback-rate");
                d.tUs = rb.start;
                d.sim = tr("rolls back %1 rows from %2 to %3")
                            .arg(rb.rows)
                            .arg(seconds(rb.start), seconds(end));
                d.real = tr("no rollback seen in INNODB_TRX");
                addDiff(d);
            }
            c.rollbacks << rc;
        }
    }

    // End state: what was committed, and what was left behind.
    {
        const QHash<QString, TableChange> predicted = simTableChanges(sc, run);
        for (const LabPlan::Table &t : plan.tables()) {
            LabTableComparison tc;
            tc.table = t.name;
            tc.simDataChanged = predicted.value(t.name).data;
            tc.simDefinitionChanged = predicted.value(t.name).definition;
            for (const LabTableState &b : rec.tablesBefore) {
                if (b.name != t.name)
                    continue;
                for (const LabTableState &a : rec.tablesAfter) {
                    if (a.name != t.name)
                        continue;
                    tc.realDefinitionChanged = a.definition != b.definition;
                    tc.realDataChanged = a.checksum != b.checksum;
                }
            }
            c.tables << tc;
            const bool ddl = tc.simDefinitionChanged || tc.realDefinitionChanged;
            auto yesNo = [](bool b) { return b ? tr("changed") : tr("unchanged"); };
            if (tc.simDefinitionChanged != tc.realDefinitionChanged) {
                LabDiff d;
                d.cls = LabDiff::Class::Outcome;
                d.aspect = QStringLiteral("end-state");
                d.tUs = rec.untilUs;
                d.sim = tr("table %1: definition %2").arg(t.name, yesNo(tc.simDefinitionChanged));
                d.real = tr("table %1: definition %2").arg(t.name, yesNo(tc.realDefinitionChanged));
                addDiff(d);
            }
            // A changed definition changes the checksum too: rows are compared only without DDL.
            if (!ddl && tc.simDataChanged != tc.realDataChanged) {
                LabDiff d;
                d.cls = LabDiff::Class::Outcome;
                d.aspect = QStringLiteral("end-state");
                d.tUs = rec.untilUs;
                d.sim = tr("table %1: rows %2 (committed changes)")
                            .arg(t.name, yesNo(tc.simDataChanged));
                d.real =
                    tr("table %1: rows %2 (CHECKSUM TABLE)").arg(t.name, yesNo(tc.realDataChanged));
                addDiff(d);
            }
        }
        if (!rec.leftovers.isEmpty()) {
            LabDiff d;
            d.cls = LabDiff::Class::Outcome;
            d.aspect = QStringLiteral("end-state");
            d.tUs = rec.untilUs;
            d.sim = tr("no temporary tables left");
            d.real = tr("left behind: %1").arg(rec.leftovers.join(QStringLiteral(", ")));
            addDiff(d);
        }
    }

    // Declared differences.
    for (LabDiff &d : c.diffs) {
        if (d.cls == LabDiff::Class::TimingOk)
            continue;
        for (const sim::LabDifference &ld : sc.lab.differences) {
            if (!ld.session.empty() && qs(ld.session) != d.session)
                continue;
            if (qs(ld.cls) != LabDiff::classId(d.cls))
                continue;
            if (!ld.aspect.empty() && qs(ld.aspect) != d.aspect)
                continue;
            if (!ld.match.empty() && !d.sim.contains(qs(ld.match)) &&
                !d.real.contains(qs(ld.match)))
                continue;
            d.declared = true;
            d.reasonEn = qs(ld.reason.en);
            d.reasonZh = qs(ld.reason.zh_CN);
            break;
        }
    }
    std::stable_sort(c.diffs.begin(), c.diffs.end(),
                     [](const LabDiff &a, const LabDiff &b) { return a.tUs < b.tUs; });
    return c;
}

} // namespace ks
