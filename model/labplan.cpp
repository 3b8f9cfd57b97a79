#include "labplan.h"

#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <set>

namespace ks {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

sim::TimeUs scaleTime(sim::TimeUs t, double scale)
{
    return sim::TimeUs(std::llround(double(t) * scale));
}

int64_t scaleCount(int64_t n, double scale)
{
    if (n <= 0)
        return n;
    return std::max<int64_t>(1, std::llround(double(n) * scale));
}

// The command-line client a flavor's server comes with.
sim::ClientKind flavorClient(sim::Flavor f)
{
    switch (f) {
    case sim::Flavor::MySql57:
        return sim::ClientKind::MySql57;
    case sim::Flavor::MySql80:
        return sim::ClientKind::MySql80;
    case sim::Flavor::MariaDb1011:
        return sim::ClientKind::MariaDb1011;
    }
    return sim::ClientKind::MariaDb1011;
}

QString clientName(sim::ClientKind k)
{
    return qs(std::string(sim::clientKindId(k)));
}

} // namespace

sim::Scenario LabPlan::scaled(const sim::Scenario &in, double scale)
{
    sim::Scenario s = retimed(in, scale);
    if (scale == 1.0)
        return s;
    // cpu, sleep and dd durations are fixed costs or written into the SQL (SLEEP(30)): only the
    // work that grows with the table shrinks with it.
    for (sim::SessionSpec &ss : s.sessions)
        for (sim::Statement &st : ss.statements)
            for (sim::Step &step : st.steps) {
                step.count = scaleCount(step.count, scale);
                step.bytes = scaleCount(step.bytes, scale);
            }
    for (sim::LabTable &t : s.lab.tables)
        t.rows = scaleCount(t.rows, scale);
    return s;
}

sim::Scenario LabPlan::retimed(const sim::Scenario &in, double factor)
{
    sim::Scenario s = in;
    if (factor == 1.0)
        return s;
    if (s.until)
        s.until = scaleTime(*s.until, factor);
    s.server.maxStatementTimeUs = scaleTime(s.server.maxStatementTimeUs, factor);
    s.server.maxExecutionTimeUs = scaleTime(s.server.maxExecutionTimeUs, factor);
    for (sim::SessionSpec &ss : s.sessions) {
        ss.connectAt = scaleTime(ss.connectAt, factor);
        if (ss.maxStatementTimeUs)
            ss.maxStatementTimeUs = scaleTime(*ss.maxStatementTimeUs, factor);
        for (sim::Statement &st : ss.statements) {
            if (st.at)
                st.at = scaleTime(*st.at, factor);
            st.afterUs = scaleTime(st.afterUs, factor);
            if (st.timeoutUs)
                st.timeoutUs = scaleTime(*st.timeoutUs, factor);
        }
    }
    for (sim::Action &a : s.actions)
        a.at = scaleTime(a.at, factor);
    for (sim::NarrationSpec &n : s.narration) {
        if (n.at)
            n.at = scaleTime(*n.at, factor);
        n.offsetUs = scaleTime(n.offsetUs, factor);
    }
    return s;
}

void LabPlan::stretchTimes(double factor)
{
    m_scenario = retimed(m_scenario, factor);
    m_timeFactor *= factor;
}

QString LabPlan::unrunnable(const sim::Scenario &s)
{
    // A real server lives through one ending, and lab mode never kills a server it did not start.
    const QString id = qs(s.id);
    if (!s.branches.empty())
        return tr("Scenario %1 shows %2 alternative endings side by side; a real server can live "
                  "through only one of them, so lab mode cannot run it.")
            .arg(id)
            .arg(s.branches.size());
    for (const sim::Action &a : s.actions)
        if (a.kind == sim::ActionKind::Restart)
            return tr("Scenario %1 restarts the server (kill -9 of the server process); lab mode "
                      "does not do that to a server it did not start.")
                .arg(id);
    return {};
}

