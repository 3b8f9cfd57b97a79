#include "sampler.h"

#include "connectionopener.h"

#include <QDateTime>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QUuid>
#include <charconv>
#include <cstring>
#include <mysql.h>
#include <time.h>

namespace ks {

namespace {

// A column value as the driver would have converted it: NULL and garbage read as `null`.
qint64 toInteger(const char *p, unsigned long n, qint64 null)
{
    qint64 v = null;
    if (p)
        std::from_chars(p, p + n, v);
    return v;
}

double toDouble(const char *p, unsigned long n)
{
    double v = 0.0;
    if (p)
        std::from_chars(p, p + n, v);
    return v;
}

} // namespace

const QString &Sampler::TextCache::text(const char *p, unsigned long n)
{
    static const QString null;
    if (!p)
        return null; // SQL NULL: a null QString, as QVariant::toString() gives
    // Most rows repeat the row before (one account, one command, no state): compared first.
    if (m_haveLast && qsizetype(n) == m_lastKey.size() &&
        std::memcmp(p, m_lastKey.constData(), n) == 0)
        return m_lastText;
    auto it = m_texts.constFind(QByteArray::fromRawData(p, qsizetype(n)));
    if (it == m_texts.cend())
        it = m_texts.insert(QByteArray(p, qsizetype(n)), QString::fromUtf8(p, qsizetype(n)));
    m_haveLast = true;
    m_lastKey = it.key();
    m_lastText = *it;
    return m_lastText;
}

void Sampler::TextCaches::keepAtMost(qsizetype n)
{
    // Texts of sessions long gone must not pile up: a column over its budget starts afresh.
    for (TextCache *c : {&user, &host, &db, &command, &state, &info})
        c->keepAtMost(n);
}

qint64 threadCpuUs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

Sampler::Sampler(const ConnectionSettings &settings, std::shared_ptr<OwnConnections> own,
                 LiveClock clock, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_own(std::move(own))
    , m_clock(clock)
    , m_connectionName(QStringLiteral("ks-sampler-") + QUuid::createUuid().toString(QUuid::Id128))
{}

Sampler::~Sampler()
{
    closeConnection();
    m_db = QSqlDatabase();
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
}

void Sampler::start()
{
    m_timer = new QTimer(this);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &Sampler::tick);
    m_reconnectTimer = new QTimer(this);
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &Sampler::tryReconnect);

    QString message;
    int code = 0;
    if (!open(&message, &code)) {
        Q_EMIT connectFailed(message, code);
        return;
    }
    m_everConnected = true;
    Q_EMIT connected(m_info);
    tick();
    if (!m_paused)
        m_timer->start(m_intervalMs);
}

bool Sampler::open(QString *message, int *code)
{
    closeConnection();
    // A read timeout makes a hung server show up as an error instead of a stuck sampler.
    ConnectionOpener opener(m_settings);
    if (!opener.open(m_connectionName, 10, &m_db)) {
        *code = opener.errorCode();
        *message = opener.errorMessage();
        return false;
    }
    QString err;
    if (!ServerInfo::detect(m_db, &m_info, &err)) {
        *code = err.section(u' ', 0, 0).toInt();
        *message = explainSqlError(err.section(u' ', 0, 0), err.section(u' ', 1), m_settings);
        m_db.close();
        return false;
    }
    m_info.tls = opener.tls();
    {
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("SET @ks_role = 'sampler'"));
    }
    m_ownId = m_info.ownConnectionId;
    m_own->add(m_ownId);
    m_connected = true;
    m_attempt = 0;
    return true;
}

void Sampler::closeConnection()
{
    if (m_ownId)
        m_own->remove(m_ownId);
    m_ownId = 0;
    m_connected = false;
    m_psCache.clear();
    if (m_db.isOpen())
        m_db.close();
}

