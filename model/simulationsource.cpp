#include "simulationsource.h"

#include "engine.h"
#include "knobs.h"
#include "report.h"
#include "runresult.h"
#include "scenario.h"
#include "scenariofile.h"
#include "scenarioparser.h"
#include "timeformat.h"
#include "whatifknob.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QSaveFile>
#include <algorithm>

namespace ks {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

SegmentState toSegmentState(sim::LaneState s)
{
    switch (s) {
    case sim::LaneState::Connecting:
        return SegmentState::Connecting;
    case sim::LaneState::Running:
        return SegmentState::Running;
    case sim::LaneState::RowLockWait:
        return SegmentState::RowLockWait;
    case sim::LaneState::MdlWait:
        return SegmentState::MdlWait;
    case sim::LaneState::TableLockWait:
        return SegmentState::TableLockWait;
    case sim::LaneState::InnodbQueue:
        return SegmentState::QueueSleep;
    case sim::LaneState::IoWait:
        return SegmentState::IoWait;
    case sim::LaneState::SendBlocked:
        return SegmentState::SendingToClient;
    // SLEEP() is a wakeable wait like a table lock: drawn with the wakeable-wait colour.
    case sim::LaneState::UserSleep:
        return SegmentState::TableLockWait;
    case sim::LaneState::Idle:
        return SegmentState::Idle;
    case sim::LaneState::RollingBack:
        return SegmentState::RollingBack;
    case sim::LaneState::Cleanup:
        return SegmentState::Cleanup;
    case sim::LaneState::DdImmune:
        return SegmentState::Running;
    case sim::LaneState::Gone:
        return SegmentState::Gone;
    }
    return SegmentState::Running;
}

bool toClientState(sim::ClientState s, SegmentState &out)
{
    switch (s) {
    case sim::ClientState::None:
        return false;
    case sim::ClientState::Connecting:
        out = SegmentState::Connecting;
        return true;
    case sim::ClientState::Prompt:
        out = SegmentState::ClientPrompt;
        return true;
    case sim::ClientState::Waiting:
    case sim::ClientState::Receiving:
    case sim::ClientState::Paused:
        out = SegmentState::ClientWaiting;
        return true;
    case sim::ClientState::Error:
    case sim::ClientState::Lost:
        out = SegmentState::ClientError;
        return true;
    case sim::ClientState::Disconnected:
        out = SegmentState::ClientDisconnected;
        return true;
    }
    return false;
}

bool isFinishedPhase(KillPhase p)
{
    return p == KillPhase::Refused || p == KillPhase::Done || p == KillPhase::Gone ||
           p == KillPhase::Reconnected;
}

} // namespace

SimulationSource::SimulationSource(QObject *parent)
    : SessionSource(parent)
{
    // One worker is enough: runs are serialised and only the newest result counts.
    m_pool.setMaxThreadCount(1);
}

SimulationSource::~SimulationSource()
{
    m_pool.waitForDone();
}

QList<SimulationSource::ScenarioEntry> SimulationSource::builtinScenarios()
{
    QList<ScenarioEntry> out;
    for (const QString &id : ScenarioFile::builtinIds()) {
        QString error;
        const std::optional<ScenarioText> t = ScenarioFile::readBuiltin(id, &error);
        const QJsonObject o = t ? QJsonDocument::fromJson(t->text).object() : QJsonObject();
        ScenarioEntry e;
        e.id = id;
        e.titleEn =
            o.value(QStringLiteral("title")).toObject().value(QStringLiteral("en")).toString(e.id);
        e.titleZh = o.value(QStringLiteral("title"))
                        .toObject()
                        .value(QStringLiteral("zh_CN"))
                        .toString(e.titleEn);
        e.summaryEn =
            o.value(QStringLiteral("summary")).toObject().value(QStringLiteral("en")).toString();
        e.summaryZh =
            o.value(QStringLiteral("summary")).toObject().value(QStringLiteral("zh_CN")).toString();
        out << e;
    }
    return out;
}

bool SimulationSource::load(const QString &idOrPath, const QString &flavor)
{
    QString error;
    const std::optional<ScenarioText> t = ScenarioFile::read(idOrPath, &error);
    return loadText(t ? &*t : nullptr, error, flavor);
}

bool SimulationSource::loadBuiltin(const QString &id, const QString &flavor)
{
    QString error;
    const std::optional<ScenarioText> t = ScenarioFile::readBuiltin(id, &error);
    return loadText(t ? &*t : nullptr, error, flavor);
}

bool SimulationSource::loadFile(const QString &path, const QString &flavor)
{
    QString error;
    const std::optional<ScenarioText> t = ScenarioFile::readFile(path, &error);
    return loadText(t ? &*t : nullptr, error, flavor);
}

bool SimulationSource::loadText(const ScenarioText *t, const QString &error, const QString &flavor)
{
    if (!t) {
        Q_EMIT problem(tr("Cannot open the scenario: %1").arg(error));
        return false;
    }
    if (!loadJson(t->text, t->builtin ? t->label : QFileInfo(t->path).fileName(), flavor))
        return false;
    m_path = t->path;
    return true;
}

