#include "scenariofile.h"

#include "engine.h"
#include "scenarioparser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ks {

namespace {

QString builtinPath(const QString &id)
{
    return QStringLiteral(":/scenarios/%1.json").arg(id);
}

// Closes the descriptor on every way out.
class Fd
{
public:
    explicit Fd(int fd)
        : m_fd(fd)
    {}
    ~Fd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

} // namespace

qint64 ScenarioFile::maxBytes()
{
    return qint64(sim::ScenarioParser::kMaxBytes);
}

quint64 ScenarioFile::maxEvents()
{
    bool ok = false;
    const qulonglong v = qEnvironmentVariable("KILLSCOPE_MAX_EVENTS").toULongLong(&ok);
    return ok && v > 0 ? quint64(v) : quint64(sim::RunOptions().maxEvents);
}

QStringList ScenarioFile::builtinIds()
{
    QStringList ids;
    const QDir dir(QStringLiteral(":/scenarios"));
    for (const QString &f : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        ids << QFileInfo(f).completeBaseName();
    return ids;
}

bool ScenarioFile::isBuiltin(const QString &id)
{
    return !id.isEmpty() && !id.contains(QLatin1Char('/')) && QFile::exists(builtinPath(id));
}

std::optional<ScenarioText> ScenarioFile::read(const QString &idOrPath, QString *error)
{
    const bool looksLikeFile =
        idOrPath.contains(QLatin1Char('/')) || idOrPath.endsWith(QLatin1String(".json"));
    if (looksLikeFile)
        return readFile(idOrPath, error);
    if (isBuiltin(idOrPath))
        return readBuiltin(idOrPath, error);
    // QFileInfo::exists() only stats: it does not block on a fifo.
    if (!idOrPath.isEmpty() && QFileInfo::exists(idOrPath))
        return readFile(idOrPath, error);
    return readBuiltin(idOrPath, error);
}

std::optional<ScenarioText> ScenarioFile::readBuiltin(const QString &id, QString *error)
{
    QFile f(builtinPath(id));
    if (!isBuiltin(id) || !f.open(QIODevice::ReadOnly)) {
        *error = tr("unknown scenario id \"%1\" (built-in: %2)")
                     .arg(id, builtinIds().join(QStringLiteral(", ")));
        return std::nullopt;
    }
    // Compiled in and validated by the tests: no limits to check.
    ScenarioText t;
    t.text = f.readAll();
    t.label = id + QStringLiteral(".json");
    t.builtin = true;
    return t;
}

std::optional<ScenarioText> ScenarioFile::readFile(const QString &path, QString *error)
{
    const QByteArray native = QFile::encodeName(path);
    if (native.isEmpty()) {
        *error = tr("no scenario file given");
        return std::nullopt;
    }
    // O_NONBLOCK: opening a fifo for reading must not wait for a writer.
    const Fd fd(::open(native.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0) {
        *error = tr("%1: cannot open: %2").arg(path, qt_error_string(errno));
        return std::nullopt;
    }
    struct stat st = {};
    if (::fstat(fd.get(), &st) != 0) {
        *error = tr("%1: cannot read: %2").arg(path, qt_error_string(errno));
        return std::nullopt;
    }
    if (!S_ISREG(st.st_mode)) {
        const QString what = S_ISDIR(st.st_mode)    ? tr("a directory")
                             : S_ISFIFO(st.st_mode) ? tr("a fifo")
                             : S_ISSOCK(st.st_mode) ? tr("a socket")
                                                    : tr("a device");
        *error = tr("%1: is %2, not a scenario file (only regular files are read)").arg(path, what);
        return std::nullopt;
    }
    const qint64 limit = maxBytes();
    auto tooLarge = [&](qint64 size) {
        *error = tr("%1: %2 bytes is more than the %3 bytes (16 MiB) a scenario may have")
                     .arg(path)
                     .arg(size)
                     .arg(limit);
        return std::nullopt;
    };
    if (qint64(st.st_size) > limit)
        return tooLarge(qint64(st.st_size));
    // Read at most limit + 1 bytes: the size in the inode is only a claim.
    QByteArray text;
    text.resize(qsizetype(std::max<qint64>(qint64(st.st_size), 0)) + 1);
    qsizetype used = 0;
    while (true) {
        if (used == text.size()) {
            if (used > limit)
                return tooLarge(used);
            text.resize(qsizetype(std::min<qint64>(qint64(text.size()) * 2, limit + 1)));
        }
        const ssize_t n = ::read(fd.get(), text.data() + used, size_t(text.size() - used));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *error = tr("%1: cannot read: %2").arg(path, qt_error_string(errno));
            return std::nullopt;
        }
        if (n == 0)
            break;
        used += qsizetype(n);
        if (used > limit)
            return tooLarge(used);
    }
    text.truncate(used);
    ScenarioText t;
    t.text = std::move(text);
    t.label = path;
    t.path = QFileInfo(path).absoluteFilePath();
    return t;
}

} // namespace ks
