#pragma once

#include <QFont>
#include <QSize>
#include <QString>

class QPainter;

namespace ks {

class Timeline;

// A picture of a timeline for slides and reports: what the swimlane view shows, optionally cut
// at the playhead and with the narration as a caption under it. Painted through the same
// SwimlaneRenderer as the view, so PNG and SVG look like the screen.
struct TimelinePicture
{
    const Timeline *timeline = nullptr;
    qint64 t0 = 0;
    qint64 t1 = -1;        // < t0: the whole timeline
    qint64 playhead = -1;  // -1: none
    bool cutAtPlayhead = false;
    QString title;         // drawn above the axis when set
    QString caption;       // drawn in a band at the bottom when set
    QFont font;
    int threadRowHeight = 30;
    int clientRowHeight = 20;
    int labelWidth = 0; // 0: the renderer's default
};

// Paints the picture into [0, 0, size).
void paintTimelinePicture(QPainter &painter, QSize size, const TimelinePicture &picture);
// The height the picture needs for all its rows at this width (for exports that fit the content).
int timelinePictureHeight(const TimelinePicture &picture);

bool writeTimelinePng(const TimelinePicture &picture, QSize size, const QString &path,
                      QString *error = nullptr);
bool writeTimelineSvg(const TimelinePicture &picture, QSize size, const QString &path,
                      QString *error = nullptr);
// UTF-8 text (CSV, JSON), written atomically.
bool writeTextFile(const QString &path, const QString &text, QString *error = nullptr);

} // namespace ks
