#include "headlessrecording.h"

#include "headlesslive.h"
#include "killtracker.h"
#include "livesource.h"
#include "recorder.h"
#include "recordingfile.h"
#include "recordingformat.h"
#include "recordingsource.h"
#include "timetext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QTimer>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace ks {

namespace {

int g_pipe[2] = {-1, -1};

void onSignal(int signal)
{
    const char c = char(signal);
    [[maybe_unused]] const ssize_t n = ::write(g_pipe[1], &c, 1);
}

void printOut(const QString &text)
{
    const QByteArray b = text.toLocal8Bit();
    std::fwrite(b.constData(), 1, size_t(b.size()), stdout);
    std::fflush(stdout);
}

void printErr(const QString &text)
{
    const QByteArray b = (QStringLiteral("killscope: ") + text + u'\n').toLocal8Bit();
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
}

QString isoUtc(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString localTime(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs).toString(
        QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

QString sizeText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

// "17.6 s", "12:03.2" (minutes), "8:00:00.0" (hours): for people, not for parsing back.
QString spanText(qint64 us)
{
    const double s = double(us) / 1e6;
    if (s < 60)
        return QStringLiteral("%1 s").arg(s, 0, 'f', s < 10 ? 3 : 1);
    const qint64 whole = us / 1'000'000;
    const QString sec = QStringLiteral("%1").arg(s - double(whole / 60 * 60), 4, 'f', 1, u'0');
    if (whole < 3600)
        return QStringLiteral("%1:%2").arg(whole / 60).arg(sec);
    return QStringLiteral("%1:%2:%3")
        .arg(whole / 3600)
        .arg(qint64((whole / 60) % 60), 2, 10, QChar(u'0'))
        .arg(sec);
}

class Texts
{
    Q_DECLARE_TR_FUNCTIONS(HeadlessRecording)
};

} // namespace

int runHeadlessRecord(const LiveRequest &request, const ConnectionSettings &settings)
{
    LiveSource source(settings);
    // Recording only: this command never kills.
    source.setReadOnly(true);
    if (request.intervalMs > 0)
        source.setIntervalMs(request.intervalMs);
    Recorder recorder;
    QEventLoop loop;
    int exitCode = -1;
    const auto finish = [&](int code) {
        if (exitCode >= 0)
            return;
        exitCode = code;
        loop.quit();
    };
    QObject::connect(&recorder, &Recorder::failed, &loop, [&](const QString &message) {
        printErr(message);
        finish(2);
    });
    QTimer duration;
    duration.setSingleShot(true);
    QObject::connect(&duration, &QTimer::timeout, &loop, [&] { finish(0); });
    QObject::connect(
        &source, &LiveSource::statusChanged, &loop, [&](LiveSource::Status s, const QString &text) {
            if (s == LiveSource::Status::Failed) {
                printErr(text);
                finish(2);
            } else if (s == LiveSource::Status::Connected) {
                if (request.durationUs > 0 && !duration.isActive() &&
                    recorder.samplesWritten() == 0)
                    duration.start(int(qMin<qint64>(request.durationUs / 1000, INT_MAX)));
            } else if (s == LiveSource::Status::Reconnecting) {
                // The recording goes on after the server comes back.
                printErr(text);
            }
        });
    std::unique_ptr<QSocketNotifier> notifier;
    if (::pipe(g_pipe) == 0) {
        notifier = std::make_unique<QSocketNotifier>(g_pipe[0], QSocketNotifier::Read);
        QObject::connect(notifier.get(), &QSocketNotifier::activated, &loop, [&] {
            char c = 0;
            [[maybe_unused]] const ssize_t n = ::read(g_pipe[0], &c, 1);
            finish(0); // the normal end of a recording without --duration
        });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    recorder.start(&source, request.recordPath, request.maxBytes);
    source.start();
    loop.exec();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    const bool closed = recorder.stop(30000);
    QCoreApplication::processEvents(); // the writer's last progress report
    for (int &fd : g_pipe) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
    if (exitCode != 0 && closed && recorder.wasOpened() && recorder.samplesWritten() == 0) {
        // Nothing was recorded (no connection): no empty file is left behind.
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(request.recordPath + suffix);
    }
    if (exitCode == 0 && !closed) {
        printErr(
            Texts::tr("the recording could not be closed within 30 s: %1").arg(request.recordPath));
        return 2;
    }
    if (exitCode == 0) {
        if (!recorder.error().isEmpty()) {
            printErr(recorder.error());
            return 2;
        }
        printOut(Texts::tr("Recorded %n sample(s) of %1 to %2 (%3).\n", nullptr,
                           int(recorder.samplesWritten()))
                     .arg(settings.describe(), request.recordPath,
                          sizeText(QFileInfo(request.recordPath).size())));
    }
    return exitCode;
}

int runHeadlessReplay(const ReplayRequest &request)
{
    Recording rec;
    QString error;
    if (!RecordingFile::load(request.path, &rec, &error)) {
        printErr(error);
        return 2;
    }
    if (!rec.warning.isEmpty())
        printErr(rec.warning);
    RecordingSource source(std::move(rec));
    const Recording &r = source.recording();
    const qint64 begin = r.beginUs();
    const qint64 span = r.endUs() - begin;
    const bool ms = r.server().hasTimeMs();

    for (qint64 at : request.processlistAtUs) {
        if (at > span) {
            printErr(Texts::tr("--processlist-at %1: the recording lasts only %2.")
                         .arg(formatTimeUs(at), formatTimeUs(span)));
            return 2;
        }
        LiveSample sample;
        if (!source.sampleAt(begin + at, &sample, &error)) {
            printErr(Texts::tr("%1: the sample at %2 cannot be read: %3")
                         .arg(request.path, formatTimeUs(at), error));
            return 2;
        }
        QList<ProcesslistRow> rows;
        for (const ProcesslistRow &row : std::as_const(sample.rows))
            if (!row.own)
                rows << row;
        const qint64 epoch = r.epochMsAt(sample.takenUs);
        if (request.json) {
            QJsonObject o;
            o.insert(QStringLiteral("at"), double(at) / 1e6);
            o.insert(QStringLiteral("sampleAt"), double(sample.takenUs - begin) / 1e6);
            o.insert(QStringLiteral("sample"), qint64(sample.serial));
            o.insert(QStringLiteral("time"), isoUtc(epoch));
            o.insert(QStringLiteral("server"), r.endpoint());
            QJsonArray a;
            for (const ProcesslistRow &row : std::as_const(rows))
                a.append(processlistRowJson(row));
            o.insert(QStringLiteral("processlist"), a);
            printOut(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) + u'\n');
        } else {
            printOut(Texts::tr("-- %1 at %2 (sample %3, %4 into the recording)\n")
                         .arg(r.endpoint(), localTime(epoch))
                         .arg(sample.serial)
                         .arg(spanText(sample.takenUs - begin)));
            printOut(processlistTableText(rows, ms));
        }
    }

    if (!request.summary && !request.processlistAtUs.empty())
        return 0;

    const ServerInfo server = r.server();
    const double hours = double(qMax<qint64>(span, 1)) / 3.6e9;
    if (request.json) {
        QJsonObject o;
        o.insert(QStringLiteral("file"), r.path);
        o.insert(QStringLiteral("bytes"), r.fileBytes);
        o.insert(QStringLiteral("formatVersion"),
                 r.meta.value(QStringLiteral("format_version")).toInt());
        o.insert(QStringLiteral("recordedBy"), r.meta.value(QStringLiteral("killscope_version")));
        QJsonArray servers;
        for (const RecordedServer &s : r.servers) {
            QJsonObject so = s.info;
            so.insert(QStringLiteral("at"), isoUtc(s.epochMs));
            servers.append(so);
        }
        o.insert(QStringLiteral("servers"), servers);
        o.insert(QStringLiteral("begin"), isoUtc(r.samples.front().epochMs));
        o.insert(QStringLiteral("end"), isoUtc(r.samples.back().epochMs));
        o.insert(QStringLiteral("seconds"), double(span) / 1e6);
        o.insert(QStringLiteral("samples"), qint64(r.samples.size()));
        o.insert(QStringLiteral("keyframes"), r.keyframes);
        o.insert(QStringLiteral("bytesPerHour"), double(r.fileBytes) / hours);
        if (r.meta.contains(QStringLiteral("trimmed_before_us")))
            o.insert(QStringLiteral("trimmed"), true);
        if (!r.warning.isEmpty())
            o.insert(QStringLiteral("warning"), r.warning);
        QJsonArray kills;
        for (const KillRecord &k : r.kills) {
            QJsonObject ko = RecordingFormat::killToJson(k);
            ko.insert(QStringLiteral("verdict"), r.verdicts.value(k.serial));
            kills.append(ko);
        }
        o.insert(QStringLiteral("kills"), kills);
        printOut(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)));
        return 0;
    }
    QString out;
    out += Texts::tr("Recording %1 (%2, format %3)\n")
               .arg(r.path, sizeText(r.fileBytes), r.meta.value(QStringLiteral("format_version")));
    out += Texts::tr("Server: %1, %2 (%3)\n")
               .arg(r.endpoint(), server.displayName(), server.flavorId());
    if (r.servers.size() > 1)
        out += Texts::tr("Connected %n time(s) (reconnects after losing the server).\n", nullptr,
                         int(r.servers.size()));
    out += Texts::tr("From %1 to %2: %3, %n sample(s)", nullptr, int(r.samples.size()))
               .arg(localTime(r.samples.front().epochMs), localTime(r.samples.back().epochMs),
                    spanText(span));
    out += Texts::tr(" (%n keyframe(s)), %1 per hour\n", nullptr, int(r.keyframes))
               .arg(sizeText(qint64(double(r.fileBytes) / hours)));
    if (r.meta.contains(QStringLiteral("trimmed_before_us")))
        out += Texts::tr("The oldest samples were dropped to stay under the size cap of %1.\n")
                   .arg(sizeText(r.meta.value(QStringLiteral("max_bytes")).toLongLong()));
    if (r.kills.isEmpty()) {
        out += Texts::tr("No kills.\n");
    } else {
        out += Texts::tr("%n kill(s):\n", nullptr, int(r.kills.size()));
        for (const KillRecord &k : r.kills) {
            const qint64 at = k.requestedUs - begin;
            QString line = QStringLiteral("  %1  %2 → %3@%4: %5")
                               .arg(spanText(at), k.statement, k.request.target.user,
                                    k.request.target.host, KillTracker::phaseText(k));
            if (k.endedUs >= 0 && k.requestedUs >= 0)
                line += Texts::tr(" after %1").arg(spanText(k.endedUs - k.requestedUs));
            const QString verdict = r.verdicts.value(k.serial);
            if (!verdict.isEmpty())
                line += Texts::tr(" (audit: %1)").arg(verdict);
            out += line + u'\n';
        }
    }
    printOut(out);
    return 0;
}

} // namespace ks
