#pragma once

#include "connectionsettings.h"
#include "livesample.h"
#include "ownconnections.h"
#include "serverinfo.h"

#include <QHash>
#include <QObject>
#include <QSqlDatabase>
#include <memory>

class QTimer;

namespace ks {

// Samples a live server on its own thread and its own connection: the processlist (with
// TIME_MS on MariaDB), InnoDB transactions, row-lock waits (MariaDB/MySQL 5.7
// information_schema.INNODB_LOCK_WAITS, MySQL 8 performance_schema.data_lock_waits) and, where
// the server offers them, metadata-lock waits.
//
// Invariants:
// - Lives on a worker thread (moveToThread before start()); every SQL statement runs there.
// - Its QSqlDatabase has a unique connection name, is opened in start() and closed and removed
//   in the destructor, which runs on the same thread (delete it through QThread::finished).
// - Its own connection id is registered in OwnConnections while open. Queries carry the comment
//   "/* killscope:sampler */" for people reading the server's logs; KillScope itself recognises
//   its connections only by id, so a foreign statement with that comment stays visible.
// - Identity evidence per row: MariaDB's TID and QUERY_ID; performance_schema's THREAD_ID,
//   THREAD_OS_ID and connect attributes where readable, looked up once per new session.
// - After a lost connection it retries with exponential backoff (0.25 s … 8 s) until stopped;
//   it never gives up once it had been connected. A failing first connect is reported and ends.
// - The INNODB_* tables are read at most every MinInnodbGapMs, whatever the processlist interval:
//   InnoDB refreshes their cache only after 100 ms without a read, so faster polling freezes it
//   (kill-semantics.md §10.3). Samples in between carry the last transaction columns over and say
//   so (LiveSample::trxTakenUs).
class Sampler : public QObject
{
    Q_OBJECT
public:
    Sampler(const ConnectionSettings &settings, std::shared_ptr<OwnConnections> own,
            LiveClock clock, QObject *parent = nullptr);
    ~Sampler() override;

    static constexpr int MinIntervalMs = 250;
    static constexpr int MaxIntervalMs = 30000;
    static constexpr int MinInnodbGapMs = 150;

    // Lab mode samples faster than live mode allows by default (down to 20 ms).
    void setIntervalFloorMs(int ms) { m_floorMs = qBound(20, ms, MinIntervalMs); }

public Q_SLOTS:
    void start();
    void setIntervalMs(int ms);
    void setPaused(bool paused);
    void sampleNow();
    // While reconnecting: try now instead of at the next backoff step.
    void reconnectNow();

Q_SIGNALS:
    void connected(const ks::ServerInfo &info);
    void connectFailed(const QString &message, int code);
    void sampleReady(const ks::LiveSample &sample);
    void connectionLost(const QString &message, int code);
    void reconnecting(int attempt, int delayMs);
    // The processlist query failed for another reason than a lost connection (e.g. 1227).
    void sampleFailed(const QString &message, int code);

private:
    bool open(QString *message, int *code);
    void closeConnection();
    void tick();
    bool addThreadIdentities(LiveSample &sample, const QHash<qint64, qsizetype> &indexOf);
    void lost(const QString &message, int code);
    void scheduleReconnect();
    void tryReconnect();

    ConnectionSettings m_settings;
    std::shared_ptr<OwnConnections> m_own;
    LiveClock m_clock;
    QString m_connectionName;
    QSqlDatabase m_db;
    ServerInfo m_info;
    QTimer *m_timer = nullptr;
    QTimer *m_reconnectTimer = nullptr;
    int m_intervalMs = 1000;
    int m_floorMs = MinIntervalMs;
    qint64 m_trxReadUs = -1;
    struct TrxColumns
    {
        QString state;
        qint64 rowsModified = -1;
        QString operationState;
        qint64 rowsLocked = 0;
        QString started;
        qint64 ageS = -1;
    };
    QHash<qint64, TrxColumns> m_lastTrx;
    QHash<QString, qint64> m_lastThreadOfTrx;
    QList<LockWait> m_lastRowWaits;
    bool m_paused = false;
    bool m_everConnected = false;
    bool m_connected = false;
    int m_attempt = 0;
    quint64 m_serial = 0;
    qint64 m_ownId = 0;
    struct PsThread
    {
        qint64 threadId = -1, osThreadId = -1;
        QString pid, program;
    };
    QHash<qint64, PsThread> m_psCache; // processlist id → what performance_schema said of it

    // UTF-8 bytes → the QString made of them, per processlist column: a text seen before is
    // shared, not converted again (and the rows kept of recent samples share its storage).
    class TextCache
    {
    public:
        const QString &text(const char *utf8, unsigned long size); // nullptr → null QString
        void keepAtMost(qsizetype n)
        {
            if (m_texts.size() > n)
                m_texts.clear();
        }

    private:
        QHash<QByteArray, QString> m_texts;
        bool m_haveLast = false; // the last text asked for, and what it became
        QByteArray m_lastKey;
        QString m_lastText;
    };
    struct TextCaches
    {
        TextCache user, host, db, command, state, info;
        void keepAtMost(qsizetype n);
    };
    TextCaches m_texts;
};

} // namespace ks
