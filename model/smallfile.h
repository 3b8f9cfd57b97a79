#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace ks {

// A small text file read in one go, the careful way: opened non-blocking so a fifo cannot hang
// the reader, checked with fstat on the open descriptor so a device (/dev/zero), fifo or
// directory is refused before a byte is read, and never more than a size limit read.
//
// Invariants: status Ok means `data` holds the whole file and it was a regular file no larger
// than the limit; every other status leaves `data` empty and `error` naming the cause. The
// identity (device, inode) and mode are those of the file actually read, not of a path looked
// at earlier.
struct SmallFile
{
    Q_DECLARE_TR_FUNCTIONS(SmallFile)
public:
    enum class Status : quint8
    {
        Ok,
        Missing,
        Unreadable,
        NotRegular,
        TooLarge
    };

    Status status = Status::Missing;
    QByteArray data;
    QString error; // e.g. "No such file or directory", "a fifo, not a regular file"
    quint64 device = 0;
    quint64 inode = 0;
    quint32 mode = 0; // st_mode
    qint64 size = 0;  // bytes: as read, or (TooLarge) as claimed or read past the limit

    bool ok() const { return status == Status::Ok; }
    bool worldWritable() const { return mode & 0002; }
    // "a directory", "a fifo", "a device", "a socket" for a NotRegular file.
    QString kind() const;

    static SmallFile read(const QString &path, qint64 maxBytes);
};

} // namespace ks
