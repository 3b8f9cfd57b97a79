#include "recordingwriter.h"

#include "recorder.h"
#include "recordingformat.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace ks {

namespace {

// What an existing file at the path is: absent or empty (fine to create), a KillScope recording
// (fine to replace), or something else (refused).
enum class Existing
{
    None,
    Recording,
    Other
};

Existing existingFile(const QString &path, QString *what)
{
    QFileInfo fi(path);
    if (!fi.exists())
        return Existing::None;
    if (!fi.isFile()) {
        *what = RecordingWriter::tr("it is not a regular file");
        return Existing::Other;
    }
    if (fi.size() == 0)
        return Existing::None;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *what = f.errorString();
        return Existing::Other;
    }
    const QByteArray head = f.read(100);
    // SQLite's header: the magic string, and the application id at offset 68 (big-endian).
    if (head.size() < 100 || !head.startsWith(QByteArrayLiteral("SQLite format 3\0"))) {
        *what = RecordingWriter::tr("it is not a KillScope recording");
        return Existing::Other;
    }
    const quint32 app = (quint32(quint8(head[68])) << 24) | (quint32(quint8(head[69])) << 16) |
                        (quint32(quint8(head[70])) << 8) | quint32(quint8(head[71]));
    if (app != quint32(RecordingFormat::ApplicationId)) {
        *what = RecordingWriter::tr("it is an SQLite database of another program");
        return Existing::Other;
    }
    return Existing::Recording;
}

} // namespace

RecordingWriter::RecordingWriter(QObject *parent)
    : QObject(parent)
    , m_connectionName(QStringLiteral("ks-recording-writer-%1")
                           .arg(QUuid::createUuid().toString(QUuid::WithoutBraces)))
{}

RecordingWriter::~RecordingWriter()
{
    close();
}

bool RecordingWriter::exec(const QString &sql, QString *error)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql)) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    return true;
}

bool RecordingWriter::fail(const QString &message)
{
    if (m_failed)
        return false;
    m_failed = true;
    m_error = message;
    Q_EMIT failed(message);
    return false;
}

bool RecordingWriter::openFile(const QString &path, const QJsonObject &meta, qint64 maxBytes,
                               int keyframeEvery, QString *error)
{
    close();
    m_failed = false;
    m_error.clear();
    const auto bad = [&](const QString &why) {
        m_error = tr("Cannot record to %1: %2").arg(path, why);
        if (error)
            *error = m_error;
        return false;
    };
    QString what;
    switch (existingFile(path, &what)) {
    case Existing::Other:
        return bad(tr("the file exists and %1; KillScope does not overwrite it.").arg(what));
    case Existing::Recording:
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
        break;
    case Existing::None:
        break;
    }
    if (const QFileInfo fi(path);
        fi.absolutePath() == Recorder::defaultDirectory() && !fi.absoluteDir().exists()) {
        // KillScope's own folder of recordings: made on first use, for its user only.
        if (!QDir().mkpath(fi.absolutePath()))
            return bad(tr("cannot create the folder %1").arg(fi.absolutePath()));
        QFile::setPermissions(fi.absolutePath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                     QFileDevice::ExeOwner);
    }
    {
        // Created 0600 before SQLite opens it: statement texts may hold secrets.
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate,
                    QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return bad(f.errorString());
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    if (!m_db.open()) {
        const QString why = m_db.lastError().text();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        return bad(why);
    }
    QString why;
    // auto_vacuum must be set before the first table exists.
    for (const QString &sql : {QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL"),
                               QStringLiteral("PRAGMA journal_mode = WAL"),
                               QStringLiteral("PRAGMA synchronous = NORMAL")}) {
        if (!exec(sql, &why))
            return close(), bad(why);
    }
    const QStringList schema = RecordingFormat::schemaStatements();
    if (schema.isEmpty())
        return close(), bad(tr("the schema is missing from the program's resources"));
    m_db.transaction();
    for (const QString &sql : schema) {
        if (!exec(sql, &why)) {
            m_db.rollback();
            return close(), bad(why);
        }
    }
    QJsonObject all = meta;
    all.insert(QStringLiteral("format"), QLatin1String(RecordingFormat::formatName()));
    all.insert(QStringLiteral("format_version"), QString::number(RecordingFormat::Version));
    all.insert(QStringLiteral("keyframe_every"), QString::number(keyframeEvery));
    all.insert(QStringLiteral("max_bytes"), QString::number(maxBytes));
    if (!all.contains(QStringLiteral("created_epoch_ms")))
        all.insert(QStringLiteral("created_epoch_ms"),
                   QString::number(QDateTime::currentMSecsSinceEpoch()));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"));
    for (auto it = all.begin(); it != all.end(); ++it) {
        q.addBindValue(it.key());
        q.addBindValue(it.value().isString() ? it.value().toString()
                                             : QString::number(it.value().toDouble(), 'f', 0));
        if (!q.exec()) {
            why = q.lastError().text();
            m_db.rollback();
            return close(), bad(why);
        }
    }
    if (!m_db.commit())
        return close(), bad(m_db.lastError().text());
    // The header (application id, format version) goes into the main file now, so even a
    // recording cut off before its first checkpoint says what it is.
    exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), nullptr);
    m_path = path;
    m_maxBytes = qMax(maxBytes, RecordingFormat::MinMaxBytes);
    m_keyframeEvery = qMax(1, keyframeEvery);
    m_codec.reset();
    m_forceKeyframe = true;
    m_sinceKeyframe = 0;
    m_serial = 0;
    m_samplesWritten = 0;
    m_samplesTrimmed = 0;
    m_open = true;
    return true;
}

