#include "exporter.h"

#include "swimlanerenderer.h"
#include "theme.h"
#include "timeline.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>

namespace ks {

namespace {

struct Layout
{
    QRect title;
    QRect timeline;
    QRect caption;
};

QFont captionFont(const TimelinePicture &pic)
{
    QFont f = pic.font;
    f.setPointSizeF(f.pointSizeF() > 0 ? f.pointSizeF() * 1.35 : 14);
    return f;
}

Layout layoutFor(QSize size, const TimelinePicture &pic)
{
    Layout l;
    int top = 0;
    if (!pic.title.isEmpty()) {
        QFont f = pic.font;
        f.setBold(true);
        f.setPointSizeF(f.pointSizeF() > 0 ? f.pointSizeF() * 1.3 : 13);
        const int h = QFontMetrics(f).height() + 12;
        l.title = QRect(0, 0, size.width(), h);
        top = h;
    }
    int bottom = size.height();
    if (!pic.caption.isEmpty()) {
        const QFontMetrics fm(captionFont(pic));
        const QRect r = fm.boundingRect(QRect(0, 0, size.width() - 32, 10000),
                                        Qt::TextWordWrap, pic.caption);
        const int h = std::min(r.height() + 24, size.height() / 3);
        l.caption = QRect(0, size.height() - h, size.width(), h);
        bottom = l.caption.top();
    }
    l.timeline = QRect(0, top, size.width(), std::max(0, bottom - top));
    return l;
}

SwimlaneRenderer makeRenderer(const TimelinePicture &pic, const Theme &theme)
{
    SwimlaneRenderer r;
    r.setTimeline(pic.timeline);
    r.setTheme(theme);
    r.setFont(pic.font);
    r.setRowHeights(pic.threadRowHeight, pic.clientRowHeight);
    if (pic.labelWidth > 0)
        r.setLabelWidth(pic.labelWidth);
    r.updateLayout(true);
    return r;
}

} // namespace

int timelinePictureHeight(const TimelinePicture &picture)
{
    if (!picture.timeline)
        return 0;
    const SwimlaneRenderer r = makeRenderer(picture, Theme());
    return r.axisHeight() + r.totalHeight();
}

void paintTimelinePicture(QPainter &p, QSize size, const TimelinePicture &pic)
{
    const Theme theme(QGuiApplication::palette());
    p.fillRect(QRect(QPoint(0, 0), size), theme.background());
    const Layout l = layoutFor(size, pic);

    if (!l.title.isEmpty()) {
        QFont f = pic.font;
        f.setBold(true);
        f.setPointSizeF(f.pointSizeF() > 0 ? f.pointSizeF() * 1.3 : 13);
        p.setFont(f);
        p.setPen(theme.text());
        p.drawText(l.title.adjusted(12, 0, -12, 0), Qt::AlignVCenter | Qt::AlignLeft, pic.title);
    }

    if (pic.timeline && !l.timeline.isEmpty()) {
        SwimlaneRenderer r = makeRenderer(pic, theme);
        qint64 t0 = pic.t0, t1 = pic.t1;
        if (t1 <= t0) {
            t0 = std::min<qint64>(0, pic.timeline->beginTime());
            t1 = std::max(pic.timeline->endTime(), t0 + 1);
        }
        SwimlaneRenderer::Frame frame;
        frame.width = std::max(1, l.timeline.width() - r.labelWidth());
        frame.height = std::max(1, l.timeline.height() - r.axisHeight());
        frame.t0 = double(t0);
        frame.usPerPx = double(t1 - t0) / double(frame.width);
        if (pic.cutAtPlayhead && pic.playhead >= 0)
            frame.cutoff = pic.playhead;
        p.save();
        p.translate(l.timeline.topLeft());
        p.setClipRect(QRect(QPoint(0, 0), l.timeline.size()));
        r.paintAll(p, l.timeline.size(), frame, pic.playhead);
        p.restore();
    }

    if (!l.caption.isEmpty()) {
        QColor band = theme.text();
        band.setAlpha(235);
        p.fillRect(l.caption, band);
        p.setPen(theme.background());
        p.setFont(captionFont(pic));
        p.drawText(l.caption.adjusted(16, 12, -16, -12), Qt::TextWordWrap | Qt::AlignVCenter,
                   pic.caption);
    }
}

bool writeTimelinePng(const TimelinePicture &picture, QSize size, const QString &path,
                      QString *error)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::TextAntialiasing);
        paintTimelinePicture(p, size, picture);
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || !image.save(&f, "PNG") || !f.commit()) {
        if (error)
            *error = QCoreApplication::translate("ks::Exporter", "Cannot write %1: %2")
                         .arg(path, f.errorString());
        return false;
    }
    return true;
}

bool writeTimelineSvg(const TimelinePicture &picture, QSize size, const QString &path,
                      QString *error)
{
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(picture.title.isEmpty() ? QStringLiteral("KillScope") : picture.title);
    svg.setDescription(QCoreApplication::translate("ks::Exporter", "A KillScope timeline"));
    QPainter p;
    if (!p.begin(&svg)) {
        if (error)
            *error = QCoreApplication::translate("ks::Exporter", "Cannot write %1").arg(path);
        return false;
    }
    paintTimelinePicture(p, size, picture);
    p.end();
    if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0) {
        if (error)
            *error = QCoreApplication::translate("ks::Exporter", "Cannot write %1").arg(path);
        return false;
    }
    return true;
}

bool writeTextFile(const QString &path, const QString &text, QString *error)
{
    QSaveFile f(path);
    const QByteArray bytes = text.toUtf8();
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        if (error)
            *error = QCoreApplication::translate("ks::Exporter", "Cannot write %1: %2")
                         .arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace ks
