#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace ks::sim {
class RunResult;
}

namespace ks {

// A path through the built-in scenarios for someone who has just read the lesson: "Start here",
// in the order one learns (the lesson's first picture, its second, the rollback, Ctrl+C, …),
// each with the one question it answers; and the questions readers asked most under the lesson,
// each answered by a scenario and the moment of it that shows the answer.
//
// Invariants: every scenario id here is a built-in scenario (tests check it); every built-in
// scenario is on the path exactly once; a moment is an event of the run (like a scenario's
// narration `on`), so it holds whatever the flavor and whatever the user injected before it.
class ScenarioPath
{
    Q_DECLARE_TR_FUNCTIONS(ks::ScenarioPath)
public:
    struct Stop
    {
        QString scenarioId;
        QString question; // the one question this scenario answers, in the current language
    };
    // The "Start here" order.
    static QList<Stop> startHere();

    // Where in a run a question's answer shows: the nth event of that type (an event id of the
    // scenario format, e.g. "kill_noticed") on the session's lanes (any lane if empty), plus an
    // offset.
    struct Moment
    {
        QString event;
        QString session;
        int nth = 1;
        qint64 offsetUs = 0;
    };
    struct ReaderQuestion
    {
        QString id; // stable, for object names and tests
        QString question;
        QString answer; // two or three sentences, in the current language
        QString scenarioId;
        QString flavor;
        Moment moment;
    };
    static QList<ReaderQuestion> readerQuestions();

    // When `moment` happens in `run`, -1 if it does not happen there.
    static qint64 momentIn(const sim::RunResult &run, const Moment &moment);
};

} // namespace ks
