#include "headlesspng.h"

#include "exporter.h"
#include "simulationsource.h"

#include <QCoreApplication>
#include <QFont>
#include <QGuiApplication>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ks {

qint64 parseTimeUs(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?)\\s*(s|ms|us|µs)?\\s*$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return -1;
    const double value = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    double us = value;
    if (unit == u"s")
        us = value * 1e6;
    else if (unit == u"ms")
        us = value * 1e3;
    return qint64(std::llround(us));
}

QSize parseSize(const QString &text)
{
    const QStringList parts = text.toLower().split(QLatin1Char('x'));
    if (parts.size() != 2)
        return {};
    bool okW = false, okH = false;
    const int w = parts[0].trimmed().toInt(&okW);
    const int h = parts[1].trimmed().toInt(&okH);
    if (!okW || !okH || w < 200 || h < 150 || w > 16384 || h > 16384)
        return {};
    return {w, h};
}

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
    const QString scenario = request.scenario.isEmpty() ? SimulationSource::defaultScenarioId()
                                                        : request.scenario;
    if (!source.load(scenario, request.flavor))
        return fail(problem);
    source.waitForRun();
    // The one slide painter: File ▸ Export in the window makes the same picture.
    const TimelinePicture pic = simulationSlide(source, request.atUs, request.caption);
    QString error;
    if (!writeTimelinePng(pic, request.size, request.output, &error))
        return fail(error);
    return 0;
}

} // namespace ks
