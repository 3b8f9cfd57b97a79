#include "smallfile.h"

#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ks {

namespace {

QString kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return SmallFile::tr("a directory");
    if (S_ISFIFO(mode))
        return SmallFile::tr("a fifo");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return SmallFile::tr("a device");
    if (S_ISSOCK(mode))
        return SmallFile::tr("a socket");
    return SmallFile::tr("not a plain file");
}

} // namespace

QString SmallFile::kind() const
{
    return kindOf(mode_t(mode));
}

SmallFile SmallFile::read(const QString &path, qint64 maxBytes)
{
    SmallFile f;
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        const int e = errno;
        f.status = (e == ENOENT || e == ENOTDIR) ? Status::Missing : Status::Unreadable;
        f.error = QString::fromLocal8Bit(std::strerror(e));
        return f;
    }
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0) {
        f.status = Status::Unreadable;
        f.error = QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
        return f;
    }
    f.device = quint64(st.st_dev);
    f.inode = quint64(st.st_ino);
    f.mode = quint32(st.st_mode);
    if (!S_ISREG(st.st_mode)) {
        f.status = Status::NotRegular;
        f.error = tr("%1, not a regular file").arg(kindOf(st.st_mode));
        ::close(fd);
        return f;
    }
    if (st.st_size > maxBytes) {
        f.status = Status::TooLarge;
        f.size = qint64(st.st_size);
        f.error = tr("%1 bytes, more than the %2 allowed").arg(qint64(st.st_size)).arg(maxBytes);
        ::close(fd);
        return f;
    }
    // The size may change while reading; never take more than the limit.
    QByteArray data;
    data.resize(qsizetype(st.st_size) + 1);
    qint64 got = 0;
    for (;;) {
        if (got == data.size()) {
            if (got > maxBytes)
                break;
            data.resize(qsizetype(qMin<qint64>(maxBytes + 1, got * 2 + 1)));
        }
        const ssize_t n = ::read(fd, data.data() + got, size_t(data.size() - got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            f.status = Status::Unreadable;
            f.error = QString::fromLocal8Bit(std::strerror(errno));
            ::close(fd);
            return f;
        }
        if (n == 0)
            break;
        got += n;
    }
    ::close(fd);
    f.size = got;
    if (got > maxBytes) {
        f.status = Status::TooLarge;
        f.error = tr("more than the %1 bytes allowed").arg(maxBytes);
        return f;
    }
    data.truncate(qsizetype(got));
    f.data = std::move(data);
    f.status = Status::Ok;
    return f;
}

} // namespace ks
