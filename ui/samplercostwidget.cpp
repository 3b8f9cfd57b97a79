#include "samplercostwidget.h"

#include <QLocale>

namespace ks {

SamplerCostWidget::SamplerCostWidget(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("samplerCost"));
    refresh();
}

void SamplerCostWidget::setCost(const SamplerCost &cost, qint64 ingestCpuUs)
{
    m_cost = cost;
    m_ingestUs = ingestCpuUs;
    m_hasCost = true;
    refresh();
}

void SamplerCostWidget::setIntervalMs(int ms)
{
    m_intervalMs = ms;
    refresh();
}

void SamplerCostWidget::setPaused(bool paused)
{
    m_paused = paused;
    refresh();
}

void SamplerCostWidget::refresh()
{
    const QLocale loc;
    const QString every = m_paused ? tr("sampling paused")
                                   : tr("every %1 s").arg(loc.toString(m_intervalMs / 1000.0, 'g', 3));
    if (!m_hasCost) {
        setText(tr("Sampler: %1").arg(every));
        return;
    }
    setText(tr("Sample %1 ms · %2 rows · CPU %3 ms · %4")
                .arg(loc.toString(m_cost.roundTripUs / 1000.0, 'f', 1))
                .arg(loc.toString(m_cost.rows))
                .arg(loc.toString((m_cost.clientCpuUs + m_ingestUs) / 1000.0, 'f', 1))
                .arg(every));
    setToolTip(tr("Last sample: %1 queries, round trip %2 ms, %3 rows read.\n"
                  "Client CPU: %4 ms on the sampler thread (query and parse), %5 ms on the GUI "
                  "thread (diff into the timeline).")
                   .arg(m_cost.queries)
                   .arg(loc.toString(m_cost.roundTripUs / 1000.0, 'f', 2))
                   .arg(loc.toString(m_cost.rows))
                   .arg(loc.toString(m_cost.clientCpuUs / 1000.0, 'f', 2))
                   .arg(loc.toString(m_ingestUs / 1000.0, 'f', 2)));
}

} // namespace ks
