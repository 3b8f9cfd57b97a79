#include "recorder.h"

#include "killscope.h"
#include "livesource.h"
#include "recordingformat.h"
#include "recordingwriter.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QThread>

namespace ks {

Recorder::Recorder(QObject *parent)
    : QObject(parent)
{}

Recorder::~Recorder()
{
    stop();
}

QString Recorder::defaultDirectory()
{
    QString base = qEnvironmentVariable("XDG_DATA_HOME");
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/KillScope/recordings");
}

QString Recorder::defaultPath()
{
    return defaultDirectory() +
           QStringLiteral("/live-%1.ksrec")
               .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
}

void Recorder::start(LiveSource *source, const QString &path, qint64 maxBytes, int keyframeEvery)
{
    stop();
    m_source = source;
    m_path = path;
    m_error.clear();
    m_failed = false;
    m_samples = 0;
    m_bytes = 0;
    m_phaseWritten.clear();
    m_auditWritten.clear();
    m_lastServer = {};
    m_opened = false;

    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("ks-recorder"));
    auto *writer = new RecordingWriter;
    writer->moveToThread(m_thread);
    m_writer = writer;
    connect(m_thread, &QThread::finished, writer, &QObject::deleteLater);
    connect(writer, &RecordingWriter::failed, this, [this](const QString &message) {
        m_failed = true;
        m_error = message;
        Q_EMIT failed(message);
    });
    connect(writer, &RecordingWriter::opened, this, [this] { m_opened = true; });
    connect(writer, &RecordingWriter::written, this, [this](quint64 samples, qint64 bytes) {
        m_samples = samples;
        m_bytes = bytes;
        Q_EMIT progress(samples, bytes);
    });
    m_thread->start();

    QJsonObject meta;
    meta.insert(QStringLiteral("killscope_version"), version());
    meta.insert(QStringLiteral("clock_origin_epoch_ms"),
                QString::number(source->clock().originEpochMs));
    meta.insert(QStringLiteral("interval_ms"), QString::number(source->intervalMs()));
    QMetaObject::invokeMethod(
        writer, "open", Qt::QueuedConnection, Q_ARG(QString, path), Q_ARG(QJsonObject, meta),
        Q_ARG(qint64, maxBytes > 0 ? maxBytes : RecordingFormat::DefaultMaxBytes),
        Q_ARG(int, keyframeEvery > 0 ? keyframeEvery : RecordingFormat::DefaultKeyframeEvery));
    connect(source, &LiveSource::serverDetected, this, &Recorder::onServer);
    connect(source, &LiveSource::sampleIngested, this, &Recorder::onSample);
    connect(source, &SessionSource::killUpdated, this, &Recorder::onKill);
    connect(source, &QObject::destroyed, this, [this] { stop(); });
    if (source->status() == LiveSource::Status::Connected ||
        source->status() == LiveSource::Status::Reconnecting)
        onServer();
    // Kills made before the recording began are part of what the replay shows.
    for (const KillRecord &k : source->kills())
        onKill(k.serial);
}

void Recorder::onServer()
{
    if (!m_source || !m_writer)
        return;
    const QJsonObject info = RecordingFormat::serverToJson(
        m_source->serverInfo(), m_source->settings(), m_source->isReadOnly());
    // The status change and the detection of one connect both land here: one row per connect.
    if (info == m_lastServer)
        return;
    m_lastServer = info;
    const LiveClock clock = m_source->clock();
    const qint64 now = clock.nowUs();
    QMetaObject::invokeMethod(m_writer, "writeServer", Qt::QueuedConnection, Q_ARG(qint64, now),
                              Q_ARG(qint64, clock.epochMsAt(now)), Q_ARG(QJsonObject, info));
}

void Recorder::onSample()
{
    if (!m_source || !m_writer)
        return;
    const LiveSample &s = m_source->lastIngested();
    QMetaObject::invokeMethod(m_writer, "writeSample", Qt::QueuedConnection,
                              Q_ARG(ks::LiveSample, s),
                              Q_ARG(qint64, m_source->clock().epochMsAt(s.takenUs)));
}

void Recorder::onKill(int serial)
{
    if (!m_source || !m_writer)
        return;
    const QList<KillRecord> kills = m_source->kills();
    for (const KillRecord &k : kills) {
        if (k.serial != serial)
            continue;
        const LiveClock clock = m_source->clock();
        const qint64 at = k.endedUs >= 0      ? k.endedUs
                          : k.flagSeenUs >= 0 ? k.flagSeenUs
                          : k.answeredUs >= 0 ? k.answeredUs
                                              : k.requestedUs;
        if (m_phaseWritten.value(serial, -1) != int(k.phase)) {
            m_phaseWritten.insert(serial, int(k.phase));
            QMetaObject::invokeMethod(m_writer, "writeAction", Qt::QueuedConnection,
                                      Q_ARG(qint64, at), Q_ARG(qint64, clock.epochMsAt(at)),
                                      Q_ARG(QString, QStringLiteral("kill")), Q_ARG(int, serial),
                                      Q_ARG(QString, QLatin1String(killPhaseKey(k.phase))),
                                      Q_ARG(QJsonObject, RecordingFormat::killToJson(k)));
        }
        const QString verdict = m_source->attemptVerdict(serial);
        if (!verdict.isEmpty() && !m_auditWritten.value(serial)) {
            m_auditWritten.insert(serial, true);
            QJsonObject data;
            data.insert(QStringLiteral("verdict"), verdict);
            data.insert(QStringLiteral("auditLog"), m_source->auditLogPath());
            QMetaObject::invokeMethod(m_writer, "writeAction", Qt::QueuedConnection,
                                      Q_ARG(qint64, at), Q_ARG(qint64, clock.epochMsAt(at)),
                                      Q_ARG(QString, QStringLiteral("audit")), Q_ARG(int, serial),
                                      Q_ARG(QString, QString()), Q_ARG(QJsonObject, data));
        }
        return;
    }
}

bool Recorder::isRecording() const
{
    return m_source && !m_failed;
}

bool Recorder::stop(int timeoutMs)
{
    if (m_source)
        m_source->disconnect(this);
    m_source = nullptr;
    if (!m_thread)
        return true;
    if (m_writer)
        QMetaObject::invokeMethod(m_writer, "close", Qt::QueuedConnection);
    m_thread->quit(); // after the queued writes and the close
    const bool done = m_thread->wait(timeoutMs);
    if (done) {
        delete m_thread;
    } else {
        // A stuck disk: let the thread end on its own rather than freeze the window.
        m_thread->setParent(nullptr);
        connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    }
    m_thread = nullptr;
    m_writer = nullptr;
    Q_EMIT stopped();
    return done;
}

} // namespace ks
