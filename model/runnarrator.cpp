#include "runnarrator.h"

#include "runresult.h"
#include "scenario.h"
#include "timeformat.h"
#include "whatifknob.h"

#include <QLocale>
#include <algorithm>

namespace ks {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString at(qint64 us)
{
    return TimeFormat::seconds(us);
}

QString rows(qint64 n)
{
    return QLocale().toString(n);
}

} // namespace

// ---- the plan --------------------------------------------------------------------------------

QList<int> RunNarrator::killsToTell(const sim::RunResult &run, qint64 firstChangeUs)
{
    QList<int> out;
    for (const sim::KillRecord &k : run.kills) {
        if (k.injected) {
            out << k.index;
            continue;
        }
        // Timeouts and Ctrl+C are told by the author's steps on their own events.
        if (firstChangeUs < 0 || k.issued < firstChangeUs || k.source == sim::KillSource::Timeout ||
            k.source == sim::KillSource::CtrlC)
            continue;
        const bool told =
            std::any_of(run.narration.cbegin(), run.narration.cend(),
                        [&k](const sim::NarrationStep &s) { return s.kill == k.index; });
        if (!told)
            out << k.index;
    }
    return out;
}

NarrationPlan::Change RunNarrator::compare(const sim::RunResult &with,
                                           const sim::RunResult &without, qint64 atUs,
                                           const QString &knob, double value)
{
    using Change = NarrationPlan::Change;
    Change c;
    c.atUs = atUs;
    c.knob = knob;
    c.value = value;
    // Same events after the change (its own SET aside) = the change did nothing.
    auto after = [atUs](const sim::RunResult &r) {
        std::vector<const sim::Event *> out;
        for (const sim::Event &e : r.events)
            if (e.t >= atUs && !(e.type == sim::EventType::SetGlobal && e.injected && e.t == atUs))
                out.push_back(&e);
        return out;
    };
    const auto a = after(with);
    const auto b = after(without);
    bool same = a.size() == b.size() && with.until == without.until;
    for (size_t i = 0; same && i < a.size(); ++i)
        same = a[i]->t == b[i]->t && a[i]->lane == b[i]->lane && a[i]->type == b[i]->type &&
               a[i]->a == b[i]->a && a[i]->b == b[i]->b;
    if (same) {
        c.reason = Change::Reason::NothingDepends;
        if (knob == QLatin1String("io_pressure")) {
            bool rollback = false, work = false;
            for (const sim::Lane &l : with.lanes)
                for (const sim::LaneSegment &s : l.segments) {
                    if (s.end <= atUs)
                        continue;
                    rollback = rollback || s.state == sim::LaneState::RollingBack;
                    work = work || (s.state == sim::LaneState::Running && s.rowsStart >= 0);
                }
            c.reason = rollback ? Change::Reason::RollbackCpu
                       : work   ? Change::Reason::CpuBound
                                : Change::Reason::NoDiskWork;
        } else if (knob == QLatin1String("innodb_thread_concurrency")) {
            bool waiter = false;
            for (const sim::RunResult *r : {&with, &without})
                for (const sim::Event &e : r->events)
                    waiter = waiter || (e.t >= atUs && (e.type == sim::EventType::QueueWait ||
                                                        e.type == sim::EventType::QueueSleep));
            if (!waiter)
                c.reason = Change::Reason::NoQueueWaiter;
        }
        return c;
    }
    using D = Change::Difference;
    // Rollbacks, kills and threads that end at another time, matched by their order in the run
    // (the past is the same, so the n-th one of a lane is the same one while the runs agree).
    for (size_t i = 0; i < with.rollbacks.size() && i < without.rollbacks.size(); ++i) {
        const sim::RollbackRecord &x = with.rollbacks[i], &y = without.rollbacks[i];
        if (x.lane == y.lane && x.start == y.start && x.end != y.end)
            c.differences << D{D::Kind::RollbackEnd, x.lane, y.end, x.end};
    }
    for (size_t i = 0; i < with.kills.size() && i < without.kills.size(); ++i) {
        const sim::KillRecord &x = with.kills[i], &y = without.kills[i];
        if (x.victimLane == y.victimLane && x.issued == y.issued && x.finished != y.finished)
            c.differences << D{D::Kind::KillEnd, x.victimLane, y.finished, x.finished};
    }
    for (size_t i = 0; i < with.lanes.size() && i < without.lanes.size(); ++i) {
        const sim::Lane &x = with.lanes[i], &y = without.lanes[i];
        if (x.processlistId == y.processlistId && x.goneAt != y.goneAt &&
            (x.goneAt >= atUs || y.goneAt >= atUs))
            c.differences << D{D::Kind::ThreadGone, int(i), y.goneAt, x.goneAt};
    }
    std::stable_sort(c.differences.begin(), c.differences.end(), [](const D &p, const D &q) {
        return std::min(p.beforeUs < 0 ? INT64_MAX : p.beforeUs,
                        p.afterUs < 0 ? INT64_MAX : p.afterUs) <
               std::min(q.beforeUs < 0 ? INT64_MAX : q.beforeUs,
                        q.afterUs < 0 ? INT64_MAX : q.afterUs);
    });
    // The rollback, the kill and the thread of one lane often end together: say it once.
    QList<D> once;
    for (const D &d : std::as_const(c.differences)) {
        const bool said = std::any_of(once.cbegin(), once.cend(), [&d](const D &e) {
            return e.lane == d.lane && e.afterUs == d.afterUs && e.beforeUs == d.beforeUs;
        });
        if (!said)
            once << d;
    }
    c.differences = once;
    if (c.differences.size() > 3)
        c.differences.resize(3);
    if (c.differences.isEmpty() && with.until != without.until)
        c.differences << D{D::Kind::RunEnd, -1, without.until, with.until};
    return c;
}

