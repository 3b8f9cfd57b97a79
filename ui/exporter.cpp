#include "exporter.h"

#include "killtracker.h"
#include "knobspanel.h"
#include "language.h"
#include "legendwidget.h"
#include "narrationmodel.h"
#include "recordingsource.h"
#include "simulationsource.h"
#include "stagelayout.h"
#include "swimlanerenderer.h"
#include "theme.h"
#include "timeformat.h"
#include "timeline.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTextLayout>
#include <algorithm>
#include <cmath>

namespace ks {

namespace {

// Slides are light whatever the desktop: projectors wash dark pictures out, and the same
// scenario must give the same picture from the window and from a script.
Theme slideTheme()
{
    QPalette p;
    p.setColor(QPalette::Base, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Window, QColor(0xf4, 0xf5, 0xf7));
    p.setColor(QPalette::Text, QColor(0x1d, 0x21, 0x27));
    p.setColor(QPalette::WindowText, QColor(0x1d, 0x21, 0x27));
    p.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    return Theme(p);
}

QFont pixelFont(const TimelinePicture &pic, int px, bool bold = false)
{
    QFont f = QGuiApplication::font();
    if (!pic.fontFamily.isEmpty())
        f.setFamily(pic.fontFamily);
    f.setPixelSize(std::max(6, px));
    f.setBold(bold);
    return f;
}

struct Layout
{
    QRect title;
    QRect timeline;
    QRect legend;
    QRect caption;
    QFont titleFont;
    QFont legendFont;
    QFont captionFont;
    QFont footnoteFont;
    QList<LegendWidget::Item> legendItems;
    int pad = 12;
};

int wrappedHeight(const QFont &font, const QString &text, int width)
{
    if (text.isEmpty())
        return 0;
    return QFontMetrics(font)
        .boundingRect(QRect(0, 0, std::max(1, width), 100000), Qt::TextWordWrap, text)
        .height();
}

Layout layoutFor(QSize size, const TimelinePicture &pic)
{
    Layout l;
    const int base = stagelayout::baseFontPx(size.height());
    l.pad = std::max(8, base / 2);
    l.titleFont = pixelFont(pic, int(std::lround(base * 1.1)), true);
    l.legendFont = pixelFont(pic, int(std::lround(base * 0.6)));
    l.captionFont = pixelFont(pic, int(std::lround(base * 1.05)));
    l.footnoteFont = pixelFont(pic, int(std::lround(base * 0.55)));
    int top = 0;
    if (!pic.title.isEmpty()) {
        const int h = QFontMetrics(l.titleFont).height() + l.pad;
        l.title = QRect(0, 0, size.width(), h);
        top = h;
    }
    int bottom = size.height();
    if (!pic.caption.isEmpty() || !pic.footnote.isEmpty()) {
        const int w = size.width() - 2 * l.pad;
        int h = wrappedHeight(l.captionFont, pic.caption, w) + 2 * l.pad;
        if (!pic.footnote.isEmpty())
            h += wrappedHeight(l.footnoteFont, pic.footnote, w) + l.pad / 2;
        h = std::min(h, size.height() / 3);
        l.caption = QRect(0, size.height() - h, size.width(), h);
        bottom = l.caption.top();
    }
    if (pic.legend && pic.timeline) {
        l.legendItems = LegendWidget::legendItems(pic.timeline);
        int h = 0;
        LegendWidget::layoutLegend(l.legendItems, l.legendFont, size.width() - 2 * l.pad, &h);
        h = std::min(h, std::max(0, (bottom - top) / 4));
        l.legend = QRect(l.pad, bottom - h, size.width() - 2 * l.pad, h);
        bottom = l.legend.top();
    }
    l.timeline = QRect(0, top, size.width(), std::max(0, bottom - top));
    return l;
}

} // namespace

TimelinePicture simulationSlide(const SimulationSource &source, qint64 atUs, bool caption)
{
    const qint64 at = atUs < 0 ? source.endTime() : std::min(atUs, source.endTime());
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
    pic.title = QCoreApplication::translate("ks::HeadlessPng", "%1 — %2 — t = %3")
                    .arg(source.scenarioTitle(currentLanguage()),
                         KnobsPanel::flavorName(source.flavorId()), TimeFormat::seconds(at));
    if (caption) {
        // A modelling caveat is a footnote with a mark on the caption, never the caption itself.
        pic.caption = narration.captionText();
        pic.footnote = narration.caveatText();
        if (!pic.footnote.isEmpty()) {
            pic.caption += QStringLiteral(" *");
            pic.footnote = QStringLiteral("* ") + pic.footnote;
        }
    }
    return pic;
}

TimelinePicture recordingSlide(const RecordingSource &source, qint64 atUs, bool caption)
{
    const Recording &r = source.recording();
    const qint64 at = std::clamp(atUs < 0 ? r.endUs() : atUs, r.beginUs(), r.endUs());
    TimelinePicture pic;
    pic.timeline = &source.timeline();
    pic.t0 = r.beginUs();
    pic.t1 = std::max(r.endUs(), r.beginUs() + 1);
    pic.playhead = at;
    pic.cutAtPlayhead = false;
    const QString wall =
        QDateTime::fromMSecsSinceEpoch(r.epochMsAt(at)).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    pic.title = QCoreApplication::translate("ks::HeadlessPng", "Recording of %1 (%2) — %3")
                    .arg(r.endpoint(), r.server().displayName(), wall);
    if (caption) {
        const int sessions = int(source.processlistAt(at).size());
        QStringList kills;
        for (const KillRecord &k : r.kills) {
            if (k.requestedUs >= 0 && k.requestedUs <= at)
                kills << QStringLiteral("%1 (%2)").arg(k.statement, KillTracker::phaseText(k));
        }
        pic.caption =
            kills.isEmpty()
                ? QCoreApplication::translate("ks::HeadlessPng", "%n session(s) at %1.", nullptr,
                                              sessions)
                      .arg(wall)
                : QCoreApplication::translate("ks::HeadlessPng", "%n session(s) at %1; kills: %2.",
                                              nullptr, sessions)
                      .arg(wall, kills.join(QStringLiteral("; ")));
    }
    return pic;
}

void paintTimelinePicture(QPainter &p, QSize size, const TimelinePicture &pic)
{
    const Theme theme = slideTheme();
    p.fillRect(QRect(QPoint(0, 0), size), theme.background());
    const Layout l = layoutFor(size, pic);

    if (!l.title.isEmpty()) {
        p.setFont(l.titleFont);
        p.setPen(theme.text());
        const QString title =
            QFontMetrics(l.titleFont)
                .elidedText(pic.title, Qt::ElideRight, l.title.width() - 2 * l.pad);
        p.drawText(l.title.adjusted(l.pad, 0, -l.pad, 0), Qt::AlignVCenter | Qt::AlignLeft, title);
    }

    if (pic.timeline && !l.timeline.isEmpty()) {
        SwimlaneRenderer r;
        r.setTheme(theme);
        r.setTimeline(pic.timeline);
        const QFont family = pixelFont(pic, 12);
        r.fitToStage(l.timeline.size(), size.height(), family);
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

    if (!l.legend.isEmpty()) {
        p.save();
        p.setClipRect(l.legend);
        LegendWidget::paintLegend(p, l.legend, l.legendItems, l.legendFont, theme);
        p.restore();
    }

    if (!l.caption.isEmpty()) {
        p.fillRect(l.caption, QColor(0x20, 0x24, 0x2b));
        p.setPen(QColor(0xf5, 0xf5, 0xf5));
        const QRect inner = l.caption.adjusted(l.pad, l.pad, -l.pad, -l.pad);
        const int footH =
            pic.footnote.isEmpty()
                ? 0
                : wrappedHeight(l.footnoteFont, pic.footnote, inner.width()) + l.pad / 2;
        p.setFont(l.captionFont);
        p.drawText(inner.adjusted(0, 0, 0, -footH), Qt::TextWordWrap | Qt::AlignVCenter,
                   pic.caption);
        if (footH > 0) {
            p.setFont(l.footnoteFont);
            p.setPen(QColor(0xb8, 0xbe, 0xc6));
            p.drawText(QRect(inner.left(), inner.bottom() - footH + 1, inner.width(), footH),
                       Qt::TextWordWrap | Qt::AlignBottom, pic.footnote);
        }
    }
}

bool writeTimelinePng(const TimelinePicture &picture, QSize size, const QString &path,
                      QString *error)
{
    // Opaque, like the view's lanes: the same blends, the same pixels.
    QImage image(size, QImage::Format_RGB32);
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