std::optional<LabPlan> LabPlan::make(const sim::Scenario &original, sim::Flavor flavor,
                                     double scaleOverride, const QString &database, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QString id = qs(original.id);
    if (!original.supports(flavor))
        return fail(tr("Scenario %1 is not written for %2 (it lists %3).")
                        .arg(id, qs(std::string(sim::flavorId(flavor))), [&] {
                            QStringList l;
                            for (sim::Flavor f : original.flavors)
                                l << qs(std::string(sim::flavorId(f)));
                            return l.join(QStringLiteral(", "));
                        }()));
    if (const QString why = unrunnable(original); !why.isEmpty())
        return fail(why);
    LabPlan p;
    p.m_original = original;
    p.m_flavor = flavor;
    p.m_database = database;
    p.m_scale = scaleOverride > 0 ? scaleOverride : original.lab.scale;
    if (!(p.m_scale > 0) || p.m_scale > 1.0)
        return fail(
            tr("The lab scale must be greater than 0 and at most 1, got %1.").arg(p.m_scale));
    // Temporary files the lab table's rows make (declared, measured on a real server), before
    // scaling like every other size.
    sim::Scenario sized = original;
    for (const sim::LabTempFile &t : original.lab.tempfiles) {
        const int si = sized.sessionIndex(t.session);
        if (si < 0 || size_t(t.statement) >= sized.sessions[size_t(si)].statements.size())
            continue; // the parser refuses these
        std::vector<sim::Step> &steps =
            sized.sessions[size_t(si)].statements[size_t(t.statement)].steps;
        if (size_t(t.step) >= steps.size() || steps[size_t(t.step)].op != sim::StepOp::TempFile)
            continue;
        // Removing it takes the story's time per byte (until calibration measures this
        // server's).
        sim::Step &step = steps[size_t(t.step)];
        if (step.bytes > 0)
            step.deleteUs = std::max<sim::TimeUs>(
                1, std::llround(double(step.deleteUs) * double(t.bytes) / double(step.bytes)));
        step.bytes = t.bytes;
    }
    p.m_scenario = scaled(sized, p.m_scale);
    // Steps of other flavors do not exist on this server (MariaDB's Enabling keys, a flavor's own
    // DD commit): the calibration must not count them.
    for (sim::SessionSpec &ss : p.m_scenario.sessions)
        for (sim::Statement &st : ss.statements)
            st.steps.erase(std::remove_if(st.steps.begin(), st.steps.end(),
                                          [flavor](const sim::Step &s) {
                                              return !s.flavors.empty() &&
                                                     std::find(s.flavors.begin(), s.flavors.end(),
                                                               flavor) == s.flavors.end();
                                          }),
                           st.steps.end());

    // Every table a statement touches must be creatable.
    std::set<std::string> defined;
    for (const sim::LabTable &t : p.m_scenario.lab.tables) {
        defined.insert(t.name);
        p.m_tables << Table{qs(t.name), qs(t.create), t.rows, qs(t.fill)};
    }
    for (const sim::SessionSpec &ss : p.m_scenario.sessions)
        for (const sim::Statement &st : ss.statements)
            for (const sim::Step &step : st.steps)
                if (step.op == sim::StepOp::Mdl && !defined.count(step.table))
                    return fail(tr("Scenario %1 uses table %2 but its lab section does not say how "
                                   "to create it "
                                   "(/lab/tables).")
                                    .arg(id, qs(step.table)));

    // The clients: lab mode runs the server flavor's own command-line client.
    const sim::ClientKind available = flavorClient(flavor);
    for (size_t i = 0; i < p.m_scenario.sessions.size(); ++i) {
        sim::SessionSpec &ss = p.m_scenario.sessions[i];
        if (ss.daemon || ss.client == sim::ClientKind::App)
            continue;
        for (const sim::LabClient &c : p.m_scenario.lab.clients)
            if (c.session == ss.name)
                ss.client = c.client;
        const sim::ClientKind k = ss.client == sim::ClientKind::Cli ? available : ss.client;
        if (k != available)
            return fail(tr("Session %1 of scenario %2 uses the %3 command-line client, but lab "
                           "mode runs the %4 "
                           "client here; declare a substitution with a reason in /lab/clients.")
                            .arg(qs(ss.name), id, clientName(k), clientName(available)));
        ss.client = k;
    }

    // One lab account per scenario user, with the union of that user's privileges.
    const bool maria = sim::isMariaDb(flavor);
    QHash<QString, int> accountIndex;
    for (const sim::SessionSpec &ss : p.m_scenario.sessions) {
        if (ss.daemon)
            continue;
        const QString user = qs(ss.user);
        static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_]{1,26}$"));
        if (!safe.match(user).hasMatch())
            return fail(tr("Session %1 logs in as “%2”; lab accounts need a user name of at most "
                           "26 letters, digits "
                           "or _.")
                            .arg(qs(ss.name), user));
        int idx = accountIndex.value(user, -1);
        if (idx < 0) {
            idx = int(p.m_accounts.size());
            accountIndex.insert(user, idx);
            p.m_accounts << Account{user, QStringLiteral("kslab_") + user.toLower(), {}};
        }
        QStringList &g = p.m_accounts[idx].grants;
        auto add = [&g](const QString &priv) {
            if (!g.contains(priv))
                g << priv;
        };
        if (ss.privileges & sim::PrivSuper)
            add(QStringLiteral("SUPER"));
        if (ss.privileges & sim::PrivConnectionAdmin)
            add(maria ? QStringLiteral("CONNECTION ADMIN") : QStringLiteral("CONNECTION_ADMIN"));
        if (ss.privileges & sim::PrivProcess)
            add(QStringLiteral("PROCESS"));
        if ((ss.privileges & sim::PrivSystemUser) && !maria)
            add(QStringLiteral("SYSTEM_USER"));
    }
    // Two scenario users that differ only in case would share an account.
    QSet<QString> names;
    for (const Account &a : std::as_const(p.m_accounts))
        names.insert(a.name);
    if (names.size() != p.m_accounts.size())
        return fail(tr("Scenario %1 has users that differ only in letter case; lab accounts cannot "
                       "tell them apart.")
                        .arg(id));
    return p;
}

