#include "samplecodec.h"

#include <QCoreApplication>
#include <QHash>
#include <QtEndian>
#include <cstring>

namespace ks {

namespace {

enum Field : quint32
{
    User = 1u << 0,
    Host = 1u << 1,
    Db = 1u << 2,
    Command = 1u << 3,
    Start = 1u << 4, // TIME_MS, as the statement's start
    State = 1u << 5,
    Info = 1u << 6,
    Progress = 1u << 7,
    TrxState = 1u << 8,
    TrxRows = 1u << 9,
    TrxOpState = 1u << 10,
    BlockedBy = 1u << 11,
    System = 1u << 12,
    Own = 1u << 13,
    OsThread = 1u << 14,
    PsThread = 1u << 15,
    QueryId = 1u << 16,
    ClientPid = 1u << 17,
    ClientProgram = 1u << 18,
    NewRow = 1u << 19,
    // Added with the DBA columns; files written before them simply lack these bits.
    ProgressReported = 1u << 20,
    TrxLocked = 1u << 21,
    TrxStarted = 1u << 22,
    TrxAge = 1u << 23,
    KnownBits = (1u << 24) - 1,
};

quint64 zigzag(qint64 v)
{
    return (quint64(v) << 1) ^ quint64(v >> 63);
}

qint64 unzigzag(quint64 v)
{
    return qint64(v >> 1) ^ -qint64(v & 1);
}

class Writer
{
public:
    void varint(quint64 v)
    {
        while (v >= 0x80) {
            m_out.append(char(quint8(v) | 0x80));
            v >>= 7;
        }
        m_out.append(char(quint8(v)));
    }
    void svarint(qint64 v) { varint(zigzag(v)); }
    void string(const QString &s)
    {
        const QByteArray u = s.toUtf8();
        varint(quint64(u.size()));
        m_out.append(u);
    }
    void real(double d)
    {
        quint64 bits;
        std::memcpy(&bits, &d, sizeof bits);
        char b[8];
        qToLittleEndian(bits, b);
        m_out.append(b, 8);
    }
    QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_out;
};

class Reader
{
public:
    explicit Reader(const QByteArray &in)
        : m_p(in.constData())
        , m_end(in.constData() + in.size())
    {}
    bool ok() const { return m_ok; }
    qsizetype remaining() const { return m_end - m_p; }
    quint64 varint()
    {
        quint64 v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_p >= m_end)
                return fail();
            const quint8 b = quint8(*m_p++);
            v |= quint64(b & 0x7f) << shift;
            if (!(b & 0x80))
                return v;
        }
        return fail();
    }
    qint64 svarint() { return unzigzag(varint()); }
    QString string()
    {
        const quint64 n = varint();
        if (!m_ok || n > quint64(remaining()))
            return fail(), QString();
        const QString s = QString::fromUtf8(m_p, qsizetype(n));
        m_p += n;
        return s;
    }
    double real()
    {
        if (remaining() < 8)
            return fail(), 0.0;
        const quint64 bits = qFromLittleEndian<quint64>(m_p);
        m_p += 8;
        double d;
        std::memcpy(&d, &bits, sizeof d);
        return d;
    }
    quint64 fail()
    {
        m_ok = false;
        m_p = m_end;
        return 0;
    }

private:
    const char *m_p;
    const char *m_end;
    bool m_ok = true;
};

qint64 startMs(qint64 takenUs, const ProcesslistRow &r)
{
    return takenUs / 1000 - r.timeMs;
}

} // namespace

void SampleCodec::reset()
{
    m_previous = LiveSample();
    m_hasPrevious = false;
}

