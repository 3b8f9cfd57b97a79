#include "auditlog.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ks {

AuditLog::AuditLog(QString path)
    : m_path(std::move(path))
{}

AuditLog::~AuditLog()
{
    {
        QMutexLocker lock(&m_mutex);
        m_quit = true;
        m_wake.wakeAll();
    }
    if (m_writer.joinable())
        m_writer.join(); // it writes what is still queued first
}

void AuditLog::post(QJsonObject entry)
{
    if (!entry.contains(QStringLiteral("time")))
        entry.insert(QStringLiteral("time"),
                     QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    QMutexLocker lock(&m_mutex);
    m_queue.push_back(std::move(entry));
    if (!m_writerRunning) {
        // The last writer left when it ran out of work; it has returned, so this join is instant.
        if (m_writer.joinable())
            m_writer.join();
        m_writerRunning = true;
        m_writer = std::thread([this] { writerLoop(); });
    }
    m_wake.wakeAll();
}

void AuditLog::writerLoop()
{
    QMutexLocker lock(&m_mutex);
    for (;;) {
        // Kills are rare: a writer with nothing to do for a second leaves, so destroying the log
        // (a disconnect, the end of a command) has no thread to wait for.
        if (m_queue.empty() && !m_quit)
            m_wake.wait(&m_mutex, QDeadlineTimer(1000));
        if (m_queue.empty()) {
            m_writerRunning = false;
            return; // idle, or asked to quit: everything is written
        }
        QJsonObject entry = std::move(m_queue.front());
        m_queue.pop_front();
        m_writing = true;
        lock.unlock();
        append(std::move(entry));
        lock.relock();
        m_writing = false;
        if (m_queue.empty())
            m_drained.wakeAll();
    }
}

bool AuditLog::flush(int timeoutMs)
{
    QMutexLocker lock(&m_mutex);
    QDeadlineTimer deadline(timeoutMs);
    while (!m_queue.empty() || m_writing) {
        if (!m_drained.wait(&m_mutex, deadline))
            return false;
    }
    return true;
}

QString AuditLog::defaultPath()
{
    const QString override = qEnvironmentVariable("KILLSCOPE_AUDIT_LOG");
    if (!override.isEmpty())
        return override;
    // The generic location, not AppDataLocation: that one appends organisation and application
    // name, both "KillScope", giving ~/.local/share/KillScope/KillScope.
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share");
    return dir + QStringLiteral("/KillScope/kills.log");
}

bool AuditLog::append(QJsonObject entry)
{
    if (!entry.contains(QStringLiteral("time")))
        entry.insert(QStringLiteral("time"),
                     QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    const QByteArray line = QJsonDocument(entry).toJson(QJsonDocument::Compact) + '\n';
    QMutexLocker fileLock(&m_fileMutex);
    auto setError = [this](const QString &e) {
        QMutexLocker lock(&m_mutex);
        m_lastError = e;
    };
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QFileInfo::exists(dir)) {
        QDir().mkpath(dir);
        ::chmod(QFile::encodeName(dir).constData(), 0700);
    }
    const QByteArray path = QFile::encodeName(m_path);
    const int fd = ::open(path.constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
                          S_IRUSR | S_IWUSR);
    if (fd < 0) {
        setError(
            QStringLiteral("%1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno))));
        return false;
    }
    struct stat st
    {
    };
    if (::fstat(fd, &st) == 0 && (st.st_mode & 077) != 0)
        ::fchmod(fd, S_IRUSR | S_IWUSR); // a file from an older version, or made by hand
    qsizetype done = 0;
    while (done < line.size()) {
        const ssize_t n = ::write(fd, line.constData() + done, size_t(line.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            setError(
                QStringLiteral("%1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno))));
            ::close(fd);
            return false;
        }
        done += n;
    }
    ::close(fd);
    return true;
}

QString AuditLog::lastError() const
{
    QMutexLocker lock(&m_mutex);
    return m_lastError;
}

} // namespace ks