QString LabPlan::accountFor(const std::string &scenarioUser) const
{
    const QString u = qs(scenarioUser);
    for (const Account &a : m_accounts)
        if (a.scenarioUser == u)
            return a.name;
    return {};
}

sim::ClientKind LabPlan::clientOf(int session) const
{
    return m_scenario.sessions[size_t(session)].client;
}

QList<QPair<QString, sim::Text>> LabPlan::substitutions() const
{
    QList<QPair<QString, sim::Text>> out;
    for (const sim::LabClient &c : m_scenario.lab.clients)
        out << qMakePair(qs(c.session), c.reason);
    return out;
}

QList<QPair<QString, sim::Text>> LabPlan::resized() const
{
    QList<QPair<QString, sim::Text>> out;
    for (const sim::LabTempFile &t : m_scenario.lab.tempfiles)
        out << qMakePair(qs(t.session), t.reason);
    return out;
}

QString LabPlan::displayText(int session, int statement) const
{
    return qs(m_scenario.sessions[size_t(session)].statements[size_t(statement)].sql);
}

QString LabPlan::sendText(int session, int statement) const
{
    const sim::SessionSpec &ss = m_scenario.sessions[size_t(session)];
    for (const sim::LabStatement &l : m_scenario.lab.statements)
        if (l.session == ss.name && l.statement == statement)
            return render(qs(l.sql));
    return qs(ss.statements[size_t(statement)].sql);
}

QString LabPlan::render(const QString &templ) const
{
    static const QRegularExpression token(QStringLiteral("\\{(rows|user):([^}]*)\\}|\\{db\\}"));
    QString out;
    qsizetype last = 0;
    auto it = token.globalMatch(templ);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += templ.mid(last, m.capturedStart() - last);
        if (m.captured(0) == QLatin1String("{db}")) {
            out += m_database;
        } else if (m.captured(1) == QLatin1String("rows")) {
            bool ok = false;
            const qint64 n = m.captured(2).toLongLong(&ok);
            out += ok ? QString::number(scaleCount(n, m_scale)) : m.captured(0);
        } else {
            const QString a = accountFor(m.captured(2).toStdString());
            out += a.isEmpty() ? m.captured(0) : a;
        }
        last = m.capturedEnd();
    }
    out += templ.mid(last);
    return out;
}

int LabPlan::sessionOfScenarioId(qint64 id) const
{
    for (size_t i = 0; i < m_scenario.sessions.size(); ++i)
        if (m_scenario.sessions[i].id && *m_scenario.sessions[i].id == id)
            return int(i);
    return -1;
}

} // namespace ks