bool SimulationSource::loadJson(const QByteArray &json, const QString &fileName,
                                const QString &flavor)
{
    const sim::ScenarioParseResult parsed = sim::ScenarioParser::parse(
        std::string_view(json.constData(), size_t(json.size())), fileName.toStdString());
    if (!parsed.ok()) {
        Q_EMIT problem(tr("The scenario %1 is not valid:\n%2")
                           .arg(fileName, qs(parsed.errorText()).trimmed()));
        return false;
    }
    return loadScenario(*parsed.scenario, flavor);
}

bool SimulationSource::loadScenario(const sim::Scenario &scenarioIn, const QString &flavor)
{
    auto scenario = std::make_unique<sim::Scenario>(scenarioIn);
    sim::Flavor f = scenario->defaultFlavor;
    if (!flavor.isEmpty()) {
        sim::Flavor wanted;
        if (!sim::parseFlavor(flavor.toStdString(), wanted)) {
            Q_EMIT problem(tr("Unknown server flavor “%1”; use mysql-5.7, mysql-8.0 or "
                              "mariadb-10.11.")
                               .arg(flavor));
            return false;
        }
        f = wanted;
    }
    m_scenario = std::move(scenario);
    m_flavor = qs(std::string(sim::flavorId(f)));
    m_injected.clear();
    m_path.clear();
    Q_EMIT scenarioLoaded(scenarioId());
    startRun();
    return true;
}

QString SimulationSource::scenarioId() const
{
    return m_scenario ? qs(m_scenario->id) : QString();
}

QString SimulationSource::scenarioTitle(const QString &language) const
{
    if (!m_scenario)
        return {};
    const auto &t = m_scenario->title;
    return qs(language.startsWith(QStringLiteral("zh")) && !t.zh_CN.empty() ? t.zh_CN : t.en);
}

QString SimulationSource::scenarioSummary(const QString &language) const
{
    if (!m_scenario)
        return {};
    const auto &t = m_scenario->summary;
    return qs(language.startsWith(QStringLiteral("zh")) && !t.zh_CN.empty() ? t.zh_CN : t.en);
}

QStringList SimulationSource::supportedFlavors() const
{
    QStringList out;
    if (m_scenario)
        for (sim::Flavor f : m_scenario->flavors)
            out << qs(std::string(sim::flavorId(f)));
    return out;
}

void SimulationSource::setFlavor(const QString &flavorId)
{
    sim::Flavor f;
    if (!sim::parseFlavor(flavorId.toStdString(), f)) {
        Q_EMIT problem(tr("Unknown server flavor “%1”; use mysql-5.7, mysql-8.0 or "
                          "mariadb-10.11.")
                           .arg(flavorId));
        return;
    }
    if (flavorId == m_flavor)
        return;
    m_flavor = flavorId;
    if (m_scenario)
        startRun();
}

bool SimulationSource::supportsKillStrength() const
{
    return m_flavor.startsWith(QStringLiteral("mariadb"));
}

double SimulationSource::knobValueAt(const QString &knob, qint64 timeUs) const
{
    if (!m_scenario)
        return 0.0;
    const std::string name = knob.toStdString();
    // A momentary knob (restart) is an event, not a setting: nothing of it is in effect later.
    if (const sim::Knob *k = sim::findKnob(name); !k || k->momentary)
        return 0.0;
    double value = 0.0;
    if (knob == QLatin1String("innodb_thread_concurrency"))
        value = m_scenario->server.innodbThreadConcurrency;
    else if (knob == QLatin1String("io_pressure"))
        value = m_scenario->server.ioPressure;
    qint64 latest = -1;
    for (const sim::Action &a : m_scenario->actions)
        if (a.kind == sim::ActionKind::Set && a.name == name && a.at <= timeUs && a.at >= latest) {
            value = a.value;
            latest = a.at;
        }
    for (const Injection &i : m_injected)
        if (!i.isKill && i.knob == knob && i.atUs <= timeUs && i.atUs >= latest) {
            value = i.value;
            latest = i.atUs;
        }
    return value;
}

int SimulationSource::concurrencyAt(qint64 timeUs) const
{
    return int(knobValueAt(QStringLiteral("innodb_thread_concurrency"), timeUs));
}

double SimulationSource::ioPressureAt(qint64 timeUs) const
{
    return knobValueAt(QStringLiteral("io_pressure"), timeUs);
}

bool SimulationSource::applyKnob(qint64 atUs, const QString &knob, double value, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!m_scenario)
        return fail(tr("No scenario is loaded."));
    const WhatIfKnob *k = WhatIfKnobs::find(knob);
    if (!k)
        return fail(
            tr("Unknown knob “%1”; the What-if knobs are %2.").arg(knob, WhatIfKnobs::idList()));
    if (const QString wrong = WhatIfKnobs::check(*k, value, m_flavor); !wrong.isEmpty())
        return fail(wrong);
    Injection i;
    i.atUs = std::max<qint64>(0, atUs);
    i.isKill = false;
    i.knob = knob;
    i.value = value;
    if (!k->momentary && qFuzzyCompare(1.0 + value, 1.0 + knobValueAt(knob, i.atUs)))
        return true; // no change
    m_injected << i;
    startRun();
    return true;
}