// ---- the text --------------------------------------------------------------------------------

namespace {

struct Writer
{
    const sim::RunResult &run;
    const sim::Scenario &scenario;
    QList<NarrationStep> out;

    QString who(int lane) const
    {
        if (lane < 0 || lane >= int(run.lanes.size()))
            return RunNarrator::tr("the server");
        const sim::Lane &l = run.lanes[size_t(lane)];
        if (!l.sessionName.empty())
            return RunNarrator::tr("%1 (%2)").arg(qs(l.sessionName)).arg(l.processlistId);
        return RunNarrator::tr("thread %1").arg(l.processlistId);
    }

    void add(qint64 t, const QString &text, qint64 sessionId = 0)
    {
        NarrationStep s;
        s.atUs = t;
        // Generated in the current language: both fields carry it (SimulationSource renders
        // again when the language changes).
        s.en = text;
        s.zhCN = text;
        s.sessionId = sessionId;
        out << s;
    }

    // Where a thread was when it noticed its kill flag.
    QString where(const sim::LaneSegment *s) const
    {
        if (!s)
            return RunNarrator::tr("at its next check point");
        switch (s->state) {
        case sim::LaneState::Running:
            return s->rowsStart >= 0
                       ? RunNarrator::tr("at the next row of its loop (each row is a check point)")
                       : RunNarrator::tr("at its next check point");
        case sim::LaneState::RowLockWait:
            return RunNarrator::tr("at once: KILL wakes a row-lock wait");
        case sim::LaneState::MdlWait:
            return RunNarrator::tr("at once: KILL wakes a metadata-lock wait");
        case sim::LaneState::TableLockWait:
            return RunNarrator::tr("at once: KILL wakes a table-lock wait");
        case sim::LaneState::UserSleep:
            return RunNarrator::tr("at once: KILL wakes SLEEP()");
        case sim::LaneState::InnodbQueue:
            return RunNarrator::tr(
                "when it wakes from a sleep in the InnoDB queue and looks at the flag");
        case sim::LaneState::IoWait:
            return RunNarrator::tr(
                "only when its I/O call returns (there is no check point inside it)");
        case sim::LaneState::SendBlocked:
            return RunNarrator::tr("when its blocked network write fails");
        case sim::LaneState::Idle:
            return RunNarrator::tr("while it waits for its next command");
        case sim::LaneState::Connecting:
            return RunNarrator::tr("while it logs in");
        case sim::LaneState::DdImmune:
            return RunNarrator::tr("only after its data-dictionary work");
        default:
            return RunNarrator::tr("at its next check point");
        }
    }

