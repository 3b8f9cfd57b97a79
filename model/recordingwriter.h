#pragma once

#include "livesample.h"
#include "samplecodec.h"

#include <QJsonObject>
#include <QObject>
#include <QSqlDatabase>
#include <QString>

namespace ks {

// Writes one recording file (resources/recording-schema.sql) on the thread it lives on.
//
// Invariants:
// - Lives on a worker thread (Recorder moves it there); every SQL statement runs there, on its
//   own QSqlDatabase connection with a unique name, removed in close() on the same thread.
// - Every sample is committed in its own transaction (WAL, synchronous=NORMAL), so a killed
//   KillScope leaves a file that opens up to its last committed sample.
// - Sample serials count up by one from 1; the first sample, every keyframeEvery-th and the
//   first after a server row are keyframes.
// - Size cap: when the file's used pages exceed maxBytes, whole keyframe groups are deleted
//   oldest first (never the newest group) and the pages handed back (incremental vacuum). A
//   group is a keyframe and the changes that follow it, so the file still decodes from its
//   first row.
// - An existing file is replaced only when it is a KillScope recording (or empty); anything else
//   is refused, so a mistyped path never destroys another file. The file is mode 0600.
// - After the first error the writer stops writing and reports it once (failed()).
class RecordingWriter : public QObject
{
    Q_OBJECT
public:
    explicit RecordingWriter(QObject *parent = nullptr);
    ~RecordingWriter() override;

    // For tests and the headless recorder: used directly on the calling thread.
    bool openFile(const QString &path, const QJsonObject &meta, qint64 maxBytes, int keyframeEvery,
                  QString *error);
    bool isOpen() const { return m_open; }
    QString lastError() const { return m_error; }
    quint64 samplesWritten() const { return m_samplesWritten; }
    quint64 samplesTrimmed() const { return m_samplesTrimmed; }
    // Bytes of the pages in use (what the cap is held to).
    qint64 usedBytes();

public Q_SLOTS:
    void open(const QString &path, const QJsonObject &meta, qint64 maxBytes, int keyframeEvery);
    void writeServer(qint64 atUs, qint64 epochMs, const QJsonObject &info);
    void writeSample(const ks::LiveSample &sample, qint64 epochMs);
    void writeAction(qint64 atUs, qint64 epochMs, const QString &kind, int killSerial,
                     const QString &phase, const QJsonObject &data);
    void close();

Q_SIGNALS:
    void opened(const QString &path);
    void failed(const QString &message);
    void written(quint64 samples, qint64 bytes);
    void closed();

private:
    bool exec(const QString &sql, QString *error);
    bool fail(const QString &message);
    void trimIfNeeded();

    QString m_connectionName;
    QSqlDatabase m_db;
    QString m_path;
    SampleCodec m_codec;
    bool m_open = false;
    bool m_failed = false;
    QString m_error;
    qint64 m_maxBytes = 0;
    int m_keyframeEvery = 60;
    int m_sinceKeyframe = 0;
    bool m_forceKeyframe = true;
    qint64 m_serial = 0;
    quint64 m_samplesWritten = 0;
    quint64 m_samplesTrimmed = 0;
    qint64 m_bytesSinceCheck = 0;
};

} // namespace ks