QByteArray SampleCodec::encode(const LiveSample &sample, bool keyframe)
{
    QHash<qint64, const ProcesslistRow *> before;
    if (!keyframe && m_hasPrevious) {
        before.reserve(m_previous.rows.size());
        for (const ProcesslistRow &r : m_previous.rows)
            before.insert(r.id, &r);
    }
    const ProcesslistRow empty;
    Writer w;
    w.varint(quint64(sample.rows.size()));
    qint64 lastId = 0;
    for (const ProcesslistRow &r : sample.rows) {
        w.svarint(r.id - lastId);
        lastId = r.id;
        const ProcesslistRow *prev = before.value(r.id, nullptr);
        const bool isNew = !prev;
        const ProcesslistRow &p = isNew ? empty : *prev;
        quint32 mask = isNew ? quint32(NewRow) : 0u;
        const auto differ = [&](bool d, quint32 bit) {
            if (d)
                mask |= bit;
        };
        differ(r.user != p.user, User);
        differ(r.host != p.host, Host);
        differ(r.db != p.db, Db);
        differ(r.command != p.command, Command);
        differ(isNew ? r.timeMs != 0 : startMs(sample.takenUs, r) != startMs(m_previous.takenUs, p),
               Start);
        differ(r.state != p.state, State);
        differ(r.info != p.info, Info);
        differ(std::memcmp(&r.progress, &p.progress, sizeof(double)) != 0, Progress);
        differ(r.trxState != p.trxState, TrxState);
        differ(r.trxRowsModified != p.trxRowsModified, TrxRows);
        differ(r.trxOperationState != p.trxOperationState, TrxOpState);
        differ(r.blockedBy != p.blockedBy, BlockedBy);
        differ(r.system != p.system, System);
        differ(r.own != p.own, Own);
        differ(r.osThreadId != p.osThreadId, OsThread);
        differ(r.psThreadId != p.psThreadId, PsThread);
        differ(r.queryId != p.queryId, QueryId);
        differ(r.clientPid != p.clientPid, ClientPid);
        differ(r.clientProgram != p.clientProgram, ClientProgram);
        differ(r.progressReported != p.progressReported, ProgressReported);
        differ(r.trxRowsLocked != p.trxRowsLocked, TrxLocked);
        differ(r.trxStarted != p.trxStarted, TrxStarted);
        differ(r.trxAgeS != p.trxAgeS, TrxAge);
        w.varint(mask);
        if (mask & User)
            w.string(r.user);
        if (mask & Host)
            w.string(r.host);
        if (mask & Db)
            w.string(r.db);
        if (mask & Command)
            w.string(r.command);
        if (mask & Start)
            w.svarint(isNew ? r.timeMs
                            : startMs(sample.takenUs, r) - startMs(m_previous.takenUs, p));
        if (mask & State)
            w.string(r.state);
        if (mask & Info)
            w.string(r.info);
        if (mask & Progress)
            w.real(r.progress);
        if (mask & TrxState)
            w.string(r.trxState);
        if (mask & TrxRows)
            w.svarint(r.trxRowsModified - p.trxRowsModified);
        if (mask & TrxOpState)
            w.string(r.trxOperationState);
        if (mask & BlockedBy)
            w.svarint(r.blockedBy - p.blockedBy);
        if (mask & OsThread)
            w.svarint(r.osThreadId - p.osThreadId);
        if (mask & PsThread)
            w.svarint(r.psThreadId - p.psThreadId);
        if (mask & QueryId)
            w.svarint(r.queryId - p.queryId);
        if (mask & ClientPid)
            w.string(r.clientPid);
        if (mask & ClientProgram)
            w.string(r.clientProgram);
        if (mask & TrxLocked)
            w.svarint(r.trxRowsLocked - p.trxRowsLocked);
        if (mask & TrxStarted)
            w.string(r.trxStarted);
        if (mask & TrxAge)
            w.svarint(r.trxAgeS - p.trxAgeS);
    }
    w.varint(quint64(sample.waits.size()));
    for (const LockWait &lw : sample.waits) {
        w.svarint(lw.waiter);
        w.svarint(lw.blocker - lw.waiter);
        w.varint(quint64(lw.kind));
    }
    w.svarint(sample.cost.roundTripUs);
    w.svarint(sample.cost.clientCpuUs);
    w.svarint(sample.cost.rows);
    w.svarint(sample.cost.queries);

    m_previous = sample;
    m_hasPrevious = true;
    return w.take();
}

