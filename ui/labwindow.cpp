#include "labwindow.h"

#include "labdiffmodel.h"
#include "labmode.h"
#include "labreport.h"
#include "language.h"
#include "swimlaneview.h"
#include "timelineviewport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace ks {

LabWindow::LabWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("labWindow"));
    m_viewport = new TimelineViewport(this);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    auto *top = new QHBoxLayout;
    m_header = new QLabel(central);
    m_header->setObjectName(QStringLiteral("labHeader"));
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    top->addWidget(m_header, 1);
    m_save = new QPushButton(central);
    m_save->setObjectName(QStringLiteral("labSaveReport"));
    m_cancel = new QPushButton(central);
    m_cancel->setObjectName(QStringLiteral("labCancel"));
    top->addWidget(m_save);
    top->addWidget(m_cancel);
    layout->addLayout(top);

    auto *splitter = new QSplitter(Qt::Vertical, central);
    m_view = new SwimlaneView(splitter);
    m_view->setObjectName(QStringLiteral("labSwimlanes"));
    m_view->setViewportController(m_viewport);
    m_view->setTimeline(&m_timeline);
    splitter->addWidget(m_view);

    m_tabs = new QTabWidget(splitter);
    auto *diffPage = new QWidget(m_tabs);
    auto *diffLayout = new QVBoxLayout(diffPage);
    diffLayout->setContentsMargins(0, 0, 0, 0);
    m_showOk = new QCheckBox(diffPage);
    m_showOk->setObjectName(QStringLiteral("labShowTimingOk"));
    diffLayout->addWidget(m_showOk);
    m_diffs = new LabDiffModel(this);
    m_diffView = new QTreeView(diffPage);
    m_diffView->setObjectName(QStringLiteral("labDifferences"));
    m_diffView->setModel(m_diffs);
    m_diffView->setAlternatingRowColors(true);
    m_diffView->setUniformRowHeights(true);
    m_diffView->header()->setStretchLastSection(true);
    diffLayout->addWidget(m_diffView);
    m_tabs->addTab(diffPage, QString());

    auto *linesPage = new QWidget(m_tabs);
    auto *linesLayout = new QVBoxLayout(linesPage);
    linesLayout->setContentsMargins(0, 0, 0, 0);
    m_session = new QComboBox(linesPage);
    m_session->setObjectName(QStringLiteral("labLinesSession"));
    linesLayout->addWidget(m_session);
    m_lines = new QTableWidget(linesPage);
    m_lines->setObjectName(QStringLiteral("labLines"));
    m_lines->setColumnCount(4);
    m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lines->verticalHeader()->hide();
    m_lines->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_lines->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    linesLayout->addWidget(m_lines);
    m_tabs->addTab(linesPage, QString());

    m_log = new QPlainTextEdit(m_tabs);
    m_log->setObjectName(QStringLiteral("labLog"));
    m_log->setReadOnly(true);
    m_tabs->addTab(m_log, QString());
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    connect(m_diffView, &QTreeView::clicked, this, &LabWindow::showDifference);
    connect(m_diffView, &QTreeView::activated, this, &LabWindow::showDifference);
    connect(m_showOk, &QCheckBox::toggled, this, [this](bool on) {
        m_diffs->setShowTimingOk(on);
        m_diffView->expandAll();
        for (int c = 0; c < LabDiffModel::ColumnCount - 1; ++c)
            m_diffView->resizeColumnToContents(c);
    });
    connect(m_session, &QComboBox::currentIndexChanged, this, &LabWindow::fillLines);
    connect(m_cancel, &QPushButton::clicked, this, &LabWindow::cancelRequested);
    connect(m_save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save lab report"),
                                                          m_scenarioId + QStringLiteral("-lab.md"),
                                                          tr("Markdown (*.md);;JSON (*.json)"));
        if (path.isEmpty())
            return;
        QString error;
        if (!saveReport(path, &error))
            QMessageBox::warning(this, tr("Save lab report"), error);
    });
    resize(1400, 900);
    retranslateUi();
}

LabWindow::~LabWindow() = default;