void RecordingWriter::open(const QString &path, const QJsonObject &meta, qint64 maxBytes,
                           int keyframeEvery)
{
    QString error;
    if (openFile(path, meta, maxBytes, keyframeEvery, &error))
        Q_EMIT opened(path);
    else
        fail(error);
}

void RecordingWriter::writeServer(qint64 atUs, qint64 epochMs, const QJsonObject &info)
{
    if (!m_open || m_failed)
        return;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO server (at_us, epoch_ms, endpoint, flavor, version, "
                             "info) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(atUs);
    q.addBindValue(epochMs);
    q.addBindValue(info.value(QStringLiteral("endpoint")).toString());
    q.addBindValue(info.value(QStringLiteral("flavor")).toString());
    q.addBindValue(info.value(QStringLiteral("version")).toString());
    q.addBindValue(QString::fromUtf8(QJsonDocument(info).toJson(QJsonDocument::Compact)));
    if (!q.exec()) {
        fail(tr("Recording stopped: %1").arg(q.lastError().text()));
        return;
    }
    // Rows after a (re)connect may belong to a new server life: start from a whole sample.
    m_forceKeyframe = true;
}

void RecordingWriter::writeSample(const LiveSample &sample, qint64 epochMs)
{
    if (!m_open || m_failed)
        return;
    const bool keyframe = m_forceKeyframe || m_sinceKeyframe + 1 >= m_keyframeEvery;
    const QByteArray payload = SampleCodec::compress(m_codec.encode(sample, keyframe));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO samples (serial, taken_us, started_us, epoch_ms, "
                             "keyframe, row_count, payload) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(m_serial + 1);
    q.addBindValue(sample.takenUs);
    q.addBindValue(sample.startedUs >= 0 ? sample.startedUs : sample.takenUs);
    q.addBindValue(epochMs);
    q.addBindValue(keyframe ? 1 : 0);
    q.addBindValue(qint64(sample.rows.size()));
    q.addBindValue(payload);
    if (!q.exec()) {
        fail(tr("Recording stopped: %1").arg(q.lastError().text()));
        return;
    }
    ++m_serial;
    ++m_samplesWritten;
    m_forceKeyframe = false;
    m_sinceKeyframe = keyframe ? 0 : m_sinceKeyframe + 1;
    trimIfNeeded();
    Q_EMIT written(m_samplesWritten, usedBytes());
}

void RecordingWriter::writeAction(qint64 atUs, qint64 epochMs, const QString &kind, int killSerial,
                                  const QString &phase, const QJsonObject &data)
{
    if (!m_open || m_failed)
        return;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO actions (at_us, epoch_ms, kind, kill_serial, phase, "
                             "data) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(atUs);
    q.addBindValue(epochMs);
    q.addBindValue(kind);
    q.addBindValue(killSerial > 0 ? QVariant(killSerial) : QVariant());
    q.addBindValue(phase.isEmpty() ? QVariant() : QVariant(phase));
    q.addBindValue(QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)));
    if (!q.exec())
        fail(tr("Recording stopped: %1").arg(q.lastError().text()));
}

qint64 RecordingWriter::usedBytes()
{
    if (!m_open)
        return 0;
    QSqlQuery q(m_db);
    qint64 pages = 0, free = 0, size = 0;
    if (q.exec(QStringLiteral("PRAGMA page_count")) && q.next())
        pages = q.value(0).toLongLong();
    if (q.exec(QStringLiteral("PRAGMA freelist_count")) && q.next())
        free = q.value(0).toLongLong();
    if (q.exec(QStringLiteral("PRAGMA page_size")) && q.next())
        size = q.value(0).toLongLong();
    return (pages - free) * size;
}

void RecordingWriter::trimIfNeeded()
{
    if (usedBytes() <= m_maxBytes)
        return;
    // Down to 90 % of the cap, so trimming runs now and then, not at every sample.
    const qint64 goal = m_maxBytes / 10 * 9;
    bool trimmed = false;
    while (usedBytes() > goal) {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT MIN(serial) FROM samples WHERE keyframe = 1 AND "
                                   "serial > (SELECT MIN(serial) FROM samples)")) ||
            !q.next() || q.value(0).isNull()) {
            // One group only: the next sample starts a new one, which makes the old one
            // removable.
            m_forceKeyframe = true;
            break;
        }
        const qint64 keep = q.value(0).toLongLong();
        qint64 keepUs = 0;
        q.prepare(QStringLiteral("SELECT taken_us FROM samples WHERE serial = ?"));
        q.addBindValue(keep);
        if (q.exec() && q.next())
            keepUs = q.value(0).toLongLong();
        m_db.transaction();
        QSqlQuery del(m_db);
        del.prepare(QStringLiteral("DELETE FROM samples WHERE serial < ?"));
        del.addBindValue(keep);
        bool ok = del.exec();
        m_samplesTrimmed += quint64(qMax(0, del.numRowsAffected()));
        del.prepare(QStringLiteral("DELETE FROM actions WHERE at_us < ?"));
        del.addBindValue(keepUs);
        ok = ok && del.exec();
        del.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES "
                                   "('trimmed_before_us', ?)"));
        del.addBindValue(QString::number(keepUs));
        ok = ok && del.exec();
        if (!ok || !m_db.commit()) {
            m_db.rollback();
            fail(tr("Recording stopped: trimming failed: %1").arg(del.lastError().text()));
            return;
        }
        trimmed = true;
    }
    if (trimmed)
        exec(QStringLiteral("PRAGMA incremental_vacuum"), nullptr);
}

void RecordingWriter::close()
{
    if (m_db.isValid()) {
        if (m_db.isOpen()) {
            // Fold the WAL into the file, so a finished recording is one file.
            exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), nullptr);
            m_db.close();
        }
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    if (m_open) {
        m_open = false;
        Q_EMIT closed();
    }
}

} // namespace ks
