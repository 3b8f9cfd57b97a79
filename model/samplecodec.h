#pragma once

#include "livesample.h"

#include <QByteArray>
#include <QString>

namespace ks {

// Turns live samples into the compact payloads of a recording (resources/recording-schema.sql,
// table samples) and back: a keyframe holds the whole sample, every other payload only what
// changed against the sample before it.
//
// Layout (before zlib; integers are LEB128 varints, signed ones zig-zag encoded):
//   rowCount, then per row: zigzag(id - previous id in this payload), mask, the fields whose bit
//   is set in mask, in bit order (strings: byte length + UTF-8; progress: IEEE-754 bits as 8
//   little-endian bytes; booleans: the bit alone). Against the previous sample's row of the same
//   id a field is written only when it differs; a row the previous sample lacked (or any row of a
//   keyframe) has bit NewRow and is written against an empty row. TIME_MS is stored as the
//   statement's start (taken_us / 1000 - timeMs), which stays the same from sample to sample.
//   Then waitCount, per wait: zigzag(waiter), zigzag(blocker - waiter), kind; then the cost:
//   roundTripUs, clientCpuUs, rows, queries.
//
// Invariants: lossless — decode(encode(s)) == s for every field of ProcesslistRow that a
// sample carries (incarnation and firstSeenUs are the source's, not the server's, and are not
// stored), LockWait and SamplerCost. A delta decodes only against the very sample it was encoded
// against; the encoder and decoder each keep that previous sample. Damaged input never reads
// out of bounds and never allocates more than its own size allows: decode() fails with a reason.
class SampleCodec
{
public:
    // Encodes `sample` against the previous one given to encode() (or against nothing when
    // keyframe is true or nothing was encoded since reset()). Returns the uncompressed bytes.
    QByteArray encode(const LiveSample &sample, bool keyframe);
    // Decodes a payload of a sample taken at takenUs (see encode). False with *error on damage;
    // the previous sample is then unchanged.
    bool decode(const QByteArray &bytes, bool keyframe, qint64 takenUs, LiveSample *out,
                QString *error);
    void reset();
    bool hasPrevious() const { return m_hasPrevious; }

    // qCompress / qUncompress with a bound: a payload that claims more than maxBytes fails.
    static QByteArray compress(const QByteArray &raw);
    static bool uncompress(const QByteArray &packed, QByteArray *raw, QString *error,
                           qsizetype maxBytes = 256 * 1024 * 1024);

private:
    LiveSample m_previous;
    bool m_hasPrevious = false;
};

} // namespace ks
