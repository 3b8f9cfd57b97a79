#include "recordingcontroller.h"

#include "livecontroller.h"
#include "livesource.h"
#include "mainwindow.h"
#include "playbackcontroller.h"
#include "processlistmodel.h"
#include "recorder.h"
#include "recordingfile.h"
#include "recordingsource.h"
#include "sessiondetailspanel.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QThread>
#include <QUrl>

namespace ks {

namespace {
const QString kEnabledKey = QStringLiteral("recording/enabled");

QString shortPath(const QString &path)
{
    QString shown = QDir::toNativeSeparators(path);
    if (shown.startsWith(QDir::homePath() + u'/'))
        shown = u'~' + shown.mid(QDir::homePath().size());
    return shown;
}
} // namespace

RecordingController::RecordingController(MainWindow *window, LiveController *live)
    : QObject(window)
    , m_window(window)
    , m_live(live)
    , m_recorder(new Recorder(this))
{
    window->adoptController(this);
    setObjectName(QStringLiteral("recordingController"));
    m_openAction = new QAction(this);
    m_openAction->setObjectName(QStringLiteral("openRecordingAction"));
    m_openAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(m_openAction, &QAction::triggered, this, &RecordingController::showOpenDialog);
    // After File ▸ Open…, where a user looks for it.
    QMenu *file = window->fileMenu();
    QAction *before = nullptr;
    const QList<QAction *> actions = file->actions();
    for (int i = 0; i + 1 < actions.size(); ++i)
        if (actions[i]->objectName() == QStringLiteral("openAction"))
            before = actions[i + 1];
    file->insertAction(before, m_openAction);

    m_recordAction = new QAction(this);
    m_recordAction->setObjectName(QStringLiteral("recordAction"));
    m_recordAction->setCheckable(true);
    m_recordAction->setChecked(isRecordingEnabled());
    connect(m_recordAction, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(kEnabledKey, on);
        if (on && m_live->source())
            startRecording(m_live->source());
        else if (!on)
            m_recorder->stop();
        retranslateUi();
        updateStatus();
    });
    m_showFileAction = new QAction(this);
    m_showFileAction->setObjectName(QStringLiteral("showRecordingsAction"));
    connect(m_showFileAction, &QAction::triggered, this, [this] {
        const QString dir = m_recorder->path().isEmpty()
                                ? Recorder::defaultDirectory()
                                : QFileInfo(m_recorder->path()).absolutePath();
        QDir().mkpath(dir);
        QDesktopServices::openUrl(QUrl::fromLocalFile(dir));
    });
    QMenu *liveMenu = live->menu();
    liveMenu->addSeparator();
    liveMenu->addAction(m_recordAction);
    liveMenu->addAction(m_showFileAction);

    m_status = new QLabel(window);
    m_status->setObjectName(QStringLiteral("recordingStatus"));
    m_status->hide();
    window->statusBar()->addPermanentWidget(m_status);

    connect(live, &LiveController::liveStarted, this, &RecordingController::onLiveStarted);
    connect(live, &LiveController::liveStopped, this, &RecordingController::onLiveStopped);
    connect(m_recorder, &Recorder::progress, this, &RecordingController::updateStatus);
    connect(m_recorder, &Recorder::failed, this, [this](const QString &message) {
        m_lastError = message;
        m_window->statusBar()->showMessage(message, 15000);
        updateStatus();
    });
    // The session details pane reads a recording as it reads a live server: the row chosen in
    // the processlist (a lane picked selects its row), refreshed at the playhead.
    connect(window->processlistView()->selectionModel(), &QItemSelectionModel::selectionChanged,
            this, &RecordingController::showSelectedSession);
    connect(window->playback(), &PlaybackController::positionChanged, this,
            &RecordingController::refreshDetails);
    window->installEventFilter(this);
    retranslateUi();
}

bool RecordingController::isShown() const
{
    return m_source && m_window->source() == m_source;
}

void RecordingController::showSelectedSession()
{
    if (!isShown())
        return;
    const QModelIndexList rows = m_window->processlistView()->selectionModel()->selectedRows();
    const auto *proxy =
        qobject_cast<const QAbstractProxyModel *>(m_window->processlistView()->model());
    if (rows.isEmpty() || !proxy)
        return;
    const int row = proxy->mapToSource(rows.constFirst()).row();
    if (row < 0 || row >= m_window->processlistModel()->rowCount())
        return;
    m_live->detailsPanel()->setSession(m_window->processlistModel()->rowAt(row));
    refreshDetails();
}

void RecordingController::refreshDetails()
{
    if (!isShown())
        return;
    // The kills asked for up to the playhead: the pane tells what had happened by then.
    const qint64 at = m_window->playback()->position();
    QList<KillRecord> kills;
    for (const KillRecord &k : m_source->kills())
        if (k.requestedUs <= at)
            kills << k;
    m_live->detailsPanel()->refresh(m_window->processlistModel()->rows(), kills,
                                    m_source->wallClockOriginMs());
}

RecordingController::~RecordingController()
{
    m_recorder->stop();
    if (m_source && m_window->source() == m_source)
        m_window->setSource(nullptr);
}