void SimulationSource::applyKnobs(qint64 atUs, int innodbThreadConcurrency, double ioPressure)
{
    if (!m_scenario)
        return;
    const qint64 t = std::max<qint64>(0, atUs);
    const qsizetype before = m_injected.size();
    const QList<QPair<QString, double>> wanted = {
        {QStringLiteral("innodb_thread_concurrency"),
         double(std::clamp(innodbThreadConcurrency, 0, 1000))},
        {QStringLiteral("io_pressure"), std::clamp(ioPressure, 0.0, 1000.0)}};
    for (const auto &[knob, value] : wanted) {
        const WhatIfKnob *k = WhatIfKnobs::find(knob);
        if (!k || !WhatIfKnobs::check(*k, value, m_flavor).isEmpty())
            continue;
        if (qFuzzyCompare(1.0 + value, 1.0 + knobValueAt(knob, t)))
            continue;
        Injection i;
        i.atUs = t;
        i.isKill = false;
        i.knob = knob;
        i.value = value;
        m_injected << i;
    }
    if (m_injected.size() != before)
        startRun();
}

KillTarget SimulationSource::targetForSession(const QString &session, qint64 atUs,
                                              QString *error) const
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return KillTarget();
    };
    if (!m_scenario || !m_result)
        return fail(tr("No scenario has run."));
    const int si = m_scenario->sessionIndex(session.toStdString());
    if (si < 0) {
        QStringList names;
        for (const sim::SessionSpec &ss : m_scenario->sessions)
            names << qs(ss.name);
        return fail(tr("The scenario %1 has no session “%2”; its sessions are %3.")
                        .arg(scenarioId(), session, names.join(QStringLiteral(", "))));
    }
    // The connection of that session that exists at t (a reconnect makes a new one).
    int found = -1;
    for (int lane : m_result->lanesOfSession(si)) {
        const sim::Lane &l = m_result->lanes[size_t(lane)];
        if (l.createdAt <= atUs && (l.goneAt < 0 || l.goneAt > atUs))
            found = lane;
    }
    if (found < 0)
        return fail(
            tr("Session %1 has no connection at %2.").arg(session, TimeFormat::seconds(atUs)));
    const int lane = found < m_laneOfSimLane.size() ? m_laneOfSimLane[found] : -1;
    if (lane < 0)
        return fail(
            tr("Session %1 has no connection at %2.").arg(session, TimeFormat::seconds(atUs)));
    KillTarget t = targetForLane(lane);
    t.firstSeenUs = m_result->lanes[size_t(found)].createdAt;
    return t;
}

bool SimulationSource::applyScripted(QList<WhatIfChange> changes, QString *error)
{
    std::stable_sort(changes.begin(), changes.end(),
                     [](const WhatIfChange &a, const WhatIfChange &b) { return a.atUs < b.atUs; });
    for (const WhatIfChange &c : changes) {
        waitForRun();
        QString why;
        if (c.isKill) {
            const KillTarget target = targetForSession(c.session, c.atUs, &why);
            if (target.id == 0) {
                if (error)
                    *error = tr("--kill-at %1: %2").arg(c.text, why);
                return false;
            }
            KillRequest r;
            r.target = target;
            r.kind = c.kind;
            r.strength = c.strength;
            r.atUs = c.atUs;
            // HARD / SOFT on MySQL: the simulated server answers as a real one (ERROR 1064).
            kill(r);
        } else if (!applyKnob(c.atUs, c.knob, c.value, &why)) {
            if (error)
                *error = tr("--set %1: %2").arg(c.text, why);
            return false;
        }
    }
    waitForRun();
    return true;
}

void SimulationSource::restartServer(qint64 atUs)
{
    applyKnob(atUs, QStringLiteral("restart"), 1);
}

void SimulationSource::resetInjections()
{
    if (m_injected.isEmpty())
        return;
    m_injected.clear();
    startRun();
}

void SimulationSource::kill(const KillRequest &request)
{
    if (!m_scenario)
        return;
    Injection i;
    i.atUs = std::max<qint64>(0, request.atUs);
    i.kill = request;
    i.kill.atUs = i.atUs;
    m_injected << i;
    startRun();
}

