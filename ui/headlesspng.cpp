#include "headlesspng.h"

#include "exporter.h"
#include "recordingfile.h"
#include "recordingsource.h"
#include "simulationsource.h"
#include "timetext.h"

#include <QCoreApplication>
#include <QFont>
#include <QGuiApplication>
#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ks {

int runPngExport(const PngRequest &request)
{
    auto fail = [](const QString &message) {
        std::fprintf(stderr, "killscope: %s\n", message.toLocal8Bit().constData());
        return 1;
    };
    if (!request.recording.isEmpty()) {
        // A recording: --at counts from its first sample.
        Recording rec;
        QString error;
        if (!RecordingFile::load(request.recording, &rec, &error)) {
            std::fprintf(stderr, "killscope: %s\n", error.toLocal8Bit().constData());
            return 2;
        }
        if (!rec.warning.isEmpty())
            std::fprintf(stderr, "killscope: %s\n", rec.warning.toLocal8Bit().constData());
        const RecordingSource source(std::move(rec));
        const qint64 span = source.endUs() - source.beginUs();
        if (request.atUs > span) {
            std::fprintf(stderr, "killscope: %s\n",
                         QCoreApplication::translate("ks::HeadlessPng",
                                                     "--at %1: the recording lasts only %2.")
                             .arg(formatTimeUs(request.atUs), formatTimeUs(span))
                             .toLocal8Bit()
                             .constData());
            return 2;
        }
        const TimelinePicture pic = recordingSlide(
            source, request.atUs < 0 ? -1 : source.beginUs() + request.atUs, request.caption);
        if (!writeTimelinePng(pic, request.size, request.output, &error))
            return fail(error);
        return 0;
    }
    SimulationSource source;
    QString problem;
    QObject::connect(&source, &SessionSource::problem, &source,
                     [&problem](const QString &m) { problem = m; });
    const QString scenario =
        request.scenario.isEmpty() ? SimulationSource::defaultScenarioId() : request.scenario;
    if (!source.load(scenario, request.flavor))
        return fail(problem);
    source.waitForRun();
    // --kill-at / --set: the same injection path as the window's.
    QString why;
    if (!source.applyScripted(request.changes, &why)) {
        std::fprintf(stderr, "killscope: %s\n", why.toLocal8Bit().constData());
        return 2;
    }
    // The one slide painter: File ▸ Export in the window makes the same picture.
    const TimelinePicture pic = simulationSlide(source, request.atUs, request.caption);
    QString error;
    if (!writeTimelinePng(pic, request.size, request.output, &error))
        return fail(error);
    // The picture shows the run up to the engine's event cap; that it ends early is an error.
    if (source.runWasStopped()) {
        std::fprintf(stderr, "killscope: %s\n", problem.toLocal8Bit().constData());
        return 2;
    }
    return 0;
}

} // namespace ks