void LabWindow::setRunning(const QString &scenarioId)
{
    m_running = true;
    m_scenarioId = scenarioId;
    m_outcome.reset();
    m_progress.clear();
    m_timeline.clear();
    m_pairs.clear();
    m_view->timelineChanged();
    m_diffs->setComparison(LabComparison());
    m_session->clear();
    m_lines->setRowCount(0);
    m_log->clear();
    m_tabs->setCurrentWidget(m_log);
    updateHeader();
}

void LabWindow::appendProgress(const QString &message)
{
    m_progress << message;
    m_log->appendPlainText(message);
    updateHeader();
}

void LabWindow::setOutcome(std::shared_ptr<const LabOutcome> outcome)
{
    m_running = false;
    m_outcome = std::move(outcome);
    m_timeline.clear();
    m_pairs.clear();
    if (m_outcome && m_outcome->compared && m_outcome->simulation) {
        m_comparison = m_outcome->comparison;
        m_scenarioId = m_comparison.scenarioId;
        m_pairs = LabTimeline::build(*m_outcome->simulation, m_outcome->recording, m_comparison,
                                     m_timeline);
        m_diffs->setComparison(m_comparison);
        m_diffs->setLanguage(currentLanguage());
        m_diffView->expandAll();
        for (int c = 0; c < LabDiffModel::ColumnCount - 1; ++c)
            m_diffView->resizeColumnToContents(c);
        {
            const QSignalBlocker block(m_session);
            m_session->clear();
            for (const LabSessionComparison &s : m_comparison.sessions)
                m_session->addItem(s.name);
        }
        fillLines();
        m_log->appendPlainText(QString());
        for (const QString &n : m_comparison.notes)
            m_log->appendPlainText(n);
        m_tabs->setCurrentIndex(0);
        m_view->timelineChanged();
        m_viewport->setTraceRange(0, std::max<qint64>(1, m_comparison.untilUs));
        m_viewport->zoomToFit();
    } else {
        m_diffs->setComparison(LabComparison());
        m_view->timelineChanged();
        if (m_outcome)
            m_log->appendPlainText(m_outcome->error);
    }
    updateHeader();
}

void LabWindow::showDifference(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const qint64 t = index.data(LabDiffModel::TimeRole).toLongLong();
    const QString session = index.data(LabDiffModel::SessionRole).toString();
    m_viewport->setPlayhead(t);
    // Keep the moment in view, centred when it was outside.
    if (t < m_viewport->visibleStart() || t > m_viewport->visibleEnd()) {
        const qint64 span = m_viewport->visibleSpan();
        m_viewport->setVisibleRange(t - span / 2, t + span / 2);
    }
    for (const LabTimeline::Pair &p : std::as_const(m_pairs)) {
        if (p.session != session)
            continue;
        const int lane = !p.realLanes.isEmpty()  ? p.realLanes.constFirst()
                         : !p.simLanes.isEmpty() ? p.simLanes.constFirst()
                                                 : -1;
        if (lane >= 0)
            m_viewport->setSelectedSession(m_timeline.lane(lane).sessionId);
        const int i = m_session->findText(session);
        if (i >= 0)
            m_session->setCurrentIndex(i);
    }
}

bool LabWindow::saveReport(const QString &path, QString *error) const
{
    if (!m_outcome || !m_outcome->compared) {
        if (error)
            *error = tr("There is no finished lab run to save.");
        return false;
    }
    return LabReport::write(path, m_comparison, m_outcome->recording, error);
}

void LabWindow::fillLines()
{
    m_lines->setRowCount(0);
    if (!m_outcome || !m_outcome->compared)
        return;
    const int i = m_session->currentIndex();
    if (i < 0 || i >= m_comparison.sessions.size())
        return;
    const LabSessionComparison &s = m_comparison.sessions[i];
    const qsizetype n = std::max(s.simLines.size(), s.realLines.size());
    m_lines->setRowCount(int(n));
    auto cell = [this](int row, int col, const QString &text) {
        m_lines->setItem(row, col, new QTableWidgetItem(text));
    };
    for (qsizetype r = 0; r < n; ++r) {
        if (r < s.simLines.size()) {
            cell(int(r), 0, QStringLiteral("%1").arg(double(s.simLines[r].tUs) / 1e6, 0, 'f', 3));
            cell(int(r), 1, s.simLines[r].text);
        }
        if (r < s.realLines.size()) {
            cell(int(r), 2, QStringLiteral("%1").arg(double(s.realLines[r].tUs) / 1e6, 0, 'f', 3));
            cell(int(r), 3, s.realLines[r].text);
        }
    }
}