std::shared_ptr<sim::Scenario> SimulationSource::withInjections(const sim::Scenario &base,
                                                                const QList<Injection> &injections,
                                                                int skip)
{
    auto scenario = std::make_shared<sim::Scenario>(base);
    for (int n = 0; n < injections.size(); ++n) {
        if (n == skip)
            continue;
        const Injection &i = injections[n];
        if (i.isKill) {
            const auto type =
                i.kill.kind == KillKind::Query ? sim::KillType::Query : sim::KillType::Connection;
            const auto mode = i.kill.strength == KillStrength::Hard   ? sim::KillMode::Hard
                              : i.kill.strength == KillStrength::Soft ? sim::KillMode::Soft
                                                                      : sim::KillMode::Default;
            scenario->actions.push_back(sim::makeKillAction(i.atUs, i.kill.target.id, type, mode));
        } else {
            // The knob table makes the action (a SET, or the restart for restart=1); applyKnob
            // has checked the value already.
            sim::Action a;
            std::string error;
            if (sim::makeKnobAction(i.atUs, i.knob.toStdString(), i.value, a, error)) {
                a.injected = true;
                scenario->actions.push_back(a);
            }
        }
    }
    // Stable: the scenario's own action at the same time comes first, then the user's in the
    // order given.
    std::stable_sort(scenario->actions.begin(), scenario->actions.end(),
                     [](const sim::Action &a, const sim::Action &b) { return a.at < b.at; });
    return scenario;
}

void SimulationSource::startRun()
{
    if (!m_scenario)
        return;
    // The worker gets its own copies: the GUI may inject again while it runs.
    auto base = std::make_shared<sim::Scenario>(*m_scenario);
    const QList<Injection> injections = m_injected;
    sim::Flavor flavor = base->defaultFlavor;
    sim::parseFlavor(m_flavor.toStdString(), flavor);
    // A first run of a big scenario must not be inline either.
    if (!m_result && base->sessions.size() > BigScenarioSessions)
        m_lastWallUs = std::max(m_lastWallUs, m_inlineLimitUs);

    const quint64 generation = ++m_generation;
    ++m_pending;
    Q_EMIT runStarted();
    // Built-in scenarios run in well under a millisecond: inline, the click shows its effect in
    // the same frame. Once a run has been slow (a big generated workload), later runs go to the
    // worker so the GUI stays responsive.
    const bool inline_ = m_lastWallUs < m_inlineLimitUs && !m_pool.activeThreadCount();
    const quint64 revisionFloor = m_timeline.revision();
    const quint64 laneFloor = m_timeline.laneRevision();
    if (inline_) {
        adopt(std::make_shared<Built>(
                  build(*base, injections, flavor, m_untilUs, revisionFloor, laneFloor)),
              generation);
        return;
    }
    const std::optional<qint64> until = m_untilUs;
    m_pool.start([this, base, injections, flavor, until, generation, revisionFloor, laneFloor] {
        auto built = std::make_shared<Built>(
            build(*base, injections, flavor, until, revisionFloor, laneFloor));
        // The destructor waits for the pool, so `this` outlives the posted call.
        QMetaObject::invokeMethod(
            this, [this, built, generation] { adopt(built, generation); }, Qt::QueuedConnection);
    });
}

void SimulationSource::waitForRun()
{
    while (m_pending > 0) {
        m_pool.waitForDone();
        // Deliver the queued adopt() calls without running unrelated user input.
        QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    }
}

