#pragma once

#include "recordingfile.h"
#include "samplecodec.h"
#include "sessionsource.h"

#include <memory>

namespace ks {

// A recording as a SessionSource: a live session that has already happened. The window shows it
// as it shows the simulation and a live server (lanes, processlist at the playhead, kills,
// charts); nothing can be killed.
//
// Invariants: built from a Recording that RecordingFile::load() read (off the GUI thread);
// no SQL and no file I/O here. processlistAt(t) is the last recorded sample at or before t,
// decoded from the nearest keyframe (a cache makes playing forward decode one sample per step).
// Own connections are left out, as in the live window. kill() never sends anything: it reports
// why (problem()).
class RecordingSource : public SessionSource
{
    Q_OBJECT
public:
    explicit RecordingSource(Recording recording, QObject *parent = nullptr);
    ~RecordingSource() override;

    Kind kind() const override { return Kind::Recording; }
    QString flavorId() const override;
    bool canKill() const override { return false; }
    bool supportsKillStrength() const override { return false; }
    void kill(const KillRequest &request) override;
    const Timeline &timeline() const override { return m_recording.timeline; }
    QList<ProcesslistRow> processlistAt(qint64 timeUs) const override;
    QList<KillRecord> kills() const override { return m_recording.kills; }

    const Recording &recording() const { return m_recording; }
    QString path() const { return m_recording.path; }
    // Why kills are not possible here, for menus and messages.
    static QString whyNoKill();
    // The whole sample (own connections included) at or before timeUs; false before the first.
    bool sampleAt(qint64 timeUs, LiveSample *out, QString *error = nullptr) const;
    // Index of the last sample at or before timeUs; -1 before the first.
    int sampleIndexAt(qint64 timeUs) const;
    qint64 beginUs() const { return m_recording.beginUs(); }
    qint64 endUs() const { return m_recording.endUs(); }

private:
    bool decodeTo(int index, LiveSample *out, QString *error) const;

    Recording m_recording;
    mutable SampleCodec m_codec;
    mutable int m_cacheIndex = -1;
    mutable LiveSample m_cache;
};

} // namespace ks
