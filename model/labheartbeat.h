#pragma once

#include "labrecording.h"
#include "livesample.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <memory>

class QTimer;

namespace ks {

// Measures how late the thread it lives on gets to run: a short single-shot timer is armed again
// and again, and each wake-up's lateness (woken − due) is logged with its time. Lab mode runs one
// on every thread that stamps client output or sends statements, so the report can say how much
// of a timing difference the run's own scheduling may explain (LabCosts::tolerance).
//
// Invariants:
// - Lives on one thread (start/stop/rearm are called there); the log is shared under its mutex, so
//   another thread may read it once this one stopped.
// - A wait that included a blocking call of this thread's own (a statement it executed) is not
//   lateness: rearm() after such a call drops it.
// - At most MaxWakeups are logged (a 2 ms beat fills that in over half an hour).
class LabHeartbeat : public QObject
{
    Q_OBJECT
public:
    static constexpr int IntervalMs = 2;
    static constexpr qsizetype MaxWakeups = 1'000'000;

    struct Log
    {
        QString thread; // what the thread does ("lab runner", "session B")
        QMutex mutex;
        QList<qint64> atUs;   // clock time of each wake-up
        QList<qint64> lateUs; // and how late it was
    };

    LabHeartbeat(LiveClock clock, std::shared_ptr<Log> log, QObject *parent = nullptr);

    void start();
    void stop();
    void rearm();

    // The wake-ups between fromUs and toUs (clock time) summarised.
    static LabSchedulingProbe summarize(Log &log, qint64 fromUs, qint64 toUs);

private:
    void beat();

    LiveClock m_clock;
    std::shared_ptr<Log> m_log;
    QTimer *m_timer = nullptr;
    qint64 m_dueUs = -1;
};

} // namespace ks
