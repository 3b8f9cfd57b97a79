#include "labcontroller.h"

#include "labmode.h"
#include "labrundialog.h"
#include "labwindow.h"
#include "mainwindow.h"
#include "optionfile.h"
#include "simulationsource.h"

#include <QAction>
#include <QEvent>
#include <QMenu>
#include <QMessageBox>
#include <QThread>

namespace ks {

LabController::LabController(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
    setObjectName(QStringLiteral("labController"));
    m_runAction = new QAction(this);
    m_runAction->setObjectName(QStringLiteral("labRunAction"));
    connect(m_runAction, &QAction::triggered, this, &LabController::showRunDialog);
    // Scenario ▸ Run on a server…, below the window's own scenario actions.
    window->scenarioMenu()->addSeparator();
    window->scenarioMenu()->addAction(m_runAction);
    window->installEventFilter(this);
    retranslateUi();
}

LabController::~LabController()
{
    // A run in flight must still remove what it created on the server.
    if (m_thread) {
        cancel();
        m_thread->wait();
    }
}

void LabController::retranslateUi()
{
    m_runAction->setText(tr("Run on a &server…"));
    m_runAction->setToolTip(tr(
        "Run this scenario on a real test server next to its simulation and list the differences"));
}

bool LabController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslateUi();
    if (watched == m_window && event->type() == QEvent::Close && m_thread) {
        cancel();
        m_thread->wait();
    }
    return QObject::eventFilter(watched, event);
}

void LabController::showRunDialog()
{
    if (m_thread) {
        if (m_labWindow) {
            m_labWindow->show();
            m_labWindow->raise();
        }
        return;
    }
    SimulationSource *sim = m_window->simulation();
    const QString scenario =
        sim->scenarioPath().isEmpty() ? sim->scenarioId() : sim->scenarioPath();
    QString id, error;
    double scale = 1.0;
    if (scenario.isEmpty() || !LabMode::describeScenario(scenario, &id, &scale, &error)) {
        QMessageBox::warning(m_window, tr("Run on a server"),
                             error.isEmpty() ? tr("Open a scenario first.") : error);
        return;
    }
    LabRunDialog dialog(id, scale, m_window);
    if (m_haveSettings) {
        dialog.setSettings(m_lastSettings);
    }
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_lastSettings = dialog.settings();
    m_haveSettings = true;
    LabOptions options;
    options.scenario = scenario;
    options.scale = dialog.scale();
    options.force = dialog.force();
    start(dialog.settings(), options);
}

void LabController::start(const ConnectionSettings &settings, const LabOptions &options)
{
    if (m_thread)
        return;
    QString id, error;
    if (!LabMode::describeScenario(options.scenario, &id, nullptr, &error)) {
        QMessageBox::warning(m_window, tr("Run on a server"), error);
        return;
    }
    if (!m_labWindow) {
        m_labWindow = new LabWindow(m_window);
        m_labWindow->setWindowFlag(Qt::Window);
        connect(m_labWindow, &LabWindow::cancelRequested, this, &LabController::cancel);
    }
    m_labWindow->setRunning(id);
    m_labWindow->show();
    m_labWindow->raise();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    QPointer<LabWindow> window = m_labWindow;
    std::shared_ptr<const std::atomic<bool>> cancel = m_cancel;
    m_thread = QThread::create([this, options, settings, window, cancel] {
        auto progress = [window](const QString &m) {
            QMetaObject::invokeMethod(
                qApp,
                [window, m] {
                    if (window)
                        window->appendProgress(m);
                },
                Qt::QueuedConnection);
        };
        auto outcome = std::make_shared<const LabOutcome>(
            LabMode::execute(options.scenario, options, settings, progress, cancel));
        QMetaObject::invokeMethod(
            this, [this, outcome] { onFinished(outcome); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("ks-lab"));
    m_thread->start();
}

void LabController::cancel()
{
    if (m_cancel)
        *m_cancel = true;
}

void LabController::onFinished(std::shared_ptr<const LabOutcome> outcome)
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    if (m_labWindow)
        m_labWindow->setOutcome(outcome);
    Q_EMIT finished();
}

} // namespace ks