// Lanes, segments, arrows and markers of a run. Pure: runs on the worker thread for big runs.
void SimulationSource::buildTimeline(const sim::RunResult &r, Timeline &timeline, QList<int> &laneOf)
{
    laneOf.fill(-1, qsizetype(r.lanes.size()));
    QList<int> order;
    for (int i = 0; i < int(r.lanes.size()); ++i)
        order << i;
    std::stable_sort(order.begin(), order.end(), [&r](int a, int b) {
        return r.lanes[size_t(a)].order < r.lanes[size_t(b)].order;
    });

    for (int simLane : order) {
        const sim::Lane &l = r.lanes[size_t(simLane)];
        const int lane = timeline.addSession(l.processlistId, qs(l.user), qs(l.host), true);
        laneOf[simLane] = lane;
        const int clientLane = timeline.lane(lane).partner;
        // "11 A: big UPDATE (app)"; the scenario's Chinese label for zh_CN (the engine composes
        // its own labels, "Ctrl+C helper of …", in both languages too).
        auto compose = [&l](const std::string &text) {
            QString label = QString::number(l.processlistId);
            if (!text.empty())
                label += QLatin1Char(' ') + qs(text);
            else if (!l.sessionName.empty())
                label += QLatin1Char(' ') + qs(l.sessionName);
            return l.user.empty() ? label : label + QStringLiteral(" (%1)").arg(qs(l.user));
        };
        timeline.setLaneLabel(lane, compose(l.label));
        timeline.setLaneLabel(lane, QStringLiteral("en"), compose(l.label));
        timeline.setLaneLabel(lane, QStringLiteral("zh_CN"),
                              compose(l.labelZh.empty() ? l.label : l.labelZh));
        QVariantMap meta;
        meta.insert(QStringLiteral("db"), qs(l.db));
        meta.insert(QStringLiteral("session"), qs(l.sessionName));
        meta.insert(QStringLiteral("simLane"), simLane);
        timeline.setLaneMetadata(lane, meta);

        QString statement;
        // Segments and processlist records are both sorted by time: walk them together to
        // mark where the flavor's processlist says Killed (MySQL: KILL CONNECTION only;
        // MariaDB: any kill until the statement resets it).
        size_t record = 0;
        for (const sim::LaneSegment &s : l.segments) {
            quint8 flags = 0;
            if (s.flags & sim::FlagKillPending)
                flags |= SegmentFlag::KillPending;
            const auto state = toSegmentState(s.state);
            while (record + 1 < l.processlist.size() && l.processlist[record + 1].t <= s.start)
                ++record;
            if (record < l.processlist.size() && l.processlist[record].t <= s.start &&
                state != SegmentState::Gone) {
                const sim::Killed k = l.processlist[record].killed;
                if (sim::isMariaDb(r.flavor) ? k != sim::Killed::None
                                             : k == sim::Killed::Connection)
                    flags |= SegmentFlag::Killed;
            }
            const QString detail = qs(r.str(s.detail));
            SegmentExtra x;
            if (s.checkNs > 0)
                x.checkPeriodUs = std::max<qint64>(1, s.checkNs / 1000);
            if (state == SegmentState::RollingBack) {
                x.rowsAtStart = s.rowsStart;
                x.rowsAtEnd = s.rowsEnd;
            }
            // With its extras: a rollback that changes speed stays two pieces, each with its
            // own counts, instead of one straight line over both.
            timeline.appendSegment(lane, s.start, s.end, state, flags, timeline.intern(detail), x);
        }
        // The lane's caption line: the last statement its client sent.
        for (auto it = l.processlist.crbegin(); it != l.processlist.crend(); ++it)
            if (it->info != 0) {
                statement = qs(r.str(it->info));
                break;
            }
        if (!statement.isEmpty())
            timeline.setLaneStatement(lane, statement);
        if (clientLane >= 0) {
            for (const sim::ClientSegment &c : l.clientSegments) {
                SegmentState st;
                if (!toClientState(c.state, st))
                    continue;
                timeline.appendSegment(clientLane, c.start, c.end, st, 0,
                                       timeline.intern(qs(r.str(c.text))));
            }
        }
        if (l.goneAt >= 0) {
            timeline.setLaneClosed(lane, true);
            TimelineMarker m;
            m.time = l.goneAt;
            m.lane = lane;
            m.kind = MarkerKind::Gone;
            timeline.addMarker(m);
        }
    }

    auto laneOfSim = [&laneOf](int simLane) {
        return simLane >= 0 && simLane < laneOf.size() ? laneOf[simLane] : -1;
    };
    for (const sim::Signal &s : r.killSignals) {
        const sim::KillRecord *k =
            s.kill >= 0 && s.kill < int(r.kills.size()) ? &r.kills[size_t(s.kill)] : nullptr;
        switch (s.kind) {
        case sim::SignalKind::KillArrow:
        case sim::SignalKind::TimeoutFired: {
            TimelineSignal sig;
            sig.time = s.t;
            sig.fromLane = laneOfSim(s.fromLane);
            sig.toLane = laneOfSim(s.toLane);
            if (s.kind == sim::SignalKind::TimeoutFired)
                sig.kind = SignalKind::Timeout;
            else if (k && k->source == sim::KillSource::CtrlC)
                sig.kind = SignalKind::CtrlC;
            else if (k && k->source == sim::KillSource::Timeout)
                sig.kind = SignalKind::Timeout;
            else if (k && k->type == sim::KillType::Query)
                sig.kind = SignalKind::KillQuery;
            else
                sig.kind = SignalKind::KillConnection;
            if (k)
                sig.result = k->result == 0      ? SignalResult::Ok
                             : k->result == 1094 ? SignalResult::NoSuchThread
                                                 : SignalResult::Refused;
            sig.label = timeline.intern(qs(s.label));
            if (k && k->result != 0)
                sig.detail = timeline.intern(QStringLiteral("ERROR %1").arg(k->result));
            timeline.addSignal(sig);
            break;
        }
        case sim::SignalKind::FlagNoticed:
        case sim::SignalKind::KillDeferred:
        case sim::SignalKind::KillReplayed:
        case sim::SignalKind::SocketClosed: {
            TimelineMarker m;
            m.time = s.t;
            m.lane = laneOfSim(s.toLane >= 0 ? s.toLane : s.fromLane);
            m.kind =
                s.kind == sim::SignalKind::FlagNoticed ? MarkerKind::FlagNoticed : MarkerKind::Note;
            m.label = timeline.intern(qs(s.label));
            if (m.lane >= 0)
                timeline.addMarker(m);
            break;
        }
        }
    }
    // Server-wide changes (the scenario's SET GLOBAL actions, what-if knobs): markers on no lane,
    // drawn on the time axis.
    for (const sim::Event &e : r.events) {
        if (e.type != sim::EventType::SetGlobal && e.type != sim::EventType::ServerDown &&
            e.type != sim::EventType::ServerUp)
            continue;
        TimelineMarker m;
        m.time = e.t;
        m.lane = -1;
        m.kind = MarkerKind::GlobalAction;
        // The restart and the end of its recovery say so in EngineText::globalActionForms().
        if (e.type == sim::EventType::ServerDown)
            m.label = timeline.intern(QStringLiteral("restart=1"));
        else if (e.type == sim::EventType::ServerUp)
            m.label = timeline.intern(QStringLiteral("server_back"));
        else
            m.label = timeline.intern(QStringLiteral("%1=%2").arg(
                qs(r.str(sim::StringId(e.b))), QString::number(double(e.a) / 1000.0, 'g', 6)));
        timeline.addMarker(m);
    }
    for (const sim::KillRecord &k : r.kills) {
        if (k.clientError < 0)
            continue;
        const int lane = laneOfSim(k.victimLane);
        if (lane < 0 || timeline.lane(lane).partner < 0)
            continue;
        TimelineMarker m;
        m.time = k.clientError;
        m.lane = timeline.lane(lane).partner;
        m.kind = MarkerKind::ErrorShown;
        m.label = timeline.intern(QStringLiteral("ERROR %1").arg(k.clientErrorCode));
        timeline.addMarker(m);
    }
    timeline.squeeze();
}

