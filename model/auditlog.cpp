#include "auditlog.h"

#include <QDateTime>
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
    QMutexLocker lock(&m_mutex);
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QFileInfo::exists(dir)) {
        QDir().mkpath(dir);
        ::chmod(QFile::encodeName(dir).constData(), 0700);
    }
    const QByteArray path = QFile::encodeName(m_path);
    const int fd = ::open(path.constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
                          S_IRUSR | S_IWUSR);
    if (fd < 0) {
        m_lastError =
            QStringLiteral("%1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
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
            m_lastError =
                QStringLiteral("%1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
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
