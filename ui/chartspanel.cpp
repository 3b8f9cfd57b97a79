#include "chartspanel.h"

#include "language.h"
#include "shorttext.h"
#include "theme.h"
#include "timeformat.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QEvent>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>

namespace ks {

namespace {

QChartView *makeView(QWidget *parent, const QString &name)
{
    auto *view = new QChartView(parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(220, 150);
    return view;
}

QChart *freshChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    QFont f = chart->titleFont();
    f.setPointSizeF(std::max(8.0, f.pointSizeF() * 0.95));
    f.setBold(true);
    chart->setTitleFont(f);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QFont lf = chart->legend()->font();
    lf.setPointSizeF(std::max(7.0, lf.pointSizeF() * 0.8));
    chart->legend()->setFont(lf);
    chart->setAnimationOptions(QChart::NoAnimation);
    // Axis and bar labels with the language's separators: 624,576, not 624576.
    chart->setLocalizeNumbers(true);
    chart->setLocale(QLocale());
    return chart;
}

// A value axis on round ticks (a 1-2-5 interval from 0), with a unit in its title.
QValueAxis *roundAxis(double lo, double hi, int maxTicks, double minInterval, const QString &title)
{
    const NiceAxis n = niceAxis(lo, hi, maxTicks, minInterval);
    auto *axis = new QValueAxis;
    axis->setRange(n.min, n.max);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(n.interval);
    // "%.Nf", never "%d": Qt Charts 6.4 draws no labels at all for a localized "%d".
    axis->setLabelFormat(QStringLiteral("%.%1f").arg(n.decimals));
    axis->setTitleText(title);
    QFont f = axis->titleFont();
    f.setBold(false);
    f.setPointSizeF(std::max(7.0, f.pointSizeF() * 0.8));
    axis->setTitleFont(f);
    return axis;
}

QValueAxis *secondsAxis(qint64 t0, qint64 t1)
{
    return roundAxis(double(t0) / 1e6, double(t1) / 1e6, 5, 0.0,
                     ChartsPanel::tr("time (%1)").arg(TimeFormat::unitSymbol(TimeUnit::S)));
}

} // namespace

ChartsPanel::ChartsPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("chartsPanel"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_statesView = makeView(this, QStringLiteral("statesChart"));
    m_rollbackView = makeView(this, QStringLiteral("rollbackChart"));
    m_latencyView = makeView(this, QStringLiteral("latencyChart"));
    layout->addWidget(m_statesView, 2);
    layout->addWidget(m_rollbackView, 1);
    layout->addWidget(m_latencyView, 1);
    rebuild();
}

void ChartsPanel::setData(const ChartData &data)
{
    m_data = data;
    rebuild();
}

void ChartsPanel::setPlayhead(qint64 us)
{
    if (us == m_playheadUs)
        return;
    m_playheadUs = us;
    placePlayhead();
}

void ChartsPanel::placePlayhead()
{
    const auto place = [this](QLineSeries *line, double peak) {
        if (!line)
            return;
        const double x = double(m_playheadUs) / 1e6;
        line->setVisible(m_playheadUs >= 0);
        line->replace(QList<QPointF>{{x, 0.0}, {x, peak}});
        // Visibility changes bring the legend marker back.
        if (QChart *chart = line->chart())
            for (QLegendMarker *m : chart->legend()->markers(line))
                m->setVisible(false);
    };
    place(m_statesPlayhead, m_statesPeak);
    place(m_rollbackPlayhead, m_rollbackPeak);
}

namespace {
// QChartView releases, but does not delete, the chart it showed before.
void replaceChart(QChartView *view, QChart *chart)
{
    QChart *old = view->chart();
    view->setChart(chart);
    delete old;
}

// The playhead as a thin series attached to the chart's axes, kept out of the legend.
QLineSeries *addPlayheadSeries(QChart *chart, const QColor &color)
{
    auto *line = new QLineSeries;
    QPen pen(color);
    pen.setWidthF(1.5);
    line->setPen(pen);
    chart->addSeries(line);
    for (QLegendMarker *m : chart->legend()->markers(line))
        m->setVisible(false);
    return line;
}
} // namespace

void ChartsPanel::rebuild()
{
    m_statesPlayhead = nullptr;
    m_rollbackPlayhead = nullptr;
    const Theme theme(palette());

    // --- sessions by state: each state's area sits on the sum of the ones before it.
    QChart *states = freshChart(tr("Sessions by state"));
    if (!m_data.timesUs.isEmpty()) {
        QList<int> below(m_data.timesUs.size(), 0);
        int peak = 1;
        for (int s = 0; s < m_data.states.size(); ++s) {
            auto *lower = new QLineSeries;
            auto *upper = new QLineSeries;
            for (int i = 0; i < m_data.timesUs.size(); ++i) {
                const double x = double(m_data.timesUs[i]) / 1e6;
                lower->append(x, below[i]);
                below[i] += m_data.counts[s][i];
                upper->append(x, below[i]);
                peak = std::max(peak, below[i]);
            }
            auto *area = new QAreaSeries(upper, lower);
            area->setName(Theme::stateName(m_data.states[s]));
            const QColor c = theme.stateColor(m_data.states[s]);
            area->setColor(c);
            area->setBorderColor(c.darker(115));
            states->addSeries(area);
            // An area series does not own its two lines; once the chart owns the area
            // (addSeries reparents it), the lines go with it.
            upper->setParent(area);
            lower->setParent(area);
        }
        auto *x = secondsAxis(m_data.timesUs.first(), m_data.timesUs.last());
        auto *y = roundAxis(0, peak, 4, 1.0, tr("sessions"));
        m_statesPeak = y->max();
        m_statesPlayhead = addPlayheadSeries(states, theme.playhead());
        states->addAxis(x, Qt::AlignBottom);
        states->addAxis(y, Qt::AlignLeft);
        for (QAbstractSeries *s : states->series()) {
            s->attachAxis(x);
            s->attachAxis(y);
        }
    }
    replaceChart(m_statesView, states);

    // --- rollbacks: rows left over time, a dot at each end.
    QChart *rollbacks = freshChart(tr("Rows left to roll back"));
    if (!m_data.rollbacks.isEmpty()) {
        qint64 t0 = m_data.rollbacks.first().startUs, t1 = t0 + 1;
        qint64 maxRows = 1;
        const QString language = currentLanguage();
        for (const ChartData::Rollback &rb : m_data.rollbacks) {
            // The lane's own points (Timeline::rollbackPoints): the curve bends where the
            // lane's wedge bends.
            auto *line = new QLineSeries;
            const QString label = rb.labels.value(language, rb.label);
            line->setName(label);
            for (const auto &[t, rows] : rb.rows) {
                line->append(double(t) / 1e6, double(rows));
                maxRows = std::max(maxRows, rows);
            }
            t0 = std::min(t0, rb.startUs);
            t1 = std::max(t1, rb.endUs);
            rollbacks->addSeries(line);
            auto *end = new QScatterSeries;
            end->setName(tr("%1 ends at %2").arg(label, TimeFormat::seconds(rb.endUs)));
            end->setMarkerSize(7);
            end->append(double(rb.endUs) / 1e6, 0);
            end->setColor(line->color());
            rollbacks->addSeries(end);
            // The end dot explains itself on hover; the legend names the line only.
            for (QLegendMarker *m : rollbacks->legend()->markers(end))
                m->setVisible(false);
        }
        auto *x = secondsAxis(t0, t1);
        auto *y = roundAxis(0, double(maxRows), 5, 1.0, tr("rows"));
        m_rollbackPeak = y->max();
        m_rollbackPlayhead = addPlayheadSeries(rollbacks, theme.playhead());
        rollbacks->addAxis(x, Qt::AlignBottom);
        rollbacks->addAxis(y, Qt::AlignLeft);
        for (QAbstractSeries *s : rollbacks->series()) {
            s->attachAxis(x);
            s->attachAxis(y);
        }
    }
    replaceChart(m_rollbackView, rollbacks);

    // --- kill latency per kill: every kill gets a bar, a zero-latency or refused one a stub
    // (its value is in the label; the tooltip has the whole statement).
    QChart *latency = freshChart(tr("Kill latency"));
    if (!m_data.latencies.isEmpty()) {
        auto *set = new QBarSet(tr("KILL → gone"));
        set->setColor(theme.stateColor(SegmentState::RollingBack));
        QStringList labels;
        double maxS = 0;
        for (const ChartData::Latency &l : m_data.latencies)
            maxS = std::max(maxS, double(l.latencyUs) / 1e6);
        const NiceAxis axis = niceAxis(0, std::max(maxS, 1e-3), 3);
        const double stub = axis.max / 150;
        m_latencyTips.clear();
        for (const ChartData::Latency &l : m_data.latencies) {
            *set << std::max(double(l.latencyUs) / 1e6, stub);
            // Category labels are short or Qt Charts elides them: "KILL 11", not "KILL CONNE…".
            const QString name = shorttext::killLabelForms(l.label).value(1, l.label);
            QString label;
            if (l.refused)
                label = tr("%1: refused (ERROR %2)").arg(name).arg(l.serverError);
            else if (l.finished)
                label = tr("%1: %2").arg(name, TimeFormat::duration(l.latencyUs));
            else
                label = tr("%1: %2, still going").arg(name, TimeFormat::duration(l.latencyUs));
            // Two kills with the same text stay two bars.
            while (labels.contains(label))
                label += QChar(0x200b);
            labels << label;
            m_latencyTips << (l.refused
                                  ? tr("%1 — refused with ERROR %2").arg(l.label).arg(l.serverError)
                                  : tr("%1 — %2 from KILL to gone%3")
                                        .arg(l.label, TimeFormat::duration(l.latencyUs),
                                             l.finished ? QString() : tr(" (still going)")));
        }
        connect(set, &QBarSet::hovered, this, [this](bool status, int index) {
            if (status && index >= 0 && index < m_latencyTips.size())
                QToolTip::showText(QCursor::pos(), m_latencyTips[index], m_latencyView);
            else
                QToolTip::hideText();
        });
        auto *series = new QHorizontalBarSeries;
        series->append(set);
        latency->addSeries(series);
        auto *y = new QBarCategoryAxis;
        y->append(labels);
        QFont small = y->labelsFont();
        small.setPointSizeF(std::max(7.0, small.pointSizeF() * 0.85));
        y->setLabelsFont(small);
        auto *x = roundAxis(0, axis.max, 3, 0.0,
                            tr("KILL → gone (%1)").arg(TimeFormat::unitSymbol(TimeUnit::S)));
        latency->addAxis(y, Qt::AlignLeft);
        latency->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        series->attachAxis(y);
        latency->legend()->hide();
    }
    replaceChart(m_latencyView, latency);
    placePlayhead();
}

void ChartsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange)
        rebuild();
    QWidget::changeEvent(event);
}

} // namespace ks