void Sampler::setIntervalMs(int ms)
{
    m_intervalMs = qBound(m_floorMs, ms, MaxIntervalMs);
    if (m_timer && m_timer->isActive())
        m_timer->start(m_intervalMs);
}

void Sampler::setPaused(bool paused)
{
    m_paused = paused;
    if (!m_timer)
        return;
    if (paused)
        m_timer->stop();
    else if (m_connected)
        m_timer->start(m_intervalMs);
}

void Sampler::sampleNow()
{
    if (m_connected)
        tick();
}

void Sampler::reconnectNow()
{
    if (m_connected || !m_everConnected || !m_reconnectTimer)
        return;
    m_reconnectTimer->stop();
    tryReconnect();
}

void Sampler::lost(const QString &message, int code)
{
    closeConnection();
    m_timer->stop();
    Q_EMIT connectionLost(message, code);
    scheduleReconnect();
}

void Sampler::scheduleReconnect()
{
    const int delay = qMin(8000, 250 << qMin(m_attempt, 5));
    ++m_attempt;
    Q_EMIT reconnecting(m_attempt, delay);
    m_reconnectTimer->start(delay);
}

void Sampler::tryReconnect()
{
    QString message;
    int code = 0;
    if (!open(&message, &code)) {
        scheduleReconnect();
        return;
    }
    Q_EMIT connected(m_info);
    tick();
    if (!m_paused)
        m_timer->start(m_intervalMs);
}