namespace {

// A view caches by the timeline's revision counters: content built from scratch must count past
// the content it replaces, or the view could take it for what it already drew.
void countPast(Timeline &fresh, quint64 revisionFloor)
{
    while (fresh.revision() <= revisionFloor) {
        if (fresh.laneCount() > 0)
            fresh.setLaneClosed(0, fresh.lane(0).closed);
        else
            fresh.clear();
    }
}

} // namespace

void SimulationSource::adopt(std::shared_ptr<Built> built, quint64 generation)
{
    --m_pending;
    m_lastWallUs = built->wallUs;
    if (generation != m_generation)
        return; // superseded by a newer request
    m_result = std::move(built->result);
    m_plan = std::move(built->plan);
    if (built->timeline.laneRevision() > m_timeline.laneRevision()) {
        const quint64 floor = m_timeline.revision();
        m_timeline = std::move(built->timeline);
        countPast(m_timeline, floor);
        m_laneOfSimLane = std::move(built->laneOfSimLane);
    } else {
        // Counters moved since the job started: build again here, after a clear() that keeps
        // them monotonic.
        m_timeline.clear();
        m_laneOfSimLane.clear();
        buildTimeline(*m_result, m_timeline, m_laneOfSimLane);
    }
    Q_EMIT runFinished(built->engineUs);
    Q_EMIT changed();
    // The event cap: what is shown ends early, and the user must be told why.
    if (m_result->truncated)
        Q_EMIT problem(
            tr("The run of “%1” was stopped at %2 s: it exceeded %3 engine events, so nothing "
               "after that is shown.")
                .arg(scenarioId(), QString::number(double(m_result->until) / 1e6, 'f', 3))
                .arg(ScenarioFile::maxEvents()));
}

bool SimulationSource::runWasStopped() const
{
    return m_result && m_result->truncated;
}

SimulationSource::Built SimulationSource::build(const sim::Scenario &base,
                                                const QList<Injection> &injections,
                                                sim::Flavor flavor, std::optional<qint64> untilUs,
                                                quint64 revisionFloor, quint64 laneFloor)
{
    Built out;
    QElapsedTimer clock;
    clock.start();
    sim::RunOptions options;
    options.flavor = flavor;
    if (untilUs)
        options.until = *untilUs;
    options.maxEvents = ScenarioFile::maxEvents();
    const auto scenario = withInjections(base, injections);
    out.result = std::make_shared<const sim::RunResult>(sim::Engine::run(*scenario, options));
    out.engineUs = clock.nsecsElapsed() / 1000;
    // What the narration tells about this run: the user's kills (and the scenario's own whose
    // steps no longer hold), and for each knob change, what it did — found by running once more
    // without it (the newest few; each costs one more run).
    qint64 first = -1;
    for (const Injection &i : injections)
        first = first < 0 ? i.atUs : std::min(first, i.atUs);
    out.plan.kills = RunNarrator::killsToTell(*out.result, first);
    constexpr int MaxCompared = 8;
    int compared = 0;
    for (int n = int(injections.size()) - 1; n >= 0; --n) {
        const Injection &i = injections[n];
        if (i.isKill)
            continue;
        if (++compared > MaxCompared)
            break;
        const sim::RunResult without =
            sim::Engine::run(*withInjections(base, injections, n), options);
        out.plan.changes.prepend(
            RunNarrator::compare(*out.result, without, i.atUs, i.knob, i.value));
    }
    // Only clear() moves the lane counter, and only while empty is it cheap: do it first.
    while (out.timeline.laneRevision() <= laneFloor)
        out.timeline.clear();
    buildTimeline(*out.result, out.timeline, out.laneOfSimLane);
    countPast(out.timeline, revisionFloor);
    out.wallUs = clock.nsecsElapsed() / 1000;
    return out;
}

qint64 SimulationSource::endTime() const
{
    return m_result ? m_result->until : 0;
}

QList<NarrationStep> SimulationSource::narration() const
{
    QList<NarrationStep> out;
    if (!m_result)
        return out;
    for (const sim::NarrationStep &s : m_result->narration) {
        NarrationStep n;
        n.atUs = s.t;
        n.en = qs(s.en);
        n.zhCN = qs(s.zh_CN);
        n.unverified = s.fromEngine;
        out << n;
    }
    if (m_scenario)
        out << RunNarrator::steps(*m_result, *m_scenario, m_plan);
    std::stable_sort(out.begin(), out.end(), [](const NarrationStep &a, const NarrationStep &b) {
        return a.atUs < b.atUs;
    });
    return out;
}

