#pragma once

#include "chartdata.h"

#include <QWidget>

class QChart;
class QChartView;
class QLineSeries;

namespace ks {

// Three small summary charts of a run: sessions by state over time (stacked areas), rows left
// to undo during each rollback, and kill latency (KILL issued → thread gone) per kill.
//
// Invariants: axes tick on round values (niceAxis) and name their unit; numbers carry the
// language's separators; the rollback curves are the lanes' own points; every kill has a
// visible bar, a zero-latency or refused one included.
class ChartsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChartsPanel(QWidget *parent = nullptr);

    void setData(const ChartData &data);
    // A vertical line at the playhead in the time charts; -1 hides it.
    void setPlayhead(qint64 us);
    const ChartData &data() const { return m_data; }

    QChartView *statesView() const { return m_statesView; }
    QChartView *rollbackView() const { return m_rollbackView; }
    QChartView *latencyView() const { return m_latencyView; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    void placePlayhead();

    ChartData m_data;
    qint64 m_playheadUs = -1;
    QLineSeries *m_statesPlayhead = nullptr;
    QLineSeries *m_rollbackPlayhead = nullptr;
    double m_statesPeak = 1;
    double m_rollbackPeak = 1;
    QChartView *m_statesView = nullptr;
    QChartView *m_rollbackView = nullptr;
    QChartView *m_latencyView = nullptr;
    QStringList m_latencyTips; // per latency bar: the whole statement and its outcome
};

} // namespace ks
