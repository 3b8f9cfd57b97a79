#include "recordingsource.h"

#include <algorithm>

namespace ks {

RecordingSource::RecordingSource(Recording recording, QObject *parent)
    : SessionSource(parent)
    , m_recording(std::move(recording))
{}

RecordingSource::~RecordingSource() = default;

QString RecordingSource::flavorId() const
{
    const ServerInfo info = m_recording.server();
    return info.product == ServerInfo::Product::Unknown ? QStringLiteral("mariadb-10.11")
                                                        : info.flavorId();
}

QString RecordingSource::whyNoKill()
{
    return tr("This is a recording: its sessions ended long ago, so there is nothing to kill. "
              "Connect to the server (File ▸ Connect) to kill a session that exists now.");
}

void RecordingSource::kill(const KillRequest &)
{
    Q_EMIT problem(whyNoKill());
}

int RecordingSource::sampleIndexAt(qint64 timeUs) const
{
    const auto &s = m_recording.samples;
    const auto it = std::upper_bound(s.begin(), s.end(), timeUs,
                                     [](qint64 t, const StoredSample &x) { return t < x.takenUs; });
    return int(it - s.begin()) - 1;
}

bool RecordingSource::decodeTo(int index, LiveSample *out, QString *error) const
{
    const auto &s = m_recording.samples;
    if (index < 0 || index >= int(s.size()))
        return false;
    // From the cache when it is on the way, else from the keyframe at or before index.
    int from = index;
    while (from > 0 && !s[size_t(from)].keyframe)
        --from;
    if (m_cacheIndex >= from && m_cacheIndex <= index) {
        from = m_cacheIndex + 1;
    } else {
        m_codec.reset();
        m_cacheIndex = -1;
    }
    for (int i = from; i <= index; ++i) {
        QByteArray raw;
        LiveSample sample;
        const StoredSample &st = s[size_t(i)];
        if (!SampleCodec::uncompress(st.payload, &raw, error) ||
            !m_codec.decode(raw, st.keyframe, st.takenUs, &sample, error)) {
            m_codec.reset();
            m_cacheIndex = -1;
            return false;
        }
        sample.serial = quint64(st.serial);
        sample.startedUs = st.startedUs;
        m_cache = std::move(sample);
        m_cacheIndex = i;
    }
    *out = m_cache;
    return true;
}

bool RecordingSource::sampleAt(qint64 timeUs, LiveSample *out, QString *error) const
{
    return decodeTo(sampleIndexAt(timeUs), out, error);
}

QList<ProcesslistRow> RecordingSource::processlistAt(qint64 timeUs) const
{
    LiveSample s;
    if (!sampleAt(timeUs, &s))
        return {};
    QList<ProcesslistRow> rows;
    rows.reserve(s.rows.size());
    for (const ProcesslistRow &r : std::as_const(s.rows)) {
        if (!r.own)
            rows.append(r);
    }
    return rows;
}

} // namespace ks
