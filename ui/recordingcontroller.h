#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QAction;
class QLabel;

namespace ks {

class LiveController;
class LiveSource;
class MainWindow;
class Recorder;
class RecordingSource;

// Recordings in the window: File ▸ Open recording… replays a file in the same window as a
// RecordingSource (read off the GUI thread, then shown through MainWindow::setSource), and
// Live ▸ Record this session writes every live session to a file (a setting, on by default;
// the file's path is in the menu and the status bar, as the audit log's is).
//
// Invariants: at most one RecordingSource shown, owned here; at most one Recorder, following the
// live source LiveController shows. Nothing here runs SQL or file I/O on the GUI thread: loading
// runs on a thread of its own, writing on the Recorder's. A file that cannot be read changes
// nothing shown and says what was wrong.
class RecordingController : public QObject
{
    Q_OBJECT
public:
    RecordingController(MainWindow *window, LiveController *live);
    ~RecordingController() override;

    RecordingSource *source() const;
    Recorder *recorder() const { return m_recorder; }
    QAction *openAction() const { return m_openAction; }
    QAction *recordAction() const { return m_recordAction; }
    QString lastError() const { return m_lastError; }
    // The file the next live session records to (empty: a new file in
    // Recorder::defaultDirectory()).
    void setNextRecordPath(const QString &path) { m_nextPath = path; }
    bool isRecordingEnabled() const;
    void setRecordingEnabled(bool on);

public Q_SLOTS:
    // Reads the file on a worker thread and shows it when done (opened() or failed()); a live
    // session shown ends first (its recording is closed and kept).
    void openRecording(const QString &path);
    void showOpenDialog();

Q_SIGNALS:
    void opened(ks::RecordingSource *source);
    void failed(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslateUi();
    void onLiveStarted(LiveSource *source);
    void onLiveStopped();
    void startRecording(LiveSource *source);
    void updateStatus();
    bool isShown() const;
    void showSelectedSession();
    void refreshDetails();

    MainWindow *m_window;
    LiveController *m_live;
    QPointer<RecordingSource> m_source;
    Recorder *m_recorder = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_recordAction = nullptr;
    QAction *m_showFileAction = nullptr;
    QLabel *m_status = nullptr;
    QString m_nextPath;
    QString m_lastError;
    bool m_loading = false;
};

} // namespace ks
