#pragma once

#include "laboptions.h"
#include "scenario.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace ks {

// Lab mode's plan for one scenario on one server flavor: the scenario as it is simulated for the
// comparison (scaled to the lab size, with the declared client substitutions) and what is sent
// to the real server for each statement. Pure: no SQL, no I/O.
//
// Invariants:
// - scenario() is a valid Scenario (the parser's invariants hold): only times, row counts and
//   byte counts are scaled, never structure.
// - Statement k of session s on the server is sendText(s, k) (or, for kill statements, built
//   from its kill object with the real thread ids at the moment it is sent); the simulated and
//   the real client echo are compared as the scenario's own text (displayText).
// - Every scenario user maps to one lab account (accountFor), and nothing else is ever logged in.
class LabPlan
{
    Q_DECLARE_TR_FUNCTIONS(LabPlan)
public:
    struct Table
    {
        QString name;
        QString create;
        qint64 rows = 0; // scaled
        QString fill;
    };
    struct Account
    {
        QString scenarioUser;
        QString name;       // the lab account, e.g. killscope_lab_bob
        QStringList grants; // global privileges: SUPER, CONNECTION ADMIN, PROCESS
    };

    // Why lab mode cannot run this scenario on any server (alternative endings, a server
    // restart); empty when it can. make() checks it too.
    static QString unrunnable(const sim::Scenario &scenario);
    // Fails (with a sentence in *error) when the scenario cannot run on this flavor in lab mode.
    static std::optional<LabPlan> make(const sim::Scenario &original, sim::Flavor flavor,
                                       double scaleOverride, const QString &database,
                                       QString *error);

    // Row counts, times and byte counts multiplied by `scale` (see SCENARIO_FORMAT.md, "lab").
    static sim::Scenario scaled(const sim::Scenario &s, double scale);
    // Only the scenario's times (at, after, connectAt, timeouts, actions, until) × factor.
    static sim::Scenario retimed(const sim::Scenario &s, double factor);
    // This server runs the scenario's statements `factor` times as long as the scenario assumes:
    // its times stretch by as much, so that every kill still lands where the story puts it.
    void stretchTimes(double factor);
    double timeFactor() const { return m_timeFactor; }

    const sim::Scenario &original() const { return m_original; }
    const sim::Scenario &scenario() const { return m_scenario; }
    sim::Flavor flavor() const { return m_flavor; }
    double scale() const { return m_scale; }
    QString database() const { return m_database; }
    const QList<Table> &tables() const { return m_tables; }
    const QList<Account> &accounts() const { return m_accounts; }
    QString accountFor(const std::string &scenarioUser) const;
    // The client actually run for a session (after /lab/clients), Cli resolved to the flavor's.
    sim::ClientKind clientOf(int session) const;
    // Declared substitutions, for the report: session name → reason.
    QList<QPair<QString, sim::Text>> substitutions() const;
    // Declared lab sizes of temporary files (/lab/tempfiles), for the report: session → reason.
    QList<QPair<QString, sim::Text>> resized() const;

    // What the echo shows (the scenario's sql), and what is sent (lab SQL rendered, or the sql).
    QString displayText(int session, int statement) const;
    QString sendText(int session, int statement) const;
    // {rows:N} → N * scale, {db} → the lab database, {user:U} → U's lab account.
    QString render(const QString &templ) const;
    // Session that a scenario processlist id belongs to (explicit ids only), -1 if none.
    int sessionOfScenarioId(qint64 id) const;

private:
    sim::Scenario m_original;
    sim::Scenario m_scenario;
    sim::Flavor m_flavor = sim::Flavor::MariaDb1011;
    double m_scale = 1.0;
    double m_timeFactor = 1.0;
    QString m_database;
    QList<Table> m_tables;
    QList<Account> m_accounts;
};

} // namespace ks