RecordingSource *RecordingController::source() const
{
    return m_source;
}

bool RecordingController::isRecordingEnabled() const
{
    return QSettings().value(kEnabledKey, true).toBool();
}

void RecordingController::setRecordingEnabled(bool on)
{
    m_recordAction->setChecked(on);
}

void RecordingController::retranslateUi()
{
    m_openAction->setText(tr("Open &recording…"));
    m_openAction->setToolTip(tr("Replay a recorded live session in this window."));
    const QString path = m_recorder->isRecording() ? m_recorder->path() : QString();
    m_recordAction->setText(path.isEmpty() ? tr("&Record live sessions")
                                           : tr("&Record live sessions (%1)").arg(shortPath(path)));
    m_recordAction->setToolTip(
        tr("Writes every sample, the server's identity and KillScope's kills to a file that "
           "File ▸ Open recording replays. Files are in %1.")
            .arg(shortPath(Recorder::defaultDirectory())));
    m_showFileAction->setText(tr("Show recordings &folder"));
    updateStatus();
}

bool RecordingController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslateUi();
    return QObject::eventFilter(watched, event);
}

void RecordingController::updateStatus()
{
    if (m_recorder->isRecording()) {
        m_status->setText(
            tr("● Recording: %n sample(s), %1", nullptr, int(m_recorder->samplesWritten()))
                .arg(QLocale().formattedDataSize(m_recorder->bytes(), 1,
                                                 QLocale::DataSizeTraditionalFormat)));
        m_status->setToolTip(m_recorder->path());
        m_status->show();
    } else if (!m_lastError.isEmpty() && m_live->source()) {
        m_status->setText(tr("Not recording"));
        m_status->setToolTip(m_lastError);
        m_status->show();
    } else {
        m_status->hide();
    }
}

void RecordingController::startRecording(LiveSource *source)
{
    m_lastError.clear();
    QString path = m_nextPath;
    m_nextPath.clear();
    if (path.isEmpty())
        path = Recorder::defaultPath(); // the writer makes the folder, on its thread
    m_recorder->start(source, path);
    retranslateUi();
}

void RecordingController::onLiveStarted(LiveSource *source)
{
    // A recording shown gives way to the live session.
    if (m_source && m_window->source() != m_source) {
        m_source->deleteLater();
        m_source = nullptr;
    }
    if (m_recordAction->isChecked() || !m_nextPath.isEmpty())
        startRecording(source);
}

void RecordingController::onLiveStopped()
{
    m_recorder->stop();
    retranslateUi();
}

void RecordingController::showOpenDialog()
{
    const QString path =
        QFileDialog::getOpenFileName(m_window, tr("Open recording"), Recorder::defaultDirectory(),
                                     tr("KillScope recordings (*.ksrec);;All files (*)"));
    if (path.isEmpty())
        return;
    if (m_live->source()) {
        const auto answer = QMessageBox::question(
            m_window, tr("Open recording"),
            tr("Replaying a recording ends the live session with %1 (its own recording is kept). "
               "Continue?")
                .arg(m_live->source()->settings().describe()));
        if (answer != QMessageBox::Yes)
            return;
    }
    openRecording(path);
}

void RecordingController::openRecording(const QString &path)
{
    if (m_loading)
        return;
    m_loading = true;
    m_window->statusBar()->showMessage(tr("Reading %1…").arg(shortPath(path)));
    auto result = std::make_shared<std::pair<Recording, QString>>();
    QThread *thread = QThread::create([path, result] {
        Recording rec;
        QString error;
        if (RecordingFile::load(path, &rec, &error))
            result->first = std::move(rec);
        else
            result->second = error;
    });
    thread->setObjectName(QStringLiteral("ks-recording-reader"));
    connect(thread, &QThread::finished, this, [this, thread, result, path] {
        thread->deleteLater();
        m_loading = false;
        if (!result->second.isEmpty()) {
            m_lastError = result->second;
            m_window->statusBar()->showMessage(m_lastError, 15000);
            if (QGuiApplication::platformName() != QStringLiteral("offscreen"))
                QMessageBox::warning(
                    m_window, tr("Open recording"),
                    tr("KillScope cannot replay this file.\n\n%1").arg(m_lastError));
            Q_EMIT failed(m_lastError);
            return;
        }
        m_lastError.clear();
        if (m_live->source())
            m_live->disconnectFromServer();
        RecordingSource *old = m_source;
        m_source = new RecordingSource(std::move(result->first), this);
        m_window->setSource(m_source);
        m_live->detailsPanel()->clearSession();
        if (old)
            old->deleteLater();
        const Recording &r = m_source->recording();
        m_window->statusBar()->showMessage(
            r.warning.isEmpty()
                ? tr("Replaying %1: %2, %n sample(s).", nullptr, int(r.samples.size()))
                      .arg(shortPath(path), r.endpoint())
                : r.warning,
            r.warning.isEmpty() ? 8000 : 30000);
        Q_EMIT opened(m_source);
    });
    thread->start();
}

} // namespace ks
