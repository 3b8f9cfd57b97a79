#pragma once

#include "commandline.h" // DefaultSlideSize

#include <QFont>
#include <QSize>
#include <QString>

class QPainter;

namespace ks {

class RecordingSource;

class SimulationSource;
class Timeline;

// A slide of a timeline for lectures and reports: a title, the swimlanes (optionally cut at the
// playhead), a legend of what the picture shows, and the narration as a caption with modelling
// caveats as a footnote. One painter for every picture: `--png`, File ▸ Export (PNG and SVG),
// so a slide from the window and one from a script are the same picture.
//
// Invariants: the layout depends only on the picture's size and content (rows and type from
// stagelayout for that size), and slides use one light theme whatever the desktop's palette,
// so the same scenario, time, language and size give the same pixels everywhere.
struct TimelinePicture
{
    const Timeline *timeline = nullptr;
    qint64 t0 = 0;
    qint64 t1 = -1;       // < t0: the whole timeline
    qint64 playhead = -1; // -1: none
    bool cutAtPlayhead = false;
    QString title;    // drawn above the axis when set
    QString caption;  // drawn in a band at the bottom when set
    QString footnote; // a caveat of the caption, small, under it (the caption carries a mark)
    bool legend = true;
    QString fontFamily; // empty: the application's
};

// The slide of a simulated run at `atUs` (clamped to the run): its title with flavor and time,
// the narration's caption and caveat in the current language. What `--png` writes.
TimelinePicture simulationSlide(const SimulationSource &source, qint64 atUs, bool caption = true);

// The slide of a recording at `atUs` (its own clock, clamped to the recording): the server and
// the wall-clock time in the title, the sessions and kills at that moment in the caption.
TimelinePicture recordingSlide(const RecordingSource &source, qint64 atUs, bool caption = true);

// Paints the picture into [0, 0, size).
void paintTimelinePicture(QPainter &painter, QSize size, const TimelinePicture &picture);

bool writeTimelinePng(const TimelinePicture &picture, QSize size, const QString &path,
                      QString *error = nullptr);
bool writeTimelineSvg(const TimelinePicture &picture, QSize size, const QString &path,
                      QString *error = nullptr);
// UTF-8 text (CSV, JSON), written atomically.
bool writeTextFile(const QString &path, const QString &text, QString *error = nullptr);

} // namespace ks
