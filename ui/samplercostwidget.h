#pragma once

#include "livesample.h"

#include <QLabel>

namespace ks {

// The status-bar readout of what live sampling costs: the round trip of the last sample, the
// rows it read, the client CPU for querying and for diffing into the timeline, and the interval.
//
// Invariants: display only; it never talks to the server. The text stays short; the tooltip
// carries the breakdown.
class SamplerCostWidget : public QLabel
{
    Q_OBJECT
public:
    explicit SamplerCostWidget(QWidget *parent = nullptr);

public Q_SLOTS:
    void setCost(const ks::SamplerCost &cost, qint64 ingestCpuUs);
    void setIntervalMs(int ms);
    void setPaused(bool paused);

private:
    void refresh();

    SamplerCost m_cost;
    qint64 m_ingestUs = 0;
    int m_intervalMs = 1000;
    bool m_paused = false;
    bool m_hasCost = false;
};

} // namespace ks