    void kill(const sim::KillRecord &k)
    {
        const QString victim = who(k.victimLane);
        const qint64 sid = k.victimId;
        const QString stmt = qs(k.statement);
        // The moment the user chose, as every other display of it says it (to the microsecond).
        const QString sent =
            k.injected
                ? RunNarrator::tr("You send %1 at %2").arg(stmt, TimeFormat::instant(k.issued))
                : RunNarrator::tr("%1 comes at %2").arg(stmt, at(k.issued));
        if (k.result != 0) {
            add(k.issued,
                RunNarrator::tr("%1: the server answers ERROR %2, and nothing happens to %3.")
                    .arg(sent)
                    .arg(k.result)
                    .arg(victim),
                sid);
            return;
        }
        const bool query = k.type == sim::KillType::Query;
        switch (k.outcome) {
        case sim::KillOutcome::NoEffect:
            add(k.issued,
                query && sim::isMySql(run.flavor) && k.noticed < 0
                    ? RunNarrator::tr(
                          "%1. The KILL returns Query OK, but %2 is between statements, "
                          "and MySQL ignores a KILL QUERY there: nothing changes.")
                          .arg(sent, victim)
                    : RunNarrator::tr("%1. The KILL returns Query OK, but %2 is already being "
                                      "killed: this one changes nothing.")
                          .arg(sent, victim),
                sid);
            return;
        case sim::KillOutcome::ResetAtNextCommand:
            add(k.issued,
                RunNarrator::tr(
                    "%1. %2 is idle: MariaDB keeps the flag, so the processlist shows "
                    "Killed until its next command clears it; that command runs normally.")
                    .arg(sent, victim),
                sid);
            return;
        default:
            break;
        }
        add(k.issued,
            query
                ? RunNarrator::tr("%1. It only sets the kill flag of %2; the KILL returns Query OK "
                                  "at once, and %2 goes on until it looks at the flag.")
                      .arg(sent, victim)
                : RunNarrator::tr("%1. It sets the kill flag of %2 and shuts its socket; the KILL "
                                  "returns Query OK at once.")
                      .arg(sent, victim),
            sid);

        // When and where the victim noticed.
        if (k.noticed >= 0) {
            // What it was doing just before it noticed.
            const sim::LaneSegment *s =
                run.segmentAt(k.victimLane, std::max<qint64>(0, k.noticed - 1));
            if (k.outcome == sim::KillOutcome::LostRace)
                add(k.noticed,
                    RunNarrator::tr("%1 had already passed its last check point: the statement "
                                    "completes anyway, and the kill comes too late to matter.")
                        .arg(victim),
                    sid);
            else if (k.outcome == sim::KillOutcome::SleepReturned)
                add(k.noticed,
                    RunNarrator::tr("At %1 SLEEP() is woken and simply returns 1: on MySQL an "
                                    "interrupted SLEEP() alone is no error.")
                        .arg(at(k.noticed)),
                    sid);
            else
                add(k.noticed,
                    k.noticed == k.issued
                        ? RunNarrator::tr("%1 notices the flag in the same instant, %2.")
                              .arg(victim, where(s))
                        : RunNarrator::tr("%1 notices the flag at %2, %3 after the KILL, %4.")
                              .arg(victim, at(k.noticed),
                                   TimeFormat::duration(k.noticed - k.issued), where(s)),
                    sid);
        } else if (k.outcome == sim::KillOutcome::Pending) {
            const sim::LaneSegment *s = run.segmentAt(k.victimLane, run.until - 1);
            QString state;
            if (s && s->state == sim::LaneState::InnodbQueue)
                state = sim::isMySql(run.flavor) && run.flavor == sim::Flavor::MySql57
                            ? RunNarrator::tr(
                                  " MySQL 5.7 never looks at the flag while a thread waits in "
                                  "the InnoDB queue.")
                            : QString();
            add(std::min(run.until, std::max(k.issued, run.until - 1)),
                RunNarrator::tr("By the end of the run (%1) %2 has still not noticed the flag.%3")
                    .arg(at(run.until), victim, state),
                sid);
        }

        // What it still had to undo, and for how long.
        const qint64 until = k.finished >= 0 ? k.finished : run.until;
        for (const sim::RollbackRecord &rb : run.rollbacks) {
            if (rb.lane != k.victimLane || rb.start < k.issued || rb.start > until || rb.rows <= 0)
                continue;
            const QString what = rb.wholeTransaction ? RunNarrator::tr("its whole transaction")
                                                     : RunNarrator::tr("its statement");
            if (rb.end >= 0)
                add(rb.start,
                    RunNarrator::tr("Now %1 must undo %2 rows of %3: the rollback runs from %4 to "
                                    "%5 (%6) and cannot be interrupted.")
                        .arg(victim, rows(rb.rows), what, at(rb.start), at(rb.end),
                             TimeFormat::duration(rb.end - rb.start)),
                    sid);
            else
                add(rb.start,
                    RunNarrator::tr("Now %1 must undo %2 rows of %3, from %4 on; it is still "
                                    "rolling back when the run ends (%5). A rollback cannot be "
                                    "interrupted.")
                        .arg(victim, rows(rb.rows), what, at(rb.start), at(run.until)),
                    sid);
        }

        // What its client saw, and when.
        if (k.clientError >= 0) {
            if (k.clientErrorCode == 2013 && (k.finished < 0 || k.finished > k.clientError))
                add(k.clientError,
                    k.finished >= 0
                        ? RunNarrator::tr("The client of %1 shows ERROR 2013 (lost connection) at "
                                          "%2, while the server thread goes on until %3.")
                              .arg(victim, at(k.clientError), at(k.finished))
                        : RunNarrator::tr("The client of %1 shows ERROR 2013 (lost connection) at "
                                          "%2, while the server thread is still at work when the "
                                          "run ends.")
                              .arg(victim, at(k.clientError)),
                    sid);
            else
                add(k.clientError,
                    RunNarrator::tr("The client of %1 shows ERROR %2 at %3, %4 after the KILL.")
                        .arg(victim)
                        .arg(k.clientErrorCode)
                        .arg(at(k.clientError), TimeFormat::duration(k.clientError - k.issued)),
                    sid);
        } else if (k.outcome == sim::KillOutcome::LostRace ||
                   k.outcome == sim::KillOutcome::SleepReturned) {
            // Its client gets an ordinary answer: said above.
        } else if (k.outcome == sim::KillOutcome::Disconnected ||
                   k.outcome == sim::KillOutcome::Interrupted) {
            add(k.finished >= 0 ? k.finished : k.issued,
                RunNarrator::tr("The client of %1 is not told anything in this run: it would find "
                                "out only with its next statement.")
                    .arg(victim),
                sid);
        }
        if (k.type == sim::KillType::Connection && k.finished >= 0 &&
            k.outcome == sim::KillOutcome::Disconnected)
            add(k.finished,
                RunNarrator::tr("The thread of %1 ends at %2.").arg(victim, at(k.finished)), sid);

        // Who else could go on then: lock waits granted when the victim's work ended.
        QList<qint64> ends;
        if (k.finished >= 0)
            ends << k.finished;
        for (const sim::RollbackRecord &rb : run.rollbacks)
            if (rb.lane == k.victimLane && rb.start >= k.issued && rb.end >= 0 && rb.start <= until)
                ends << rb.end;
        for (const sim::Event &e : run.events) {
            if ((e.type != sim::EventType::LockGranted && e.type != sim::EventType::MdlGranted) ||
                e.lane == k.victimLane || !ends.contains(e.t))
                continue;
            add(e.t,
                e.type == sim::EventType::LockGranted
                    ? RunNarrator::tr("%1 gets the row lock it was waiting for at %2.")
                          .arg(who(e.lane), at(e.t))
                    : RunNarrator::tr("%1 gets the metadata lock it was waiting for at %2.")
                          .arg(who(e.lane), at(e.t)),
                e.lane >= 0 ? run.lanes[size_t(e.lane)].processlistId : 0);
        }
    }