bool Sampler::addThreadIdentities(LiveSample &sample, const QHash<qint64, qsizetype> &indexOf)
{
    if (!m_info.psThreadsReadable) {
        m_psCache.clear();
        return true;
    }
    // A session's performance_schema thread and connect attributes never change, so only
    // sessions new to this connection are looked up: the steady-state cost is nothing.
    QStringList fresh;
    for (auto it = m_psCache.begin(); it != m_psCache.end();) {
        if (indexOf.contains(it.key()))
            ++it;
        else
            it = m_psCache.erase(it);
    }
    for (const ProcesslistRow &r : std::as_const(sample.rows)) {
        if (!m_psCache.contains(r.id))
            fresh << QString::number(r.id);
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    for (qsizetype from = 0; from < fresh.size(); from += 500) {
        const QString ids = fresh.mid(from, 500).join(u',');
        for (const QString &id : fresh.mid(from, 500))
            m_psCache.insert(id.toLongLong(), {});
        if (!q.exec(QStringLiteral("SELECT /* killscope:sampler */ PROCESSLIST_ID, THREAD_ID, "
                                   "THREAD_OS_ID FROM performance_schema.threads "
                                   "WHERE PROCESSLIST_ID IN (%1)")
                        .arg(ids))) {
            const int code = q.lastError().nativeErrorCode().toInt();
            if (isConnectionLostError(code)) {
                lost(explainSqlError(q.lastError().nativeErrorCode(), q.lastError().databaseText(),
                                     m_settings),
                     code);
                return false;
            }
            break;
        }
        ++sample.cost.queries;
        while (q.next()) {
            ++sample.cost.rows;
            PsThread &t = m_psCache[q.value(0).toLongLong()];
            t.threadId = q.value(1).toLongLong();
            t.osThreadId = q.value(2).isNull() ? -1 : q.value(2).toLongLong();
        }
        if (!m_info.connectAttrsReadable)
            continue;
        if (q.exec(QStringLiteral("SELECT /* killscope:sampler */ PROCESSLIST_ID, ATTR_NAME, "
                                  "ATTR_VALUE FROM performance_schema.session_connect_attrs "
                                  "WHERE PROCESSLIST_ID IN (%1) AND ATTR_NAME IN "
                                  "('_pid', 'program_name', '_client_name')")
                       .arg(ids))) {
            ++sample.cost.queries;
            while (q.next()) {
                ++sample.cost.rows;
                PsThread &t = m_psCache[q.value(0).toLongLong()];
                const QString name = q.value(1).toString();
                if (name == QStringLiteral("_pid"))
                    t.pid = q.value(2).toString();
                else if (name == QStringLiteral("program_name") || t.program.isEmpty())
                    t.program = q.value(2).toString();
            }
        }
    }
    for (ProcesslistRow &r : sample.rows) {
        const auto it = m_psCache.constFind(r.id);
        if (it == m_psCache.cend())
            continue;
        r.psThreadId = it->threadId;
        if (r.osThreadId < 0)
            r.osThreadId = it->osThreadId;
        r.clientPid = it->pid;
        r.clientProgram = it->program;
    }
    return true;
}

void Sampler::tick()
{
    if (!m_connected)
        return;
    const qint64 cpu0 = threadCpuUs();
    const qint64 t0 = m_clock.nowUs();
    LiveSample sample;
    sample.serial = ++m_serial;

    auto fail = [this](const QSqlQuery &q) {
        const QSqlError e = q.lastError();
        const int code = e.nativeErrorCode().toInt();
        if (isConnectionLostError(code) || code == 0) {
            lost(explainSqlError(e.nativeErrorCode(), e.databaseText(), m_settings), code);
            return true;
        }
        return false;
    };

    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    const bool maria = m_info.isMariaDb();
    // MariaDB's TID (the OS thread) and QUERY_ID come with the processlist; they are identity
    // evidence for the kill check (IdentityProof).
    const QString plSql =
        maria
            ? QStringLiteral("SELECT /* killscope:sampler */ ID, USER, HOST, DB, COMMAND, TIME_MS, "
                             "STATE, INFO, PROGRESS, TID, QUERY_ID, MAX_STAGE FROM "
                             "information_schema.PROCESSLIST")
            : QStringLiteral(
                  "SELECT /* killscope:sampler */ ID, USER, HOST, DB, COMMAND, "
                  "TIME * 1000, STATE, INFO, 0, -1, -1, 0 FROM information_schema.PROCESSLIST");
    const QString daemon = QStringLiteral("Daemon");
    const QString systemUser = QStringLiteral("system user");
    const QString eventScheduler = QStringLiteral("event_scheduler");
    QHash<qint64, qsizetype> indexOf;
    const QSet<qint64> ownIds = m_own->ids(); // once, not a lock per row
    auto add = [&](ProcesslistRow &&r) {
        r.system = r.command == daemon || r.user == systemUser || r.user == eventScheduler;
        // Ours by connection id only: anyone can write "/* killscope:sampler */" in a statement.
        r.own = ownIds.contains(r.id);
        indexOf.insert(r.id, sample.rows.size());
        sample.rows.append(std::move(r));
    };
    if (MYSQL *native = ConnectionOpener::nativeHandle(m_db)) {
        // Straight from the client library: Qt's QVariant per value was most of a sample's CPU
        // with thousands of sessions. Texts that repeat (accounts, hosts, states, statements)
        // are converted once and shared with the previous samples' rows.
        const QByteArray sql = plSql.toUtf8();
        MYSQL_RES *res = nullptr;
        if (mysql_real_query(native, sql.constData(), static_cast<unsigned long>(sql.size())) !=
                0 ||
            !(res = mysql_store_result(native))) {
            const int code = int(mysql_errno(native));
            const QString message = explainSqlError(
                QString::number(code), QString::fromUtf8(mysql_error(native)), m_settings);
            if (isConnectionLostError(code) || code == 0)
                lost(message, code);
            else
                Q_EMIT sampleFailed(message, code);
            return;
        }
        const qint64 t1 = m_clock.nowUs();
        sample.startedUs = t0;
        sample.takenUs = (t0 + t1) / 2;
        const auto n = qsizetype(mysql_num_rows(res));
        sample.rows.reserve(n);
        indexOf.reserve(n);
        if (mysql_num_fields(res) >= 12) {
            while (MYSQL_ROW row = mysql_fetch_row(res)) {
                const unsigned long *len = mysql_fetch_lengths(res);
                ProcesslistRow r;
                r.id = toInteger(row[0], len[0], 0);
                r.user = m_texts.user.text(row[1], len[1]);
                r.host = m_texts.host.text(row[2], len[2]);
                r.db = m_texts.db.text(row[3], len[3]);
                r.command = m_texts.command.text(row[4], len[4]);
                r.timeMs = qint64(toDouble(row[5], len[5]));
                r.state = m_texts.state.text(row[6], len[6]);
                r.info = m_texts.info.text(row[7], len[7]);
                r.progress = toDouble(row[8], len[8]);
                r.osThreadId = toInteger(row[9], len[9], -1);
                r.queryId = toInteger(row[10], len[10], -1);
                // MariaDB reports progress only for statements with stages (ALTER, LOAD DATA...).
                r.progressReported = toInteger(row[11], len[11], 0) > 0;
                add(std::move(r));
            }
        }
        mysql_free_result(res);
        m_texts.keepAtMost(2 * n + 1024);
    } else {
        if (!q.exec(plSql)) {
            if (!fail(q))
                Q_EMIT sampleFailed(explainSqlError(q.lastError().nativeErrorCode(),
                                                    q.lastError().databaseText(), m_settings),
                                    q.lastError().nativeErrorCode().toInt());
            return;
        }
        const qint64 t1 = m_clock.nowUs();
        sample.startedUs = t0;
        sample.takenUs = (t0 + t1) / 2;
        sample.rows.reserve(q.size() > 0 ? q.size() : 64);
        indexOf.reserve(q.size() > 0 ? q.size() : 64);
        while (q.next()) {
            ProcesslistRow r;
            r.id = q.value(0).toLongLong();
            r.user = q.value(1).toString();
            r.host = q.value(2).toString();
            r.db = q.value(3).toString();
            r.command = q.value(4).toString();
            r.timeMs = qint64(q.value(5).toDouble());
            r.state = q.value(6).toString();
            r.info = q.value(7).toString();
            r.progress = q.value(8).toDouble();
            r.osThreadId = q.value(9).isNull() ? -1 : q.value(9).toLongLong();
            r.queryId = q.value(10).isNull() ? -1 : q.value(10).toLongLong();
            r.progressReported = q.value(11).toInt() > 0;
            add(std::move(r));
        }
    }
    if (!addThreadIdentities(sample, indexOf))
        return;
    ++sample.cost.queries;
    sample.cost.rows += int(sample.rows.size());

    // Transactions, when the account may read them, and not more often than the INNODB_* cache
    // allows (§10.3); in between the last read is carried over.
    QHash<QString, qint64> &threadOfTrx = m_lastThreadOfTrx;
    const bool readTrx =
        m_info.innodbTrxReadable &&
        (m_trxReadUs < 0 || sample.takenUs - m_trxReadUs >= qint64(MinInnodbGapMs) * 1000);
    if (readTrx) {
        if (q.exec(QStringLiteral(
                "SELECT /* killscope:sampler */ trx_mysql_thread_id, trx_id, "
                "trx_state, trx_rows_modified, trx_operation_state, trx_rows_locked, "
                "trx_started, TIMESTAMPDIFF(SECOND, trx_started, NOW()) "
                "FROM information_schema.INNODB_TRX"))) {
            ++sample.cost.queries;
            m_trxReadUs = m_clock.nowUs();
            threadOfTrx.clear();
            m_lastTrx.clear();
            while (q.next()) {
                ++sample.cost.rows;
                const qint64 thread = q.value(0).toLongLong();
                threadOfTrx.insert(q.value(1).toString(), thread);
                m_lastTrx.insert(thread, {q.value(2).toString(), q.value(3).toLongLong(),
                                          q.value(4).toString(), q.value(5).toLongLong(),
                                          q.value(6).toDateTime().toString(
                                              QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                          q.value(7).isNull() ? -1 : q.value(7).toLongLong()});
            }
        } else if (fail(q)) {
            return;
        }
    }
    sample.trxTakenUs = m_trxReadUs;
    for (auto it = m_lastTrx.cbegin(); it != m_lastTrx.cend(); ++it) {
        const auto row = indexOf.constFind(it.key());
        if (row == indexOf.cend())
            continue;
        ProcesslistRow &r = sample.rows[*row];
        r.trxState = it->state;
        r.trxRowsModified = it->rowsModified;
        r.trxOperationState = it->operationState;
        r.trxRowsLocked = it->rowsLocked;
        r.trxStarted = it->started;
        r.trxAgeS = it->ageS;
    }

    if (readTrx && m_info.lockWaitsReadable && !threadOfTrx.isEmpty()) {
        const QString sql =
            (m_info.isMySql() && m_info.major >= 8)
                ? QStringLiteral(
                      "SELECT /* killscope:sampler */ REQUESTING_ENGINE_TRANSACTION_ID, "
                      "BLOCKING_ENGINE_TRANSACTION_ID FROM performance_schema.data_lock_waits")
                : QStringLiteral(
                      "SELECT /* killscope:sampler */ requesting_trx_id, blocking_trx_id "
                      "FROM information_schema.INNODB_LOCK_WAITS");
        if (q.exec(sql)) {
            ++sample.cost.queries;
            while (q.next()) {
                ++sample.cost.rows;
                const qint64 waiter = threadOfTrx.value(q.value(0).toString());
                const qint64 blocker = threadOfTrx.value(q.value(1).toString());
                if (!waiter || !blocker)
                    continue;
                const LockWait w{waiter, blocker, LockWait::Kind::RowLock};
                if (!sample.waits.contains(w))
                    sample.waits.append(w);
            }
        } else if (fail(q)) {
            return;
        }
    }

    if (readTrx)
        m_lastRowWaits = sample.waits;
    else
        sample.waits = m_lastRowWaits;

    if (m_info.metadataLocksReadable && m_info.isMySql()) {
        if (q.exec(QStringLiteral(
                "SELECT /* killscope:sampler */ tw.PROCESSLIST_ID, th.PROCESSLIST_ID "
                "FROM performance_schema.metadata_locks pw "
                "JOIN performance_schema.metadata_locks ph ON ph.OBJECT_TYPE = pw.OBJECT_TYPE "
                " AND ph.OBJECT_SCHEMA <=> pw.OBJECT_SCHEMA AND ph.OBJECT_NAME <=> pw.OBJECT_NAME "
                " AND ph.LOCK_STATUS = 'GRANTED' AND ph.OWNER_THREAD_ID <> pw.OWNER_THREAD_ID "
                "JOIN performance_schema.threads tw ON tw.THREAD_ID = pw.OWNER_THREAD_ID "
                "JOIN performance_schema.threads th ON th.THREAD_ID = ph.OWNER_THREAD_ID "
                "WHERE pw.LOCK_STATUS = 'PENDING'"))) {
            ++sample.cost.queries;
            while (q.next()) {
                ++sample.cost.rows;
                const LockWait w{q.value(0).toLongLong(), q.value(1).toLongLong(),
                                 LockWait::Kind::MetadataLock};
                if (w.waiter && w.blocker && !sample.waits.contains(w))
                    sample.waits.append(w);
            }
        } else if (fail(q)) {
            return;
        }
    }

    for (const LockWait &w : std::as_const(sample.waits)) {
        const auto it = indexOf.constFind(w.waiter);
        if (it != indexOf.cend() && sample.rows[*it].blockedBy == 0)
            sample.rows[*it].blockedBy = w.blocker;
    }
    sample.cost.roundTripUs = m_clock.nowUs() - t0;
    sample.cost.clientCpuUs = threadCpuUs() - cpu0;
    Q_EMIT sampleReady(sample);
}

} // namespace ks
