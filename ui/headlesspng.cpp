#include "headlesspng.h"

#include "exporter.h"
#include "knobspanel.h"
#include "language.h"
#include "narrationmodel.h"
#include "simulationsource.h"
#include "swimlanerenderer.h"

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
    SimulationSource source;
    QString problem;
    QObject::connect(&source, &SessionSource::problem, &source,
                     [&problem](const QString &m) { problem = m; });
    const QString scenario =
        request.scenario.isEmpty() ? SimulationSource::defaultScenarioId() : request.scenario;
    if (!source.load(scenario, request.flavor))
        return fail(problem);
    source.waitForRun();
    const qint64 at =
        request.atUs < 0 ? source.endTime() : std::min(request.atUs, source.endTime());

    NarrationModel narration;
    narration.setLanguage(currentLanguage());
    narration.setSteps(source.narration());
    narration.setPlayhead(at);

    TimelinePicture pic;
    pic.timeline = &source.timeline();
    pic.t0 = 0;
    pic.t1 = std::max<qint64>(source.endTime(), 1);
    pic.playhead = at;
    pic.cutAtPlayhead = true;
    pic.title =
        QCoreApplication::translate("ks::HeadlessPng", "%1 — %2 — t = %3 s")
            .arg(source.scenarioTitle(currentLanguage()), KnobsPanel::flavorName(source.flavorId()),
                 QString::number(double(at) / 1e6, 'f', 3));
    if (request.caption)
        pic.caption = narration.currentText();
    pic.font = QGuiApplication::font();
    // A slide with few sessions should not be mostly empty: grow type and rows to fill about
    // three quarters of the picture, up to twice the screen size.
    const int natural = timelinePictureHeight(pic);
    if (natural > 0) {
        const double scale = std::clamp(request.size.height() * 0.75 / natural, 1.0, 2.0);
        pic.font.setPointSizeF(pic.font.pointSizeF() * scale);
        pic.threadRowHeight = int(pic.threadRowHeight * scale);
        pic.clientRowHeight = int(pic.clientRowHeight * scale);
        pic.labelWidth = int(SwimlaneRenderer().labelWidth() * scale);
    }
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