void LabWindow::updateHeader()
{
    QString text;
    if (m_running) {
        text = tr("<b>Running %1 on the server…</b> %2")
                   .arg(m_scenarioId.toHtmlEscaped(),
                        m_progress.isEmpty() ? QString() : m_progress.constLast().toHtmlEscaped());
    } else if (m_outcome && m_outcome->compared) {
        const LabComparison &c = m_comparison;
        const int n = c.undeclaredCount();
        const QString verdict =
            n == 0
                ? tr("<span style='color:#2a7a2a'>no undeclared differences</span>")
                : tr("<span style='color:#b02020'>%n undeclared difference(s)</span>", nullptr, n);
        text = tr("<b>%1</b> on %2 (lab scale %3): %4 — %5 timing check(s) within tolerance (±%6 % "
                  "+ %7 ms)")
                   .arg(c.scenarioId.toHtmlEscaped(), c.server.toHtmlEscaped())
                   .arg(c.scale)
                   .arg(verdict)
                   .arg(c.count(LabDiff::Class::TimingOk))
                   .arg(c.tolerance.relative * 100, 0, 'f', 1)
                   .arg(double(c.tolerance.absoluteUs) / 1000, 0, 'f', 1);
        // Its own figure, so a reader sees why the client-side tolerance is what it is.
        text += QStringLiteral("<br>") +
                tr("Scheduling lateness during the run: %1 ms (included in the %2 ms).")
                    .arg(double(c.tolerance.schedulingUs) / 1000, 0, 'f', 1)
                    .arg(double(c.tolerance.absoluteUs) / 1000, 0, 'f', 1);
        text += QStringLiteral("<br>") + tr("Each session: simulation above, server below.");
    } else if (m_outcome) {
        text = tr("<b>The lab run did not finish:</b> %1").arg(m_outcome->error.toHtmlEscaped());
    } else {
        text = tr("No lab run yet.");
    }
    m_header->setText(text);
    m_cancel->setVisible(m_running);
    m_save->setEnabled(m_outcome && m_outcome->compared);
    setWindowTitle(m_scenarioId.isEmpty() ? tr("KillScope lab")
                                          : tr("KillScope lab — %1").arg(m_scenarioId));
}

void LabWindow::retranslateUi()
{
    m_save->setText(tr("Save report…"));
    m_cancel->setText(tr("Cancel"));
    m_showOk->setText(tr("Also show the timing checks within tolerance"));
    m_tabs->setTabText(0, tr("Differences"));
    m_tabs->setTabText(1, tr("Client lines"));
    m_tabs->setTabText(2, tr("Log"));
    m_lines->setHorizontalHeaderLabels({tr("t (s)"), tr("Simulation"), tr("t (s)"), tr("Server")});
    m_diffs->setLanguage(currentLanguage());
    // What the comparison says (its differences' sentences) and the lanes' captions ("A ·
    // simulation") are in the language of their making: made again in the new one.
    if (m_outcome && m_outcome->compared && m_outcome->simulation && m_outcome->plan) {
        m_comparison =
            LabComparison::compare(*m_outcome->plan, *m_outcome->simulation, m_outcome->recording);
        for (const QString &n : m_outcome->calibrationNotes)
            m_comparison.notes << LabMode::tr("Calibration: %1").arg(n);
        m_diffs->setComparison(m_comparison);
        m_diffView->expandAll();
        // The new language's texts have their own widths (zh_CN's full-width brackets).
        for (int c = 0; c < LabDiffModel::ColumnCount - 1; ++c)
            m_diffView->resizeColumnToContents(c);
        m_pairs = LabTimeline::build(*m_outcome->simulation, m_outcome->recording, m_comparison,
                                     m_timeline);
        m_view->timelineChanged();
        fillLines();
    }
    updateHeader();
}

void LabWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

} // namespace ks