QList<qint64> SimulationSource::eventTimes() const
{
    QList<qint64> out;
    if (!m_result)
        return out;
    for (const sim::Event &e : m_result->events) {
        switch (e.type) {
        case sim::EventType::QueueSleep: // every 10 ms: stepping through them would be tedious
        case sim::EventType::Note:
            break;
        default:
            out << e.t;
        }
    }
    for (const sim::NarrationStep &s : m_result->narration)
        out << s.t;
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

QList<ProcesslistRow> SimulationSource::processlistAt(qint64 timeUs) const
{
    QList<ProcesslistRow> out;
    if (!m_result)
        return out;
    const sim::RunResult &r = *m_result;
    const std::vector<sim::ProcessRow> rows = r.processlistAt(timeUs);
    const std::vector<sim::LockRow> locks = r.locksAt(timeUs);
    // Who holds each lock, so a waiter finds its blocker in O(1) even with thousands of rows.
    // A scenario with branches runs one server per branch: a lock is only ever held within its
    // own branch (the same key and the same ids exist in each).
    auto branchOf = [&r](int lane) {
        return lane >= 0 && size_t(lane) < r.lanes.size() ? r.lanes[size_t(lane)].branch : 0;
    };
    QHash<QString, qint64> holderOf;
    QHash<QPair<int, qint64>, QString> waitsFor;
    for (const sim::LockRow &l : locks) {
        const QString key = QString::number(branchOf(l.lane)) + QLatin1Char('\x1f') + qs(l.kind) +
                            QLatin1Char('\x1f') + qs(l.key);
        const QPair<int, qint64> who(branchOf(l.lane), l.id);
        if (l.granted)
            holderOf.insert(key, l.id);
        else if (!waitsFor.contains(who))
            waitsFor.insert(who, key);
    }
    for (const sim::ProcessRow &p : rows) {
        ProcesslistRow row;
        row.id = p.id;
        row.user = qs(p.user);
        row.host = qs(p.host);
        if (p.db)
            row.db = qs(*p.db);
        row.command = qs(p.command);
        row.timeMs = p.timeUs / 1000;
        if (p.state)
            row.state = qs(*p.state);
        if (p.info)
            row.info = qs(*p.info);
        row.progress = p.progress.value_or(0.0);
        // As MariaDB: only a statement with stages (the copy of an ALTER) reports progress.
        row.progressReported = row.progress > 0.0;
        row.trxState = qs(p.trxState);
        row.trxRowsModified = p.trxRowsModified.value_or(-1);
        row.trxOperationState = qs(p.trxOperationState);
        row.system = p.command == "Daemon";
        if (const auto w = waitsFor.constFind(qMakePair(branchOf(p.lane), p.id));
            w != waitsFor.cend()) {
            const qint64 holder = holderOf.value(*w, 0);
            if (holder != p.id)
                row.blockedBy = holder;
        }
        out << row;
    }
    return out;
}

QList<KillRecord> SimulationSource::kills() const
{
    return killsAt(endTime());
}

QList<KillRecord> SimulationSource::killsAt(qint64 t) const
{
    QList<KillRecord> out;
    if (!m_result)
        return out;
    const sim::RunResult &r = *m_result;
    sim::Flavor flavor = sim::Flavor::MySql80;
    sim::parseFlavor(m_flavor.toStdString(), flavor);
    for (const sim::KillRecord &k : r.kills) {
        if (k.issued > t)
            continue;
        KillRecord rec;
        rec.serial = k.index + 1;
        rec.request.target.id = k.victimId;
        if (k.victimLane >= 0 && k.victimLane < int(r.lanes.size())) {
            const sim::Lane &v = r.lanes[size_t(k.victimLane)];
            rec.request.target.user = qs(v.user);
            rec.request.target.host = qs(v.host);
            rec.request.target.firstSeenUs = v.createdAt;
        }
        rec.request.kind = k.type == sim::KillType::Query ? KillKind::Query : KillKind::Connection;
        rec.request.strength = k.mode == sim::KillMode::Hard   ? KillStrength::Hard
                               : k.mode == sim::KillMode::Soft ? KillStrength::Soft
                                                               : KillStrength::Default;
        rec.request.atUs = k.issued;
        rec.statement = qs(k.statement);
        rec.requestedUs = k.issued;
        rec.answeredUs = k.issued; // the killer's KILL returns at once
        rec.serverError = k.result;
        if (k.result != 0) {
            QString line = qs(sim::serverErrorLine(k.result, std::to_string(k.victimId), flavor));
            // "ERROR 1094 (HY000): Unknown thread id: 99" → the message part.
            const qsizetype colon = line.indexOf(QStringLiteral("): "));
            if (colon >= 0)
                line = line.mid(colon + 3);
            rec.serverMessage = line;
            rec.phase = KillPhase::Refused;
            out << rec;
            continue;
        }
        rec.phase = KillPhase::Accepted;
        if (k.noticed >= 0 && k.noticed <= t) {
            rec.phase = KillPhase::FlagSeen;
            rec.flagSeenUs = k.noticed;
        }
        for (const sim::RollbackRecord &rb : r.rollbacks) {
            if (rb.lane != k.victimLane || rb.start < k.issued || rb.start > t)
                continue;
            if (k.finished >= 0 && rb.start > k.finished)
                continue;
            const qint64 end = rb.end >= 0 ? rb.end : r.until;
            if (end > rb.start && rb.rows > 0)
                rec.rowsPerSecond = double(rb.rows) * 1e6 / double(end - rb.start);
            rec.estimatedEndUs = end;
            qint64 remaining = rb.rows;
            for (size_t i = 0; i < rb.points.size(); ++i) {
                const sim::RollbackPoint &p = rb.points[i];
                if (p.t > t) {
                    if (i > 0) {
                        const sim::RollbackPoint &q = rb.points[i - 1];
                        remaining = q.rowsRemaining + (p.rowsRemaining - q.rowsRemaining) *
                                                          (t - q.t) /
                                                          std::max<qint64>(1, p.t - q.t);
                    }
                    break;
                }
                remaining = p.rowsRemaining;
            }
            rec.rowsRemaining = remaining;
            if (rb.end < 0 || rb.end > t)
                rec.phase = KillPhase::RollingBack;
            else
                rec.rowsRemaining = 0;
        }
        const qint64 finished = k.finished >= 0                           ? k.finished
                                : k.outcome == sim::KillOutcome::NoEffect ? k.issued
                                                                          : -1;
        if (finished >= 0 && finished <= t) {
            rec.endedUs = finished;
            const bool gone =
                k.outcome == sim::KillOutcome::Disconnected ||
                (k.type == sim::KillType::Connection && k.outcome == sim::KillOutcome::LostRace);
            rec.phase = gone ? KillPhase::Gone : KillPhase::Done;
            rec.estimatedEndUs = -1;
        }
        rec.why = why(rec, k.victimLane, t);
        out << rec;
    }
    return out;
}

QList<QPair<QString, QStringList>> SimulationSource::transcriptsAt(qint64 timeUs) const
{
    QList<QPair<QString, QStringList>> out;
    if (!m_result || !m_scenario)
        return out;
    for (int s = 0; s < int(m_scenario->sessions.size()); ++s) {
        QStringList lines;
        for (const sim::TranscriptLine &l : m_result->transcriptOf(s))
            if (l.t <= timeUs)
                lines << qs(l.text);
        if (!lines.isEmpty())
            out << qMakePair(qs(m_scenario->sessions[size_t(s)].name), lines);
    }
    return out;
}

bool SimulationSource::writeChromeTrace(const QString &path, QString *error) const
{
    if (!m_result) {
        if (error)
            *error = tr("Nothing has run yet.");
        return false;
    }
    // sim's trace writer, the one there is (the headless mode's --trace writes the same bytes).
    const std::string trace = sim::chromeTrace(*m_result);
    const QByteArray json = QByteArray::fromStdString(trace);
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(json) != json.size() ||
        !f.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

QString SimulationSource::why(const KillRecord &k, int simLane, qint64 t) const
{
    if (!m_result || simLane < 0 || k.phase == KillPhase::Refused || isFinishedPhase(k.phase))
        return {};
    const sim::LaneSegment *s = m_result->segmentAt(simLane, t);
    if (!s)
        return {};
    switch (s->state) {
    case sim::LaneState::InnodbQueue:
        return m_flavor == QStringLiteral("mysql-5.7")
                   ? tr("Sleeping in the InnoDB queue; MySQL 5.7 never checks the kill flag there, "
                        "so it "
                        "waits for a seat")
                   : tr("Sleeping in the InnoDB queue; it checks the kill flag after each sleep");
    case sim::LaneState::IoWait:
        return tr("Busy in an I/O call; it checks the flag when the call returns");
    case sim::LaneState::SendBlocked:
        return tr("Blocked writing to a client that does not read");
    case sim::LaneState::RollingBack:
        if (s->rowsStart >= 0)
            return tr("Rolling back about %1 rows; this cannot be interrupted")
                .arg(s->rowsEnd >= 0 && s->end > s->start
                         ? s->rowsStart +
                               (s->rowsEnd - s->rowsStart) * (t - s->start) / (s->end - s->start)
                         : s->rowsStart);
        return tr("Rolling back; this cannot be interrupted");
    case sim::LaneState::Cleanup:
        return tr("Cleaning up: deleting temporary files or DDL leftovers");
    case sim::LaneState::DdImmune:
        return tr("Inside data-dictionary work; MySQL 8.0 defers the kill until it ends");
    case sim::LaneState::Running:
        if (k.phase == KillPhase::Accepted)
            return tr("Running; it notices the flag at its next check point");
        return {};
    default:
        return {};
    }
}

} // namespace ks