    void change(const NarrationPlan::Change &c)
    {
        using R = NarrationPlan::Change::Reason;
        const WhatIfKnob *knob = WhatIfKnobs::find(c.knob);
        const QString what = knob ? WhatIfKnobs::changeText(*knob, c.value) : c.knob;
        QString effect;
        switch (c.reason) {
        case R::Changed: {
            QStringList parts;
            using K = NarrationPlan::Change::Difference::Kind;
            auto time = [](qint64 us) {
                return us >= 0 ? at(us) : RunNarrator::tr("after the end of the run");
            };
            for (const auto &d : c.differences) {
                switch (d.kind) {
                case K::RollbackEnd:
                    parts << RunNarrator::tr(
                                 "the rollback of %1 now ends at %2 (without the change: %3)")
                                 .arg(who(d.lane), time(d.afterUs), time(d.beforeUs));
                    break;
                case K::KillEnd:
                    parts << RunNarrator::tr(
                                 "the kill of %1 is over at %2 (without the change: %3)")
                                 .arg(who(d.lane), time(d.afterUs), time(d.beforeUs));
                    break;
                case K::ThreadGone:
                    parts << RunNarrator::tr("the thread of %1 ends at %2 (without the change: %3)")
                                 .arg(who(d.lane), time(d.afterUs), time(d.beforeUs));
                    break;
                case K::RunEnd:
                    parts << RunNarrator::tr("the run now ends at %1 (without the change: %2)")
                                 .arg(time(d.afterUs), time(d.beforeUs));
                    break;
                }
            }
            effect = parts.isEmpty() ? RunNarrator::tr("From here on the run goes differently.")
                                     : RunNarrator::tr("From here on the run goes differently: %1.")
                                           .arg(parts.join(RunNarrator::tr("; ")));
            break;
        }
        case R::RollbackCpu:
            effect =
                RunNarrator::tr("It changes nothing in the rest of this run: the rollback then "
                                "reads no pages from disk (they are in the buffer pool), so it "
                                "is CPU-bound here and disk load does not slow it.");
            break;
        case R::CpuBound:
            effect = RunNarrator::tr("It changes nothing in the rest of this run: the work then "
                                     "reads no pages from disk, so it is CPU-bound here and disk "
                                     "load does not slow it.");
            break;
        case R::NoDiskWork:
            effect = RunNarrator::tr("It changes nothing in the rest of this run: nothing reads "
                                     "from or writes to the disk after that moment.");
            break;
        case R::NoQueueWaiter:
            effect = RunNarrator::tr("It changes nothing in the rest of this run: no thread waits "
                                     "for an InnoDB seat after that moment, so the number of seats "
                                     "does not matter.");
            break;
        case R::NothingDepends:
            effect = RunNarrator::tr("It changes nothing in the rest of this run: nothing after "
                                     "that moment depends on it.");
            break;
        }
        // A moment (restart) is done, not changed.
        if (knob && WhatIfKnobs::isMomentary(*knob))
            add(c.atUs,
                RunNarrator::tr("You %1 at %2. %3").arg(what, TimeFormat::instant(c.atUs), effect));
        else
            add(c.atUs, RunNarrator::tr("You change %1 at %2. %3")
                            .arg(what, TimeFormat::instant(c.atUs), effect));
    }
};

} // namespace

QList<NarrationStep> RunNarrator::steps(const sim::RunResult &run, const sim::Scenario &scenario,
                                        const NarrationPlan &plan)
{
    Writer w{run, scenario, {}};
    for (const NarrationPlan::Change &c : plan.changes)
        w.change(c);
    for (int k : plan.kills)
        if (k >= 0 && k < int(run.kills.size()))
            w.kill(run.kills[size_t(k)]);
    std::stable_sort(
        w.out.begin(), w.out.end(),
        [](const NarrationStep &a, const NarrationStep &b) { return a.atUs < b.atUs; });
    return w.out;
}

} // namespace ks