bool SampleCodec::decode(const QByteArray &bytes, bool keyframe, qint64 takenUs, LiveSample *out,
                         QString *error)
{
    const auto fail = [error](const char *why) {
        if (error)
            *error = QCoreApplication::translate("SampleCodec", why);
        return false;
    };
    if (!keyframe && !m_hasPrevious)
        return fail(
            QT_TRANSLATE_NOOP("SampleCodec", "a sample of changes without the sample before it"));
    QHash<qint64, const ProcesslistRow *> before;
    if (!keyframe) {
        before.reserve(m_previous.rows.size());
        for (const ProcesslistRow &r : m_previous.rows)
            before.insert(r.id, &r);
    }
    Reader in(bytes);
    LiveSample s;
    s.takenUs = takenUs;
    const quint64 rowCount = in.varint();
    // Every row takes at least two bytes (id, mask): a count beyond that is damage, not memory
    // to reserve.
    if (!in.ok() || rowCount > quint64(in.remaining() / 2))
        return fail(QT_TRANSLATE_NOOP("SampleCodec", "the row count does not fit the payload"));
    s.rows.reserve(qsizetype(rowCount));
    const ProcesslistRow empty;
    qint64 lastId = 0;
    for (quint64 i = 0; i < rowCount && in.ok(); ++i) {
        ProcesslistRow r;
        r.id = lastId + in.svarint();
        lastId = r.id;
        const quint64 mask = in.varint();
        if (mask & ~quint64(KnownBits))
            return fail(QT_TRANSLATE_NOOP("SampleCodec", "a row has unknown fields"));
        const bool isNew = mask & NewRow;
        if (keyframe && !isNew)
            return fail(QT_TRANSLATE_NOOP("SampleCodec", "a keyframe refers to an earlier sample"));
        const ProcesslistRow *prev = isNew ? &empty : before.value(r.id, nullptr);
        if (!prev)
            return fail(QT_TRANSLATE_NOOP("SampleCodec",
                                          "a change refers to a row the sample before lacks"));
        const ProcesslistRow &p = *prev;
        r.user = (mask & User) ? in.string() : p.user;
        r.host = (mask & Host) ? in.string() : p.host;
        r.db = (mask & Db) ? in.string() : p.db;
        r.command = (mask & Command) ? in.string() : p.command;
        if (isNew) {
            r.timeMs = (mask & Start) ? in.svarint() : 0;
        } else {
            const qint64 start =
                startMs(m_previous.takenUs, p) + ((mask & Start) ? in.svarint() : 0);
            r.timeMs = takenUs / 1000 - start;
        }
        r.state = (mask & State) ? in.string() : p.state;
        r.info = (mask & Info) ? in.string() : p.info;
        r.progress = (mask & Progress) ? in.real() : p.progress;
        r.trxState = (mask & TrxState) ? in.string() : p.trxState;
        r.trxRowsModified = p.trxRowsModified + ((mask & TrxRows) ? in.svarint() : 0);
        r.trxOperationState = (mask & TrxOpState) ? in.string() : p.trxOperationState;
        r.blockedBy = p.blockedBy + ((mask & BlockedBy) ? in.svarint() : 0);
        r.system = (mask & System) ? !p.system : p.system;
        r.own = (mask & Own) ? !p.own : p.own;
        r.osThreadId = p.osThreadId + ((mask & OsThread) ? in.svarint() : 0);
        r.psThreadId = p.psThreadId + ((mask & PsThread) ? in.svarint() : 0);
        r.queryId = p.queryId + ((mask & QueryId) ? in.svarint() : 0);
        r.clientPid = (mask & ClientPid) ? in.string() : p.clientPid;
        r.clientProgram = (mask & ClientProgram) ? in.string() : p.clientProgram;
        r.progressReported = (mask & ProgressReported) ? !p.progressReported : p.progressReported;
        r.trxRowsLocked = p.trxRowsLocked + ((mask & TrxLocked) ? in.svarint() : 0);
        r.trxStarted = (mask & TrxStarted) ? in.string() : p.trxStarted;
        r.trxAgeS = p.trxAgeS + ((mask & TrxAge) ? in.svarint() : 0);
        s.rows.append(std::move(r));
    }
    const quint64 waitCount = in.varint();
    if (!in.ok() || waitCount > quint64(in.remaining() / 3))
        return fail(QT_TRANSLATE_NOOP("SampleCodec", "the lock waits do not fit the payload"));
    for (quint64 i = 0; i < waitCount; ++i) {
        LockWait lw;
        lw.waiter = in.svarint();
        lw.blocker = lw.waiter + in.svarint();
        const quint64 kind = in.varint();
        if (kind > quint64(LockWait::Kind::MetadataLock))
            return fail(QT_TRANSLATE_NOOP("SampleCodec", "a lock wait of an unknown kind"));
        lw.kind = LockWait::Kind(kind);
        s.waits.append(lw);
    }
    s.cost.roundTripUs = in.svarint();
    s.cost.clientCpuUs = in.svarint();
    s.cost.rows = int(in.svarint());
    s.cost.queries = int(in.svarint());
    if (!in.ok())
        return fail(QT_TRANSLATE_NOOP("SampleCodec", "the payload ends too early"));
    if (in.remaining() != 0)
        return fail(QT_TRANSLATE_NOOP("SampleCodec", "the payload has bytes after its end"));
    m_previous = s;
    m_hasPrevious = true;
    *out = std::move(s);
    return true;
}

QByteArray SampleCodec::compress(const QByteArray &raw)
{
    return qCompress(raw, 6);
}

bool SampleCodec::uncompress(const QByteArray &packed, QByteArray *raw, QString *error,
                             qsizetype maxBytes)
{
    // qCompress puts the uncompressed size first (4 bytes, big-endian): check it before
    // qUncompress allocates it.
    if (packed.size() < 4) {
        if (error)
            *error = QCoreApplication::translate("SampleCodec", "the payload is too short");
        return false;
    }
    const quint32 claimed = qFromBigEndian<quint32>(packed.constData());
    if (qsizetype(claimed) > maxBytes) {
        if (error)
            *error = QCoreApplication::translate("SampleCodec", "the payload claims %1 bytes")
                         .arg(claimed);
        return false;
    }
    *raw = qUncompress(packed);
    if (raw->isEmpty() && claimed != 0) {
        if (error)
            *error =
                QCoreApplication::translate("SampleCodec", "the payload is not valid zlib data");
        return false;
    }
    return true;
}

} // namespace ks
