#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

namespace ks {

// `killscope --png FILE --at T [--size WxH] [--scenario ID|FILE] [--flavor F] [--lang L]`:
// runs a scenario and writes the swimlanes at time T as a PNG (for slides made by a script).
// Needs a QGuiApplication (offscreen is fine); returns the process exit code.
struct PngRequest
{
    QString output;
    QString scenario;
    QString flavor;
    qint64 atUs = -1; // -1: the end of the run
    QSize size{1600, 900}; // = DefaultSlideSize (exporter.h)
    bool caption = true;
};

// Times as the headless mode takes them: "1.5s", "200ms", "3000us", or bare microseconds.
// Returns -1 when the text is not a time.
qint64 parseTimeUs(const QString &text);
// "1600x900" → QSize; invalid on bad input.
QSize parseSize(const QString &text);

// Writes the PNG; on failure prints the reason to stderr and returns non-zero.
int runPngExport(const PngRequest &request);

} // namespace ks
