#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

class QThread;

namespace ks {

class LiveSource;
class RecordingWriter;

// Records a LiveSource to a file while it runs: every sample as the source ingested it, the
// server's identity at each (re)connect, and KillScope's own actions (each kill at each new
// phase, its audit verdict). The file's format is resources/recording-schema.sql.
//
// Invariants: the writing happens on a thread of its own (RecordingWriter); this object, on the
// GUI thread, only forwards copies of what the source already has, so recording never slows
// sampling or the window. One file per start(); stop() closes it after everything queued is
// written (bounded wait). An error stops the recording and is reported once (failed()); the live
// session goes on.
class Recorder : public QObject
{
    Q_OBJECT
public:
    explicit Recorder(QObject *parent = nullptr);
    ~Recorder() override;

    // $XDG_DATA_HOME/KillScope/recordings/live-YYYYMMDD-HHMMSS.ksrec
    static QString defaultPath();
    static QString defaultDirectory();

    // Starts recording `source` (running or about to run) to `path`. Returns at once; the file
    // is opened on the writer thread (failed() if it cannot be).
    void start(LiveSource *source, const QString &path, qint64 maxBytes = -1,
               int keyframeEvery = -1);
    // Closes the file after every queued sample and action is written. Waits at most timeoutMs.
    bool stop(int timeoutMs = 10000);

    bool isRecording() const;
    QString path() const { return m_path; }
    QString error() const { return m_error; }
    quint64 samplesWritten() const { return m_samples; }
    qint64 bytes() const { return m_bytes; }
    // The file was created (a start() whose open failed leaves nothing behind).
    bool wasOpened() const { return m_opened; }

Q_SIGNALS:
    void failed(const QString &message);
    void progress(quint64 samples, qint64 bytes);
    void stopped();

private:
    void onServer();
    void onSample();
    void onKill(int serial);

    QPointer<LiveSource> m_source;
    QThread *m_thread = nullptr;
    QPointer<RecordingWriter> m_writer;
    QString m_path;
    QString m_error;
    bool m_failed = false;
    quint64 m_samples = 0;
    qint64 m_bytes = 0;
    QJsonObject m_lastServer; // the server row written last (a repeat is not written)
    bool m_opened = false;
    QHash<int, int> m_phaseWritten;  // kill serial → phase last written
    QHash<int, bool> m_auditWritten; // kill serial → verdict written
};

} // namespace ks
